package io.strongroom.service.audit;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The anomalies of many things in a short time: bursts of refusals, sweeps over secrets. */
final class Bursts {

    private Bursts() {}

    /** ACCESS_DENIED_BURST: see {@link AnomalyDetector}. {@code trail} is one principal's events, oldest first. */
    static void denied(String actor, List<Call> trail, AnomalyThresholds t, List<AuditAnomaly> out) {
        List<Call> refusals = trail.stream().filter(c -> c.denied).toList();
        for (List<Call> burst : dense(refusals, t.deniedWindow(), t.deniedBurst(), false)) {
            out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.ACCESS_DENIED_BURST, actor, AnomalyDetector.singleSecret(burst), burst,
                    burst.size(), t.deniedBurst(), null));
        }
    }

    /** SWEEP: see {@link AnomalyDetector}. */
    static void sweeps(String actor, List<Call> trail, AnomalyThresholds t, List<AuditAnomaly> out) {
        List<Call> reads = trail.stream().filter(c -> c.valueRead).toList();
        for (List<Call> sweep : dense(reads, t.sweepWindow(), t.sweepSecrets(), true)) {
            Set<String> secrets = new HashSet<>();
            boolean batch = false;
            for (Call r : sweep) {
                secrets.addAll(java.util.Arrays.asList(r.secrets));
                batch |= r.named("BatchGetSecretValue");
            }
            out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.SWEEP, actor, null, sweep, secrets.size(), t.sweepSecrets(),
                    batch ? "BatchGetSecretValue" : "GetSecretValue"));
        }
        List<Call> lists = trail.stream().filter(r -> r.named("ListSecrets")).toList();
        for (List<Call> sweep : dense(lists, t.sweepWindow(), t.sweepSecrets(), false)) {
            out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.SWEEP, actor, null, sweep, sweep.size(), t.sweepSecrets(), "ListSecrets"));
        }
    }

    /**
     * The stretches of {@code events} (oldest first) where some span of at most {@code window}
     * holds at least {@code threshold} events, or events naming that many distinct secrets when
     * {@code distinctSecrets}; overlapping spans make one stretch. Two pointers: each event is
     * added and removed once.
     */
    static List<List<Call>> dense(List<Call> events, Duration window, int threshold, boolean distinctSecrets) {
        List<List<Call>> out = new ArrayList<>();
        long span = window.toMillis();
        Map<String, Integer> secretsInSpan = new HashMap<>();
        int from = 0;
        int runStart = -1;
        int runEnd = -1;
        for (int to = 0; to < events.size(); to++) {
            long end = events.get(to).millis;
            if (distinctSecrets) {
                for (String s : events.get(to).secrets) {
                    secretsInSpan.merge(s, 1, Integer::sum);
                }
            }
            while (end - events.get(from).millis > span) {
                if (distinctSecrets) {
                    for (String s : events.get(from).secrets) {
                        secretsInSpan.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1);
                    }
                }
                from++;
            }
            int measure = distinctSecrets ? secretsInSpan.size() : to - from + 1;
            if (measure < threshold) {
                continue;
            }
            if (runStart >= 0 && from <= runEnd) {
                runEnd = to;
            } else {
                if (runStart >= 0) {
                    out.add(events.subList(runStart, runEnd + 1));
                }
                runStart = from;
                runEnd = to;
            }
        }
        if (runStart >= 0) {
            out.add(events.subList(runStart, runEnd + 1));
        }
        return out;
    }
}
