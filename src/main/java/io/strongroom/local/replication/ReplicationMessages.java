package io.strongroom.local.replication;

import io.strongroom.local.secrets.ReplicaCopies;
import io.strongroom.local.wire.AwsException;

/**
 * The words of replication: status messages, CloudTrail event names and refusals, each with where
 * it comes from, so the ones that are our own choice can be corrected when AWS's are seen.
 */
final class ReplicationMessages {

    private ReplicationMessages() {}

    /**
     * CloudTrail's names for the service events of replication ("Log entries for replication" in
     * the Secrets Manager user guide's "AWS CloudTrail entries for Secrets Manager", recorded as
     * AwsServiceEvent like the rotation events).
     */
    static final String STARTED = "ReplicationStarted";
    static final String SUCCEEDED = "ReplicationSucceeded";
    static final String FAILED = "ReplicationFailed";

    /** AWS's text for an InSync replica (the AWS CLI's describe-secret example output). */
    static final String IN_SYNC = "Replication succeeded";

    /** What ReplicationStatus shows as KmsKeyId for a replica under the region's AWS managed key (the AWS CLI's examples). */
    static final String DEFAULT_KEY = "alias/aws/secretsmanager";

    /** The status message of a replication that failed for {@code failure}, in {@code region}. */
    static String failed(ReplicaCopies.CopyFailed failure, String region) {
        return switch (failure.failure()) {
            // AWS's text: the example StatusMessage of ReplicationStatusType in the API reference.
            case NAME_TAKEN -> "Secret with this name already exists in this region";
            // Ours, after the troubleshooting guide's cause "The KMS key is disabled or not found".
            case REPLICA_KEY_NOT_FOUND -> "Replication failed: The KMS key " + failure.key() + " was not found in " + region + ".";
            case REPLICA_KEY_UNUSABLE -> "Replication failed: The KMS key " + failure.key() + " is disabled or pending deletion.";
            case PRIMARY_KEY_UNUSABLE -> "Replication failed: Secrets Manager can't decrypt the secret in the primary Region: the KMS key "
                    + failure.key() + " is disabled or not found.";
            case PRIMARY_GONE -> "Replication failed: The primary secret no longer exists.";
        };
    }

    /** Ours: a region made to fail on purpose ({@link ReplicationFaults}), saying so. */
    static String injected(String region) {
        return "Replication failed: " + region + " is unavailable (a fault injected into this Strongroom store).";
    }

    /** Ours: a failure the store did not expect (logged), never a 5xx of the operation that asked for replication. */
    static final String INTERNAL = "Replication failed: An internal error occurred. Retry the replication.";

    /** AWS's text (SecretErrors.replicaInOwnRegion: quoted in Terraform logs); ours also for a region named twice in one request. */
    static AwsException invalidRegion() {
        return AwsException.invalidParameter("Invalid replica region.");
    }

    /** Ours: RemoveRegionsFromReplication naming a region the secret does not replicate to. */
    static AwsException notReplicatedTo(String region) {
        return AwsException.invalidParameter("The secret is not replicated to " + region + ".");
    }

    /** Ours: StopReplicationToReplica on a secret that is not a replica. */
    static AwsException notAReplica() {
        return AwsException.invalidRequest("The secret is not a replica secret. Call StopReplicationToReplica in the replica's Region.");
    }
}
