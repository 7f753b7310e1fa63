package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicatedSecret;

import java.util.Objects;

/**
 * One row of the replication map: a primary and its replicas. {@link #rank()} orders the map
 * failures first: a failed replica, then a primary that could not be read, then replication in
 * progress, then all in sync.
 */
public record ReplicationRow(ReplicatedSecret secret) {

    public ReplicationRow {
        Objects.requireNonNull(secret, "secret");
    }

    public String key() {
        return secret.arn();
    }

    public String name() {
        return secret.name() == null ? secret.arn() : secret.name();
    }

    public String accountAlias() {
        return secret.primaryScope().accountAlias();
    }

    public String accountId() {
        return secret.primaryScope().accountId();
    }

    public String primaryRegion() {
        return secret.primaryScope().region();
    }

    /** The replica in {@code region}, or null when the secret has none there. */
    public ReplicaStatus cell(String region) {
        return secret.replica(region);
    }

    public int rank() {
        if (secret.anyFailed()) {
            return 0;
        }
        if (secret.primaryError() != null) {
            return 1;
        }
        return secret.anyInProgress() ? 2 : 3;
    }
}
