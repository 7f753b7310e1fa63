package io.strongroom.testing;

import io.strongroom.local.AdjustableClock;
import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An embedded store started for one test class in its own temporary data directory, with an
 * adjustable clock and real SDK clients signed with the first account's admin key. Everything
 * it opened is closed and deleted by {@link #close()}.
 */
public final class RunningStore implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;

    private final Path dataDir;
    private final AdjustableClock clock = new AdjustableClock();
    private final LocalStore store;
    private final List<AutoCloseable> clients = new ArrayList<>();

    public RunningStore() {
        this(c -> c);
    }

    public RunningStore(UnaryOperator<LocalStoreConfig> tweak) {
        try {
            dataDir = Files.createTempDirectory("strongroom-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public StsClient sts(AccessKey key, Region region) {
        return configure(StsClient.builder(), key, region);
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
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        store.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
