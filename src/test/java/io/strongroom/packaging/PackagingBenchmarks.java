package io.strongroom.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start of the packaged console to a populated window (BENCHMARKS.md, "Packaging"): the app
 * image's {@code bin/strongroom} (packaging/package.sh, jlinked runtime with its CDS archive), the
 * same image with the CDS archive removed, and {@code java -cp} over target/classes with the
 * build's JDK, each on a fresh data directory (first run: the demo estate is seeded) and again
 * on it (second run), alternating within each round. Timed from spawning the process to the
 * console's start-up probe lines ({@code -Dstrongroom.startupProbe}, app/StartupProbe), as in
 * ConsoleBenchmarks' cold start, under Xvfb. Needs only the JDK: run it from target/test-classes:
 * <pre>
 *   packaging/package.sh                        # target/dist/strongroom
 *   mvn -q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.cp
 *   Xvfb :91 -screen 0 1600x1000x24 &amp;
 *   DISPLAY=:91 java -cp target/test-classes io.strongroom.packaging.PackagingBenchmarks [rounds]
 * </pre>
 * Not a {@code *Test}: surefire never runs it.
 */
public final class PackagingBenchmarks {

    record Milestones(double window, double firstRows, double loaded) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", window, firstRows, loaded);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path image = Path.of("target/dist/strongroom").toAbsolutePath();
        Path noCds = Path.of("target/bench-image-nocds/strongroom").toAbsolutePath();
        deleteTree(noCds.getParent());
        copyTree(image, noCds);
        try (Stream<Path> jsa = Files.list(noCds.resolve("lib/runtime/lib/server"))) {
            for (Path p : jsa.filter(p -> p.toString().endsWith(".jsa")).toList()) {
                Files.delete(p);
            }
        }
        String classPath = Path.of("target/classes").toAbsolutePath() + ":" + Files.readString(Path.of("target/runtime.cp")).strip();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("app image `bin/strongroom` (jlinked runtime, CDS archive)", List.of(image.resolve("bin/strongroom").toString()));
        variants.put("app image without the CDS archive", List.of(noCds.resolve("bin/strongroom").toString()));
        variants.put("`java -cp target/classes:… Launcher` (the build's JDK 17, its CDS)",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath, "io.strongroom.app.Launcher"));
        Map<String, List<Milestones>> first = new LinkedHashMap<>();
        Map<String, List<Milestones>> second = new LinkedHashMap<>();
        variants.keySet().forEach(k -> {
            first.put(k, new ArrayList<>());
            second.put(k, new ArrayList<>());
        });
        Path work = Files.createTempDirectory("strongroom-bench-pkg-");
        List<String> loads = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                loads.add(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                int v = 0;
                Map<String, Path> dirs = new HashMap<>();
                for (String k : variants.keySet()) {
                    dirs.put(k, work.resolve("r" + round + "-v" + v++));
                }
                for (String k : variants.keySet()) {
                    first.get(k).add(start(variants.get(k), dirs.get(k), work.resolve("probe-" + round + "-" + Math.abs(k.hashCode()) + "-1")));
                }
                for (String k : variants.keySet()) {
                    second.get(k).add(start(variants.get(k), dirs.get(k), work.resolve("probe-" + round + "-" + Math.abs(k.hashCode()) + "-2")));
                }
                System.err.printf(Locale.ROOT, "round %d (load %s): %s%n", round + 1, loads.get(round),
                        variants.keySet().stream().map(k -> first.get(k).get(first.get(k).size() - 1) + " | "
                                + second.get(k).get(second.get(k).size() - 1)).toList());
            }
        } finally {
            deleteTree(work);
            deleteTree(noCds.getParent());
        }
        System.out.println("| run | window shown | **first rows in the table** | first load finished |");
        System.out.println("|---|---|---|---|");
        for (String k : variants.keySet()) {
            System.out.println(row(k + ", first run (demo estate seeded)", first.get(k)));
            System.out.println(row(k + ", second run", second.get(k)));
        }
        System.out.println("\nload average (1 min) at each round's start: " + String.join(", ", loads));
    }

    static String row(String label, List<Milestones> runs) {
        List<Double> f = runs.stream().map(Milestones::firstRows).toList();
        return String.format(Locale.ROOT, "| %s | %.0f ms | **%.0f ms** (min %.0f, max %.0f) | %.0f ms |", label,
                median(runs.stream().map(Milestones::window).toList()), median(f),
                f.stream().mapToDouble(d -> d).min().orElse(0), f.stream().mapToDouble(d -> d).max().orElse(0),
                median(runs.stream().map(Milestones::loaded).toList()));
    }

    static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Starts the console, waits for the probe's "loaded" line, stops the process tree. */
    static Milestones start(List<String> command, Path dir, Path probe) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(probe.resolveSibling(probe.getFileName() + ".log").toFile());
        pb.environment().put("STRONGROOM_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("STRONGROOM_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dprism.order=sw -Dstrongroom.demoDatabase=false -Dstrongroom.startupProbe=" + probe);
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        try {
            Map<String, Long> seen = new HashMap<>();
            while (!seen.containsKey("loaded")) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the console exited before it was loaded; see " + probe + ".log");
                }
                if (System.currentTimeMillis() - t0 > 120_000) {
                    throw new IllegalStateException("the console was not loaded in 120 s; see " + probe + ".log");
                }
                Thread.sleep(20);
                if (Files.exists(probe)) {
                    for (String line : Files.readAllLines(probe)) {
                        String[] f = line.trim().split(" ");
                        if (f.length >= 2) {
                            seen.put(f[0], Long.parseLong(f[1]));
                        }
                    }
                }
            }
            return new Milestones(seen.get("window-shown") - t0, seen.get("first-rows") - t0, seen.get("loaded") - t0);
        } finally {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
