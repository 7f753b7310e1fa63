package io.strongroom.service.audit;

import io.strongroom.domain.Account;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.local.demo.DemoEstate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo estate's 90 days of history, read back through LookupEvents by the audit service as
 * the console reads it, and given to the detector with the default thresholds: the planted
 * incident (the CI deployer's leaked session key, used at night from 203.0.113.77) raises every
 * kind of anomaly, and the estate's ordinary traffic raises none.
 */
class DemoIncidentAnomaliesTest {

    static AuditStack audit;
    static List<AuditAnomaly> anomalies;

    @BeforeAll
    static void seedAndDetect() {
        audit = new AuditStack(false);
        DemoEstate.seed(audit.stack.store().store());
        audit.stack.store().store().audit().flush();
        Instant now = audit.stack.store().clock().instant();
        Instant start = now.minus(Duration.ofDays(90));
        AuditService service = audit.service();
        List<AuditRecord> records = new ArrayList<>();
        for (Account account : audit.stack.accounts()) {
            for (String region : DemoEstate.REGIONS) {
                records.addAll(service.lookup(new io.strongroom.domain.Scope(account, region), AuditQuery.between(start, now), 200_000));
            }
        }
        assertTrue(records.size() > 10_000, "the history was read: " + records.size());
        anomalies = AnomalyDetector.detect(records, AnomalyThresholds.DEFAULT, start, now);
    }

    @AfterAll
    static void stop() {
        audit.close();
    }

    @Test
    void theIncidentRaisesEveryKindForTheCiDeployerFromItsNewAddress() {
        List<AuditAnomaly> ci = anomalies.stream().filter(a -> a.principal().contains("/ci-deployer")).toList();
        Set<AuditAnomaly.Kind> kinds = ci.stream().map(AuditAnomaly::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(AuditAnomaly.Kind.class)));
        assertEquals(EnumSet.allOf(AuditAnomaly.Kind.class), kinds, describe(ci));
        assertTrue(ci.stream().filter(a -> a.kind() == AuditAnomaly.Kind.NEW_SOURCE_IP).allMatch(a -> "203.0.113.77".equals(a.detail())),
                describe(ci));
        assertTrue(ci.stream().flatMap(a -> a.evidence().stream()).allMatch(r -> "203.0.113.77".equals(r.sourceIp())),
                "every event behind the incident's anomalies came from the attacker's address");
    }

    @Test
    void theEstatesOrdinaryTrafficRaisesNothing() {
        List<AuditAnomaly> others = anomalies.stream().filter(a -> !a.principal().contains("/ci-deployer")).toList();
        assertEquals(List.of(), others.stream().map(a -> a.kind() + " " + a.principal() + " " + a.first()).toList());
    }

    private static String describe(List<AuditAnomaly> list) {
        return list.stream().collect(Collectors.groupingBy(a -> a.kind().name(), TreeMap::new, Collectors.counting())).toString();
    }
}
