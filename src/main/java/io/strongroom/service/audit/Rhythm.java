package io.strongroom.service.audit;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The anomalies of when and how much a principal reads: spikes over its usual rate, reads off its usual hours. */
final class Rhythm {

    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;

    private Rhythm() {}

    static long epochHour(Call c) {
        return Math.floorDiv(c.second(), HOUR);
    }

    static int hourOfDay(long epochHour) {
        return (int) Math.floorMod(epochHour, 24L);
    }

    /** RATE_SPIKE: see {@link AnomalyDetector}. {@code trail} is one principal's events, oldest first. */
    static void spikes(String actor, List<Call> trail, AnomalyThresholds t, List<AuditAnomaly> out) {
        Map<Long, List<Call>> byHour = new LinkedHashMap<>();
        for (Call r : trail) {
            if (r.valueRead) {
                byHour.computeIfAbsent(epochHour(r), h -> new ArrayList<>()).add(r);
            }
        }
        long total = 0;
        long[] readsAtHourOfDay = new long[24];
        int[] activeAtHourOfDay = new int[24];
        for (Map.Entry<Long, List<Call>> e : byHour.entrySet()) {
            int hod = hourOfDay(e.getKey());
            total += e.getValue().size();
            readsAtHourOfDay[hod] += e.getValue().size();
            activeAtHourOfDay[hod]++;
        }
        int activeHours = byHour.size();
        for (Map.Entry<Long, List<Call>> e : byHour.entrySet()) {
            List<Call> reads = e.getValue();
            int n = reads.size();
            if (n < t.spikeMinimum()) {
                continue;
            }
            int hod = hourOfDay(e.getKey());
            double overall = activeHours > 1 ? (total - n) / (double) (activeHours - 1) : 0;
            double sameHour = activeAtHourOfDay[hod] > 1 ? (readsAtHourOfDay[hod] - n) / (double) (activeAtHourOfDay[hod] - 1) : 0;
            double usual = Math.max(overall, sameHour);
            if (n > t.spikeFactor() * usual) {
                out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.RATE_SPIKE, actor, AnomalyDetector.singleSecret(reads), reads, n,
                        usual, null));
            }
        }
    }

    /** OFF_HOURS: see {@link AnomalyDetector}. */
    static void offHours(String actor, List<Call> trail, AnomalyThresholds t, Instant learningEnd, List<AuditAnomaly> out) {
        long[] before = new long[24];      // the principal's calls per hour of day, before the current day
        long calls = 0;
        long[] today = new long[24];
        long day = Long.MIN_VALUE;
        Map<Long, List<Call>> offByHour = new LinkedHashMap<>();
        Map<Long, Double> share = new LinkedHashMap<>();
        long learnt = learningEnd.toEpochMilli();
        for (Call r : trail) {
            long d = Math.floorDiv(r.second(), DAY);
            if (d != day) {
                for (int h = 0; h < 24; h++) {
                    before[h] += today[h];
                    calls += today[h];
                    today[h] = 0;
                }
                day = d;
            }
            long hour = epochHour(r);
            int hod = hourOfDay(hour);
            today[hod]++;
            if (r.valueRead && calls >= t.offHoursMinimum() && before[hod] * 100 < calls && r.millis >= learnt) {
                offByHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(r);
                share.putIfAbsent(hour, before[hod] * 100.0 / calls);
            }
        }
        for (Map.Entry<Long, List<Call>> e : offByHour.entrySet()) {
            List<Call> reads = e.getValue();
            out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.OFF_HOURS, actor, AnomalyDetector.singleSecret(reads), reads, reads.size(),
                    share.get(e.getKey()), Integer.toString(hourOfDay(e.getKey()))));
        }
    }
}
