package io.strongroom.bench;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.demo.DemoEstate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long seeding the demo estate takes, run by hand (not in the test suite):
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java -Dexec.args="-cp %classpath io.strongroom.bench.DemoSeedBenchmark"
 * </pre>
 * Cold: each run is a fresh JVM that starts a store on a fresh data directory and seeds it, as
 * the console's first run does (the figure is {@code DemoEstate.seed} alone, not the store's
 * start). Warm: in one JVM, seed, remove and seed again, the second seed measured. Prints a
 * Markdown section for BENCHMARKS.md.
 */
public final class DemoSeedBenchmark {

    static final int COLD_RUNS = 7;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("once")) {
            once(args.length > 1 && args[1].equals("warm"));
            return;
        }
        List<long[]> cold = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            cold.add(child(false));
        }
        long[] warm = child(true);
        List<Long> wall = new ArrayList<>(cold.stream().map(r -> r[0]).toList());
        List<Long> cpu = new ArrayList<>(cold.stream().map(r -> r[1]).toList());
        Collections.sort(wall);
        Collections.sort(cpu);
        StringBuilder md = new StringBuilder();
        md.append("## Seeding the demo estate (").append(Runtime.getRuntime().availableProcessors()).append(" cores)\n\n");
        md.append(String.format(Locale.ROOT, "- cold, fresh JVM (%d runs): median %d ms, min %d ms, max %d ms wall; "
                + "median %d ms CPU of the seeding thread%n", COLD_RUNS, wall.get(COLD_RUNS / 2), wall.get(0), wall.get(COLD_RUNS - 1),
                cpu.get(COLD_RUNS / 2)));
        md.append(String.format(Locale.ROOT, "- warm (second seed in one JVM): %d ms wall%n", warm[0]));
        md.append("- machine load average at the end: ").append(String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append('\n');
        System.out.println();
        System.out.println(md);
    }

    /** Runs one measurement in a fresh JVM; returns {wall ms, seeding thread CPU ms}. */
    private static long[] child(boolean warm) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoSeedBenchmark.class.getName(), "once"));
        if (warm) {
            command.add("warm");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        p.waitFor();
        if (result == null) {
            throw new IllegalStateException("the measuring JVM printed no result");
        }
        String[] parts = result.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static void once(boolean warm) throws IOException {
        Path dir = Files.createTempDirectory("strongroom-bench-demo-");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            if (warm) {
                DemoEstate.seed(store);
                DemoEstate.remove(store);
            }
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            DemoEstate.Summary s = DemoEstate.seed(store);
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (s.outcome() != DemoEstate.Outcome.SEEDED) {
                throw new IllegalStateException("not seeded: " + s.outcome());
            }
            System.out.println("RESULT " + s.elapsed().toMillis() + " " + cpu / 1_000_000);
        }
    }
}
