package io.strongroom.bench;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replication lag: the time from PutSecretValue on a primary (us-east-1) to the new value being
 * readable with GetSecretValue in each of its three replica regions, over 200 updates, against
 * the embedded store over HTTP with the AWS SDK. One poller per replica region asks again every
 * millisecond from the moment the put returns. Baseline in the same run: PutSecretValue followed
 * by GetSecretValue in the primary's region (what a value's round trip costs with no replication).
 * <pre>
 *   mvn -q -o test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.ReplicationBenchmark"
 * </pre>
 */
public final class ReplicationBenchmark {

    static final int UPDATES = 200;
    static final int WARMUP = 30;
    static final List<Region> REPLICAS = List.of(Region.US_WEST_2, Region.EU_WEST_1, Region.AP_SOUTHEAST_2);
    /** Updates go round-robin over this many secrets: AWS keeps at most about 100 versions of one secret a day. */
    static final int SECRETS = 10;

    public static void main(String[] args) throws Exception {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(Files.createTempDirectory("strongroom-bench-replication-")))) {
            AccessKey key = store.accounts().adminKeys().get(0);
            SecretsManagerClient primary = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key, Region.US_EAST_1);
            List<SecretsManagerClient> replicas = new ArrayList<>();
            for (Region r : REPLICAS) {
                replicas.add(RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key, r));
            }
            for (int n = 0; n < SECRETS; n++) {
                String replicated = "bench/replicated-" + n;
                primary.createSecret(b -> b.name(replicated).secretString("value-0"));
                primary.replicateSecretToRegions(b -> b.secretId(replicated)
                        .addReplicaRegions(REPLICAS.stream().map(r -> ReplicaRegionType.builder().region(r.id()).build()).toList()));
                String single = "bench/single-" + n;
                primary.createSecret(b -> b.name(single).secretString("value-0"));
            }
            if (!store.replication().awaitIdle(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the replicas did not settle");
            }

            ExecutorService pollers = Executors.newFixedThreadPool(REPLICAS.size());
            double[][] lag = new double[REPLICAS.size()][UPDATES];
            double[] baseline = new double[UPDATES];
            for (int i = -WARMUP; i < UPDATES; i++) {
                String value = "value-" + (i + WARMUP + 1);
                String replicated = "bench/replicated-" + Math.floorMod(i, SECRETS);
                String single = "bench/single-" + Math.floorMod(i, SECRETS);
                long start = System.nanoTime();
                primary.putSecretValue(b -> b.secretId(single).secretString(value));
                if (!value.equals(primary.getSecretValue(b -> b.secretId(single)).secretString())) {
                    throw new IllegalStateException("the primary region did not read its own write");
                }
                double roundTrip = (System.nanoTime() - start) / 1e6;

                long put = System.nanoTime();
                primary.putSecretValue(b -> b.secretId(replicated).secretString(value));
                List<Future<Double>> seen = new ArrayList<>();
                for (SecretsManagerClient replica : replicas) {
                    seen.add(pollers.submit(() -> {
                        while (!value.equals(replica.getSecretValue(b -> b.secretId(replicated)).secretString())) {
                            Thread.sleep(1);
                        }
                        return (System.nanoTime() - put) / 1e6;
                    }));
                }
                for (int r = 0; r < REPLICAS.size(); r++) {
                    double ms = seen.get(r).get();
                    if (i >= 0) {
                        lag[r][i] = ms;
                    }
                }
                if (i >= 0) {
                    baseline[i] = roundTrip;
                }
            }
            pollers.shutdown();

            double base50 = percentile(baseline, 50);
            StringBuilder rows = new StringBuilder();
            for (int r = 0; r < REPLICAS.size(); r++) {
                double p50 = percentile(lag[r], 50);
                rows.append(String.format(Locale.ROOT, "| readable in %s (replica) | %.1f ms | %.1f ms | %.2f× |%n",
                        REPLICAS.get(r).id(), p50, percentile(lag[r], 99), p50 / base50));
            }
            System.out.printf(Locale.ROOT, """

                    ### Replication lag: PutSecretValue on the primary → the new value readable in each replica region

                    %d updates, round-robin over %d secrets in us-east-1 each replicated to 3 regions, after %d warm-up updates; embedded store,
                    AWS SDK over HTTP, one GetSecretValue poller per replica region (every 1 ms from the put's answer).

                    | measured | p50 | p99 | p50 ratio to baseline |
                    |---|---|---|---|
                    %s| baseline: PutSecretValue + GetSecretValue in us-east-1 (no replication) | %.1f ms | %.1f ms | 1.00× |
                    """, UPDATES, SECRETS, WARMUP, rows, base50, percentile(baseline, 99));
        }
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
