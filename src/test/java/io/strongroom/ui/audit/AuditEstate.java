package io.strongroom.ui.audit;

import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.service.audit.AuditService;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit trail of a small estate, made by real calls to the embedded store over the SDK, in
 * the first account's eu-west-1 (IAM and STS calls land in us-east-1, so that scope holds Secrets
 * Manager's events only). Two hours apart:
 * <ul>
 *   <li>at {@link #early}: the admin creates four secrets; a user allowed only {@code app/*}
 *       reads app/orders-db three times and app/api-key twice, and is refused
 *       prod/payments/stripe-api-key twice (AccessDenied);</li>
 *   <li>at {@link #late}: the role {@code ci-deployer}, as session {@code build-7}, reads the
 *       Stripe key four times, batch-reads both app secrets (one BatchGetSecretValue and a
 *       GetSecretValue per secret), puts a value in prod/payments/ledger-db and describes the
 *       Stripe key; the admin reads the ledger database once.</li>
 * </ul>
 * The second account is reached by a user allowed nothing: its lookups are refused. Values are
 * throwaway test strings.
 */
final class AuditEstate implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final String ORDERS = "app/orders-db";
    static final String API_KEY = "app/api-key";
    static final String STRIPE = "prod/payments/stripe-api-key";
    static final String LEDGER = "prod/payments/ledger-db";
    /** Events in the first account's eu-west-1: 11 early, 10 late. */
    static final int EVENTS = 21;

    final ServiceStack stack;
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final AuditService audit;
    final Scope scope;
    final Scope denied;
    final Map<String, String> arns = new LinkedHashMap<>();
    final String readerArn;
    final String sessionArn;
    final String adminArn;
    final Instant early;
    final Instant late;

    private AuditEstate() {
        stack = ServiceStack.start(4, 1);
        audit = new AuditService(stack.clients(), new FanOut(pool, 4, new RateLimiters(TimeSource.system())));
        scope = stack.scope(0, REGION);
        denied = stack.scope(1, REGION);
        RunningStore store = stack.store();
        AccessKey admin = store.adminKey(0);
        String account = admin.accountId();
        adminArn = admin.principalArn();
        SecretsManagerClient sm = store.secrets(admin, Region.EU_WEST_1);

        early = store.clock().instant();
        for (String name : List.of(ORDERS, API_KEY, STRIPE, LEDGER)) {
            arns.put(name, sm.createSecret(b -> b.name(name).secretString("test-only-" + name.hashCode())).arn());
        }
        AccessKey reader = store.userWithPolicy(account, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue",
                 "Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}""");
        readerArn = reader.principalArn();
        SecretsManagerClient asReader = store.secrets(reader, Region.EU_WEST_1);
        for (int i = 0; i < 3; i++) {
            asReader.getSecretValue(b -> b.secretId(ORDERS));
        }
        for (int i = 0; i < 2; i++) {
            asReader.getSecretValue(b -> b.secretId(API_KEY));
            SecretsManagerException refused = assertThrows(SecretsManagerException.class,
                    () -> asReader.getSecretValue(b -> b.secretId(arns.get(STRIPE))));
            assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
        }

        store.clock().advance(Duration.ofHours(2));
        late = store.clock().instant();
        IamClient iam = store.iam(admin);
        iam.createRole(r -> r.roleName("ci-deployer").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(account)));
        iam.putRolePolicy(r -> r.roleName("ci-deployer").policyName("deploy").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}"""));
        Credentials session = store.sts(admin, Region.US_EAST_1)
                .assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ci-deployer").roleSessionName("build-7")).credentials();
        sessionArn = "arn:aws:sts::" + account + ":assumed-role/ci-deployer/build-7";
        try (SecretsManagerClient asRole = SecretsManagerClient.builder().endpointOverride(store.store().endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(session.accessKeyId(),
                        session.secretAccessKey(), session.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(r -> r.maxAttempts(1)).build())
                .build()) {
            for (int i = 0; i < 4; i++) {
                asRole.getSecretValue(b -> b.secretId(STRIPE));
            }
            asRole.batchGetSecretValue(b -> b.secretIdList(ORDERS, API_KEY));
            asRole.putSecretValue(b -> b.secretId(LEDGER).secretString("test-only-next"));
            asRole.describeSecret(b -> b.secretId(STRIPE));
        }
        sm.getSecretValue(b -> b.secretId(LEDGER));
    }

    static AuditEstate start() {
        return new AuditEstate();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        stack.close();
    }
}
