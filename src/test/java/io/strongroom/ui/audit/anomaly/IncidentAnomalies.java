package io.strongroom.ui.audit.anomaly;

import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.SyntheticTrail;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The anomalies a full detector raises for the incident of {@link SyntheticTrail} (the kinds the
 * service's detector finds, its facts read off the records here): for the panel's screenshot and
 * tests, while the detector on this branch raises only first reads.
 */
final class IncidentAnomalies {

    private IncidentAnomalies() {}

    static List<AuditAnomaly> of(List<AuditRecord> trail, Instant now) {
        Instant from = SyntheticTrail.incidentStart(now);
        List<AuditRecord> incident = trail.stream().filter(r -> SyntheticTrail.INCIDENT_IP.equals(r.sourceIp()))
                .sorted(Comparator.comparing(AuditRecord::time).reversed()).toList();
        List<AuditRecord> denied = only(incident, AuditRecord::accessDenied);
        List<AuditRecord> batch = only(incident, r -> r.eventName().equals("BatchGetSecretValue"));
        Instant batchAt = batch.get(0).time();
        List<AuditRecord> swept = only(incident, r -> r.eventName().equals("GetSecretValue") && !r.failed()
                && !r.time().isBefore(batchAt) && r.time().isBefore(batchAt.plusSeconds(240)));
        List<AuditRecord> spike = only(incident, r -> r.eventName().equals("GetSecretValue") && !r.failed()
                && SyntheticTrail.PAYMENTS_DB.equals(r.secretArn()));
        List<AuditRecord> reads = only(incident, r -> r.valueRead() && !r.failed());
        long ciReads = trail.stream().filter(r -> SyntheticTrail.CI_DEPLOYER.equals(r.principalArn()) && r.valueRead() && !r.failed()).count();
        AuditRecord firstDb = spike.get(spike.size() - 1);
        String ci = SyntheticTrail.CI_DEPLOYER;
        return List.of(
                new AuditAnomaly(AuditAnomaly.Kind.ACCESS_DENIED_BURST, ci, null, last(denied).time(), denied.get(0).time(), denied.size(), 0, null, denied),
                new AuditAnomaly(AuditAnomaly.Kind.RATE_SPIKE, ci, SyntheticTrail.PAYMENTS_DB, last(spike).time(), spike.get(0).time(),
                        spike.size(), ciReads / (90.0 * 24), null, spike),
                new AuditAnomaly(AuditAnomaly.Kind.OFF_HOURS, ci, null, last(reads).time(), reads.get(0).time(), reads.size(), ciReads, "3", reads),
                new AuditAnomaly(AuditAnomaly.Kind.FIRST_READ, ci, SyntheticTrail.PAYMENTS_DB, firstDb.time(), firstDb.time(), 1, 0, null, List.of(firstDb)),
                new AuditAnomaly(AuditAnomaly.Kind.SWEEP, ci, null, batchAt, swept.get(0).time(), swept.size(), 10, "BatchGetSecretValue",
                        concat(swept, batch)),
                new AuditAnomaly(AuditAnomaly.Kind.NEW_SOURCE_IP, ci, null, last(incident).time(), incident.get(0).time(), incident.size(), 0,
                        SyntheticTrail.INCIDENT_IP, incident));
    }

    private static List<AuditRecord> only(List<AuditRecord> records, Predicate<AuditRecord> p) {
        return records.stream().filter(p).toList();
    }

    private static AuditRecord last(List<AuditRecord> newestFirst) {
        return newestFirst.get(newestFirst.size() - 1);
    }

    private static List<AuditRecord> concat(List<AuditRecord> a, List<AuditRecord> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).sorted(Comparator.comparing(AuditRecord::time).reversed()).toList();
    }
}
