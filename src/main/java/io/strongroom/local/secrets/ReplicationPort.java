package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaRequest;

import java.util.List;

/**
 * What the Secrets Manager API asks of multi-Region replication, which lives in
 * {@code local.replication} (that package depends on this one, never the other way): the three
 * replication operations, a primary's ReplicationStatus for DescribeSecret, and the news that a
 * secret changed, so that the change reaches its replicas.
 */
public interface ReplicationPort {

    SdkPojo replicateSecretToRegions(RequestContext ctx, ReplicateSecretToRegionsRequest request);

    SdkPojo removeRegionsFromReplication(RequestContext ctx, RemoveRegionsFromReplicationRequest request);

    SdkPojo stopReplicationToReplica(RequestContext ctx, StopReplicationToReplicaRequest request);

    /** Checks CreateSecret's AddReplicaRegions before the secret is created, refusing as AWS does. */
    void checkRegions(RequestContext ctx, List<ReplicaRegionType> regions);

    /** CreateSecret with AddReplicaRegions, once the new secret is committed: starts replicating it; the regions' status. */
    List<ReplicationStatusType> start(RequestContext ctx, String primaryArn, List<ReplicaRegionType> regions, boolean forceOverwrite);

    /** A primary's ReplicationStatus in the order its regions were added; empty for a secret that replicates nowhere. */
    List<ReplicationStatusType> statusOf(String primaryArn);

    /** The regions a primary replicates to (DeleteSecret refuses a primary that has any). */
    List<String> regionsOf(String primaryArn);

    /** A secret's change was committed: if it is a primary, its replicas get it, asynchronously. */
    void changed(String secretArn);

    /** No replication: the operations are refused as not supported (a store built without it). */
    ReplicationPort NONE = new ReplicationPort() {
        @Override
        public SdkPojo replicateSecretToRegions(RequestContext ctx, ReplicateSecretToRegionsRequest request) {
            throw SecretErrors.notYet("ReplicateSecretToRegions");
        }

        @Override
        public SdkPojo removeRegionsFromReplication(RequestContext ctx, RemoveRegionsFromReplicationRequest request) {
            throw SecretErrors.notYet("RemoveRegionsFromReplication");
        }

        @Override
        public SdkPojo stopReplicationToReplica(RequestContext ctx, StopReplicationToReplicaRequest request) {
            throw SecretErrors.notYet("StopReplicationToReplica");
        }

        @Override
        public void checkRegions(RequestContext ctx, List<ReplicaRegionType> regions) {
            throw SecretErrors.notYet("Replication (AddReplicaRegions)");
        }

        @Override
        public List<ReplicationStatusType> start(RequestContext ctx, String primaryArn, List<ReplicaRegionType> regions, boolean force) {
            return List.of();
        }

        @Override
        public List<ReplicationStatusType> statusOf(String primaryArn) {
            return List.of();
        }

        @Override
        public List<String> regionsOf(String primaryArn) {
            return List.of();
        }

        @Override
        public void changed(String secretArn) {
        }
    };
}
