package io.strongroom.service.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.Scope;
import io.strongroom.service.journal.SecretMutation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One replication change as the exact calls it makes, in order, each a journaled
 * {@link SecretMutation} with all of its parameters, so the console can show them before they run
 * and then run them one by one (stopping at the first refusal).
 *
 * <p>A failed replica is retried as AWS has it done: RemoveRegionsFromReplication for its region,
 * then ReplicateSecretToRegions to that region again with the key it had, with
 * ForceOverwriteReplicaSecret when the failure was a secret of the same name in that region.
 */
public record ReplicaPlan(Kind kind, List<SecretMutation<?>> calls) {

    /** What the plan does. */
    public enum Kind { ADD, REMOVE, RETRY, PROMOTE }

    /**
     * The start of AWS's status message for a replica that failed because the region already holds
     * a secret of the same name ({@code ReplicationStatusType.StatusMessage}'s documented example).
     */
    public static final String SAME_NAME_MESSAGE = "Secret with this name already exists in this region";

    /** How ReplicationStatus names a replica's key when it is the region's AWS managed key. */
    public static final String DEFAULT_KEY_ALIAS = "alias/aws/secretsmanager";

    public ReplicaPlan {
        Objects.requireNonNull(kind, "kind");
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a plan makes at least one call");
        }
    }

    /** ReplicateSecretToRegions on the primary, to {@code targets} (each with its key). */
    public static ReplicaPlan add(Scope primaryScope, String secretId, List<ReplicaTarget> targets, boolean forceOverwrite) {
        return new ReplicaPlan(Kind.ADD, List.of(new SecretMutation.Replicate(primaryScope, secretId, targets, forceOverwrite)));
    }

    /** RemoveRegionsFromReplication on the primary: the replica in {@code region} is deleted. */
    public static ReplicaPlan remove(Scope primaryScope, String secretId, String region) {
        return new ReplicaPlan(Kind.REMOVE, List.of(new SecretMutation.RemoveReplicaRegions(primaryScope, secretId, List.of(region))));
    }

    /** StopReplicationToReplica in the replica's own scope: it becomes a standalone secret. */
    public static ReplicaPlan promote(Scope replicaScope, String replicaId) {
        return new ReplicaPlan(Kind.PROMOTE, List.of(new SecretMutation.PromoteReplica(replicaScope, replicaId)));
    }

    /** Remove the failed replica's region, then replicate to it again with the key it had (forcing over a same-name secret). */
    public static ReplicaPlan retry(Scope primaryScope, String secretId, ReplicaStatus failed) {
        Objects.requireNonNull(failed, "failed");
        return new ReplicaPlan(Kind.RETRY, List.of(
                new SecretMutation.RemoveReplicaRegions(primaryScope, secretId, List.of(failed.region())),
                new SecretMutation.Replicate(primaryScope, secretId, List.of(new ReplicaTarget(failed.region(), keyOf(failed))),
                        sameNameFailure(failed))));
    }

    /** The key to ask for again: none (the region's aws/secretsmanager, the default) when it was that one. */
    private static String keyOf(ReplicaStatus replica) {
        return DEFAULT_KEY_ALIAS.equals(replica.kmsKeyId()) ? null : replica.kmsKeyId();
    }

    /** Whether {@code replica} failed because its region already holds a secret of the same name. */
    public static boolean sameNameFailure(ReplicaStatus replica) {
        return replica != null && replica.statusMessage() != null
                && replica.statusMessage().toLowerCase(Locale.ROOT).contains("already exists");
    }
}
