package io.strongroom.local.replication;

import java.time.Instant;

/**
 * One region a primary replicates to, as the store keeps it: the key asked for there (as named;
 * null for that region's aws/secretsmanager), the status DescribeSecret shows, and the generation
 * of the primary's changes it was last asked to carry.
 */
record ReplicaLink(String primaryArn, String region, String kmsKeyRef, String status, String statusMessage, long generation,
                   boolean forceOverwrite, Instant addedAt) {

    static final String IN_PROGRESS = "InProgress";
    static final String IN_SYNC = "InSync";
    static final String FAILED = "Failed";
}
