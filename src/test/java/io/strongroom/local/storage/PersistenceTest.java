package io.strongroom.local.storage;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user trusts the data directory with: it survives restarts, stays private, and refuses to be misread. */
class PersistenceTest {

    @TempDir
    Path dir;

    private static SecretsManagerClient client(LocalStore store, AccessKey key) {
        return RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key, Region.EU_WEST_1);
    }

    @Test
    void accountsAreListedInTheOrderTheyWereCreatedEvenWithinOneMillisecond() {
        java.time.Clock frozen = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withClock(frozen))) {
            assertEquals(io.strongroom.local.iam.Accounts.DEFAULT_ALIASES,
                    store.accounts().list().stream().map(io.strongroom.local.iam.LocalAccount::alias).toList());
        }
    }

    @Test
    void secretsVersionsAccountsKeysAndAuditSurviveARestart() {
        AccessKey key;
        String v1;
        PutSecretValueResponse v2;
        List<String> accountsBefore;
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            key = store.accounts().adminKeys().get(1);
            accountsBefore = store.accounts().list().stream().map(a -> a.accountId() + "/" + a.alias()).toList();
            try (SecretsManagerClient sm = client(store, key)) {
                v1 = sm.createSecret(b -> b.name("restart/db").secretString("first").tags(t -> t.key("k").value("v"))).versionId();
                v2 = sm.putSecretValue(b -> b.secretId("restart/db").secretString("second"));
            }
        }
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            assertEquals(accountsBefore, again.accounts().list().stream().map(a -> a.accountId() + "/" + a.alias()).toList());
            try (SecretsManagerClient sm = client(again, key)) {        // the same access key still signs
                assertEquals("second", sm.getSecretValue(b -> b.secretId("restart/db")).secretString());
                assertEquals("first", sm.getSecretValue(b -> b.secretId("restart/db").versionStage("AWSPREVIOUS")).secretString());
                var described = sm.describeSecret(b -> b.secretId("restart/db"));
                assertEquals(List.of("AWSPREVIOUS"), described.versionIdsToStages().get(v1));
                assertEquals(List.of("AWSCURRENT"), described.versionIdsToStages().get(v2.versionId()));
                assertEquals("v", described.tags().get(0).value());
            }
            var events = again.audit().lookup(new io.strongroom.local.audit.AuditLog.Query(key.accountId(), "eu-west-1",
                    "EventName", "CreateSecret", null, null, 50, null)).events();
            assertEquals(1, events.size(), "the audit trail of the first run is still there");
        }
    }

    @Test
    void theDataDirectoryAndRootKeyAreTheOwnersAlone() throws Exception {
        Path data = dir.resolve("fresh");
        try (LocalStore ignored = LocalStore.start(LocalStoreConfig.defaults(data))) {
            if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                        Files.getPosixFilePermissions(data));
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(data.resolve("root.key")));
            }
        }
    }

    @Test
    void aLostRootKeyStopsTheStoreWithAClearMessageInsteadOfFailingEveryRead() throws Exception {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            store.accounts().list();
        }
        Files.delete(dir.resolve("root.key"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalStore.start(LocalStoreConfig.defaults(dir)));
        assertTrue(e.getMessage().contains("does not belong to the database"), e.getMessage());
    }

    @Test
    void aDatabaseFromANewerStrongroomIsRefused() throws Exception {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            store.accounts().list();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("strongroom.db")); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + (Database.SCHEMA_VERSION + 1));
        }
        StorageException e = assertThrows(StorageException.class, () -> LocalStore.start(LocalStoreConfig.defaults(dir)));
        assertTrue(e.getMessage().contains("newer than this Strongroom understands"), e.getMessage());
    }

    @Test
    void aSecondStoreOnTheSameDataDirectoryIsRefusedUntilTheFirstCloses() {
        try (LocalStore first = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalStore.start(LocalStoreConfig.defaults(dir)));
            assertTrue(e.getMessage().contains("another Strongroom store is already using"), e.getMessage());
            assertEquals(3, first.accounts().list().size(), "the first store is unaffected");
        }
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            assertEquals(3, again.accounts().list().size());
        }
    }
}
