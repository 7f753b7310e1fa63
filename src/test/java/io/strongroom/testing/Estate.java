package io.strongroom.testing;

import io.strongroom.local.iam.AccessKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small, believable estate for console tests and screenshots, created through the real SDK
 * against a {@link RunningStore}: per account a set of secrets named as teams name them, with
 * owner/env/cost-center tags, some under a customer KMS key, some read, one scheduled for
 * deletion. Values are throwaway test strings.
 */
public final class Estate {

    /** Secret names per default account alias: (name, description, owner, cost-center). */
    static final Map<String, List<String[]>> CATALOG = Map.of(
            "security-audit", List.of(
                    new String[] {"security/siem/splunk-hec-token", "HEC token for CloudTrail and GuardDuty forwarding", "secops", "cc-1100"},
                    new String[] {"security/guardduty/slack-webhook", "Slack webhook for GuardDuty findings", "secops", "cc-1100"},
                    new String[] {"security/pagerduty/integration-key", "PagerDuty Events v2 routing key", "secops", "cc-1100"},
                    new String[] {"audit/athena/cloudtrail-reader", "Read-only Athena workgroup credentials", "audit", "cc-1120"},
                    new String[] {"security/okta/scim-token", "Okta SCIM provisioning token", "iam-team", "cc-1130"},
                    new String[] {"security/vault/recovery-shares", "Vault recovery key shares (break-glass)", "iam-team", "cc-1130"}),
            "payments-prod", List.of(
                    new String[] {"prod/payments/stripe-api-key", "Stripe restricted key for charges and refunds", "payments", "cc-2040"},
                    new String[] {"prod/payments/adyen-hmac-key", "Adyen webhook HMAC signing key", "payments", "cc-2040"},
                    new String[] {"prod/payments/postgres-primary", "RDS master credentials, payments cluster", "payments", "cc-2040"},
                    new String[] {"prod/ledger/kafka-sasl", "MSK SASL/SCRAM user for the ledger consumer", "ledger", "cc-2050"},
                    new String[] {"prod/checkout/paypal-client-secret", "PayPal REST client secret", "checkout", "cc-2060"},
                    new String[] {"prod/fraud/sift-api-key", "Sift Science API key", "fraud", "cc-2070"},
                    new String[] {"prod/payments/redis-auth", "ElastiCache AUTH token", "payments", "cc-2040"}),
            "analytics-dev", List.of(
                    new String[] {"analytics/redshift/etl-user", "Redshift ETL loader user", "data-eng", "cc-3010"},
                    new String[] {"analytics/snowflake/loader", "Snowflake key-pair for the nightly loader", "data-eng", "cc-3010"},
                    new String[] {"dev/airflow/fernet-key", "Airflow Fernet key for connection encryption", "data-platform", "cc-3020"},
                    new String[] {"dev/looker/api-credentials", "Looker API3 client", "bi", "cc-3030"},
                    new String[] {"analytics/segment/write-key", "Segment write key (dev source)", "data-eng", "cc-3010"}));

    private Estate() {}

    /** What was created, for assertions. */
    public record Created(int secrets, int scheduledForDeletion, List<String> names) {}

    /**
     * Creates the catalog in every default account and each of {@code regions}; per account and
     * region, the first secret uses a customer KMS key, the second has been read, and the last is
     * scheduled for deletion when {@code withDeletion}.
     */
    public static Created seed(RunningStore store, List<String> regions, boolean withDeletion) {
        int count = 0;
        int deleted = 0;
        List<String> names = new ArrayList<>();
        List<AccessKey> keys = store.store().accounts().adminKeys();
        var accounts = store.store().accounts().list();
        for (int a = 0; a < accounts.size(); a++) {
            String alias = accounts.get(a).alias();
            List<String[]> catalog = CATALOG.get(alias);
            if (catalog == null) {
                continue;
            }
            for (String region : regions) {
                SecretsManagerClient sm = store.secrets(keys.get(a), Region.of(region));
                KmsClient kms = store.kms(keys.get(a), Region.of(region));
                String cmk = kms.createKey(b -> b.description(alias + " secrets key")).keyMetadata().arn();
                for (int i = 0; i < catalog.size(); i++) {
                    String[] s = catalog.get(i);
                    String env = s[0].startsWith("prod/") ? "prod" : s[0].startsWith("dev/") ? "dev" : alias.endsWith("-dev") ? "dev" : "prod";
                    int n = i;
                    sm.createSecret(b -> {
                        b.name(s[0]).description(s[1])
                                .secretString("{\"username\":\"svc-" + n + "\",\"password\":\"test-only-" + n + "\"}")
                                .tags(Tag.builder().key("owner").value(s[2]).build(),
                                        Tag.builder().key("env").value(env).build(),
                                        Tag.builder().key("cost-center").value(s[3]).build());
                        if (n == 0) {
                            b.kmsKeyId(cmk);
                        }
                    });
                    count++;
                    names.add(s[0]);
                    if (i == 1) {
                        sm.getSecretValue(b -> b.secretId(s[0]));
                    }
                }
                if (withDeletion) {
                    String last = catalog.get(catalog.size() - 1)[0];
                    sm.deleteSecret(b -> b.secretId(last).recoveryWindowInDays(7L));
                    deleted++;
                }
            }
        }
        return new Created(count, deleted, names);
    }
}
