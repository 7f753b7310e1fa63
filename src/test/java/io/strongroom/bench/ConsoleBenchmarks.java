package io.strongroom.bench;

import io.strongroom.app.Composition;
import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.FxThread;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.inventory.InventoryBenchAccess;
import io.strongroom.ui.inventory.InventoryFileExport;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.InventoryViewModel;
import io.strongroom.ui.inventory.SecretRow;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The console benchmarks of issue #3, run by hand (never in the test suite: surefire only runs
 * {@code *Test} classes):
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.ConsoleBenchmarks [all|load24k|search100k|heap|coldstart]"
 * </pre>
 * <ul>
 *   <li>{@code load24k}: 24,000 secrets (3 accounts × 4 regions × 2,000) in an embedded store with
 *   50 ms simulated latency per request; the app's own composition (SecretsService over the
 *   app's FanOut) feeds the real InventoryViewModel bound to the real InventoryView under headless
 *   Monocle, timed from {@code load(scopes)} to the layout pass that has all 24,000 rows in the
 *   table. Baselines from the same run: the same SecretsService listing one scope after another,
 *   and the parallel listing with no UI.</li>
 *   <li>{@code search100k}: 100,000 rows in the real view; per keystroke in the search box, the
 *   time to the table's items updated and to the scene's CSS and layout pass done. Baselines: the
 *   same keystrokes with an empty table, and a stock {@code FilteredList} over the same rows.</li>
 *   <li>{@code heap}: used heap after a full GC, before and after loading, each in a fresh JVM.</li>
 *   <li>{@code coldstart}: the README's {@code mvn -q compile exec:java} under Xvfb on fresh data and
 *   config directories, process start to the window's first rows (the app's opt-in
 *   {@code strongroom.startupProbe}); first run (demo seeding) and second run; baselines: the same
 *   Maven command running {@code --version}, and {@code mvn -q compile} alone.</li>
 * </ul>
 * {@code all} runs each mode in a fresh JVM and prints one Markdown section for BENCHMARKS.md.
 * Progress and per-round diagnostics (CPU by thread, JIT and GC time, pulses) go to stderr. No
 * secret value is printed (the seeded values are throwaway strings).
 *
 * <p>System properties: {@code bench.rounds} (load rounds, 7), {@code bench.warmupLoads} (extra
 * unmeasured console loads, 0), {@code bench.estateDir} (where the 24,000-secret store is kept for
 * reuse, {@code target/bench-estate-24k}), {@code bench.display} (an X display to use instead of
 * starting Xvfb), {@code bench.project} (the project directory for {@code coldstart}, the current one),
 * {@code bench.baselineProject} (a compiled checkout of the previous build, e.g. a {@code git worktree}
 * of the last commit: {@code coldstart} then runs it alternately with this build, round by round),
 * {@code bench.coldRounds} (cold-start rounds, 5).
 */
public final class ConsoleBenchmarks {

    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
    static final int SECRETS_PER_SCOPE = 2_000;
    static final Duration LATENCY = Duration.ofMillis(50);
    /** 2,000 secrets at ListSecrets' 100 per page, one page after another per scope, all scopes at once. */
    static final double PARALLEL_BOUND_MS = SECRETS_PER_SCOPE / 100.0 * LATENCY.toMillis();
    static final int LOAD_ROUNDS = Integer.getInteger("bench.rounds", 7);
    /** Console loads after the first and before the measured rounds, to let the JIT settle (0: none). */
    static final int WARMUP_LOADS = Integer.getInteger("bench.warmupLoads", 0);
    static final int SEARCH_ROWS = 100_000;
    static final String TYPED = "prod/payments/stripe-7";
    static final int COLD_ROUNDS = Integer.getInteger("bench.coldRounds", 5);

    private ConsoleBenchmarks() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "all" : args[0];
        String md = switch (mode) {
            case "all" -> all();
            case "load24k" -> load24k();
            case "search100k" -> search100k();
            case "heap" -> heap();
            case "heap100k" -> heap100k();
            case "heap24k" -> heap24k();
            case "coldstart" -> coldstart();
            default -> throw new IllegalArgumentException("unknown mode " + mode
                    + "; one of all, load24k, search100k, heap, coldstart");
        };
        System.out.println();
        System.out.println(md);
        System.out.flush();
        // the FX toolkit, the store and the SDK's pools hold non-daemon threads
        System.exit(0);
    }

    static String all() throws Exception {
        StringBuilder md = new StringBuilder(machine());
        md.append(child("load24k", List.of()));
        md.append(child("search100k", List.of()));
        md.append(heap());
        md.append(coldstart());
        md.append("Load average at the end: ").append(loadAverage()).append(".\n");
        return md.toString();
    }

    // =============================================================================================
    // load24k
    // =============================================================================================

    /** One console load: from load(scopes) to the first layout pass with rows, and with all of them. */
    record ConsoleLoad(double firstRowsMs, double allRowsMs, double doneMs, double processCpuMs, Map<String, Double> cpuByRole) {}

    static String load24k() throws Exception {
        String loadBefore = loadAverage();
        Estate estate = Estate.open();
        try (LocalStore store = estate.store(); Composition composition = new Composition(store)) {
            List<Scope> scopes = scopesOf(store);
            SecretsService secrets = composition.secrets();
            Fx fx = Fx.start();
            // warm-up, reported apart: the first load also builds the 12 SDK clients and JITs the path
            ConsoleLoad first = consoleLoad(fx, composition, scopes, estate.total());
            double firstSequential = sequential(secrets, scopes, estate.total());
            List<ConsoleLoad> warmups = new ArrayList<>();
            for (int i = 0; i < WARMUP_LOADS; i++) {
                warmups.add(consoleLoad(fx, composition, scopes, estate.total()));
                System.err.printf(Locale.ROOT, "load24k extra warm-up load %d: all rows %.0f ms (CPU %.0f ms: %s)%n", i + 1,
                        warmups.get(i).allRowsMs, warmups.get(i).processCpuMs, rounded(warmups.get(i).cpuByRole));
            }
            System.err.printf(Locale.ROOT, "load24k warm-up: console %.0f ms, sequential %.0f ms%n", first.allRowsMs, firstSequential);
            List<ConsoleLoad> console = new ArrayList<>();
            List<Double> seq = new ArrayList<>();
            List<Double> parallel = new ArrayList<>();
            for (int round = 0; round < LOAD_ROUNDS; round++) {
                System.err.println("load24k round " + (round + 1) + " console starts at " + java.time.LocalTime.now());
                ConsoleLoad c = consoleLoad(fx, composition, scopes, estate.total());
                double s = sequential(secrets, scopes, estate.total());
                double p = parallelServiceOnly(secrets, scopes, estate.total());
                console.add(c);
                seq.add(s);
                parallel.add(p);
                System.err.printf(Locale.ROOT, "load24k round %d: console first rows %.0f ms, all rows %.0f ms (CPU %.0f ms: %s; "
                        + "%d pulses, %d with new rows); service-only parallel %.0f ms; sequential %.0f ms; load %s%n", round + 1,
                        c.firstRowsMs, c.allRowsMs, c.processCpuMs, rounded(c.cpuByRole), pulses.get(), pulsesWithNewRows.get(), p, s,
                        loadAverage());
            }
            double all = median(console.stream().map(ConsoleLoad::allRowsMs).toList());
            double firstRows = median(console.stream().map(ConsoleLoad::firstRowsMs).toList());
            double done = median(console.stream().map(ConsoleLoad::doneMs).toList());
            double s = median(seq);
            double p = median(parallel);
            StringBuilder md = new StringBuilder();
            md.append("### 24,000 secrets, 50 ms simulated latency per request — goal: all rows in the table < 2 s\n\n");
            md.append(String.format(Locale.ROOT, "%,d secrets: %d local accounts × %d regions × %,d, seeded through the store's in-process "
                            + "path in %.1f s%s. Every request over HTTP then waits %d ms in the store (`LocalStoreConfig.withLatency`). "
                            + "Median of %d rounds, console and baselines alternating, after one warm-up round (load average %s at the start).%n%n",
                    estate.total(), store.accounts().list().size(), REGIONS.size(), SECRETS_PER_SCOPE, estate.seedSeconds(),
                    estate.reused() ? " (an earlier run's estate, reused)" : "", LATENCY.toMillis(), LOAD_ROUNDS, loadBefore));
            md.append("| measure | median | min | max | ratio to the 1 s parallel bound | ratio to sequential |\n|---|---|---|---|---|---|\n");
            md.append(loadRow("console: `load(scopes)` to all rows in the table (layout pass done)",
                    console.stream().map(ConsoleLoad::allRowsMs).toList(), s));
            md.append(loadRow("console: `load(scopes)` to the first rows in the table",
                    console.stream().map(ConsoleLoad::firstRowsMs).toList(), s));
            md.append(loadRow("console: `load(scopes)` to the load's future completed",
                    console.stream().map(ConsoleLoad::doneMs).toList(), s));
            md.append(loadRow("baseline: the same parallel listing, no UI (SecretsService.list over 12 scopes)", parallel, s));
            md.append(loadRow("baseline: sequential, one scope after another (same SecretsService.list)", seq, s));
            md.append(String.format(Locale.ROOT, "%nWarm-up round (first load in the JVM, SDK clients built): console %.0f ms, sequential %.0f ms.%n%n",
                    first.allRowsMs, firstSequential));
            Map<String, Double> roles = new java.util.TreeMap<>();
            for (String role : console.get(0).cpuByRole.keySet()) {
                roles.put(role, median(console.stream().map(c -> c.cpuByRole.getOrDefault(role, 0.0)).toList()));
            }
            md.append(String.format(Locale.ROOT, "CPU per console load (medians over the rounds): process %.0f ms; by thread: %s "
                            + "(ms; `jit` is the compilers' time, `gc` GC time, both outside the per-thread figures).%n%n",
                    median(console.stream().map(ConsoleLoad::processCpuMs).toList()), rounded(roles)));
            System.err.printf(Locale.ROOT, "load24k: console %.0f ms (first rows %.0f, done %.0f), parallel service-only %.0f ms, sequential %.0f ms%n",
                    all, firstRows, done, p, s);
            return md.toString();
        }
    }

    private static String loadRow(String label, List<Double> ms, double sequential) {
        double m = median(ms);
        return String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %.2f× | %.3f× |%n", label, m, min(ms), max(ms),
                m / PARALLEL_BOUND_MS, m / sequential);
    }

    /** A fresh InventoryViewModel and InventoryView (as the app builds them) in the stage, then one timed load. */
    static ConsoleLoad consoleLoad(Fx fx, Composition composition, List<Scope> scopes, int expected) throws Exception {
        Texts texts = Texts.load();
        InventoryViewModel vm = shownInventory(fx, composition.secrets(), new FxUiExecutor(composition.uiBackground()), texts);
        fx.pulse();
        Map<String, Double> cpuBefore = cpuByRole();
        cpuBefore.putAll(gcAndJit());
        double processBefore = processCpuMs();
        CompletableFuture<ConsoleLoad> result = new CompletableFuture<>();
        fx.call(() -> {
            TableView<SecretRow> table = table(fx.scene.getRoot());
            long t0 = System.nanoTime();
            pulsesWithNewRows.set(0);
            long[] marks = new long[3];
            int[] layouts = new int[2];     // pulses, and pulses with more rows than the one before
            Runnable onPulse = new Runnable() {
                @Override
                public void run() {
                    int shown = table.getItems().size();
                    layouts[0]++;
                    if (shown != layouts[1]) {
                        layouts[1] = shown;
                        pulsesWithNewRows.incrementAndGet();
                    }
                    if (marks[0] == 0 && shown > 0) {
                        marks[0] = System.nanoTime();
                    }
                    if (marks[1] == 0 && shown == expected) {
                        marks[1] = System.nanoTime();
                    }
                    if (marks[1] != 0 && marks[2] != 0) {
                        fx.scene.removePostLayoutPulseListener(this);
                        pulses.set(layouts[0]);
                        result.complete(new ConsoleLoad((marks[0] - t0) / 1e6, (marks[1] - t0) / 1e6, (marks[2] - t0) / 1e6,
                                processCpuMs() - processBefore, minus(withGcAndJit(cpuByRole()), cpuBefore)));
                    }
                }
            };
            fx.scene.addPostLayoutPulseListener(onPulse);
            vm.load(scopes).thenRun(() -> {
                marks[2] = System.nanoTime();
                if (vm.failedScopes().size() > 0) {
                    result.completeExceptionally(new IllegalStateException(vm.failedScopes().size() + " scopes failed: "
                            + vm.failedScopes().get(0).error()));
                }
                Platform.requestNextPulse();
            });
            return null;
        });
        ConsoleLoad load = result.get(120, TimeUnit.SECONDS);
        fx.call(() -> {
            fx.show(new StackPane());
            return null;
        });
        return load;
    }

    /** Pulses (layout passes) during the last console load, and how many of them showed new rows. */
    static final AtomicInteger pulses = new AtomicInteger();
    static final AtomicInteger pulsesWithNewRows = new AtomicInteger();

    /** The same listing, one scope after another: each scope's pages in order, then the next scope. */
    static double sequential(SecretsService secrets, List<Scope> scopes, int expected) throws Exception {
        long t0 = System.nanoTime();
        int total = 0;
        for (Scope scope : scopes) {
            total += listAndCount(secrets, List.of(scope));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        check(total == expected, "sequential listing found " + total + " secrets, expected " + expected);
        return ms;
    }

    /** Every scope at once through the app's fan-out, pages counted and dropped: the listing without the UI. */
    static double parallelServiceOnly(SecretsService secrets, List<Scope> scopes, int expected) throws Exception {
        long t0 = System.nanoTime();
        int total = listAndCount(secrets, scopes);
        double ms = (System.nanoTime() - t0) / 1e6;
        check(total == expected, "parallel listing found " + total + " secrets, expected " + expected);
        return ms;
    }

    private static int listAndCount(SecretsService secrets, List<Scope> scopes) throws Exception {
        AtomicInteger count = new AtomicInteger();
        List<FanOut.ScopeOutcome> outcomes = secrets.list(scopes, SecretQuery.all(), new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<SecretSummary> items) {
                count.addAndGet(items.size());
            }
        }).done().get(120, TimeUnit.SECONDS);
        for (FanOut.ScopeOutcome o : outcomes) {
            check(o.succeeded(), "listing " + o.scope().label() + " failed: " + o.error());
        }
        return count.get();
    }

    /** CPU time of this JVM's live threads by role (thread name without its numbers), in ms. */
    static Map<String, Double> cpuByRole() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> out = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long ns = threads.getThreadCpuTime(info.getThreadId());
            if (ns > 0) {
                out.merge(role(info.getThreadName()), ns / 1e6, Double::sum);
            }
        }
        return out;
    }

    private static String role(String threadName) {
        if (threadName.startsWith("strongroom-http")) {
            return "store (HTTP workers)";
        }
        if (threadName.startsWith("strongroom-fanout")) {
            return "fan-out (SDK calls, rows)";
        }
        if (threadName.equals("JavaFX Application Thread") || threadName.equals("Event Thread")) {
            return "FX thread";
        }
        if (threadName.startsWith("strongroom-audit")) {
            return "store (audit writer)";
        }
        return "other";
    }

    static String rounded(Map<String, Double> ms) {
        StringBuilder b = new StringBuilder();
        ms.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(Math.round(v)));
        return b.toString();
    }

    /** Milliseconds the JVM spent in GC pauses/cycles and in JIT compilation so far (adds to {@link #cpuByRole}). */
    static Map<String, Double> gcAndJit() {
        Map<String, Double> out = new java.util.TreeMap<>();
        double gc = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, bean.getCollectionTime());
        }
        out.put("gc (wall)", gc);
        out.put("jit", (double) ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        return out;
    }

    static Map<String, Double> withGcAndJit(Map<String, Double> roles) {
        roles.putAll(gcAndJit());
        return roles;
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> out = new java.util.TreeMap<>();
        after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
        return out;
    }

    static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    static List<Scope> scopesOf(LocalStore store) {
        List<Scope> scopes = new ArrayList<>();
        for (Account account : Composition.accountsOf(store).accounts()) {
            for (String region : REGIONS) {
                scopes.add(account.in(region));
            }
        }
        return scopes;
    }

    /**
     * The 24,000-secret store, with 50 ms latency on every HTTP request. Seeded once through
     * {@link LocalStore#invoke} (no HTTP, so no latency) and kept under {@code target/} for the
     * next run: seeding encrypts 24,000 values and takes a while on two cores.
     */
    record Estate(LocalStore store, int total, boolean reused, double seedSeconds) {

        static Estate open() throws IOException {
            Path dir = Path.of(System.getProperty("bench.estateDir", "target/bench-estate-24k")).toAbsolutePath();
            Path marker = dir.resolve("seeded.txt");
            boolean reuse = Files.exists(marker);
            if (!reuse && Files.exists(dir)) {
                deleteTree(dir);
            }
            LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withLatency(Map.of("*", LATENCY)));
            int total = store.accounts().list().size() * REGIONS.size() * SECRETS_PER_SCOPE;
            if (reuse) {
                String[] recorded = Files.readString(marker).trim().split(" ");
                return new Estate(store, total, true, Double.parseDouble(recorded[1]));
            }
            long t0 = System.nanoTime();
            seed(store);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Files.writeString(marker, total + " " + String.format(Locale.ROOT, "%.1f", seconds) + "\n");
            System.err.printf(Locale.ROOT, "seeded %,d secrets in %.1f s%n", total, seconds);
            return new Estate(store, total, false, seconds);
        }

        private static void seed(LocalStore store) {
            String[] teams = {"payments", "ledger", "checkout", "fraud", "identity", "search", "data-eng", "platform"};
            String[] kinds = {"postgres", "redis", "kafka-sasl", "api-key", "oauth-client", "webhook-hmac", "smtp", "s3-presign"};
            Instant base = Instant.parse("2026-06-01T00:00:00Z");
            for (LocalAccount account : store.accounts().list()) {
                for (String region : REGIONS) {
                    store.bulk(() -> {
                        for (int i = 0; i < SECRETS_PER_SCOPE; i++) {
                            String team = teams[i % teams.length];
                            String kind = kinds[(i / teams.length) % kinds.length];
                            String env = i % 3 == 0 ? "prod" : i % 3 == 1 ? "staging" : "dev";
                            CreateSecretRequest request = CreateSecretRequest.builder()
                                    .name(env + "/" + team + "/" + kind + "-" + i)
                                    .description("Benchmark secret " + i + " for " + team + " (" + kind + ")")
                                    .secretString("bench-only-" + i)
                                    .tags(Tag.builder().key("owner").value("team-" + team).build(),
                                            Tag.builder().key("env").value(env).build(),
                                            Tag.builder().key("cost-center").value("cc-" + (1000 + i % 40)).build())
                                    .build();
                            store.invoke(account.accountId(), region, base.plusSeconds(i * 60L), "secretsmanager", "CreateSecret", request);
                        }
                        return null;
                    });
                }
            }
        }
    }

    // =============================================================================================
    // search100k
    // =============================================================================================

    static String search100k() throws Exception {
        String loadBefore = loadAverage();
        Fx fx = Fx.start();
        List<SecretRow> rows = syntheticRows(SEARCH_ROWS);
        Texts texts = Texts.load();
        InventoryViewModel vm = shownInventory(fx, unusedSecrets(), new FxUiExecutor(java.util.concurrent.Executors.newCachedThreadPool()), texts);
        fx.pulse();
        // baseline first: the same keystrokes with no rows, the fixed cost of a keystroke in this view
        Keystrokes empty = typeAndErase(fx, 2);
        double loadMs = fx.call(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i += 1000) {
                InventoryBenchAccess.addRows(vm, rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
            fx.layout();
            return (System.nanoTime() - t0) / 1e6;
        });
        check(fx.call(() -> table(fx.scene.getRoot()).getItems().size()) == SEARCH_ROWS, "not every row reached the table");
        fx.pulse();
        typeAndErase(fx, 1);        // warm-up pass, not counted
        Keystrokes full = typeAndErase(fx, 2);
        int matches = fx.call(() -> {
            search(fx).setText(TYPED);
            return vm.visibleRows().size();
        });
        fx.call(() -> {
            search(fx).setText("");
            return null;
        });
        StockSearch stock = stockFilteredList(rows);
        System.err.printf(Locale.ROOT, "search100k: typing median %.1f ms (p90 %.1f) to items, %.1f ms (p90 %.1f) to layout; "
                        + "erasing median %.1f / %.1f ms; empty table %.1f ms to layout; stock FilteredList %.1f ms%n",
                median(full.typedItems), p90(full.typedItems), median(full.typedLayout), p90(full.typedLayout),
                median(full.erasedItems), median(full.erasedLayout), median(empty.typedLayout), median(stock.typed));
        StringBuilder md = new StringBuilder();
        md.append("### Search over 100,000 rows — goal: median keystroke < 100 ms\n\n");
        md.append(String.format(Locale.ROOT, "%,d synthetic rows (12 scopes, names like `prod/payments/stripe-42`, description, "
                        + "three tags) added to the real InventoryViewModel in 1,000-row batches (%.0f ms, sorted by name) and bound "
                        + "to the real InventoryView in a 1440×880 window under headless Monocle (software rendering). "
                        + "`%s` is typed into the search box one character at a time and erased with one backspace at a time, twice "
                        + "(%d keystrokes each way), after one unmeasured pass; the full string matches %,d rows. "
                        + "\"To items\" ends when the text field's change has reached the table's items (filtering is synchronous); "
                        + "\"to layout\" also includes the scene's CSS and layout pass, which rebuilds the visible cells "
                        + "(what a pulse does before painting). Load average %s at the start.%n%n",
                SEARCH_ROWS, loadMs, TYPED, TYPED.length() * 2, matches, loadBefore));
        md.append("| keystrokes | to items: median | p90 | to layout: median | p90 | max |\n|---|---|---|---|---|---|\n");
        md.append(keyRow("typing (narrowing: only visible rows re-tested)", full.typedItems, full.typedLayout));
        md.append(keyRow("erasing (widening: the view kept for the shorter text comes back)", full.erasedItems, full.erasedLayout));
        List<Double> allItems = concat(full.typedItems, full.erasedItems);
        List<Double> allLayout = concat(full.typedLayout, full.erasedLayout);
        md.append(keyRow("**all keystrokes, 100,000 rows**", allItems, allLayout));
        md.append(keyRow("baseline: the same keystrokes, empty table", concat(empty.typedItems, empty.erasedItems),
                concat(empty.typedLayout, empty.erasedLayout)));
        md.append(String.format(Locale.ROOT, "| baseline: stock `FilteredList` over the same rows, new predicate per keystroke, no table "
                        + "| %.1f ms | %.1f ms | – | – | %.1f ms |%n",
                median(stock.typed), p90(stock.typed), max(stock.typed)));
        md.append(String.format(Locale.ROOT, "%nRatio of the median keystroke (to layout) to the 100 ms goal: %.2f; to the empty-table "
                        + "baseline: %.1f×.%n%n", median(allLayout) / 100.0,
                median(allLayout) / median(concat(empty.typedLayout, empty.erasedLayout))));
        return md.toString();
    }

    private static String keyRow(String label, List<Double> items, List<Double> layout) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", label, median(items), p90(items),
                median(layout), p90(layout), max(layout));
    }

    record Keystrokes(List<Double> typedItems, List<Double> typedLayout, List<Double> erasedItems, List<Double> erasedLayout) {}

    /** Types {@link #TYPED} and erases it, {@code passes} times, one keystroke per FX event with a pulse between. */
    static Keystrokes typeAndErase(Fx fx, int passes) throws Exception {
        Keystrokes k = new Keystrokes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < TYPED.length(); i++) {
                String ch = TYPED.substring(i, i + 1);
                keystroke(fx, f -> f.appendText(ch), k.typedItems, k.typedLayout);
            }
            for (int i = 0; i < TYPED.length(); i++) {
                keystroke(fx, f -> f.deletePreviousChar(), k.erasedItems, k.erasedLayout);
            }
        }
        return k;
    }

    private static void keystroke(Fx fx, java.util.function.Consumer<TextField> edit, List<Double> items, List<Double> layout)
            throws Exception {
        double[] t = fx.call(() -> {
            TextField field = search(fx);
            field.positionCaret(field.getLength());
            long t0 = System.nanoTime();
            edit.accept(field);
            long t1 = System.nanoTime();
            fx.layout();
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6};
        });
        items.add(t[0]);
        layout.add(t[1]);
        fx.pulse();         // painted before the next keystroke, as between a person's keystrokes
    }

    record StockSearch(List<Double> typed) {}

    /** JavaFX's own FilteredList over the same sorted rows, with the same needle matching: a point of comparison. */
    static StockSearch stockFilteredList(List<SecretRow> rows) throws Exception {
        List<SecretRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(SecretRow::name));
        FilteredList<SecretRow> filtered = new FilteredList<>(FXCollections.observableArrayList(sorted));
        List<Double> typed = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 1; i <= TYPED.length(); i++) {
                String[] needles = TYPED.substring(0, i).toLowerCase(Locale.ROOT).split("\\s+");
                Predicate<SecretRow> p = r -> {
                    for (String n : needles) {
                        if (!r.searchKey().contains(n)) {
                            return false;
                        }
                    }
                    return true;
                };
                long t0 = System.nanoTime();
                filtered.setPredicate(p);
                filtered.size();
                if (pass > 0) {
                    typed.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        return new StockSearch(typed);
    }

    /** A SecretsService the search benchmark never calls: its rows come from {@link InventoryBenchAccess}. */
    private static SecretsService unusedSecrets() {
        return new SecretsService(new ClientRegistry(ClientRegistry.Settings.defaults()),
                new FanOut(Runnable::run, 1, new RateLimiters(TimeSource.system())));
    }

    /** 100,000 rows across 12 scopes, shaped like listed secrets (names, descriptions, tags, dates). */
    static List<SecretRow> syntheticRows(int n) {
        String[] aliases = {"security-audit", "payments-prod", "analytics-dev"};
        String[] apps = {"payments/stripe", "ledger/kafka", "analytics/redshift", "checkout/paypal", "fraud/sift", "airflow/fernet",
                "identity/okta", "search/opensearch"};
        List<Scope> scopes = new ArrayList<>();
        for (int a = 0; a < aliases.length; a++) {
            Account account = new Account(String.format(Locale.ROOT, "1000000000%02d", a), aliases[a], URI.create("http://127.0.0.1:1"),
                    new CredentialsRef.StaticKeys("AKIABENCH" + a, "unused"), "embedded store");
            for (String region : REGIONS) {
                scopes.add(account.in(region));
            }
        }
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        List<SecretRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Scope s = scopes.get(i % scopes.size());
            String app = apps[i % apps.length];
            String env = i % 3 == 0 ? "prod" : i % 3 == 1 ? "staging" : "dev";
            String name = env + "/" + app + "-" + i;
            out.add(new SecretRow(new SecretSummary(s, "arn:aws:secretsmanager:" + s.region() + ":" + s.accountId() + ":secret:" + name + "-AbCdEf",
                    name, "Credentials for " + app + " service " + i, i % 5 == 0 ? "alias/" + app.replace('/', '-') : null, null,
                    i % 4 == 0 ? null : now.minusSeconds(3600L * (i % 500)), now.minusSeconds(7L * i), now.minusSeconds(11L * i), null,
                    Map.of("owner", "team-" + (i % 40), "env", env, "cost-center", "cc-" + (1000 + i % 40)), null, null, null, null)));
        }
        return out;
    }

    // =============================================================================================
    // heap
    // =============================================================================================

    static String heap() throws Exception {
        double[] h100 = heapResult(child("heap100k", List.of()));
        double[] h24 = heapResult(child("heap24k", List.of()));
        double[] capped = heapResult(child("heap100k", List.of("-Xmx512m")));
        StringBuilder md = new StringBuilder();
        md.append("### Heap after loading — goal: < 512 MB\n\n");
        md.append("Used heap after a full GC (`System.gc()` three times, G1, default heap limit), read from the memory MXBean; "
                + "each line is a fresh JVM with the FX toolkit started and an empty inventory shown before the baseline is taken. "
                + "The 24,000-row line runs the embedded store in the same JVM, as the console does, and loads through the real "
                + "path (SDK, fan-out, view model, table).\n\n");
        md.append("| rows in the table | used heap before loading (baseline) | used heap after loading | loaded rows cost | per row |\n"
                + "|---|---|---|---|---|\n");
        md.append(heapRow("100,000 (synthetic, search benchmark's rows)", h100, SEARCH_ROWS));
        md.append(heapRow("24,000 (listed from the embedded store)", h24, 24_000));
        md.append(heapRow("100,000 again, JVM capped at `-Xmx512m`", capped, SEARCH_ROWS));
        md.append("\n");
        return md.toString();
    }

    private static String heapRow(String label, double[] h, int rows) {
        return String.format(Locale.ROOT, "| %s | %.0f MB | **%.0f MB** | %.0f MB | %.2f KB |%n", label, h[0], h[1], h[1] - h[0],
                (h[1] - h[0]) * 1024 / rows);
    }

    private static double[] heapResult(String childOutput) {
        for (String line : childOutput.split("\n")) {
            if (line.startsWith("HEAP ")) {
                String[] f = line.split(" ");
                return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
        }
        throw new IllegalStateException("the heap child printed no result");
    }

    static String heap100k() throws Exception {
        Fx fx = Fx.start();
        Texts texts = Texts.load();
        List<SecretRow> rows = new ArrayList<>();
        InventoryViewModel vm = shownInventory(fx, unusedSecrets(), new FxUiExecutor(java.util.concurrent.Executors.newCachedThreadPool()), texts);
        fx.pulse();
        double before = usedHeapMb();
        rows.addAll(syntheticRows(SEARCH_ROWS));
        fx.call(() -> {
            for (int i = 0; i < rows.size(); i += 1000) {
                InventoryBenchAccess.addRows(vm, rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
            return null;
        });
        rows.clear();            // only the view model and the table hold the rows now
        fx.pulse();
        check(fx.call(() -> vm.visibleRows().size()) == SEARCH_ROWS, "rows missing");
        double after = usedHeapMb();
        Objects.requireNonNull(vm);
        return "HEAP " + String.format(Locale.ROOT, "%.1f %.1f", before, after);
    }

    static String heap24k() throws Exception {
        Estate estate = Estate.open();
        try (LocalStore store = estate.store(); Composition composition = new Composition(store)) {
            List<Scope> scopes = scopesOf(store);
            Fx fx = Fx.start();
            Texts texts = Texts.load();
            InventoryViewModel vm = shownInventory(fx, composition.secrets(), new FxUiExecutor(composition.uiBackground()), texts);
            fx.pulse();
            double before = usedHeapMb();
            fx.call(() -> vm.load(scopes)).get(120, TimeUnit.SECONDS);
            fx.pulse();
            check(fx.call(() -> vm.visibleRows().size()) == estate.total(), "rows missing");
            double after = usedHeapMb();
            return "HEAP " + String.format(Locale.ROOT, "%.1f %.1f", before, after);
        }
    }

    static double usedHeapMb() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    // =============================================================================================
    // coldstart
    // =============================================================================================

    /** Milliseconds from spawning the process to each probe milestone. */
    record ColdStart(double windowMs, double firstRowsMs, double loadedMs, double cpuToFirstRowsMs) {}

    static String coldstart() throws Exception {
        Path project = Path.of(System.getProperty("bench.project", System.getProperty("user.dir"))).toAbsolutePath();
        check(Files.exists(project.resolve("pom.xml")), "run from the project directory (or set -Dbench.project)");
        String baselineProperty = System.getProperty("bench.baselineProject");
        Path baseline = baselineProperty == null || baselineProperty.isBlank() ? null : Path.of(baselineProperty).toAbsolutePath();
        check(baseline == null || Files.exists(baseline.resolve("target/classes")),
                "bench.baselineProject must be a compiled checkout of the previous build (mvn -q compile there)");
        Path work = Files.createTempDirectory("strongroom-bench-cold-");
        try (Xvfb display = Xvfb.start()) {
            List<Path> projects = baseline == null ? List.of(project) : List.of(baseline, project);
            Map<Path, String> runtimeClasspath = new java.util.HashMap<>();
            Map<Path, List<List<ColdStart>>> runs = new java.util.HashMap<>();
            for (Path p : projects) {
                runtimeClasspath.put(p, runtimeClasspath(p, work));
                runs.put(p, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
            List<Double> version = new ArrayList<>();
            List<Double> compileOnly = new ArrayList<>();
            List<Double> versionCpu = new ArrayList<>();
            List<Double> compileCpu = new ArrayList<>();
            List<String> loadByRound = new ArrayList<>();
            List<String> mvnConsole = List.of("mvn", "-q", "compile", "exec:java", "-Dprism.order=sw");
            for (int round = 0; round < COLD_ROUNDS; round++) {
                loadByRound.add(loadAverage());
                // each build's first run, then each build's second run, then direct java: the builds
                // alternate within a round, so a busy minute on the shared machine hits both
                List<Map<String, String>> envs = new ArrayList<>();
                for (int b = 0; b < projects.size(); b++) {
                    Path dataDir = work.resolve("data-" + round + "-" + b);
                    Path configDir = work.resolve("config-" + round + "-" + b);
                    envs.add(Map.of("DISPLAY", display.name, "STRONGROOM_DATA_DIR", dataDir.toString(),
                            "STRONGROOM_CONFIG_DIR", configDir.toString(), "XDG_CONFIG_HOME", work.resolve("xdg-" + round + "-" + b).toString()));
                }
                for (int kind = 0; kind < 3; kind++) {
                    for (int b = 0; b < projects.size(); b++) {
                        Path p = projects.get(b);
                        Path probe = work.resolve("probe-" + round + "-" + b + "-" + kind);
                        List<String> command = kind < 2 ? mvnConsole : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Dprism.order=sw", "-cp", runtimeClasspath.get(p), "io.strongroom.app.Launcher");
                        runs.get(p).get(kind).add(console(p, command, envs.get(b), probe));
                    }
                }
                double[] v = timeAndCpuToExit(project, List.of("mvn", "-q", "compile", "exec:java", "-Dexec.args=--version"), envs.get(0));
                version.add(v[0]);
                versionCpu.add(v[1]);
                double[] c = timeAndCpuToExit(project, List.of("mvn", "-q", "compile"), envs.get(0));
                compileOnly.add(c[0]);
                compileCpu.add(c[1]);
                StringBuilder line = new StringBuilder("coldstart round " + (round + 1) + " (load " + loadByRound.get(round) + "):");
                for (Path p : projects) {
                    line.append(p.equals(project) ? " this build" : " baseline").append(": first ").append(runs.get(p).get(0).get(round))
                            .append(", second ").append(runs.get(p).get(1).get(round)).append(", java ").append(runs.get(p).get(2).get(round)).append(';');
                }
                System.err.printf(Locale.ROOT, "%s mvn --version %.0f ms; mvn compile %.0f ms%n", line, version.get(round), compileOnly.get(round));
            }
            double v = median(version);
            StringBuilder md = new StringBuilder();
            md.append("### Cold start of `mvn -q compile exec:java` to a populated window — goal: < 3 s\n\n");
            md.append(String.format(Locale.ROOT, "The README's command under Xvfb (`-Dprism.order=sw`), classes already compiled, "
                            + "with `STRONGROOM_DATA_DIR` and `STRONGROOM_CONFIG_DIR` pointing at fresh directories; timed from spawning "
                            + "`mvn` to the probe's lines (`-Dstrongroom.startupProbe=FILE`, see `app/StartupProbe`): the window's first "
                            + "layout, the first rows in the inventory table, and the first load finished (the default scope of a first "
                            + "start). First run: a fresh data directory, so the demo estate is seeded; second run: the same directories "
                            + "again. Median of %d rounds; in each round the builds alternate (first runs, second runs, direct `java`), "
                            + "then the `mvn` baselines; load average at each round's start: %s.%n%n",
                    COLD_ROUNDS, String.join("; ", loadByRound)));
            md.append("| build | run | window shown | **first rows in the table** | first load finished | first rows: ratio to the `--version` baseline "
                    + "| process CPU to first rows |\n|---|---|---|---|---|---|---|\n");
            for (Path p : projects) {
                String build = p.equals(project) ? "this build" : "baseline (" + p.getFileName() + ")";
                md.append(coldRow(build + " | first run (demo estate seeded), `mvn -q compile exec:java`", runs.get(p).get(0), v));
                md.append(coldRow(build + " | second run (existing data), `mvn -q compile exec:java`", runs.get(p).get(1), v));
                md.append(coldRow(build + " | second run, `java -cp … Launcher` directly (no Maven)", runs.get(p).get(2), v));
            }
            md.append(String.format(Locale.ROOT, "| – | `mvn -q compile exec:java -Dexec.args=--version` (same command, trivial run), "
                    + "start to exit | – | %.0f ms (min %.0f, max %.0f) | – | 1.00× | %.1f s (to exit) |%n", v, min(version), max(version),
                    median(versionCpu) / 1000));
            md.append(String.format(Locale.ROOT, "| – | `mvn -q compile` alone, start to exit | – | %.0f ms (min %.0f, max %.0f) | – | %.2f× "
                    + "| %.1f s (to exit) |%n%n", median(compileOnly), min(compileOnly), max(compileOnly), median(compileOnly) / v,
                    median(compileCpu) / 1000));
            return md.toString();
        } finally {
            deleteTree(work);
        }
    }

    private static String coldRow(String label, List<ColdStart> runs, double baseline) {
        List<Double> w = runs.stream().map(ColdStart::windowMs).toList();
        List<Double> f = runs.stream().map(ColdStart::firstRowsMs).toList();
        List<Double> l = runs.stream().map(ColdStart::loadedMs).toList();
        List<Double> cpu = runs.stream().map(ColdStart::cpuToFirstRowsMs).toList();
        return String.format(Locale.ROOT, "| %s | %.0f ms | **%.0f ms** (min %.0f, max %.0f) | %.0f ms | %.2f× | %.1f s |%n", label, median(w),
                median(f), min(f), max(f), median(l), median(f) / baseline, median(cpu) / 1000);
    }

    /** Starts the console, waits for the probe's "loaded" line, stops the process tree. */
    static ColdStart console(Path project, List<String> command, Map<String, String> env, Path probe) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(cmd.get(0).equals("mvn") ? 4 : 1, "-Dstrongroom.startupProbe=" + probe);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(probe.resolveSibling(probe.getFileName() + ".log").toFile());
        pb.environment().putAll(env);
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        try {
            Map<String, Long> seen = new java.util.HashMap<>();
            double cpuToFirstRows = -1;
            while (!seen.containsKey("loaded")) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the console exited before it was loaded; see " + probe + ".log");
                }
                if (System.currentTimeMillis() - t0 > 90_000) {
                    throw new IllegalStateException("the console was not loaded in 90 s; see " + probe + ".log");
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
                if (cpuToFirstRows < 0 && seen.containsKey("first-rows")) {
                    cpuToFirstRows = cpuMsOfTree(p);      // within one 20 ms poll of the line
                }
            }
            return new ColdStart(seen.get("window-shown") - t0, seen.get("first-rows") - t0, seen.get("loaded") - t0, cpuToFirstRows);
        } finally {
            stopTree(p);
        }
    }

    /** User + system CPU of a process and its descendants so far, from /proc (ms). */
    static double cpuMsOfTree(Process p) {
        double ms = 0;
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        for (ProcessHandle h : all) {
            try {
                String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ms += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;      // USER_HZ = 100
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile
            }
        }
        return ms;
    }

    static double timeToExit(Path project, List<String> command, Map<String, String> env) throws Exception {
        return timeAndCpuToExit(project, command, env)[0];
    }

    /** Wall time and user + system CPU (through {@code /usr/bin/time}) of a command run to its end, in ms. */
    static double[] timeAndCpuToExit(Path project, List<String> command, Map<String, String> env) throws Exception {
        Path cpuFile = Files.createTempFile("strongroom-bench-cpu-", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
        timed.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(timed).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        check(p.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
        double ms = (System.nanoTime() - t0) / 1e6;
        check(p.exitValue() == 0, command + " exited with " + p.exitValue());
        String[] cpu = Files.readString(cpuFile).trim().split("\\s+");
        Files.deleteIfExists(cpuFile);
        return new double[] {ms, (Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1])) * 1000};
    }

    /** The console's runtime classpath (target/classes and runtime dependencies), as Maven resolves it. */
    static String runtimeClasspath(Path project, Path work) throws Exception {
        Path out = work.resolve("runtime.cp");
        timeToExit(project, List.of("mvn", "-q", "dependency:build-classpath", "-DincludeScope=runtime",
                "-Dmdep.outputFile=" + out), Map.of());
        return project.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(out).trim();
    }

    static void stopTree(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** An X server for the real window: the one in {@code DISPLAY}, or an Xvfb started here. */
    static final class Xvfb implements AutoCloseable {
        final String name;
        private final Process process;

        private Xvfb(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        static Xvfb start() throws Exception {
            String existing = System.getProperty("bench.display");
            if (existing != null) {
                return new Xvfb(existing, null);
            }
            int n = 90;
            while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                n++;
            }
            Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                check(x.isAlive(), "Xvfb exited (install it: apt-get install xvfb)");
                check(System.nanoTime() < end, "Xvfb did not start in 10 s");
                Thread.sleep(20);
            }
            return new Xvfb(":" + n, x);
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    // =============================================================================================
    // JavaFX under headless Monocle
    // =============================================================================================

    /** The FX toolkit on Monocle's headless screen, one stage and scene the benchmarks put views in. */
    static final class Fx {
        Stage stage;
        Scene scene;

        static Fx start() throws Exception {
            Map<String, String> headless = Map.of("glass.platform", "Monocle", "monocle.platform", "Headless", "prism.order", "sw",
                    "prism.text", "t2k", "headless.geometry", "1600x1000-32", "java.awt.headless", "true",
                    "javafx.cachedir", Path.of("target", "javafx-cache").toAbsolutePath().toString());
            headless.forEach((k, v) -> {
                if (System.getProperty(k) == null) {
                    System.setProperty(k, v);
                }
            });
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            check(started.await(30, TimeUnit.SECONDS), "the FX toolkit did not start");
            Platform.setImplicitExit(false);
            Fx fx = new Fx();
            fx.call(() -> {
                Theme.LIGHT.apply();
                fx.scene = new Scene(new StackPane(), 1440, 880);
                fx.stage = new Stage();
                fx.stage.setScene(fx.scene);
                fx.stage.show();
                return null;
            });
            fx.pulse();
            return fx;
        }

        void show(Parent root) {
            scene.setRoot(root);
        }

        /** CSS and layout of the whole scene now, as a pulse does before painting (FX thread). */
        void layout() {
            Parent root = scene.getRoot();
            root.applyCss();
            root.layout();
        }

        /** Waits for the next pulse to have run (call off the FX thread). */
        void pulse() throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            call(() -> {
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        scene.removePostLayoutPulseListener(this);
                        done.complete(null);
                    }
                });
                Platform.requestNextPulse();
                return null;
            });
            done.get(30, TimeUnit.SECONDS);
            // the pulse's painting happens on the render thread after layout: let it finish
            call(() -> null);
        }

        <T> T call(Callable<T> work) throws Exception {
            return FxThread.call(work, Duration.ofSeconds(120));
        }
    }

    /** A fresh InventoryViewModel (as the app builds it) with its view shown in the stage. */
    static InventoryViewModel shownInventory(Fx fx, SecretsService secrets, FxUiExecutor executor, Texts texts) throws Exception {
        return fx.call(() -> {
            InventoryViewModel m = new InventoryViewModel(secrets, executor, new RecordingClipboard(), texts, Clock.systemDefaultZone());
            fx.show(inventoryView(m, texts));
            return m;
        });
    }

    /** The inventory as the console shows it: the view with the app's stylesheet (the theme is the FX default). */
    static InventoryView inventoryView(InventoryViewModel vm, Texts texts) {
        InventoryView view = new InventoryView(vm, new InventoryFileExport(new RecordingDialogs(), new DirectUiExecutor(), texts, Clock.systemUTC()), texts,
                new Formats(ZoneOffset.UTC), null);
        view.getStylesheets().add(Objects.requireNonNull(ConsoleBenchmarks.class.getResource(Styles.STYLESHEET)).toExternalForm());
        return view;
    }

    @SuppressWarnings("unchecked")
    static TableView<SecretRow> table(Parent root) {
        return (TableView<SecretRow>) Objects.requireNonNull(root.lookup("#" + InventoryView.TABLE_ID), "no inventory table");
    }

    static TextField search(Fx fx) {
        return (TextField) Objects.requireNonNull(fx.scene.getRoot().lookup("#" + InventoryView.SEARCH_ID), "no search box");
    }

    // =============================================================================================
    // Helpers
    // =============================================================================================

    /** Runs one mode in a fresh JVM with this one's classpath; returns what it printed on stdout. */
    static String child(String mode, List<String> jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        for (String p : List.of("bench.estateDir", "bench.project", "bench.display")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ConsoleBenchmarks.class.getName(), mode));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        check(p.waitFor() == 0, mode + " failed with exit code " + p.exitValue());
        return out.toString().strip() + "\n\n";
    }

    static String machine() throws IOException {
        String cpu = "unknown CPU";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        long memKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memKb = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return String.format(Locale.ROOT, "Machine: %d vCPU %s, %.0f GiB, %s, Java %s. Date: %s. Load average at the start: %s.%n%n",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0, System.getProperty("os.name"),
                System.getProperty("java.version"), LocalDate.now(), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static double median(List<Double> values) {
        double[] s = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double p90(List<Double> values) {
        double[] s = values.stream().mapToDouble(d -> d).sorted().toArray();
        return s[Math.max(0, (int) Math.ceil(s.length * 0.9) - 1)];
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }
}
