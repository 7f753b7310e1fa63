package io.strongroom.bench;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.SyntheticTrail;
import io.strongroom.ui.audit.timeline.TimelineModel;
import io.strongroom.ui.audit.timeline.TimelineView;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's audit timeline of 100,000 events, from query to drawn (issue #12): the records in
 * hand (as the audit service hands them over, newest first) are given to the
 * {@link TimelineModel} shown by a real {@link TimelineView} in a 1440×880 window under headless
 * Monocle (software rendering); timed from {@code setRecords} on the FX thread to the end of the
 * next pulse, whose rendering has painted the canvas. Baseline in the same run: the same with no
 * records (the pulse and the drawing of an empty chart). Also timed apart: the model alone
 * (sorting and counting), and a zoom step on the 100,000 events (recount and draw).
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.TimelineBenchmark"
 * </pre>
 * System property {@code bench.rounds} (measured rounds, 11, after 5 unmeasured).
 */
public final class TimelineBenchmark {

    static final int EVENTS = 100_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 11);
    static final int WARMUP = 5;
    static final Instant NOW = Instant.parse("2026-12-04T15:20:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private TimelineBenchmark() {}

    /** Wall times, and the CPU time the FX thread spent in {@code setRecords} (the model counting, the chart drawing). */
    record Round(double toDrawnMs, double modelMs, double fxCpuMs, double emptyToDrawnMs, double zoomToDrawnMs) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<AuditRecord> records = newestFirst(SyntheticTrail.historyOf(NOW, EVENTS, 42));
        ConsoleBenchmarks.Fx fx = ConsoleBenchmarks.Fx.start();
        TimelineModel model = new TimelineModel(Clock.fixed(NOW, ZONE));
        fx.call(() -> {
            TimelineView view = new TimelineView(model, Texts.load(), new Formats(ZONE));
            VBox card = new VBox(view);
            card.getStyleClass().add(Controls.CARD);
            StackPane root = new StackPane(card);
            root.getStylesheets().add(Controls.STYLESHEET);
            fx.show(root);
            return null;
        });
        fx.pulse();
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < WARMUP + ROUNDS; i++) {
            Round r = round(fx, model, records);
            if (i >= WARMUP) {
                rounds.add(r);
            }
            System.err.printf(Locale.ROOT, "%s %d: to drawn %.1f ms (setRecords %.1f ms, %.1f ms CPU); empty %.1f ms; zoom step %.1f ms; load %s%n",
                    i < WARMUP ? "warm-up" : "round", i < WARMUP ? i + 1 : i - WARMUP + 1, r.toDrawnMs(), r.modelMs(), r.fxCpuMs(),
                    r.emptyToDrawnMs(), r.zoomToDrawnMs(), ConsoleBenchmarks.loadAverage());
        }
        double drawn = ConsoleBenchmarks.median(rounds.stream().map(Round::toDrawnMs).toList());
        double empty = ConsoleBenchmarks.median(rounds.stream().map(Round::emptyToDrawnMs).toList());
        StringBuilder md = new StringBuilder(ConsoleBenchmarks.machine());
        md.append(String.format(Locale.ROOT, """
                ### Audit timeline of %,d events, query to drawn

                Records in hand (90 days of one account, newest first, as LookupEvents pages arrive) given to the
                timeline's model on the FX thread, timed to the end of the next pulse, whose rendering painted the
                chart: the real TimelineView in a 1440×880 window under headless Monocle (software rendering).
                Median of %d rounds after %d unmeasured ones.

                | measure | median | min | max | ratio to baseline |
                |---|---|---|---|---|
                """, EVENTS, ROUNDS, WARMUP));
        md.append(row("%,d events: setRecords to drawn".formatted(EVENTS), rounds.stream().map(Round::toDrawnMs).toList(), empty));
        md.append(row("of which setRecords on the FX thread (sort, count, draw the canvas)", rounds.stream().map(Round::modelMs).toList(), empty));
        md.append(row("the same, CPU time of the FX thread", rounds.stream().map(Round::fxCpuMs).toList(), empty));
        md.append(row("zoom one level on %,d events, to drawn".formatted(EVENTS), rounds.stream().map(Round::zoomToDrawnMs).toList(), empty));
        md.append(row("baseline: no events, to drawn", rounds.stream().map(Round::emptyToDrawnMs).toList(), empty));
        md.append(String.format(Locale.ROOT, "%nLoad average at the end: %s.%n", ConsoleBenchmarks.loadAverage()));
        System.out.println();
        System.out.println(md);
        System.out.printf(Locale.ROOT, "timeline of %,d events: %.1f ms query to drawn (median)%n", EVENTS, drawn);
        System.out.flush();
        System.exit(0);
    }

    private static Round round(ConsoleBenchmarks.Fx fx, TimelineModel model, List<AuditRecord> records) throws Exception {
        fx.call(() -> {
            model.clear();
            model.zoomToWindow();
            return null;
        });
        fx.pulse();
        double[] modelMs = new double[2];
        long t0 = System.nanoTime();
        fx.call(() -> {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long m0 = System.nanoTime();
            model.setRecords(records);
            modelMs[0] = (System.nanoTime() - m0) / 1e6;
            modelMs[1] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            return null;
        });
        fx.pulse();
        double toDrawn = (System.nanoTime() - t0) / 1e6;

        long z0 = System.nanoTime();
        fx.call(() -> {
            model.zoomIn(SyntheticTrail.incidentStart(NOW));
            return null;
        });
        fx.pulse();
        double zoom = (System.nanoTime() - z0) / 1e6;

        long e0 = System.nanoTime();
        fx.call(() -> {
            model.setRecords(List.of());
            return null;
        });
        fx.pulse();
        double empty = (System.nanoTime() - e0) / 1e6;
        return new Round(toDrawn, modelMs[0], modelMs[1], empty, zoom);
    }

    private static String row(String label, List<Double> ms, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n", label, ConsoleBenchmarks.median(ms),
                ConsoleBenchmarks.min(ms), ConsoleBenchmarks.max(ms), ConsoleBenchmarks.median(ms) / baseline);
    }

    private static List<AuditRecord> newestFirst(List<AuditRecord> records) {
        List<AuditRecord> out = new ArrayList<>(records);
        out.sort((a, b) -> b.time().compareTo(a.time()));
        return out;
    }
}
