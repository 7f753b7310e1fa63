package io.strongroom.testing;

import io.strongroom.local.AdjustableClock;
import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An embedded store in its own temporary data directory, with an adjustable clock and real SDK
 * clients signed with the first account's admin key. Everything it opened is closed and deleted
 * by {@link #close()}.
 *
 * <p>A test that needs a store of its own builds one with the constructor and closes it. A test
 * class that shares one store between its tests registers {@link #perClass()} instead:
 * <pre>
 * &#64;RegisterExtension
 * static final RunningStore store = RunningStore.perClass();
 * </pre>
 * which starts the store before the class's first test (and before its {@code @BeforeAll}
 * methods) and closes it after its last, its {@code @Nested} classes included. Registered in an
 * abstract base class, each subclass gets a store of its own, started afresh.
 */
public final class RunningStore implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final Region REGION = Region.US_EAST_1;

    private final UnaryOperator<LocalStoreConfig> tweak;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Path dataDir;
    private AdjustableClock clock;
    private LocalStore store;
    /** How many test classes (a class and its nested ones) are running on a per-class store. */
    private int classesRunning;

    public RunningStore() {
        this(c -> c);
    }

    public RunningStore(UnaryOperator<LocalStoreConfig> tweak) {
        this(tweak, true);
    }

    private RunningStore(UnaryOperator<LocalStoreConfig> tweak, boolean startNow) {
        this.tweak = tweak;
        if (startNow) {
            start();
        }
    }

    /** A store for {@code @RegisterExtension} on a static field: it starts with the test class. */
    public static RunningStore perClass() {
        return perClass(c -> c);
    }

    /** {@link #perClass()} with a configuration of its own. */
    public static RunningStore perClass(UnaryOperator<LocalStoreConfig> tweak) {
        return new RunningStore(tweak, false);
    }

    private void start() {
        try {
            dataDir = Files.createTempDirectory("strongroom-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clock = new AdjustableClock();
        store = LocalStore.start(tweak.apply(LocalStoreConfig.defaults(dataDir).withClock(clock)));
    }

    public LocalStore store() {
        return store;
    }

    public AdjustableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The admin key of the n-th local account (0-based, in creation order). */
    public AccessKey adminKey(int account) {
        return store.accounts().adminKeys().get(account);
    }

    public SecretsManagerClient secrets() {
        return secrets(adminKey(0), REGION);
    }

    public SecretsManagerClient secrets(AccessKey key, Region region) {
        return configure(SecretsManagerClient.builder(), key, region);
    }

    public KmsClient kms() {
        return kms(adminKey(0), REGION);
    }

    public KmsClient kms(AccessKey key, Region region) {
        return configure(KmsClient.builder(), key, region);
    }

    public CloudTrailClient cloudTrail() {
        return cloudTrail(adminKey(0), REGION);
    }

    public CloudTrailClient cloudTrail(AccessKey key, Region region) {
        return configure(CloudTrailClient.builder(), key, region);
    }

    public LambdaClient lambda() {
        return lambda(adminKey(0), REGION);
    }

    public LambdaClient lambda(AccessKey key, Region region) {
        return configure(LambdaClient.builder(), key, region);
    }

    public StsClient sts(AccessKey key, Region region) {
        return configure(StsClient.builder(), key, region);
    }

    /**
     * A new user of {@code accountId} (a name of its own) allowed nothing but {@code inlinePolicy}
     * (nothing at all when null), and its access key.
     */
    public AccessKey userWithPolicy(String accountId, String inlinePolicy) {
        AccessKey key = store.accounts().createUser(accountId, "user-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                java.util.List.of());
        if (inlinePolicy != null) {
            store.accounts().iam().putInlinePolicy(key.principalArn(), "test", inlinePolicy);
        }
        return key;
    }

    /**
     * An IAM client for {@code key}, closed with this store. IAM is global: it is signed for
     * us-east-1 (an SDK client for {@code AWS_GLOBAL} would sign for "aws-global", which no
     * endpoint accepts).
     */
    public software.amazon.awssdk.services.iam.IamClient iam(AccessKey key) {
        return configure(software.amazon.awssdk.services.iam.IamClient.builder(), key, Region.US_EAST_1);
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C configure(B builder, AccessKey key, Region region) {
        C client = client(builder, store.endpoint(), key, region);
        clients.add(client);
        return client;
    }

    /** A client for {@code endpoint} that never retries: a test must see the first answer the store gives. */
    public static <B extends AwsClientBuilder<B, C>, C> C client(B builder, java.net.URI endpoint, AccessKey key, Region region) {
        return builder
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class runs the callbacks of the class around it again: it shares that store.
        if (classesRunning++ == 0) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classesRunning == 0) {
            close();
        }
    }

    @Override
    public void close() {
        Quietly.closeAll(clients);
        clients.clear();
        store.close();
        Quietly.deleteTree(dataDir);
    }
}
