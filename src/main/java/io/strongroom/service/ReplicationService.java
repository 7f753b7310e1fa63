package io.strongroom.service;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.replication.ReplicaArns;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Multi-region secrets: ReplicateSecretToRegions, RemoveRegionsFromReplication and
 * StopReplicationToReplica (the console calls them through the journaled mutations), and the
 * replication state of the scopes' secrets. A primary's replicas and their status are read with
 * DescribeSecret in the primary's scope; a replica names its primary's region.
 *
 * <p>The replication map ({@link #map}) lists every chosen scope (ListSecrets, paced as
 * {@link QuotaClass#SECRETS_LIST}) and keeps the secrets with a {@code PrimaryRegion}: a primary
 * (its primary region is its scope's) is described in its scope for its {@code ReplicationStatus};
 * a replica whose primary's region is chosen too is left to that scope; a replica whose primary's
 * region is not chosen is described through a scope built for the primary's region in the
 * replica's own account (same endpoint and credentials), and shown from the replica alone, with
 * the error, when that fails (denied, say).
 */
public final class ReplicationService {

    /** ListSecrets' largest page. */
    static final int LIST_PAGE_SIZE = 100;

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

    /**
     * The multi-region secrets of {@code scopes}, one {@link ReplicatedSecret} per primary, streamed
     * page by page (a page of ListSecrets, its primaries described). Errors stay per scope; a primary
     * that cannot be described is still delivered, with its error. A primary outside the chosen
     * scopes may be delivered more than once when it could not be described (once per replica seen).
     */
    public FanOut.Handle map(Collection<Scope> scopes, FanOut.Listener<ReplicatedSecret> listener) {
        Set<String> chosen = scopes.stream().map(Scope::id).collect(Collectors.toSet());
        Set<String> describedOutside = ConcurrentHashMap.newKeySet();
        return fanOut.run(scopes, (scope, pages) -> {
            SecretsManagerClient sm = clients.secretsManager(scope);
            String token = null;
            do {
                pages.acquire(QuotaClass.SECRETS_LIST);
                ListSecretsResponse page = sm.listSecrets(ListSecretsRequest.builder().maxResults(LIST_PAGE_SIZE).nextToken(token).build());
                List<ReplicatedSecret> found = new ArrayList<>();
                for (SecretListEntry e : page.secretList()) {
                    String primaryRegion = e.primaryRegion();
                    if (primaryRegion == null || primaryRegion.isEmpty()) {
                        continue;
                    }
                    if (primaryRegion.equals(scope.region())) {
                        pages.acquire(QuotaClass.SECRETS_READ);
                        ReplicatedSecret primary = describeListed(scope, e.arn(), e.name(), e.kmsKeyId(), true);
                        if (primary != null) {
                            found.add(primary);
                        }
                        continue;
                    }
                    Scope primaryScope = new Scope(scope.account(), primaryRegion);
                    String primaryArn = ReplicaArns.inRegion(e.arn(), primaryRegion);
                    if (chosen.contains(primaryScope.id()) || describedOutside.contains(primaryArn)) {
                        continue;
                    }
                    limiters.acquire(primaryScope, QuotaClass.SECRETS_READ);
                    ReplicatedSecret primary = describeListed(primaryScope, primaryArn, e.name(), null, false);
                    if (primary == null) {
                        continue;
                    }
                    if (primary.primaryError() == null) {
                        describedOutside.add(primaryArn);
                    } else {
                        primary = new ReplicatedSecret(primaryScope, primaryArn, e.name(), null,
                                List.of(new ReplicaStatus(scope.region(), e.kmsKeyId(), null, null, e.lastAccessedDate())), false,
                                primary.primaryError());
                    }
                    found.add(primary);
                }
                pages.emit(found);
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }, listener);
    }

    /** DescribeSecret on a primary, as the map shows it (for following replicas while they are InProgress). */
    public ReplicatedSecret describe(Scope primaryScope, String secretId) {
        return Calls.call(limiters, primaryScope, QuotaClass.SECRETS_READ, () -> replicated(primaryScope,
                clients.secretsManager(primaryScope).describeSecret(b -> b.secretId(secretId)), true));
    }

    /** A listed primary described; with its error when that fails, null when it is gone since it was listed. */
    private ReplicatedSecret describeListed(Scope scope, String arn, String name, String kmsKeyId, boolean chosen) {
        try {
            return replicated(scope, clients.secretsManager(scope).describeSecret(b -> b.secretId(arn)), chosen);
        } catch (RuntimeException ex) {
            ScopeError error = ScopeErrors.of(scope, ex);
            if (error.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw ex;
            }
            if ("ResourceNotFoundException".equals(error.errorCode())) {
                return null;
            }
            return new ReplicatedSecret(scope, arn, name, kmsKeyId, List.of(), chosen, error);
        }
    }

    private static ReplicatedSecret replicated(Scope scope, DescribeSecretResponse d, boolean chosen) {
        return new ReplicatedSecret(scope, d.arn(), d.name(), d.kmsKeyId(),
                d.hasReplicationStatus() ? statuses(d.replicationStatus()) : List.of(), chosen, null);
    }

    /** The SDK's replication status as the domain's. */
    static List<ReplicaStatus> statuses(List<ReplicationStatusType> statuses) {
        return statuses == null ? List.of() : statuses.stream()
                .map(r -> new ReplicaStatus(r.region(), r.kmsKeyId(), r.statusAsString(), r.statusMessage(), r.lastAccessedDate()))
                .toList();
    }
}
