package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo estate's multi-Region secrets: a few of its us-east-1 secrets replicated to one to three
 * of the demo's other regions, as a disaster-recovery setup would have them. All replicas end
 * InSync but one: prod/payments/stripe-api-key's replica in eu-west-1 ends Failed, because the
 * estate already has a secret of that name there (AWS: "Secret with this name already exists in
 * this region"), so the console's Replication view has a failure to show.
 */
final class DemoReplication {

    private static final System.Logger LOG = System.getLogger(DemoReplication.class.getName());
    static final String PRIMARY_REGION = "us-east-1";
    /** How long seeding waits for the replicas to settle (they take milliseconds). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** One primary and the regions it replicates to, each with the key asked for there (null: that region's aws/secretsmanager). */
    record Plan(String accountAlias, String name, List<String> regions, Map<String, String> keys) {
        Plan(String accountAlias, String name, List<String> regions) {
            this(accountAlias, name, regions, Map.of());
        }
    }

    /** Secrets that exist in us-east-1 only (but stripe-api-key, which the estate also has in eu-west-1: the failure). */
    static final List<Plan> PLANS = List.of(
            new Plan("payments-prod", "prod/orders/db-credentials", List.of("us-west-2", "eu-west-1"),
                    Map.of("eu-west-1", "alias/payments-prod-secrets")),
            new Plan("payments-prod", "ci/terraform/cloud-token", List.of("us-west-2")),
            new Plan("payments-prod", "prod/card-vault/db-credentials", List.of("us-west-2", "ap-southeast-2")),
            new Plan("payments-prod", "prod/payments/stripe-api-key", List.of("us-west-2", "eu-west-1")),
            new Plan("analytics-dev", "analytics/redshift/admin", List.of("us-west-2")));

    private DemoReplication() {}

    /** Replicates the planned primaries (those whose account is seeded) and waits for the replicas to settle; how many regions were asked for. */
    static int seed(LocalStore store, Map<String, LocalAccount> accounts, Instant now) {
        int requested = 0;
        for (Plan p : PLANS) {
            LocalAccount account = accounts.get(p.accountAlias());
            if (account == null) {
                continue;
            }
            try {
                store.invoke(account.accountId(), PRIMARY_REGION, now.minus(Duration.ofDays(21)), "secretsmanager",
                        "ReplicateSecretToRegions", ReplicateSecretToRegionsRequest.builder().secretId(p.name())
                                .addReplicaRegions(p.regions().stream()
                                        .map(r -> ReplicaRegionType.builder().region(r).kmsKeyId(p.keys().get(r)).build()).toList())
                                .build());
                requested += p.regions().size();
            } catch (AwsException e) {
                LOG.log(System.Logger.Level.WARNING, "the demo did not replicate " + p.name() + ": " + e.code());
            }
        }
        try {
            if (!store.replication().awaitIdle(SETTLE)) {
                LOG.log(System.Logger.Level.WARNING, "the demo's replicas did not settle within " + SETTLE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return requested;
    }

    /**
     * Removes the replicas of every primary in {@code accountId}: AWS deletes neither a primary
     * that has replicas nor a replica, so removing the estate starts here. A replica goes at once.
     */
    static void detach(LocalStore store, String accountId, String region, Instant now) {
        String token = null;
        do {
            ListSecretsResponse page = store.invoke(accountId, region, now, "secretsmanager", "ListSecrets", ListSecretsRequest.builder()
                    .includePlannedDeletion(true).maxResults(100).nextToken(token)
                    .filters(Filter.builder().key(FilterNameStringType.PRIMARY_REGION).values(region).build()).build());
            for (SecretListEntry s : page.secretList()) {
                if (!DemoEstate.isDemo(s) || !region.equals(s.primaryRegion())) {
                    continue;
                }
                DescribeSecretResponse d = store.invoke(accountId, region, now, "secretsmanager", "DescribeSecret",
                        DescribeSecretRequest.builder().secretId(s.arn()).build());
                List<String> regions = d.replicationStatus().stream().map(ReplicationStatusType::region).toList();
                if (!regions.isEmpty()) {
                    store.invoke(accountId, region, now, "secretsmanager", "RemoveRegionsFromReplication",
                            RemoveRegionsFromReplicationRequest.builder().secretId(s.arn()).removeReplicaRegions(regions).build());
                }
            }
            token = page.nextToken();
        } while (token != null);
    }
}
