package io.strongroom.ui.audit.anomaly;

import io.strongroom.service.audit.AnomalyDetector;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditAnomaly.Kind;
import io.strongroom.domain.AuditRecord;
import io.strongroom.testing.HeldUiExecutor;
import io.strongroom.ui.audit.timeline.AuditNames;
import io.strongroom.ui.audit.timeline.SyntheticTrail;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anomalies in words, found again when the records or the thresholds change, without the FX thread. */
class AnomaliesModelTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant T = Instant.parse("2026-12-03T03:04:10Z");
    static final String CI = SyntheticTrail.CI_DEPLOYER;
    static final String DB = SyntheticTrail.PAYMENTS_DB;
    final SimpleObjectProperty<AnomalyThresholds> thresholds = new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT);

    static AuditAnomaly anomaly(Kind kind, String secret, Instant first, Instant last, long observed, double usual, String detail) {
        return new AuditAnomaly(kind, CI, secret, first, last, observed, usual, detail, List.of());
    }

    @Nested
    class Words {

        final AnomaliesModel model = new AnomaliesModel(thresholds, Texts.load());

        @Test
        void aFirstRead() {
            assertEquals("arn:\u2026/ci-deployer read payments-prod/db for the first time in this window (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.FIRST_READ, DB, T, T, 1, 0, null)));
        }

        @Test
        void aSpikeAgainstItsUsualRateOrAgainstNone() {
            assertEquals("arn:\u2026/ci-deployer read payments-prod/db 64 times in the hour from 3 Dec 03:00 UTC, 21\u00d7 its usual 3 an hour",
                    model.explain(anomaly(Kind.RATE_SPIKE, DB, T, T.plusSeconds(2000), 64, 3, null)));
            assertEquals("arn:\u2026/ci-deployer read secrets 64 times in the hour from 3 Dec 03:00 UTC, 160\u00d7 its usual 0.4 an hour",
                    model.explain(anomaly(Kind.RATE_SPIKE, null, T, T, 64, 0.4, null)));
            assertEquals("arn:\u2026/ci-deployer read payments-prod/db 64 times in the hour from 3 Dec 03:00 UTC, when it usually does not read at all",
                    model.explain(anomaly(Kind.RATE_SPIKE, DB, T, T, 64, 0, null)));
        }

        @Test
        void aBurstOfAccessDenied() {
            assertEquals("arn:\u2026/ci-deployer: 14 AccessDenied refusals in 2 minutes (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.ACCESS_DENIED_BURST, null, T, T.plusSeconds(125), 14, 0, null)));
            assertEquals("arn:\u2026/ci-deployer: 8 AccessDenied refusals on payments-prod/db in 40 seconds (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.ACCESS_DENIED_BURST, DB, T, T.plusSeconds(40), 8, 0, null)));
        }

        @Test
        void readsOffHours() {
            assertEquals("arn:\u2026/ci-deployer read payments-prod/db at 03:00 UTC, an hour that held only 0.4% of its earlier calls (87 reads; 3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.OFF_HOURS, DB, T, T, 87, 0.4, "3")));
            assertEquals("arn:\u2026/ci-deployer read secrets at 03:00 UTC, an hour it had never called at before (87 reads; 3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.OFF_HOURS, null, T, T, 87, 0, null)), "the first read's hour without a detail");
        }

        @Test
        void aSweepByBatchGetSecretValueOrByListing() {
            assertEquals("arn:\u2026/ci-deployer: BatchGetSecretValue swept 23 secrets in 4 minutes (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.SWEEP, null, T, T.plusSeconds(230), 23, 10, "BatchGetSecretValue")));
            assertEquals("arn:\u2026/ci-deployer listed the secrets 12 times in 3 minutes (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.SWEEP, null, T, T.plusSeconds(170), 12, 10, "ListSecrets")));
        }

        @Test
        void aNewSourceAddress() {
            assertEquals("arn:\u2026/ci-deployer read payments-prod/db from 203.0.113.77, an address it had not used in this window (3 Dec 03:04 UTC)",
                    model.explain(anomaly(Kind.NEW_SOURCE_IP, DB, T, T, 5, 0, "203.0.113.77")));
        }

        @Test
        void everyKindHasItsWords() {
            for (Kind k : Kind.values()) {
                String words = model.explain(anomaly(k, DB, T, T.plusSeconds(60), 10, 2, k == Kind.NEW_SOURCE_IP ? "198.51.100.9" : null));
                assertFalse(words.contains("!") || words.contains("{"), k + ": " + words);
                assertFalse(model.kindWords(anomaly(k, DB, T, T, 1, 0, null)).startsWith("!"), k.name());
            }
        }

        @Test
        void namesAreShortenedButNotMangled() {
            assertEquals("arn:\u2026/payments-api/ecs-task-7d1e", AuditNames.principal(SyntheticTrail.PAYMENTS_API));
            assertEquals("secretsmanager.amazonaws.com", AuditNames.principal("secretsmanager.amazonaws.com"));
            assertEquals("arn:aws:iam::111122223333:root", AuditNames.principal("arn:aws:iam::111122223333:root"));
            assertEquals("payments-prod/db", AuditNames.secret(DB));
            assertEquals("plain-name", AuditNames.secret("plain-name"));
            assertEquals("short-ab", AuditNames.secret("arn:aws:secretsmanager:eu-west-1:111122223333:secret:short-ab"));
        }
    }

    @Nested
    class Finding {

        /** Reads of payments-prod/db by the payments API for 20 days, then the CI deployer's first read of it. */
        List<AuditRecord> trail() {
            List<AuditRecord> out = new ArrayList<>();
            List<AuditRecord> all = SyntheticTrail.history(NOW, 3_000, 5);
            for (AuditRecord r : all) {
                if (r.time().isAfter(NOW.minus(Duration.ofDays(20)))) {
                    out.add(r);
                }
            }
            return out;
        }

        @Test
        void theCiDeployersFirstReadsAreFoundAfterTheLearningDays() {
            AnomaliesModel model = new AnomaliesModel(thresholds, Texts.load(), new DirectUiExecutor());
            model.setRecords(trail(), NOW.minus(Duration.ofDays(20)), NOW);
            List<AuditAnomaly> found = model.anomalies();
            assertTrue(found.stream().anyMatch(a -> a.kind() == Kind.FIRST_READ && a.principal().equals(CI) && DB.equals(a.secretArn())),
                    found.toString());
            for (int i = 1; i < found.size(); i++) {
                assertFalse(found.get(i).last().isAfter(found.get(i - 1).last()), "newest first");
            }
        }

        @Test
        void changedThresholdsAreAppliedAtOnceAndTheSelectionStaysWhileItIsFound() {
            AnomaliesModel model = new AnomaliesModel(thresholds, Texts.load(), new DirectUiExecutor());
            model.setRecords(trail(), NOW.minus(Duration.ofDays(20)), NOW);
            int before = model.anomalies().size();
            assertTrue(before > 0);
            AuditAnomaly chosen = model.anomalies().get(0);
            model.selectedProperty().set(chosen);
            thresholds.set(new AnomalyThresholds(8, 5.0, 20, 5, Duration.ofMinutes(10), 50, 10, Duration.ofMinutes(10)));
            assertSame(chosen, model.selectedProperty().get(), "still found, still selected");
            // The whole window only teaches, and no spike, burst or sweep is large enough.
            thresholds.set(new AnomalyThresholds(30, 1_000.0, 100_000, 100_000, Duration.ofMinutes(10), 50, 100_000, Duration.ofMinutes(10)));
            assertEquals(List.of(), model.anomalies(), "thresholds nothing reaches raise nothing");
            assertNull(model.selectedProperty().get());
        }

        @Test
        void theDetectorRunsInTheBackgroundAndOnlyTheLatestAnswerLands() {
            HeldUiExecutor held = new HeldUiExecutor();
            AnomaliesModel model = new AnomaliesModel(thresholds, Texts.load(), held);
            model.setRecords(trail(), NOW.minus(Duration.ofDays(20)), NOW);
            assertTrue(model.busyProperty().get());
            assertEquals(List.of(), model.anomalies(), "nothing until the detector answers");
            model.setRecords(List.of(), NOW.minus(Duration.ofDays(20)), NOW);
            held.finishAllNewestFirst();
            assertFalse(model.busyProperty().get());
            assertEquals(List.of(), model.anomalies(), "the earlier, slower answer is dropped");
        }

        @Test
        void everyKindTheServiceRaisesForTheIncidentIsWorded() {
            List<AuditRecord> trail = SyntheticTrail.history(NOW, 2_000, 9);
            AnomaliesModel model = new AnomaliesModel(thresholds, Texts.load(), new DirectUiExecutor(),
                    AnomalyDetector::detect);
            model.setRecords(trail, NOW.minus(Duration.ofDays(90)), NOW);
            List<AuditAnomaly> incident = model.anomalies().stream().filter(a -> a.principal().contains("/ci-deployer")).toList();
            assertEquals(Kind.values().length, incident.stream().map(AuditAnomaly::kind).distinct().count());
            for (AuditAnomaly a : incident) {
                String words = model.explain(a);
                assertTrue(words.startsWith("arn:\u2026/ci-deployer"), words);
                assertFalse(words.contains("!"), words);
            }
        }
    }
}
