package io.strongroom.service.audit;

import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The anomalies of something a principal does for the first time: a secret read, an address called from. */
final class FirstUses {

    private FirstUses() {}

    /** FIRST_READ: see {@link AnomalyDetector}. {@code trail} is one principal's events, oldest first. */
    static void firstReads(String actor, List<Call> trail, Instant learningEnd, List<AuditAnomaly> out) {
        Set<String> read = new HashSet<>();
        Map<String, List<Call>> firsts = new LinkedHashMap<>();
        long learnt = learningEnd.toEpochMilli();
        for (Call r : trail) {
            if (!r.read) {
                continue;
            }
            for (String secret : r.secrets) {
                if (read.add(secret)) {
                    if (r.millis >= learnt) {
                        firsts.put(secret, new ArrayList<>(List.of(r)));
                    }
                } else {
                    List<Call> since = firsts.get(secret);
                    if (since != null && since.get(since.size() - 1) != r) {
                        since.add(r);
                    }
                }
            }
        }
        for (Map.Entry<String, List<Call>> e : firsts.entrySet()) {
            List<Call> reads = e.getValue();
            out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.FIRST_READ, actor, e.getKey(), reads, reads.size(), 0, null));
        }
    }

    /** NEW_SOURCE_IP: see {@link AnomalyDetector}. */
    static void newSourceIps(String actor, List<Call> trail, Instant learningEnd, List<AuditAnomaly> out) {
        Set<String> known = new HashSet<>();
        Map<String, List<Call>> fromNew = new LinkedHashMap<>();
        Map<String, Integer> knownBefore = new LinkedHashMap<>();
        boolean seen = false;
        long learnt = learningEnd.toEpochMilli();
        for (Call r : trail) {
            String ip = r.record.sourceIp();
            if (!callerAddress(r.record, ip)) {
                continue;
            }
            List<Call> calls = fromNew.get(ip);
            if (calls != null) {
                calls.add(r);
            } else if (known.add(ip) && seen && r.millis >= learnt) {
                fromNew.put(ip, new ArrayList<>(List.of(r)));
                knownBefore.put(ip, known.size() - 1);
            }
            seen = true;
        }
        for (Map.Entry<String, List<Call>> e : fromNew.entrySet()) {
            List<Call> calls = e.getValue();
            List<Call> reads = calls.stream().filter(c -> c.valueRead).toList();
            if (!reads.isEmpty()) {
                out.add(AnomalyDetector.anomaly(AuditAnomaly.Kind.NEW_SOURCE_IP, actor, AnomalyDetector.singleSecret(reads), calls,
                        calls.size(), knownBefore.get(e.getKey()), e.getKey()));
            }
        }
    }

    /**
     * Whether {@code ip} is where the caller called from: not an AWS service's own event, nor a
     * call a service made for the principal (CloudTrail then gives the service's name).
     */
    private static boolean callerAddress(AuditRecord r, String ip) {
        return ip != null && !ip.isEmpty() && !"AWSService".equals(r.principalType()) && !ip.endsWith(".amazonaws.com");
    }
}
