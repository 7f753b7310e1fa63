package io.strongroom.bench;

import io.strongroom.testing.ServeProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of the embedded store, run by hand (not in the test suite):
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java -Dexec.args="-cp %classpath io.strongroom.bench.StoreBenchmarks"
 * </pre>
 * Each figure comes with a baseline measured in the same run: a bare JDK HTTP server process
 * ({@link BareHttpServer}) on the same JVM. Prints a Markdown section for BENCHMARKS.md.
 */
public final class StoreBenchmarks {

    static final int STARTUP_RUNS = 11;
    static final int CALLERS = 8;
    static final Duration WARMUP = Duration.ofSeconds(15);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final long CLK_TCK = 100;     // Linux USER_HZ: /proc/<pid>/stat times are in 1/100 s

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("startup", "throughput", "memory") : Arrays.asList(args);
        StringBuilder md = new StringBuilder();
        if (which.contains("startup")) md.append(startup());
        if (which.contains("throughput")) md.append(throughput());
        if (which.contains("memory")) md.append(memory());
        if (which.contains("policy")) md.append(policy());
        System.out.println();
        System.out.println(md);
    }

    // ---- Start to first answered request ------------------------------------------------------

    static String startup() throws Exception {
        Path dataDir = Files.createTempDirectory("strongroom-bench-start-");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> serveCmd = command("io.strongroom.app.Launcher", "serve", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString(), "--quiet");
        List<String> bareCmd = command(BareHttpServer.class.getName(), String.valueOf(port));
        // One start creates the data directory and keys; the client is built and warmed against it,
        // so the runs measure the server's start, not the SDK's.
        StsClient sts;
        try (ServeProcess first = new ServeProcess(dataDir)) {
            var env = first.environment();
            first.stop();
            sts = StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1))
                            .apiCallTimeout(Duration.ofSeconds(2)).build())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")))).build();
        }
        Process warm = new ProcessBuilder(serveCmd).redirectErrorStream(true).start();
        timeUntil(warm, System.nanoTime(), () -> { sts.getCallerIdentity(); });
        for (int i = 0; i < 20; i++) sts.getCallerIdentity();
        stop(warm);

        String health = "http://127.0.0.1:" + port + "/strongroom/health";
        List<Double> serve = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < STARTUP_RUNS; i++) {
            bare.add(measureStart(bareCmd, () -> get(health)));
            serve.add(measureStart(serveCmd, () -> get(health)));
            signed.add(measureStart(serveCmd, () -> { sts.getCallerIdentity(); }));
        }
        sts.close();
        double b = median(bare);
        System.err.printf("startup: serve %.0f ms, signed %.0f ms, bare %.0f ms%n", median(serve), median(signed), b);
        return "### `strongroom serve`: process start to first answered request\n\n"
                + "Median of " + STARTUP_RUNS + " starts on an existing data directory (`java -cp … Launcher serve`), "
                + "polling every 5 ms from the moment the process is spawned.\n\n"
                + "| measure | median | min | max | ratio to bare JDK server |\n|---|---|---|---|---|\n"
                + row("first HTTP answer (GET /strongroom/health)", serve, b)
                + row("first signed API answer (SigV4 sts:GetCallerIdentity, warm client)", signed, b)
                + row("baseline: bare JDK HTTP server, first answer", bare, b) + "\n";
    }

    private static String row(String label, List<Double> ms, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %.2f× |%n", label, median(ms),
                ms.stream().mapToDouble(d -> d).min().orElse(0), ms.stream().mapToDouble(d -> d).max().orElse(0), median(ms) / baseline);
    }

    static double measureStart(List<String> command, Call probe) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return timeUntil(p, t0, probe);
        } finally {
            stop(p);
        }
    }

    /** Polls {@code probe} every 5 ms until it succeeds; milliseconds since {@code t0}. */
    static double timeUntil(Process p, long t0, Call probe) throws Exception {
        while (true) {
            try {
                probe.call();
                return (System.nanoTime() - t0) / 1e6;
            } catch (Exception notYet) {
                if (!p.isAlive()) throw new IllegalStateException("the server exited before answering");
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) throw new IllegalStateException("no answer in 30 s");
                Thread.sleep(5);
            }
        }
    }

    static void get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(200);
        c.setReadTimeout(2000);
        try (var in = c.getInputStream()) {
            in.readAllBytes();
        }
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }

    // ---- GetSecretValue throughput and server CPU per request ---------------------------------

    static final int ROUNDS = 3;

    /** Store and baseline alternate for {@link #ROUNDS} rounds; the table gives each one's median round. */
    static String throughput() throws Exception {
        List<Load> store = new ArrayList<>();
        List<Load> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Path dataDir = Files.createTempDirectory("strongroom-bench-gsv-");
            try (ServeProcess serve = new ServeProcess(dataDir)) {
                store.add(loadGetSecretValue(serve));
                serve.stop();
                try (Bare b = new Bare()) {
                    bare.add(loadBare(b, serve.environment()));
                }
            }
            System.err.println("round " + (round + 1) + ": " + store.get(round).describe("store") + bare.get(round).describe("bare"));
        }
        Load s = medianByCpu(store);
        Load b = medianByCpu(bare);
        StringBuilder rounds = new StringBuilder();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.append(String.format(Locale.ROOT, "%.3f / %.3f ms (%.2f×)%s", store.get(i).cpuPerRequestMs(), bare.get(i).cpuPerRequestMs(),
                    store.get(i).cpuPerRequestMs() / bare.get(i).cpuPerRequestMs(), i < ROUNDS - 1 ? "; " : ""));
        }
        return "### GetSecretValue through the SDK, " + CALLERS + " concurrent callers\n\n"
                + "Server and client are separate processes on the same 2-core machine; each round measures " + MEASURE.toSeconds()
                + " s after " + WARMUP.toSeconds() + " s of warm-up, store and baseline alternating, " + ROUNDS + " rounds; "
                + "the rows are each one's median round. Server CPU is the server process's user+system time over the "
                + "measured window (/proc), divided by requests.\n\n"
                + "| workload | requests/s | p50 | p99 | server CPU per request | errors |\n|---|---|---|---|---|---|\n"
                + s.describe("GetSecretValue: SigV4 + lookup + AES-GCM decrypt + audit")
                + b.describe("baseline: bare JDK HTTP server, same SDK call shape")
                + "\nServer CPU per request by round, store / bare: " + rounds + ".\n\n";
    }

    /**
     * GetSecretValue with policy evaluation on: the same load against secrets that carry a resource
     * policy of ten statements with conditions, against secrets with none (the store's own
     * baseline, same process) and the bare server, alternating, {@link #ROUNDS} rounds.
     */
    static String policy() throws Exception {
        List<Load> plain = new ArrayList<>();
        List<Load> withPolicy = new ArrayList<>();
        List<Load> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Path dataDir = Files.createTempDirectory("strongroom-bench-policy-");
            try (ServeProcess serve = new ServeProcess(dataDir)) {
                plain.add(loadGetSecretValue(serve, "bench/plain-", null));
                withPolicy.add(loadGetSecretValue(serve, "bench/policy-", TEN_STATEMENTS));
                serve.stop();
                try (Bare b = new Bare()) {
                    bare.add(loadBare(b, serve.environment()));
                }
            }
            System.err.println("round " + (round + 1) + ": " + plain.get(round).describe("plain") + withPolicy.get(round).describe("policy")
                    + bare.get(round).describe("bare"));
        }
        Load p = medianByCpu(plain);
        Load w = medianByCpu(withPolicy);
        Load b = medianByCpu(bare);
        StringBuilder rounds = new StringBuilder();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.append(String.format(Locale.ROOT, "%.3f / %.3f / %.3f ms (policy %.2f× plain)%s", withPolicy.get(i).cpuPerRequestMs(),
                    plain.get(i).cpuPerRequestMs(), bare.get(i).cpuPerRequestMs(),
                    withPolicy.get(i).cpuPerRequestMs() / plain.get(i).cpuPerRequestMs(), i < ROUNDS - 1 ? "; " : ""));
        }
        return "### GetSecretValue with a resource policy of ten statements with conditions, " + CALLERS + " concurrent callers\n\n"
                + "As above; in each round the same server process serves secrets without a policy, then secrets with the policy, "
                + "then the bare server runs.\n\n"
                + "| workload | requests/s | p50 | p99 | server CPU per request | errors |\n|---|---|---|---|---|---|\n"
                + w.describe("GetSecretValue, resource policy of 10 statements with conditions")
                + p.describe("GetSecretValue, no resource policy (same process)")
                + b.describe("baseline: bare JDK HTTP server, same SDK call shape")
                + "\nServer CPU per request by round, policy / plain / bare: " + rounds + ".\n\n";
    }

    /** Ten statements as a real secret's policy might have them: allows for roles and tags, one deny, conditions of several operators. */
    static final String TEN_STATEMENTS;

    static {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        String[] teams = {"payments", "checkout", "ledger", "risk", "billing", "refunds", "payouts"};
        for (int i = 0; i < teams.length; i++) {
            sb.append("{\"Sid\":\"Team").append(i).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/app-")
                    .append(teams[i]).append("\"},\"Action\":[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"],")
                    .append("\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"").append(teams[i])
                    .append("\"},\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"127.0.0.0/8\"]}}},");
        }
        sb.append("{\"Sid\":\"Auditors\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},")
                .append("\"Action\":\"secretsmanager:DescribeSecret\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":")
                .append("{\"aws:PrincipalArn\":\"arn:aws:iam::444455556666:role/auditor-*\"}}},");
        sb.append("{\"Sid\":\"NotAfterDecommission\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:*\",")
                .append("\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2099-01-01T00:00:00Z\"}}},");
        sb.append("{\"Sid\":\"OnlyCurrent\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:GetSecretValue\",")
                .append("\"Resource\":\"*\",\"Condition\":{\"Null\":{\"secretsmanager:VersionStage\":\"false\"},")
                .append("\"StringNotEquals\":{\"secretsmanager:VersionStage\":\"AWSCURRENT\"}}}");
        TEN_STATEMENTS = sb.append("]}").toString();
    }

    static Load medianByCpu(List<Load> loads) {
        List<Load> sorted = new ArrayList<>(loads);
        sorted.sort(java.util.Comparator.comparingDouble(Load::cpuPerRequestMs));
        return sorted.get(sorted.size() / 2);
    }

    record Load(long requests, long errors, double seconds, double p50ms, double p99ms, double serverCpuSeconds) {
        double cpuPerRequestMs() {
            return serverCpuSeconds * 1000 / requests;
        }

        String describe(String label) {
            return String.format(Locale.ROOT, "| %s | %.0f | %.2f ms | %.2f ms | %.3f ms | %d |%n",
                    label, requests / seconds, p50ms, p99ms, cpuPerRequestMs(), errors);
        }
    }

    interface Call {
        void call() throws Exception;
    }

    static Load loadGetSecretValue(ServeProcess serve) throws Exception {
        return loadGetSecretValue(serve, "bench/secret-", null);
    }

    /** 100 secrets named {@code prefix + n}, each with {@code resourcePolicy} when given, read round-robin. */
    static Load loadGetSecretValue(ServeProcess serve, String prefix, String resourcePolicy) throws Exception {
        try (SecretsManagerClient sm = loadClient(serve)) {
            int secrets = 100;
            for (int i = 0; i < secrets; i++) {
                int n = i;
                sm.createSecret(b -> b.name(prefix + n).secretString("{\"user\":\"svc\",\"password\":\"" + "x".repeat(40) + n + "\"}"));
                if (resourcePolicy != null) {
                    sm.putResourcePolicy(b -> b.secretId(prefix + n).resourcePolicy(resourcePolicy));
                }
            }
            AtomicLong counter = new AtomicLong();
            return drive(serve.process().pid(), () -> {
                long n = counter.incrementAndGet() % secrets;
                sm.getSecretValue(b -> b.secretId(prefix + n));
            });
        }
    }

    /** A client for {@link #CALLERS} concurrent callers, with the credentials serve's banner printed. */
    static SecretsManagerClient loadClient(ServeProcess serve) {
        var env = serve.environment();
        return SecretsManagerClient.builder().endpointOverride(URI.create(serve.endpoint()))
                .region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CALLERS * 2))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(10)).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")))).build();
    }

    static Load loadBare(Bare bare, java.util.Map<String, String> env) throws Exception {
        try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(URI.create(bare.endpoint))
                .region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CALLERS * 2))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")))).build()) {
            return drive(bare.process.pid(), () -> sm.getSecretValue(b -> b.secretId("bench/secret-1")));
        }
    }

    static Load drive(long serverPid, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            runFor(pool, call, WARMUP, null);
            long cpu0 = cpuTicks(serverPid);
            long t0 = System.nanoTime();
            List<long[]> latencies = new ArrayList<>();
            long[] counts = runFor(pool, call, MEASURE, latencies);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu1 = cpuTicks(serverPid);
            long total = 0;
            int n = 0;
            for (long[] l : latencies) n += l.length;
            long[] all = new long[n];
            int at = 0;
            for (long[] l : latencies) {
                System.arraycopy(l, 0, all, at, l.length);
                at += l.length;
            }
            Arrays.sort(all);
            total = all.length;
            return new Load(total, counts[1], seconds, all[(int) (total * 0.50)] / 1e6, all[(int) Math.min(total - 1, total * 0.99)] / 1e6,
                    (cpu1 - cpu0) / (double) CLK_TCK);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code call} on every caller thread for {@code time}; returns {ok, errors}. */
    static long[] runFor(ExecutorService pool, Call call, Duration time, List<long[]> latenciesOut) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int k = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("first error of the run: " + e);     // a run of errors measures nothing
                        }
                        continue;
                    }
                    if (k == lat.length) lat = Arrays.copyOf(lat, k * 2);
                    lat[k++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(lat, k);
            }));
        }
        long ok = 0;
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            ok += l.length;
            if (latenciesOut != null) latenciesOut.add(l);
        }
        return new long[] {ok, errors.get()};
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);       // utime + stime
    }

    static final class Bare implements AutoCloseable {
        final Process process;
        final String endpoint;

        Bare() throws IOException {
            process = new ProcessBuilder(command(BareHttpServer.class.getName())).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            endpoint = line.substring(line.indexOf("http://"));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    // ---- Idle resident memory -----------------------------------------------------------------

    static String memory() throws Exception {
        Path dataDir = Files.createTempDirectory("strongroom-bench-mem-");
        List<Double> serve = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (ServeProcess s = new ServeProcess(dataDir)) {
                Thread.sleep(10_000);
                serve.add(rssMb(s.process().pid()));
                s.stop();
            }
            try (Bare b = new Bare()) {
                Thread.sleep(10_000);
                bare.add(rssMb(b.process.pid()));
            }
        }
        System.err.printf("memory: serve %.0f MB, bare %.0f MB%n", median(serve), median(bare));
        return "### Resident memory of an idle `strongroom serve`\n\n"
                + "VmRSS 10 s after start, median of 3, default JVM options (no -Xmx).\n\n"
                + "| process | RSS | ratio to bare |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| strongroom serve | %.0f MB | %.2f× |%n", median(serve), median(serve) / median(bare))
                + String.format(Locale.ROOT, "| baseline: bare JDK HTTP server | %.0f MB | 1.00× |%n%n", median(bare));
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    // ---- Helpers ------------------------------------------------------------------------------

    static List<String> command(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
