package io.strongroom.local.secrets;

import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.storage.Database;

import java.time.Clock;
import java.time.Instant;

public final class SecretStore {
    public SecretStore(Database db, KmsKeys keys, Clock clock) {}
    public int deleteDue(Instant now) { return 0; }
}
