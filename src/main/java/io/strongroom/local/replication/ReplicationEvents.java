package io.strongroom.local.replication;

import java.time.Instant;

/** Where replication's service events go: the audit trail, as CloudTrail records them (AwsServiceEvent). */
@FunctionalInterface
public interface ReplicationEvents {

    /**
     * @param eventName    ReplicationStarted, ReplicationSucceeded or ReplicationFailed
     * @param region       the primary's region, where the event is recorded
     * @param replicaArn   the replica's ARN (the primary's, with the replica's region)
     * @param errorMessage the status message of a failure, else null
     */
    void record(String eventName, String accountId, String region, String primaryArn, String replicaArn, Instant at,
                String errorMessage);

    ReplicationEvents NONE = (eventName, accountId, region, primaryArn, replicaArn, at, errorMessage) -> { };
}
