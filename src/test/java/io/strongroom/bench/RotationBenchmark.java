package io.strongroom.bench;

import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.ServeProcess;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rotations of 1,000 secrets with the random-value function, started in bulk from the service
 * layer (journal-free {@link SecretMutations} over {@link RotationService}, as the console's bulk
 * rotate does, paced at AWS's RotateSecret quota of 50 per second), against {@code strongroom
 * serve} in its own process. Measures the time until every secret's AWSCURRENT is on its new
 * version, and the server's CPU (utime + stime from /proc) per rotation. Baseline in the same
 * run and process: 1,000 PutSecretValue calls through the same service layer.
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.RotationBenchmark"
 * </pre>
 */
public final class RotationBenchmark {

    static final int SECRETS = 1000;
    static final int ROUNDS = 3;
    static final int CALLERS = 8;

    record Round(double rotateSeconds, double rotateCpuMs, double putSeconds, double putCpuMs) {}

    public static void main(String[] args) throws Exception {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(round());
            Round r = rounds.get(i);
            System.err.printf(Locale.ROOT, "round %d: rotate %.1f s, %.3f ms CPU each; put %.1f s, %.3f ms CPU each%n",
                    i + 1, r.rotateSeconds(), r.rotateCpuMs(), r.putSeconds(), r.putCpuMs());
        }
        Round m = new Round(median(rounds, Round::rotateSeconds), median(rounds, Round::rotateCpuMs),
                median(rounds, Round::putSeconds), median(rounds, Round::putCpuMs));
        System.out.printf(Locale.ROOT, """

                ### Rotation of %d secrets in bulk from the service layer (random-value function)

                | workload | total time (median of %d) | server CPU per operation | ratio to baseline |
                |---|---|---|---|
                | RotateSecret ×%d, until every AWSCURRENT moved (four steps each) | %.1f s | %.3f ms | %.2f× |
                | baseline: PutSecretValue ×%d, same service layer and process | %.1f s | %.3f ms | 1.00× |

                Both paced by the service layer at AWS's quota of 50 calls per second per account and region, so the
                total time is bound by the quota (1,000 / 50 = 20 s); the CPU figure is what the store spends.
                """, SECRETS, ROUNDS, SECRETS, m.rotateSeconds(), m.rotateCpuMs(), m.rotateCpuMs() / m.putCpuMs(),
                SECRETS, m.putSeconds(), m.putCpuMs());
    }

    static Round round() throws Exception {
        try (ServeProcess serve = new ServeProcess(Files.createTempDirectory("strongroom-bench-rotation-"))) {
            Map<String, String> env = serve.environment();
            URI endpoint = URI.create(serve.endpoint());
            ClientRegistry clients = new ClientRegistry(ClientRegistry.Settings.defaults());
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                SecretsManagerClient probe = io.strongroom.testing.RunningStore.client(SecretsManagerClient.builder(), endpoint,
                        accessKey(env), software.amazon.awssdk.regions.Region.US_EAST_1);
                String account = probe.createSecret(b -> b.name("bench/probe").secretString("p")).arn().split(":")[4];
                AccountSource source = AccountSource.embeddedStore(endpoint, List.of(new AccountSource.AccountKeys(account, "bench",
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))));
                Scope scope = source.accounts().get(0).in("us-east-1");
                RateLimiters limiters = new RateLimiters(TimeSource.system());
                FanOut fanOut = new FanOut(pool, 4, limiters);
                SecretsService secrets = new SecretsService(clients, fanOut);
                RotationService rotations = new RotationService(clients, fanOut);
                SecretMutations mutations = SecretMutations.of(new Writers(secrets, null, rotations));
                List<String> arns = new ArrayList<>();
                for (int i = 0; i < SECRETS; i++) {
                    int n = i;
                    arns.add(probe.createSecret(b -> b.name("bench/rotate-" + n).secretString("initial-" + n)).arn());
                }
                String function = "arn:aws:lambda:us-east-1:" + account + ":function:strongroom-random-value";
                // Configure every secret (RotateImmediately=false) first, so the measured calls only rotate.
                run(pool, arns, arn -> mutations.apply(new SecretMutation.Rotate(scope, arn,
                        new RotationSettings(function, 30L, null, null, false))));
                waitUntilIdle(probe, arns, Map.of());

                long pid = serve.process().pid();
                long cpu0 = StoreBenchmarks.cpuTicks(pid);
                long t0 = System.nanoTime();
                Map<String, String> expected = new HashMap<>();
                List<String> versions = run(pool, arns, arn -> mutations.apply(new SecretMutation.Rotate(scope, arn, RotationSettings.now())));
                for (int i = 0; i < arns.size(); i++) {
                    expected.put(arns.get(i), versions.get(i));
                }
                waitUntilIdle(probe, arns, expected);
                double rotateSeconds = (System.nanoTime() - t0) / 1e9;
                double rotateCpuMs = (StoreBenchmarks.cpuTicks(pid) - cpu0) * (1000.0 / StoreBenchmarks.CLK_TCK) / SECRETS;

                long cpu1 = StoreBenchmarks.cpuTicks(pid);
                long t1 = System.nanoTime();
                run(pool, arns, arn -> mutations.apply(new SecretMutation.PutValue(scope, arn,
                        SecretPayload.ofText("put-" + arn.hashCode()), SecretsService.newRequestToken())).versionId());
                double putSeconds = (System.nanoTime() - t1) / 1e9;
                double putCpuMs = (StoreBenchmarks.cpuTicks(pid) - cpu1) * (1000.0 / StoreBenchmarks.CLK_TCK) / SECRETS;
                serve.stop();
                return new Round(rotateSeconds, rotateCpuMs, putSeconds, putCpuMs);
            } finally {
                pool.shutdownNow();
                clients.close();
            }
        }
    }

    static io.strongroom.local.iam.AccessKey accessKey(Map<String, String> env) {
        return new io.strongroom.local.iam.AccessKey(null, null, env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"));
    }

    interface Call {
        String apply(String arn) throws Exception;
    }

    /** Runs {@code call} for every ARN on the pool; the results in order. */
    static List<String> run(ExecutorService pool, List<String> arns, Call call) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (String arn : arns) {
            futures.add(pool.submit(() -> call.apply(arn)));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    /** Polls ListSecrets until no secret has AWSPENDING and every expected version is AWSCURRENT. */
    static void waitUntilIdle(SecretsManagerClient sm, List<String> arns, Map<String, String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            int done = 0;
            for (SecretListEntry e : sm.listSecretsPaginator(b -> b.maxResults(100)).stream().flatMap(p -> p.secretList().stream()).toList()) {
                String want = expected.get(e.arn());
                boolean pending = e.secretVersionsToStages().values().stream().anyMatch(l -> l.contains("AWSPENDING"));
                boolean current = want == null || e.secretVersionsToStages().getOrDefault(want, List.of()).contains("AWSCURRENT");
                if (arns.contains(e.arn()) && !pending && current) {
                    done++;
                }
            }
            if (done == arns.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("rotations did not finish in 5 minutes");
    }

    static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }
}
