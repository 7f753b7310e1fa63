package io.strongroom.service;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;

import java.util.List;
import java.util.Objects;

/**
 * Multi-region secrets: ReplicateSecretToRegions, RemoveRegionsFromReplication and
 * StopReplicationToReplica (the console calls them through the journaled mutations), and the
 * replication state of the scopes' secrets. A primary's replicas and their status are read with
 * DescribeSecret in the primary's scope; a replica names its primary's region.
 */
public final class ReplicationService {

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;

    public ReplicationService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
    }

    /** ReplicateSecretToRegions in the primary's scope. Returns the status AWS reports (new replicas InProgress). */
    public List<ReplicaStatus> replicate(Scope primaryScope, String secretId, List<ReplicaTarget> regions, boolean forceOverwrite) {
        List<ReplicaRegionType> add = regions.stream()
                .map(r -> ReplicaRegionType.builder().region(r.region()).kmsKeyId(r.kmsKeyId()).build()).toList();
        return Calls.call(limiters, primaryScope, QuotaClass.SECRETS_WRITE, () -> statuses(clients.secretsManager(primaryScope)
                .replicateSecretToRegions(b -> b.secretId(secretId).addReplicaRegions(add).forceOverwriteReplicaSecret(forceOverwrite))
                .replicationStatus()));
    }

    /** RemoveRegionsFromReplication in the primary's scope: the replicas there are deleted. Returns the remaining replicas. */
    public List<ReplicaStatus> removeRegions(Scope primaryScope, String secretId, List<String> regions) {
        return Calls.call(limiters, primaryScope, QuotaClass.SECRETS_WRITE, () -> statuses(clients.secretsManager(primaryScope)
                .removeRegionsFromReplication(b -> b.secretId(secretId).removeReplicaRegions(regions))
                .replicationStatus()));
    }

    /** StopReplicationToReplica in the replica's own scope: it becomes a standalone secret. Returns its ARN. */
    public String promote(Scope replicaScope, String secretId) {
        return Calls.call(limiters, replicaScope, QuotaClass.SECRETS_WRITE, () -> clients.secretsManager(replicaScope)
                .stopReplicationToReplica(b -> b.secretId(secretId)).arn());
    }

    /** The SDK's replication status as the domain's. */
    static List<ReplicaStatus> statuses(List<ReplicationStatusType> statuses) {
        return statuses == null ? List.of() : statuses.stream()
                .map(r -> new ReplicaStatus(r.region(), r.kmsKeyId(), r.statusAsString(), r.statusMessage(), r.lastAccessedDate()))
                .toList();
    }
}
