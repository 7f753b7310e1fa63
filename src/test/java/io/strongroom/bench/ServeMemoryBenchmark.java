package io.strongroom.bench;

import io.strongroom.cli.ServeJvm;
import io.strongroom.testing.ServeProcess;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resident memory of {@code strongroom serve}, idle and under 8-caller GetSecretValue load, and
 * the server CPU per request over the same load, for up to three configurations in one run,
 * alternating round by round:
 * <ul>
 *   <li><b>baseline</b>: an earlier build (its class path in {@code -Dbench.baselineClasspath}) with
 *       the JVM's default options, as {@code java -jar … serve} ran it;</li>
 *   <li><b>defaults</b>: this build with the JVM's default options;</li>
 *   <li><b>serve options</b>: this build with {@code serve-jvm.options} (see {@link ServeJvm}).</li>
 * </ul>
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-Dbench.baselineClasspath=OLD_CP -cp %classpath io.strongroom.bench.ServeMemoryBenchmark"
 * </pre>
 * {@code -Dbench.rounds} (default 3), {@code -Dbench.loadSeconds} (default 10: load before the
 * under-load reading, as the issue measured it) and {@code -Dbench.measureSeconds} (default 15:
 * the window whose CPU and requests are counted, right after) tune it; {@code -Dbench.options}
 * replaces the serve options by a space-separated list, to try others.
 */
public final class ServeMemoryBenchmark {

    record Config(String label, String classPath, List<String> jvmOptions) {}

    record Reading(double idleMb, double loadedMb, double peakMb, double requestsPerSecond, double cpuPerRequestMs, long errors) {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        Duration load = Duration.ofSeconds(Integer.getInteger("bench.loadSeconds", 10));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.measureSeconds", 15));
        String thisBuild = System.getProperty("java.class.path");
        List<String> serveOptions = System.getProperty("bench.options") == null ? ServeJvm.options()
                : Arrays.asList(System.getProperty("bench.options").trim().split("\\s+"));
        List<Config> configs = new ArrayList<>();
        String baseline = System.getProperty("bench.baselineClasspath");
        if (baseline != null) {
            configs.add(new Config("baseline: previous build, default JVM options", baseline, List.of()));
        }
        configs.add(new Config("this build, default JVM options", thisBuild, List.of()));
        configs.add(new Config("this build, serve-jvm.options", thisBuild, serveOptions));

        List<List<Reading>> readings = new ArrayList<>();
        configs.forEach(c -> readings.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < configs.size(); i++) {
                Reading r = measure(configs.get(i), load, measure);
                readings.get(i).add(r);
                System.err.printf(Locale.ROOT, "round %d %s: idle %.0f MB, loaded %.0f MB, peak %.0f MB, %.0f req/s, %.3f ms CPU/req, %d errors%n",
                        round + 1, configs.get(i).label(), r.idleMb(), r.loadedMb(), r.peakMb(), r.requestsPerSecond(), r.cpuPerRequestMs(), r.errors());
            }
        }
        StringBuilder md = new StringBuilder("| configuration | idle RSS | RSS after " + load.toSeconds() + " s load | peak RSS (VmHWM) "
                + "| requests/s | server CPU per request | errors |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < configs.size(); i++) {
            List<Reading> rs = readings.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.0f MB | %.0f | %.3f ms | %d |%n", configs.get(i).label(),
                    median(rs, Reading::idleMb), median(rs, Reading::loadedMb), median(rs, Reading::peakMb),
                    median(rs, Reading::requestsPerSecond), median(rs, Reading::cpuPerRequestMs),
                    rs.stream().mapToLong(Reading::errors).sum()));
        }
        md.append("\nServe options: `").append(String.join(" ", serveOptions)).append("`\n");
        System.out.println();
        System.out.println(md);
    }

    static Reading measure(Config config, Duration load, Duration measure) throws Exception {
        Path dataDir = Files.createTempDirectory("strongroom-bench-rss-");
        try (ServeProcess serve = new ServeProcess(config.jvmOptions(), config.classPath(), dataDir)) {
            long pid = serve.process().pid();
            try (SecretsManagerClient sm = StoreBenchmarks.loadClient(serve)) {
                int secrets = 100;
                for (int i = 0; i < secrets; i++) {
                    int n = i;
                    sm.createSecret(b -> b.name("bench/secret-" + n).secretString("{\"user\":\"svc\",\"password\":\"" + "x".repeat(40) + n + "\"}"));
                }
                Thread.sleep(10_000);
                double idle = StoreBenchmarks.rssMb(pid);
                AtomicLong counter = new AtomicLong();
                StoreBenchmarks.Call call = () -> sm.getSecretValue(b -> b.secretId("bench/secret-" + counter.incrementAndGet() % secrets));
                var pool = java.util.concurrent.Executors.newFixedThreadPool(StoreBenchmarks.CALLERS);
                try {
                    StoreBenchmarks.runFor(pool, call, load, null);
                    double loaded = StoreBenchmarks.rssMb(pid);
                    long cpu0 = StoreBenchmarks.cpuTicks(pid);
                    long t0 = System.nanoTime();
                    long[] counts = StoreBenchmarks.runFor(pool, call, measure, null);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpu = (StoreBenchmarks.cpuTicks(pid) - cpu0) / (double) StoreBenchmarks.CLK_TCK;
                    return new Reading(idle, loaded, peakMb(pid), counts[0] / seconds, cpu * 1000 / counts[0], counts[1]);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    static double peakMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmHWM");
    }

    static double median(List<Reading> rs, java.util.function.ToDoubleFunction<Reading> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
