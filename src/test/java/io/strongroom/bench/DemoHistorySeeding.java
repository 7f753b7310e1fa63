package io.strongroom.bench;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.demo.DemoEstate;
import io.strongroom.testing.Quietly;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the demo's audit history adds to seeding the demo estate, cold: each run is a fresh JVM
 * that starts a store on a fresh data directory and seeds it, as the console's first run does.
 * Reports, per run, the whole seeding ({@code DemoEstate.seed}), the history's part of it (reading
 * the estate back, making the events, moving LastAccessedDates, handing the events to the trail's
 * writer) and how much longer until the writer has stored them all. Run through
 * {@code AuditBenchmark seed} (see there for the command).
 */
final class DemoHistorySeeding {

    static final int RUNS = 7;

    private DemoHistorySeeding() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("once")) {
            once();
            return;
        }
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(child());
            System.err.println("run " + (i + 1) + ": " + Arrays.toString(runs.get(i)));
        }
        long[] median = new long[runs.get(0).length];
        long[] min = new long[runs.get(0).length];
        for (int k = 0; k < median.length; k++) {
            final int column = k;
            long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
            median[k] = values[values.length / 2];
            min[k] = values[0];
        }
        System.out.printf(Locale.ROOT, """

                ### Seeding the demo estate with its audit history (%d cold runs, %d cores, load %.1f at the end)

                | step | median | min |
                |---|---|---|
                | the whole `DemoEstate.seed` (estate, roles, rotations, history) | %,d ms | %,d ms |
                | of which the history: read back, made, LastAccessedDates moved, queued | %,d ms | %,d ms |
                | the seeding thread's CPU in the history | %,d ms | %,d ms |
                | then until the trail's writer has stored every event (in the background) | %,d ms more | %,d ms |
                | process CPU in that time | %,d ms | %,d ms |
                | events | %,d | |
                """, RUNS, Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                median[0], min[0], median[1], min[1], median[2], min[2], median[3], min[3], median[4], min[4], median[5]);
    }

    private static long[] child() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AuditBenchmark.class.getName(), "seed", "once").redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        p.waitFor();
        if (result == null) {
            throw new IllegalStateException("the measuring JVM printed no result");
        }
        return Arrays.stream(result.substring(7).split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static void once() throws Exception {
        Path dir = Files.createTempDirectory("strongroom-bench-history-");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            DemoEstate.Summary s = DemoEstate.seed(store);
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            store.audit().flush();
            long stored = (System.nanoTime() - t0) / 1_000_000;
            long storedCpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            System.out.println("RESULT " + s.elapsed().toMillis() + " " + s.history().elapsed().toMillis() + " "
                    + s.history().cpu().toMillis() + " " + stored + " " + storedCpu + " " + s.history().events());
        } finally {
            Quietly.deleteTree(dir);
        }
    }
}
