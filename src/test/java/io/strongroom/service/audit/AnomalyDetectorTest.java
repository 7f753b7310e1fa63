package io.strongroom.service.audit;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditAnomaly.Kind;
import io.strongroom.domain.AuditRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.strongroom.service.audit.Trails.APP_ROLE;
import static io.strongroom.service.audit.Trails.AUDITOR;
import static io.strongroom.service.audit.Trails.CI;
import static io.strongroom.service.audit.Trails.CI_RUNNER_IP;
import static io.strongroom.service.audit.Trails.END;
import static io.strongroom.service.audit.Trails.START;
import static io.strongroom.service.audit.Trails.at;
import static io.strongroom.service.audit.Trails.appSession;
import static io.strongroom.service.audit.Trails.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalyDetectorTest {

    static final AnomalyThresholds T = AnomalyThresholds.DEFAULT;
    static final String INTRUDER_IP = "203.0.113.77";

    static List<AuditAnomaly> detect(Trails trails) {
        return AnomalyDetector.detect(trails.records, T, START, END);
    }

    static List<AuditAnomaly> ofKind(List<AuditAnomaly> anomalies, Kind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    static AuditAnomaly only(List<AuditAnomaly> anomalies, Kind kind) {
        List<AuditAnomaly> found = ofKind(anomalies, kind);
        assertEquals(1, found.size(), () -> "one " + kind + " in " + describe(anomalies));
        return found.get(0);
    }

    static String describe(List<AuditAnomaly> anomalies) {
        return anomalies.stream().map(a -> a.kind() + " " + a.principal() + " " + a.secretArn() + " " + a.first() + " x" + a.observed())
                .collect(Collectors.joining("\n  ", "[\n  ", "]"));
    }

    static void assertNewestFirst(List<AuditRecord> evidence) {
        for (int i = 1; i < evidence.size(); i++) {
            assertTrue(!evidence.get(i).time().isAfter(evidence.get(i - 1).time()), "evidence newest first");
        }
    }

    @Test
    void steadyBehaviourRaisesNothing() {
        List<AuditAnomaly> anomalies = detect(new Trails().steady());
        assertEquals(List.of(), anomalies, () -> describe(anomalies));
    }

    @Test
    void thePlantedIncidentRaisesEveryKindForTheDeployer() {
        Trails t = new Trails().steady();
        Instant night = at(27, 3, 0);
        t.add(CI, "ListSecrets", night, INTRUDER_IP, null);
        t.add(CI, "ListSecrets", night.plusSeconds(20), INTRUDER_IP, null);
        String[] payments = new String[10];
        for (int i = 0; i < payments.length; i++) {
            payments[i] = "payments-prod/secret-" + i;
        }
        t.batchRead(CI, night.plusSeconds(60), INTRUDER_IP, payments);
        for (int i = 0; i < 15; i++) {
            t.read(CI, "payments-prod/secret-" + (i % 10), night.plusSeconds(90 + i * 5), INTRUDER_IP);
        }
        for (int i = 0; i < 8; i++) {
            t.denied(CI, "payments-prod/restricted-" + i, night.plusSeconds(300 + i * 10), INTRUDER_IP);
        }

        List<AuditAnomaly> anomalies = detect(t);

        Set<Kind> kinds = anomalies.stream().filter(a -> a.principal().equals(CI)).map(AuditAnomaly::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        assertEquals(EnumSet.allOf(Kind.class), kinds, () -> describe(anomalies));
        assertTrue(anomalies.stream().allMatch(a -> a.principal().equals(CI)), () -> "nothing else: " + describe(anomalies));
        assertEquals(10, ofKind(anomalies, Kind.FIRST_READ).size(), "one first read per secret");
        AuditAnomaly ip = only(anomalies, Kind.NEW_SOURCE_IP);
        assertEquals(INTRUDER_IP, ip.detail());
        assertEquals(2 + 11 + 15 + 8, ip.observed(), "every call from the new address");
        AuditAnomaly offHours = only(anomalies, Kind.OFF_HOURS);
        assertEquals("3", offHours.detail());
        assertEquals(0.0, offHours.usual());
        assertEquals(11 + 15 + 8, offHours.observed());
        AuditAnomaly spike = only(anomalies, Kind.RATE_SPIKE);
        assertEquals(11 + 15 + 8, spike.observed());
        assertEquals(8, only(anomalies, Kind.ACCESS_DENIED_BURST).observed());
        AuditAnomaly sweep = only(anomalies, Kind.SWEEP);
        assertEquals("BatchGetSecretValue", sweep.detail());
        assertEquals(18, sweep.observed(), "10 read and 8 refused secrets");
    }

    @Test
    void theSameRecordsInAnyOrderGiveTheSameAnomaliesNewestFirst() {
        Trails t = new Trails().steady();
        t.read(APP_ROLE + "/task-x", "other/secret", at(20, 10, 0), "10.0.1.10");
        for (int i = 0; i < 6; i++) {
            t.denied(AUDITOR, "app/db", at(12, 11, i), "10.9.0.4");
        }
        List<AuditAnomaly> ordered = detect(t);
        List<AuditRecord> shuffled = new ArrayList<>(t.records);
        Collections.shuffle(shuffled, new Random(7));

        assertEquals(ordered, AnomalyDetector.detect(shuffled, T, START, END));
        assertEquals(2, ordered.size(), () -> describe(ordered));
        assertEquals(Kind.FIRST_READ, ordered.get(0).kind(), "day 20 before day 12");
        assertEquals(Kind.ACCESS_DENIED_BURST, ordered.get(1).kind());
    }

    @Test
    void recordsOutsideTheWindowAreIgnoredAndLearningCountsFromItsStart() {
        Trails t = new Trails().steady();
        t.read(appSession(3), "late/secret", at(3, 10, 30), "10.0.1.10");
        assertEquals(List.of(), detect(t), "day 3 is a learning day");
        assertEquals(List.of(), AnomalyDetector.detect(t.records, T, at(5, 0, 0), END), "day 3 is before the window");
        List<AuditAnomaly> later = AnomalyDetector.detect(t.records, T, at(-5, 0, 0), END);
        assertEquals(1, later.size(), "with the window starting 5 days earlier, day 3 is past learning: " + describe(later));
        assertEquals(Kind.FIRST_READ, later.get(0).kind());
    }

    @Nested
    class FirstRead {

        @Test
        void aSecretReadForTheFirstTimeAfterLearningIsOneAnomalyWithEveryLaterRead() {
            Trails t = new Trails().steady();
            t.read(appSession(20), "app/new", at(20, 10, 0), "10.0.1.10");
            t.read(appSession(21), "app/new", at(21, 10, 0), "10.0.1.11");
            t.read(appSession(22), "app/new", at(22, 10, 0), "10.0.1.10");

            AuditAnomaly a = only(detect(t), Kind.FIRST_READ);

            assertEquals(APP_ROLE, a.principal(), "the role, not the day's session");
            assertEquals(secret("app/new"), a.secretArn());
            assertEquals(3, a.observed());
            assertEquals(at(20, 10, 0), a.first());
            assertEquals(at(22, 10, 0), a.last());
            assertEquals(List.of(at(22, 10, 0), at(21, 10, 0), at(20, 10, 0)), a.evidence().stream().map(AuditRecord::time).toList());
        }

        @Test
        void aFirstReadDuringLearningOrARefusedOneIsNot() {
            Trails t = new Trails().steady();
            t.read(appSession(2), "app/early", at(2, 10, 0), "10.0.1.10");
            t.read(appSession(20), "app/early", at(20, 10, 0), "10.0.1.10");
            t.denied(appSession(20), "app/forbidden", at(20, 11, 0), "10.0.1.10");

            assertEquals(List.of(), ofKind(detect(t), Kind.FIRST_READ));
        }
    }

    @Nested
    class NewSourceIp {

        @Test
        void readsFromAnAddressFirstUsedAfterLearningAreOneAnomaly() {
            Trails t = new Trails().steady();
            t.read(appSession(25), "app/db", at(25, 12, 0), "10.0.7.7");
            t.read(appSession(25), "app/db", at(25, 12, 30), "10.0.7.7");

            AuditAnomaly a = only(detect(t), Kind.NEW_SOURCE_IP);

            assertEquals("10.0.7.7", a.detail());
            assertEquals(2, a.observed());
            assertEquals(2.0, a.usual(), "two addresses used before");
            assertEquals(secret("app/db"), a.secretArn());
        }

        @Test
        void anAddressFirstUsedDuringLearningOrOnlyForNonReadsIsNot() {
            Trails t = new Trails().steady();
            t.read(appSession(4), "app/db", at(4, 12, 0), "10.0.7.7");
            t.read(appSession(25), "app/db", at(25, 12, 0), "10.0.7.7");
            t.add(CI, "DescribeSecret", at(24, 14, 30), "10.0.8.8", null, secret("app/api"));

            assertEquals(List.of(), ofKind(detect(t), Kind.NEW_SOURCE_IP));
        }
    }

    @Nested
    class OffHours {

        @Test
        void readsAtAnHourHoldingUnderOnePercentOfTheCallsAreOneAnomalyPerClockHour() {
            Trails t = new Trails().steady();
            t.read(appSession(20), "app/db", at(20, 22, 10), "10.0.1.10");
            t.read(appSession(20), "app/db", at(20, 22, 40), "10.0.1.10");
            t.read(appSession(21), "app/db", at(21, 23, 5), "10.0.1.11");

            List<AuditAnomaly> off = ofKind(detect(t), Kind.OFF_HOURS);

            assertEquals(2, off.size(), () -> describe(off));
            assertEquals("23", off.get(0).detail());
            assertEquals("22", off.get(1).detail());
            assertEquals(2, off.get(1).observed());
        }

        @Test
        void notDuringLearningNorBeforeThePrincipalHasEnoughCalls() {
            Trails t = new Trails().steady();
            t.read(appSession(5), "app/db", at(5, 22, 10), "10.0.1.10");
            t.read(AUDITOR, "app/db", at(26, 3, 0), "10.9.0.4");     // the auditor has made some 20 calls

            assertEquals(List.of(), ofKind(detect(t), Kind.OFF_HOURS));
        }
    }

    @Nested
    class RateSpike {

        @Test
        void anHourFarOverTheUsualRateIsOneAnomaly() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 100; i++) {
                t.read(appSession(15), "app/api", at(15, 13, 0).plusSeconds(i * 30), "10.0.1.11");
            }

            AuditAnomaly a = only(detect(t), Kind.RATE_SPIKE);

            assertEquals(106, a.observed(), "the hour's 6 usual reads and 100 more");
            assertTrue(a.usual() > 12 && a.usual() < 16, "the mean over active hours, nightly batches included: " + a.usual());
            assertNull(a.secretArn(), "two secrets were read in that hour");
        }

        @Test
        void theNightlyBatchIsItsOwnUsualAndFewReadsAreNeverASpike() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 19; i++) {
                t.read(AUDITOR, "app/db", at(10, 11, 10).plusSeconds(i), "10.9.0.4");
            }
            assertEquals(List.of(), ofKind(detect(t), Kind.RATE_SPIKE), "19 reads are under the minimum of 20");
        }

        @Test
        void evidenceIsBoundedToTheNewest() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 500; i++) {
                t.read(CI, "ci/deploy-key", at(18, 20, 0).plusSeconds(i), CI_RUNNER_IP);
            }
            AuditAnomaly a = only(detect(t), Kind.RATE_SPIKE);
            assertEquals(500, a.observed());
            assertEquals(AnomalyDetector.MAX_EVIDENCE, a.evidence().size());
            assertEquals(a.last(), a.evidence().get(0).time());
            assertNewestFirst(a.evidence());
        }
    }

    @Nested
    class AccessDeniedBurst {

        @Test
        void refusalsWithinTheWindowMakeOneBurstAndSeparateBurstsTwo() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 8; i++) {
                t.denied(AUDITOR, "payments/" + i, at(2, 11, 0).plusSeconds(i * 15), "10.9.0.4");
            }
            for (int i = 0; i < 5; i++) {
                t.denied(AUDITOR, "payments/0", at(9, 11, 0).plusSeconds(i * 100), "10.9.0.4");
            }

            List<AuditAnomaly> bursts = ofKind(detect(t), Kind.ACCESS_DENIED_BURST);

            assertEquals(2, bursts.size(), () -> describe(bursts));
            assertEquals(5, bursts.get(0).observed());
            assertEquals(secret("payments/0"), bursts.get(0).secretArn());
            assertEquals(8, bursts.get(1).observed(), "raised during learning days too");
            assertNull(bursts.get(1).secretArn());
            assertEquals((double) T.deniedBurst(), bursts.get(1).usual());
            assertNewestFirst(bursts.get(1).evidence());
        }

        @Test
        void refusalsSpreadWiderThanTheWindowAreNot() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 12; i++) {
                t.denied(AUDITOR, "payments/" + i, at(12, 0, 0).plus(Duration.ofMinutes(3L * i)), "10.9.0.4");
            }
            assertEquals(List.of(), ofKind(detect(t), Kind.ACCESS_DENIED_BURST), "at most 4 in any 10 minutes");
        }
    }

    @Nested
    class Sweep {

        @Test
        void readsOfManyDistinctSecretsInTheWindowAreOneSweep() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 12; i++) {
                t.read(appSession(16), "estate/" + i, at(16, 10, 0).plusSeconds(i * 20L), "10.0.1.10");
            }
            AuditAnomaly a = only(detect(t), Kind.SWEEP);
            assertEquals("GetSecretValue", a.detail());
            assertEquals(12 + 2, a.observed(), "the app's own two secrets were read in the same minutes");
        }

        @Test
        void repeatedListSecretsIsASweepAndAWeeklyListingIsNot() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 10; i++) {
                t.add(CI, "ListSecrets", at(17, 14, 20).plusSeconds(i * 30L), CI_RUNNER_IP, null);
            }
            AuditAnomaly a = only(detect(t), Kind.SWEEP);
            assertEquals("ListSecrets", a.detail());
            assertEquals(10, a.observed());
            assertEquals(CI, a.principal());
        }

        @Test
        void distinctSecretsSpreadWiderThanTheWindowAreNot() {
            Trails t = new Trails().steady();
            for (int i = 0; i < 12; i++) {
                t.read(appSession(16), "estate/" + i, at(16, 10, 0).plus(Duration.ofMinutes(2L * i)), "10.0.1.10");
            }
            assertEquals(List.of(), ofKind(detect(t), Kind.SWEEP));
        }
    }

    @Test
    void hundredThousandRecordsTakeWellUnderASecondOfCpu() {
        List<AuditRecord> big = AnomalyBenchmarkData.estate(100_000);
        AnomalyDetector.detect(big, T, AnomalyBenchmarkData.START, AnomalyBenchmarkData.END);     // warm up
        // CPU time, not the wall clock: a busy build machine must not fail this (AnomalyBenchmark has the figures)
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        List<AuditAnomaly> anomalies = AnomalyDetector.detect(big, T, AnomalyBenchmarkData.START, AnomalyBenchmarkData.END);
        long millis = (threads.getCurrentThreadCpuTime() - started) / 1_000_000;
        assertTrue(millis < 1_000, "took " + millis + " ms of CPU");
        assertTrue(anomalies.stream().anyMatch(a -> a.kind() == Kind.SWEEP), () -> describe(anomalies));
    }
}
