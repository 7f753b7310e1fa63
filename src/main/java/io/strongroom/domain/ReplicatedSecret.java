package io.strongroom.domain;

import java.util.List;
import java.util.Objects;

/**
 * One multi-region secret as the replication map shows it: its primary and the primary's
 * replicas with their status, as DescribeSecret on the primary reports them.
 *
 * <p>A replica found in a chosen scope whose primary's region is not chosen is described through
 * the primary's region in the replica's own account (same account, endpoint and credentials); if
 * that fails, the secret is still shown, from what the replica says: {@link #primaryError} is
 * set and {@link #replicas} holds the replicas seen, each with a null status.
 *
 * @param primaryScope  the primary's account and region
 * @param arn           the primary's ARN
 * @param primaryChosen whether the primary's scope is one of the chosen scopes
 * @param primaryError  why the primary could not be described, or null
 */
public record ReplicatedSecret(Scope primaryScope, String arn, String name, String kmsKeyId, List<ReplicaStatus> replicas,
                               boolean primaryChosen, ScopeError primaryError) {

    public static final String IN_SYNC = "InSync";
    public static final String IN_PROGRESS = "InProgress";
    public static final String FAILED = "Failed";

    public ReplicatedSecret {
        Objects.requireNonNull(primaryScope, "primaryScope");
        Objects.requireNonNull(arn, "arn");
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** The replica in {@code region}, or null. */
    public ReplicaStatus replica(String region) {
        return replicas.stream().filter(r -> region.equals(r.region())).findFirst().orElse(null);
    }

    /** How many replicas have {@code status} (InSync, InProgress, Failed). */
    public long count(String status) {
        return replicas.stream().filter(r -> status.equals(r.status())).count();
    }

    public boolean anyInProgress() {
        return count(IN_PROGRESS) > 0;
    }

    public boolean anyFailed() {
        return count(FAILED) > 0;
    }
}
