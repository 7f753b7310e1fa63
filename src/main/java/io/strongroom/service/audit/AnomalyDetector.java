package io.strongroom.service.audit;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail's anomalies: pure and deterministic (the same records, in any order, give the
 * same anomalies), newest first. Each principal is judged against its own behaviour in the
 * window; an assumed role's sessions count as the role ({@link AuditRecord#actor()}). Related
 * events make one anomaly, with them as evidence (newest first, at most {@value #MAX_EVIDENCE}):
 *
 * <ul>
 *   <li>{@code FIRST_READ}, per principal and secret: the first successful value read of a
 *       secret by a principal that had not read it in the window, once the learning days are
 *       over; evidence is that read and the principal's later reads of the secret.</li>
 *   <li>{@code NEW_SOURCE_IP}, per principal and address: after the learning days, calls from
 *       an address the principal had not called from before in the window (a principal's very
 *       first calls set no baseline), raised when they include a value read; {@code detail} is
 *       the address, {@code usual} how many addresses the principal had used.</li>
 *   <li>{@code OFF_HOURS}, per principal and clock hour: value reads, after the learning days,
 *       at an hour of day (UTC) that holds under 1% of the principal's calls before that day,
 *       once those are at least {@code offHoursMinimum}; {@code detail} is the hour of day
 *       ("3" for 03:00–03:59 UTC), {@code usual} the share (%) of earlier calls at that hour.</li>
 *   <li>{@code RATE_SPIKE}, per principal and clock hour: at least {@code spikeMinimum} value
 *       reads (attempts, refused ones too) in the hour, and more than {@code spikeFactor} times
 *       the usual: the larger of the principal's mean reads per hour over the hours it read in,
 *       and its mean over the same hour of day on the days it read then (so a nightly batch is
 *       its own usual), the judged hour left out of both; {@code usual} is that mean.</li>
 *   <li>{@code ACCESS_DENIED_BURST}, per principal and burst: at least {@code deniedBurst}
 *       refusals within {@code deniedWindow}; overlapping windows make one burst;
 *       {@code observed} is the refusals in it, {@code usual} the threshold.</li>
 *   <li>{@code SWEEP}, per principal and sweep: value reads (GetSecretValue,
 *       BatchGetSecretValue, refused ones too) touching at least {@code sweepSecrets} distinct
 *       secrets within {@code sweepWindow} ({@code detail} "BatchGetSecretValue" when a batch
 *       read took part, else "GetSecretValue"; {@code observed} the distinct secrets), or at
 *       least {@code sweepSecrets} ListSecrets calls within it ({@code detail} "ListSecrets").</li>
 * </ul>
 *
 * <p>The learning days start at {@code windowStart}; records outside the window are ignored.
 * Linear in the records after one sort: 100,000 records take tens of milliseconds.
 */
public final class AnomalyDetector {

    /** The most events an anomaly carries as evidence (the newest). */
    public static final int MAX_EVIDENCE = 200;

    private static final Comparator<AuditAnomaly> NEWEST_FIRST = Comparator.comparing(AuditAnomaly::last).reversed()
            .thenComparing(Comparator.comparing(AuditAnomaly::first).reversed())
            .thenComparing(AuditAnomaly::kind)
            .thenComparing(AuditAnomaly::principal)
            .thenComparing(AuditAnomaly::secretArn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AuditAnomaly::detail, Comparator.nullsFirst(Comparator.naturalOrder()));

    private AnomalyDetector() {}

    /** The anomalies among {@code records} between {@code windowStart} and {@code windowEnd} (inclusive), newest first. */
    public static List<AuditAnomaly> detect(List<AuditRecord> records, AnomalyThresholds t, Instant windowStart, Instant windowEnd) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(t, "thresholds");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("the window ends " + windowEnd + " before it starts " + windowStart);
        }
        Map<String, List<Call>> byActor = new LinkedHashMap<>();
        Map<String, List<Call>> byPrincipal = new HashMap<>();
        for (Call c : Call.oldestFirst(records, windowStart, windowEnd)) {
            // many events share a principal: work its actor out once per principal
            byPrincipal.computeIfAbsent(c.record.principal(), p -> byActor.computeIfAbsent(c.record.actor(), a -> new ArrayList<>()))
                    .add(c);
        }
        Instant learningEnd = windowStart.plus(Duration.ofDays(t.learningDays()));
        List<AuditAnomaly> out = new ArrayList<>();
        for (Map.Entry<String, List<Call>> e : byActor.entrySet()) {
            String actor = e.getKey();
            List<Call> trail = e.getValue();
            FirstUses.firstReads(actor, trail, learningEnd, out);
            FirstUses.newSourceIps(actor, trail, learningEnd, out);
            Rhythm.offHours(actor, trail, t, learningEnd, out);
            Rhythm.spikes(actor, trail, t, out);
            Bursts.denied(actor, trail, t, out);
            Bursts.sweeps(actor, trail, t, out);
        }
        out.sort(NEWEST_FIRST);
        return List.copyOf(out);
    }

    /** One anomaly from its events, oldest first. */
    static AuditAnomaly anomaly(AuditAnomaly.Kind kind, String actor, String secretArn, List<Call> events, long observed,
                                double usual, String detail) {
        int n = events.size();
        List<AuditRecord> evidence = new ArrayList<>(Math.min(n, MAX_EVIDENCE));
        for (int i = n - 1; i >= 0 && evidence.size() < MAX_EVIDENCE; i--) {
            evidence.add(events.get(i).record);
        }
        return new AuditAnomaly(kind, actor, secretArn, events.get(0).record.time(), events.get(n - 1).record.time(), observed, usual,
                detail, evidence);
    }

    /** The one secret every secret-naming event of {@code events} names, or null (none, or several). */
    static String singleSecret(List<Call> events) {
        String only = null;
        for (Call c : events) {
            for (String s : c.secrets) {
                if (only == null) {
                    only = s;
                } else if (!only.equals(s)) {
                    return null;
                }
            }
        }
        return only;
    }
}
