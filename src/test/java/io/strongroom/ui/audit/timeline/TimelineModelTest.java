package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's counting, stacking, zoom limits and selection, without the FX thread. */
class TimelineModelTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:34:56Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final TimelineModel model = new TimelineModel(Clock.fixed(NOW, BERLIN));

    static AuditRecord record(Instant t, String name, String errorCode) {
        return new AuditRecord(SyntheticTrail.SCOPE, UUID.randomUUID().toString(), t, name, "secretsmanager.amazonaws.com",
                SyntheticTrail.PAYMENTS_API, "AssumedRole", "ecs-task-7d1e", "ASIAX", "10.0.0.1", "sdk", errorCode,
                errorCode == null ? null : "refused", true, "req", List.of(SyntheticTrail.PAYMENTS_DB), null);
    }

    static int sum(TimelineBuckets b) {
        int all = 0;
        for (int i = 0; i < b.size(); i++) {
            all += b.total(i);
        }
        return all;
    }

    @Nested
    class Buckets {

        @Test
        void ninetyDaysAreCountedInDaysThatStartAtTheUsersMidnight() {
            TimelineBuckets b = model.bucketsProperty().get();
            assertEquals(Duration.ofDays(1), b.width());
            assertTrue(b.size() >= 90 && b.size() <= 91, "buckets: " + b.size());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(LocalTime.MIDNIGHT, b.startOf(i).atZone(BERLIN).toLocalTime(), "bucket " + i + " across summer time's end too");
            }
            assertFalse(model.endProperty().get().isBefore(NOW), "today's bucket is shown");
            assertTrue(model.startProperty().get().isBefore(NOW.minus(Duration.ofDays(89))));
        }

        @Test
        void everyZoomLevelHasSixtyToOneHundredAndFiftyBucketsDownToMinutesForAnHour() {
            List<Duration> widths = new ArrayList<>();
            while (model.canZoomInProperty().get()) {
                int n = model.bucketsProperty().get().size();
                assertTrue(n >= 60 && n <= 151, "buckets at " + Duration.between(model.startProperty().get(), model.endProperty().get()) + ": " + n);
                widths.add(model.bucketsProperty().get().width());
                model.zoomIn(NOW.minus(Duration.ofDays(3)));
            }
            TimelineBuckets hour = model.bucketsProperty().get();
            assertEquals(Duration.ofMinutes(1), hour.width());
            assertTrue(hour.size() >= 60 && hour.size() <= 61, "an hour: " + hour.size());
            assertEquals(List.of(Duration.ofDays(1), Duration.ofHours(6), Duration.ofHours(3), Duration.ofHours(2), Duration.ofMinutes(30),
                    Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(2)), widths);
        }

        @Test
        void zoomingInCentresOnThePointAndStopsAtAnHour() {
            Instant center = NOW.minus(Duration.ofDays(10));
            for (int i = 0; i < 20; i++) {
                model.zoomIn(center);
            }
            assertFalse(model.canZoomInProperty().get());
            Instant s = model.startProperty().get();
            Instant e = model.endProperty().get();
            assertTrue(!center.isBefore(s) && center.isBefore(e), "the centre is shown");
            assertTrue(Duration.between(s, e).compareTo(Duration.ofMinutes(61)) <= 0, "an hour: " + Duration.between(s, e));
        }

        @Test
        void zoomingOutStopsAtNinetyDaysAndNeverShowsTheFuture() {
            model.zoomTo(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
            for (int i = 0; i < 20; i++) {
                model.zoomOut();
            }
            assertFalse(model.canZoomOutProperty().get());
            assertEquals(Duration.ofDays(1), model.bucketsProperty().get().width());
            assertTrue(model.bucketsProperty().get().size() <= 91);
        }

        @Test
        void aRangeTooShortTooLongOrOutsideTheWindowIsMadeToFit() {
            model.zoomTo(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)).plusSeconds(60));
            Duration shortest = Duration.between(model.startProperty().get(), model.endProperty().get());
            assertTrue(shortest.compareTo(Duration.ofHours(1)) >= 0 && shortest.compareTo(Duration.ofMinutes(61)) <= 0, "an hour: " + shortest);

            model.zoomTo(NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(30)));
            assertEquals(Duration.ofDays(1), model.bucketsProperty().get().width());

            model.zoomTo(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3)));
            assertTrue(model.startProperty().get().isBefore(NOW) && !model.endProperty().get().isBefore(NOW),
                    "a range in the future is moved back to end now");

            model.zoomTo(NOW.minus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(199)));
            assertFalse(model.startProperty().get().isBefore(NOW.minus(Duration.ofDays(90)).minus(Duration.ofMinutes(10))),
                    "a range before the window is moved into it: " + model.startProperty().get());
        }

        @Test
        void panningMovesByAFractionOfTheRange() {
            model.zoomTo(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(9)));
            Instant before = model.startProperty().get();
            model.pan(-0.5);
            assertEquals(Duration.ofHours(12), Duration.between(model.startProperty().get(), before));
        }
    }

    @Nested
    class Stacking {

        List<AuditRecord> records() {
            List<AuditRecord> out = new ArrayList<>();
            Instant t = NOW.minus(Duration.ofHours(5));
            String[] names = {"GetSecretValue", "DescribeSecret", "ListSecrets", "PutSecretValue", "GetResourcePolicy", "UpdateSecret",
                    "TagResource", "RotateSecret", "DeleteSecret", "CreateSecret"};
            for (int n = 0; n < names.length; n++) {
                for (int i = 0; i < 30 - n * 2; i++) {
                    out.add(record(t.plusSeconds(i * 60L + n), names[n], null));
                }
            }
            for (int i = 0; i < 4; i++) {
                out.add(record(t.plusSeconds(600 + i), "GetSecretValue", "AccessDeniedException"));
            }
            out.add(record(t.plusSeconds(700), "GetSecretValue", "ResourceNotFoundException"));
            Collections.shuffle(out, new java.util.Random(3));
            return out;
        }

        @Test
        void byEventNameTheSevenMostFrequentHaveLayersAndTheRestAreOther() {
            model.setRecords(records());
            TimelineBuckets b = model.bucketsProperty().get();
            assertEquals(8, b.series().size());
            assertEquals(TimelineSeries.eventName("GetSecretValue"), b.series().get(0));
            assertEquals(TimelineSeries.eventName("DescribeSecret"), b.series().get(1));
            assertEquals(TimelineSeries.OTHER, b.series().get(7));
            int other = 0;
            int get = 0;
            for (int i = 0; i < b.size(); i++) {
                other += b.count(7, i);
                get += b.count(0, i);
            }
            assertEquals(16 + 14 + 12, other, "RotateSecret, DeleteSecret and CreateSecret");
            assertEquals(35, get);
            assertEquals(records().size(), sum(b));
        }

        @Test
        void byOutcomeSuccessErrorAndAccessDeniedWithBothMarked() {
            model.setRecords(records());
            model.stackByProperty().set(StackBy.OUTCOME);
            TimelineBuckets b = model.bucketsProperty().get();
            assertEquals(List.of(TimelineSeries.SUCCESS, TimelineSeries.ERROR, TimelineSeries.ACCESS_DENIED), b.series());
            int success = 0;
            int errors = 0;
            int denied = 0;
            int errorMarks = 0;
            int deniedMarks = 0;
            for (int i = 0; i < b.size(); i++) {
                success += b.count(0, i);
                errors += b.count(1, i);
                denied += b.count(2, i);
                errorMarks += b.errors(i);
                deniedMarks += b.denied(i);
            }
            assertEquals(records().size() - 5, success);
            assertEquals(1, errors);
            assertEquals(4, denied);
            assertEquals(1, errorMarks);
            assertEquals(4, deniedMarks);
            model.stackByProperty().set(StackBy.EVENT_NAME);
            b = model.bucketsProperty().get();
            int marks = 0;
            for (int i = 0; i < b.size(); i++) {
                marks += b.errors(i) + b.denied(i);
            }
            assertEquals(5, marks, "failures are marked whatever the stacking");
        }

        @Test
        void pagesAddedTwiceOrOutOfOrderAreCountedOnce() {
            List<AuditRecord> all = records();
            model.addRecords(all.subList(0, 50));
            model.addRecords(all.subList(30, all.size()));
            model.addRecords(all.subList(10, 20));
            assertEquals(all.size(), model.recordCountProperty().get());
            assertEquals(all.size(), sum(model.bucketsProperty().get()));
            List<AuditRecord> in = model.recordsIn(new TimeRange(NOW.minus(Duration.ofDays(1)), NOW));
            assertEquals(all.size(), in.size());
            for (int i = 1; i < in.size(); i++) {
                assertFalse(in.get(i).time().isAfter(in.get(i - 1).time()), "newest first");
            }
        }

        @Test
        void onlyTheRangeShownIsCounted() {
            model.setRecords(List.of(record(NOW.minus(Duration.ofDays(2)), "GetSecretValue", null),
                    record(NOW.minus(Duration.ofHours(1)), "GetSecretValue", null)));
            model.zoomTo(NOW.minus(Duration.ofHours(3)), NOW);
            assertEquals(1, sum(model.bucketsProperty().get()));
            assertEquals(2, model.recordCountProperty().get());
        }
    }

    @Nested
    class Selection {

        @Test
        void aBucketOrADraggedRangeIsSelectedOnWholeBuckets() {
            model.zoomTo(NOW.minus(Duration.ofHours(3)), NOW);
            TimelineBuckets b = model.bucketsProperty().get();
            model.selectBucket(5);
            assertEquals(b.rangeOf(5), model.selectionProperty().get());

            Instant a = b.startOf(20).plusSeconds(17);
            Instant z = b.startOf(10).plusSeconds(3);
            model.select(a, z);
            assertEquals(new TimeRange(b.startOf(10), b.endOf(20)), model.selectionProperty().get());

            model.select(b.start().minus(Duration.ofDays(1)), b.end().plus(Duration.ofDays(1)));
            assertEquals(new TimeRange(b.start(), b.end()), model.selectionProperty().get(), "clamped to the buckets");

            model.clearSelection();
            assertNull(model.selectionProperty().get());
            assertEquals(List.of(), model.selectedRecords());
        }

        @Test
        void theSelectedRecordsAreThoseInTheSelectionNewestFirst() {
            AuditRecord early = record(NOW.minus(Duration.ofMinutes(50)), "GetSecretValue", null);
            AuditRecord late = record(NOW.minus(Duration.ofMinutes(45)), "DescribeSecret", null);
            AuditRecord outside = record(NOW.minus(Duration.ofMinutes(5)), "GetSecretValue", null);
            model.setRecords(List.of(early, outside, late));
            model.zoomTo(NOW.minus(Duration.ofHours(1)), NOW);
            model.select(early.time(), late.time());
            assertEquals(List.of(late, early), model.selectedRecords());
        }
    }

    @Nested
    class Scale {

        @Test
        void aHundredThousandRecordsAreCountedInAFractionOfASecond() {
            List<AuditRecord> records = SyntheticTrail.historyOf(NOW, 100_000, 42);
            assertEquals(100_000, records.size());
            // CPU time of this thread: the build machine is shared, and wall time measures the neighbours
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = cpu.getCurrentThreadCpuTime();
            model.setRecords(records);
            long loaded = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 12; i++) {
                if (model.canZoomInProperty().get()) {
                    model.zoomIn(SyntheticTrail.incidentStart(NOW));
                }
                model.stackByProperty().set(i % 2 == 0 ? StackBy.OUTCOME : StackBy.EVENT_NAME);
            }
            long zoomed = cpu.getCurrentThreadCpuTime();
            model.zoomToWindow();
            assertEquals(100_000, sum(model.bucketsProperty().get()), "every event of the 90 days is in a bucket");
            assertTrue((loaded - t0) / 1e6 < 1_000, "setRecords took " + (loaded - t0) / 1e6 + " ms of CPU");
            assertTrue((zoomed - loaded) / 1e6 / 24 < 20, "a recount took " + (zoomed - loaded) / 1e6 / 24 + " ms of CPU");
        }
    }
}
