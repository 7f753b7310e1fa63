package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.rotation.ScheduleModel.Mode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedule builder: checked as the user types with RotateSecret's rules (RotationSchedule),
 * never both days and an expression, the cron fields and the typed expression kept together, and
 * a preview of the next five windows.
 */
class ScheduleModelTest {

    /** A Wednesday, mid-morning UTC. */
    static final Instant NOW = Instant.parse("2025-03-05T10:17:00Z");
    ScheduleModel model;

    @BeforeEach
    void create() {
        model = new ScheduleModel(Texts.load(Locale.ROOT).in(RotationTab.BUNDLE));
        model.nowProperty().set(NOW);
        model.lastRotationProperty().set(NOW);
    }

    @Nested
    class EveryNDays {

        @ParameterizedTest
        @CsvSource({"0, greater than or equal to 1", "1001, less than or equal to 1000", "-3, greater than or equal to 1"})
        void daysOutOfRangeAreRefusedWithRotateSecretsMessage(String days, String says) {
            model.daysProperty().set(days);
            assertNotNull(model.problemProperty().get());
            assertTrue(model.problemProperty().get().contains(says), model.problemProperty().get());
            assertTrue(model.preview().isEmpty());
            assertNull(model.descriptionProperty().get());
        }

        @Test
        void aDayCountThatIsNoNumberIsNamed() {
            model.daysProperty().set("thirty");
            assertEquals(Texts.load(Locale.ROOT).in(RotationTab.BUNDLE).get("schedule.problem.days"), model.problemProperty().get());
        }

        @Test
        void thirtyDaysPreviewsFiveWindowsAtMidnightUtcThirtyDaysApartAfterTheRotation() {
            model.daysProperty().set("30");
            assertNull(model.problemProperty().get());
            assertEquals("every 30 days", model.descriptionProperty().get());
            Instant first = Instant.parse("2025-04-04T00:00:00Z");
            assertEquals(List.of(first, first.plus(Duration.ofDays(30)), first.plus(Duration.ofDays(60)), first.plus(Duration.ofDays(90)),
                    first.plus(Duration.ofDays(120))), model.preview());
            assertEquals(Duration.ofHours(24), model.windowLengthProperty().get(), "AWS's default: the rest of the day");
            assertEquals(30L, model.automaticallyAfterDays());
            assertNull(model.scheduleExpression());
        }

        @Test
        void aWindowIsCheckedAndShortensEachWindow() {
            model.windowProperty().set("3h");
            assertNull(model.problemProperty().get());
            assertEquals(Duration.ofHours(3), model.windowLengthProperty().get());
            assertEquals("3h", model.windowValue());
            model.windowProperty().set("30h");
            assertNotNull(model.problemProperty().get());
            model.windowProperty().set(" ");
            assertNull(model.windowValue(), "blank: AWS's default");
            assertNull(model.problemProperty().get());
        }
    }

    @Nested
    class Rate {

        @BeforeEach
        void rate() {
            model.modeProperty().set(Mode.RATE);
        }

        @Test
        void everyTwelveHoursOpensWindowsAtMidnightAndNoonUtc() {
            model.rateValueProperty().set("12");
            model.rateUnitProperty().set(ScheduleModel.RateUnit.HOURS);
            assertEquals("rate(12 hours)", model.scheduleExpression());
            assertNull(model.problemProperty().get(), model.problemProperty().get());
            assertEquals(List.of(Instant.parse("2025-03-05T12:00:00Z"), Instant.parse("2025-03-06T00:00:00Z"),
                    Instant.parse("2025-03-06T12:00:00Z"), Instant.parse("2025-03-07T00:00:00Z"), Instant.parse("2025-03-07T12:00:00Z")),
                    model.preview());
        }

        @Test
        void moreOftenThanEveryFourHoursIsRefused() {
            model.rateValueProperty().set("2");
            model.rateUnitProperty().set(ScheduleModel.RateUnit.HOURS);
            assertTrue(model.problemProperty().get().contains("four hours"), model.problemProperty().get());
        }

        @Test
        void oneDayIsWrittenInTheSingular() {
            model.rateValueProperty().set("1");
            model.rateUnitProperty().set(ScheduleModel.RateUnit.DAYS);
            assertEquals("rate(1 day)", model.scheduleExpression());
            assertNull(model.problemProperty().get());
            assertEquals(5, model.preview().size());
        }
    }

    @Nested
    class Cron {

        @BeforeEach
        void cron() {
            model.modeProperty().set(Mode.CRON);
        }

        @Test
        void minutesOtherThanZeroAreRefusedAsRotationSchedulesays() {
            model.cronExpressionProperty().set("cron(30 4 * * ? *)");
            assertNotNull(model.problemProperty().get());
            assertTrue(model.problemProperty().get().contains("Minutes must be 0"), model.problemProperty().get());
            assertFalse(model.cronFieldsShownProperty().get(), "the fields have no minutes to show");
            assertTrue(model.preview().isEmpty());
        }

        @Test
        void theFieldsWriteTheExpressionAndItsPreviewHasFiveDatesOnThoseDays() {
            model.cronHoursProperty().set("4");
            model.cronDaysProperty().set(ScheduleModel.CronDays.DAYS_OF_WEEK);
            model.cronWeekdayProperty(DayOfWeek.SUNDAY).set(false);
            model.cronWeekdayProperty(DayOfWeek.MONDAY).set(true);
            model.cronWeekdayProperty(DayOfWeek.THURSDAY).set(true);
            assertEquals("cron(0 4 ? * MON,THU *)", model.scheduleExpression());
            assertNull(model.problemProperty().get(), model.problemProperty().get());
            assertTrue(model.descriptionProperty().get().contains("04:00 UTC"), model.descriptionProperty().get());
            assertEquals(List.of(Instant.parse("2025-03-06T04:00:00Z"), Instant.parse("2025-03-10T04:00:00Z"),
                    Instant.parse("2025-03-13T04:00:00Z"), Instant.parse("2025-03-17T04:00:00Z"), Instant.parse("2025-03-20T04:00:00Z")),
                    model.preview());
            assertTrue(model.preview().stream().allMatch(i -> {
                DayOfWeek d = i.atZone(ZoneOffset.UTC).getDayOfWeek();
                return d == DayOfWeek.MONDAY || d == DayOfWeek.THURSDAY;
            }));
        }

        @Test
        void aTypedExpressionSetsTheFieldsWhenTheyCanShowIt() {
            model.cronExpressionProperty().set("cron(0 6 1,15 * ? *)");
            assertTrue(model.cronFieldsShownProperty().get());
            assertEquals(ScheduleModel.CronDays.DAYS_OF_MONTH, model.cronDaysProperty().get());
            assertEquals("1,15", model.cronDaysOfMonthProperty().get());
            assertEquals("6", model.cronHoursProperty().get());
            assertNull(model.problemProperty().get(), model.problemProperty().get());
            assertEquals(Instant.parse("2025-03-15T06:00:00Z"), model.preview().get(0));

            model.cronMonthsProperty().set("1,7");
            assertEquals("cron(0 6 1,15 1,7 ? *)", model.cronExpressionProperty().get(), "a field edit rewrites the expression");
        }

        @Test
        void windowsCloserThanFourHoursAreRefused() {
            model.cronHoursProperty().set("0,2");
            assertTrue(model.problemProperty().get().contains("four hours"), model.problemProperty().get());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bothDaysAndAnExpressionCanNeverBeSent(Mode mode) {
        model.daysProperty().set("7");
        model.rateValueProperty().set("6");
        model.modeProperty().set(mode);
        boolean days = model.automaticallyAfterDays() != null;
        boolean expression = model.scheduleExpression() != null;
        assertTrue(days ^ expression, mode + ": exactly one of the two");
        RotationSettings settings = new RotationSettings("arn:aws:lambda:us-east-1:111122223333:function:f", model.automaticallyAfterDays(),
                model.scheduleExpression(), model.windowValue(), true);
        assertTrue(settings.changesSchedule());
    }

    @Test
    void aSecretsScheduleIsShownInTheModeItWasWrittenIn() {
        model.load(new SecretSummary.Rotation(true, "f", null, "rate(6 hours)", "2h", null, null));
        assertEquals(Mode.RATE, model.modeProperty().get());
        assertEquals("6", model.rateValueProperty().get());
        assertEquals(ScheduleModel.RateUnit.HOURS, model.rateUnitProperty().get());
        assertEquals("2h", model.windowProperty().get());
        assertNull(model.problemProperty().get(), model.problemProperty().get());

        model.load(new SecretSummary.Rotation(true, "f", null, "cron(0 8 ? * SUN *)", null, null, null));
        assertEquals(Mode.CRON, model.modeProperty().get());
        assertEquals(ScheduleModel.CronDays.DAYS_OF_WEEK, model.cronDaysProperty().get());
        assertTrue(model.cronWeekdayProperty(DayOfWeek.SUNDAY).get());
        assertEquals("", model.windowProperty().get());

        model.load(new SecretSummary.Rotation(true, "f", 14L, null, null, null, null));
        assertEquals(Mode.DAYS, model.modeProperty().get());
        assertEquals("14", model.daysProperty().get());
    }
}
