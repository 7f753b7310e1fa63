package io.strongroom.service.audit;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the anomalies of an audit trail. <b>A stand-in on the UI-parts branch</b>: it raises only
 * {@link AuditAnomaly.Kind#FIRST_READ}, so that the anomalies panel compiles and is tested; the
 * service's own detector (every kind) replaces it at merge, with the same signature.
 */
public final class AnomalyDetector {

    private AnomalyDetector() {}

    /**
     * The anomalies of {@code records} in the window from {@code windowStart} to {@code windowEnd},
     * newest first: here, a principal's first successful value read of a secret after the
     * window's first {@link AnomalyThresholds#learningDays()} days (the reads before only teach).
     */
    public static List<AuditAnomaly> detect(List<AuditRecord> records, AnomalyThresholds t, Instant windowStart, Instant windowEnd) {
        Objects.requireNonNull(t, "thresholds");
        Instant learned = windowStart.plus(Duration.ofDays(t.learningDays()));
        List<AuditRecord> inOrder = new ArrayList<>();
        for (AuditRecord r : records) {
            if (!r.time().isBefore(windowStart) && !r.time().isAfter(windowEnd)) {
                inOrder.add(r);
            }
        }
        inOrder.sort(Comparator.comparing(AuditRecord::time));
        Set<String> read = new HashSet<>();
        List<AuditAnomaly> out = new ArrayList<>();
        for (AuditRecord r : inOrder) {
            if (!r.valueRead() || r.failed()) {
                continue;
            }
            for (String secret : r.resourceArns()) {
                if (secret == null || !secret.contains(":secret:")) {
                    continue;
                }
                if (read.add(r.principal() + "\n" + secret) && !r.time().isBefore(learned)) {
                    out.add(new AuditAnomaly(AuditAnomaly.Kind.FIRST_READ, r.principal(), secret, r.time(), r.time(), 1, 0, null, List.of(r)));
                }
            }
        }
        out.sort(Comparator.comparing(AuditAnomaly::last).reversed());
        return out;
    }
}
