package io.strongroom.domain;

import io.strongroom.domain.RotationSchedule.InvalidRotationRules;
import io.strongroom.domain.RotationSchedule.Window;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationScheduleTest {

    private static final String VALIDATION = RotationSchedule.VALIDATION_EXCEPTION;
    private static final String INVALID = RotationSchedule.INVALID_PARAMETER_EXCEPTION;

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static RotationSchedule expression(String expression, String duration) {
        return RotationSchedule.parse(null, expression, duration);
    }

    private static RotationSchedule days(long days) {
        return RotationSchedule.parse(days, null, null);
    }

    @Nested
    class ValidRules {

        @ParameterizedTest(name = "days={0} expression={1} duration={2}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                1    | -                          | -
                1000 | -                          | -
                30   | -                          | 3h
                30   | -                          | 24h
                -    | rate(4 hours)              | -
                -    | rate(4 hours)              | 4h
                -    | rate(1 day)                | -
                -    | rate(1 days)               | -
                -    | rate(10 days)              | 2h
                -    | rate(999 days)             | -
                -    | rate(23 hours)             | -
                -    | rate(6 hours)              | 6h
                -    | rate(7 hours)              | 3h
                -    | cron(0 10 * * ? *)         | -
                -    | cron(0 18 ? * SAT *)       | -
                -    | cron(0 8 1 * ? *)          | -
                -    | cron(0 1 ? 1/3 SUN#1 *)    | -
                -    | cron(0 17 L * ? *)         | -
                -    | cron(0 8 ? * MON-FRI *)    | -
                -    | cron(0 16 1,15 * ? *)      | 2h
                -    | cron(0 0 ? * SUN#1 *)      | -
                -    | cron(0 0 ? 1/11 2#1 *)     | -
                -    | cron(0 /8 * * ? *)         | -
                -    | cron(0 8/8 * * ? *)        | -
                -    | cron(0 2/10 * * ? *)       | 2h
                -    | cron(0 4/12 * * ? *)       | -
                -    | cron(0 0/4 * * ? *)        | 4h
                -    | cron(0 22,2 * * ? *)       | 2h
                -    | cron(0 0/5 * * ? *)        | 4h
                -    | cron(0 0 ? * SUNL *)       | -
                -    | cron(0 0 ? * 1/2 *)        | -
                -    | cron(0 23 * * ? *)         | 1h
                -    | cron(0 0 * * ? *)          | 24h
                """)
        void areAccepted(Long days, String expression, String duration) {
            assertEquals(Optional.empty(), RotationSchedule.problem(days, expression, duration));
            RotationSchedule s = RotationSchedule.parse(days, expression, duration);
            assertEquals(days, s.automaticallyAfterDays());
            assertEquals(expression, s.scheduleExpression());
            assertEquals(duration, s.duration());
        }

        @Test
        void areEqualByTheirRules() {
            assertEquals(expression("rate(4 hours)", "2h"), expression("rate(4 hours)", "2h"));
            assertNotEquals(expression("rate(4 hours)", "2h"), expression("rate(4 hours)", null));
            assertNotEquals(days(1), expression("rate(1 day)", null));
        }
    }

    @Nested
    class InvalidRules {

        /** The rules RotateSecret refuses, with AWS's error code and the message. */
        @ParameterizedTest(name = "days={0} expression={1} duration={2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
                # AWS's own wording (InvalidParameterException seen from RotateSecret)
                1    | rate(1 day)           | -    | InvalidParameterException | You cannot specify both rotation frequency and schedule expression together.
                -    | -                     | -    | InvalidParameterException | You must specify either rotation frequency or schedule expression.
                -    | -                     | 3h   | InvalidParameterException | You must specify either rotation frequency or schedule expression.
                # the service model's constraints, in the front door's wording
                0    | -                     | -    | ValidationException | 1 validation error detected: Value '0' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value greater than or equal to 1
                1001 | -                     | -    | ValidationException | 1 validation error detected: Value '1001' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value less than or equal to 1000
                30   | -                     | 3    | ValidationException | 1 validation error detected: Value '3' at 'rotationRules.duration' failed to satisfy constraint: Member must have length greater than or equal to 2
                30   | -                     | 100h | ValidationException | 1 validation error detected: Value '100h' at 'rotationRules.duration' failed to satisfy constraint: Member must have length less than or equal to 3
                30   | -                     | 3 h  | ValidationException | 1 validation error detected: Value '3 h' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9h]+
                -    | rate(1 day);          | -    | ValidationException | 1 validation error detected: Value 'rate(1 day);' at 'rotationRules.scheduleExpression' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z\\(\\)#\\?\\*\\-\\/, ]+
                0    | -                     | 3m   | ValidationException | 2 validation errors detected: Value '0' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '3m' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9h]+
                # the expression's form
                -    | every(4 hours)        | -    | InvalidParameterException | The schedule expression every(4 hours) is not valid. Use rate(Value Unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year).
                -    | rate(4)               | -    | InvalidParameterException | The rate expression rate(4) is not valid. Use rate(Value Unit), where Value is a positive integer and Unit is hour, hours, day or days.
                -    | rate(4 weeks)         | -    | InvalidParameterException | The rate expression rate(4 weeks) is not valid. Use rate(Value Unit), where Value is a positive integer and Unit is hour, hours, day or days.
                -    | rate(-4 hours)        | -    | InvalidParameterException | The rate expression rate(-4 hours) is not valid. Use rate(Value Unit), where Value is a positive integer and Unit is hour, hours, day or days.
                -    | rate(0 days)          | -    | InvalidParameterException | The rate expression rate(0 days) is not valid: Value must be a positive integer.
                -    | rate(1000 days)       | -    | InvalidParameterException | The rotation period of rate(1000 days) is longer than the maximum of 999 days.
                -    | rate(24 hours)        | -    | InvalidParameterException | The rate expression rate(24 hours) is not valid: a rate in hours is from 4 to 23 hours, since its windows restart at midnight each day; write longer periods in days.
                -    | cron(0 10 * * ?)      | -    | InvalidParameterException | The cron expression cron(0 10 * * ?) is not valid: it needs six fields (Minutes Hours Day-of-month Month Day-of-week Year), not 5.
                -    | cron(0 25 * * ? *)    | -    | InvalidParameterException | The cron expression cron(0 25 * * ? *) is not valid: the Hours value 25 is outside 0-23.
                -    | cron(0 10 * * MON *)  | -    | InvalidParameterException | The cron expression cron(0 10 * * MON *) is not valid: use ? in exactly one of the Day-of-month and Day-of-week fields.
                # what Secrets Manager allows of cron
                -    | cron(30 10 * * ? *)   | -    | InvalidParameterException | The cron expression cron(30 10 * * ? *) is not valid for rotation: Minutes must be 0, because rotation windows start on the hour.
                -    | cron(0 10 * * ? 2030) | -    | InvalidParameterException | The cron expression cron(0 10 * * ? 2030) is not valid for rotation: Year must be *, because Secrets Manager does not support rotation schedules more than a year apart.
                -    | cron(0 10 15W * ? *)  | -    | InvalidParameterException | The cron expression cron(0 10 15W * ? *) is not valid for rotation: Secrets Manager rotation schedules do not support the W wildcard.
                -    | cron(0 10 LW * ? *)   | -    | InvalidParameterException | The cron expression cron(0 10 LW * ? *) is not valid for rotation: Secrets Manager rotation schedules do not support the W wildcard.
                -    | cron(0 10 30 2 ? *)   | -    | InvalidParameterException | The cron expression cron(0 10 30 2 ? *) never opens a rotation window.
                # the four-hour minimum
                -    | rate(3 hours)         | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; rate(3 hours) is more often.
                -    | rate(1 hour)          | 1h   | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; rate(1 hour) is more often.
                -    | rate(30 minutes)      | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; rate(30 minutes) is in minutes.
                -    | cron(0 * * * ? *)     | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; cron(0 * * * ? *) opens rotation windows 1 hour apart.
                -    | cron(0 0/2 * * ? *)   | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; cron(0 0/2 * * ? *) opens rotation windows 2 hours apart.
                -    | cron(0 4,7 * * ? *)   | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; cron(0 4,7 * * ? *) opens rotation windows 3 hours apart.
                -    | cron(0 22,1 * * ? *)  | -    | InvalidParameterException | Secrets Manager can rotate a secret at most every four hours; cron(0 22,1 * * ? *) opens rotation windows 3 hours apart.
                # the Duration
                30   | -                     | 0h   | InvalidParameterException | The Duration 0h is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.
                30   | -                     | 25h  | InvalidParameterException | The Duration 25h is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.
                30   | -                     | h3   | InvalidParameterException | The Duration h3 is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.
                30   | -                     | 3hh  | InvalidParameterException | The Duration 3hh is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.
                # a window longer than the interval, or past midnight UTC
                -    | rate(4 hours)         | 5h   | InvalidParameterException | The rotation window of 5h extends into the next rotation window, which opens 4 hours after the previous one.
                -    | rate(7 hours)         | 4h   | InvalidParameterException | The rotation window of 4h extends into the next UTC day: the window that opens at 21:00 UTC would close at 01:00 UTC the next day.
                -    | rate(10 hours)        | 5h   | InvalidParameterException | The rotation window of 5h extends into the next UTC day: the window that opens at 20:00 UTC would close at 01:00 UTC the next day.
                -    | cron(0 4/12 * * ? *)  | 13h  | InvalidParameterException | The rotation window of 13h extends into the next rotation window, which opens 12 hours after the previous one.
                -    | cron(0 0/6 * * ? *)   | 7h   | InvalidParameterException | The rotation window of 7h extends into the next rotation window, which opens 6 hours after the previous one.
                -    | cron(0 2/10 * * ? *)  | 3h   | InvalidParameterException | The rotation window of 3h extends into the next UTC day: the window that opens at 22:00 UTC would close at 01:00 UTC the next day.
                -    | cron(0 22 * * ? *)    | 3h   | InvalidParameterException | The rotation window of 3h extends into the next UTC day: the window that opens at 22:00 UTC would close at 01:00 UTC the next day.
                -    | cron(0 1 * * ? *)     | 24h  | InvalidParameterException | The rotation window of 24h extends into the next UTC day: the window that opens at 01:00 UTC would close at 01:00 UTC the next day.
                """)
        void areRefusedWithAwsError(Long days, String expression, String duration, String code, String message) {
            InvalidRotationRules e = assertThrows(InvalidRotationRules.class, () -> RotationSchedule.parse(days, expression, duration));
            assertEquals(message, e.getMessage());
            assertEquals(code, e.errorCode());
            assertEquals(Optional.of(message), RotationSchedule.problem(days, expression, duration));
        }

        @Test
        void anEmptyOrOverlongExpressionBreaksTheModelsLength() {
            InvalidRotationRules empty = assertThrows(InvalidRotationRules.class, () -> expression("", null));
            assertEquals(VALIDATION, empty.errorCode());
            assertEquals("1 validation error detected: Value '' at 'rotationRules.scheduleExpression' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1", empty.getMessage());
            String overlong = "cron(0 0 1 " + "1,".repeat(130) + "1 ? *)";
            InvalidRotationRules tooLong = assertThrows(InvalidRotationRules.class, () -> expression(overlong, null));
            assertTrue(tooLong.getMessage().endsWith("Member must have length less than or equal to 256"), tooLong.getMessage());
        }

        @Test
        void areIllegalArguments() {
            assertThrows(IllegalArgumentException.class, () -> days(0));
            assertEquals(INVALID, assertThrows(InvalidRotationRules.class, () -> expression("rate(2 hours)", null)).errorCode());
        }
    }

    @Nested
    class TheWindow {

        @ParameterizedTest(name = "days={0} expression={1} duration={2}: {3}h")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                # schedules in days close at the end of the UTC day
                30 | -                       | -   | 24
                -  | rate(10 days)           | -   | 24
                -  | cron(0 10 * * ? *)      | -   | 14
                -  | cron(0 0 L * ? *)       | -   | 24
                -  | cron(0 23 ? * SUN *)    | -   | 1
                # schedules in hours close after one hour
                -  | rate(6 hours)           | -   | 1
                -  | cron(0 4/12 * * ? *)    | -   | 1
                # a Duration replaces the default
                30 | -                       | 3h  | 3
                -  | rate(6 hours)           | 6h  | 6
                -  | cron(0 10 * * ? *)      | 14h | 14
                """)
        void isTheDurationElseAwsDefault(Long days, String expression, String duration, long hours) {
            assertEquals(Duration.ofHours(hours), RotationSchedule.parse(days, expression, duration).window());
        }
    }

    @Nested
    class CountedFromTheLastRotation {

        @Test
        void daysOpenAtMidnightUtcOfTheDueDayAndCloseAtItsEnd() {
            RotationSchedule s = days(30);
            Instant rotated = at("2024-01-15T13:45:00Z");
            Window w = s.nextWindow(rotated, rotated).orElseThrow();
            assertEquals(new Window(at("2024-02-14T00:00:00Z"), at("2024-02-15T00:00:00Z")), w);
            assertEquals(Optional.of(at("2024-02-14T23:59:59Z")), s.nextRotationDate(rotated, rotated));
            assertFalse(s.due(rotated, at("2024-02-13T23:59:59Z")));
            assertTrue(s.due(rotated, at("2024-02-14T00:00:00Z")));
            assertTrue(s.due(rotated, at("2024-02-14T23:59:59Z")));
        }

        /** A real DescribeSecret (quoted in /work/notes/rotation-facts.md, section 4): 30 days, rotated 07:16Z on 22 Feb 2024. */
        @Test
        void nextRotationDateIsTheLastSecondOfTheDueDay() {
            Instant rotated = at("2024-02-22T07:16:15.807Z");
            assertEquals(Optional.of(at("2024-03-23T23:59:59Z")), days(30).nextRotationDate(rotated, rotated));
        }

        @Test
        void aDurationShortensTheWindowFromMidnight() {
            RotationSchedule s = RotationSchedule.parse(7L, null, "3h");
            Instant rotated = at("2024-02-26T10:00:00Z");
            assertEquals(new Window(at("2024-03-04T00:00:00Z"), at("2024-03-04T03:00:00Z")), s.nextWindow(rotated, rotated).orElseThrow());
            assertTrue(s.due(rotated, at("2024-03-04T02:59:59Z")));
            assertFalse(s.due(rotated, at("2024-03-04T03:00:00Z")));
        }

        @Test
        void rateInDaysCountsTheSameWayAsAutomaticallyAfterDays() {
            Instant rotated = at("2024-02-28T22:00:00Z");
            assertEquals(days(2).nextStarts(rotated, 5), expression("rate(2 days)", null).nextStarts(rotated, 5));
            // across 29 February 2024
            assertEquals(List.of(at("2024-03-01T00:00:00Z"), at("2024-03-03T00:00:00Z"), at("2024-03-05T00:00:00Z")),
                    days(2).nextStarts(rotated, 3));
        }

        @Test
        void aMissedWindowIsFollowedByTheNextOneAPeriodLater() {
            RotationSchedule s = RotationSchedule.parse(10L, null, "2h");
            Instant rotated = at("2024-01-01T05:00:00Z");
            // the window of 11 January passed unserved; the next is 21 January
            Instant now = at("2024-01-15T00:00:00Z");
            assertEquals(new Window(at("2024-01-21T00:00:00Z"), at("2024-01-21T02:00:00Z")), s.nextWindow(rotated, now).orElseThrow());
            assertFalse(s.due(rotated, now));
            assertTrue(s.due(rotated, at("2024-01-21T01:00:00Z")));
            // exactly at a window's close, the following one is next
            assertEquals(Optional.of(at("2024-01-31T00:00:00Z")), s.nextWindowStart(rotated, at("2024-01-21T02:00:00Z")));
        }
    }

    @Nested
    class Calendar {

        @Test
        void aWindowOpensAtEachFiringWhateverTheLastRotation() {
            RotationSchedule s = expression("cron(0 16 1,15 * ? *)", "2h");
            Instant rotated = at("2024-02-01T16:10:00Z");
            assertEquals(new Window(at("2024-02-15T16:00:00Z"), at("2024-02-15T18:00:00Z")), s.nextWindow(rotated, rotated).orElseThrow());
            assertEquals(Optional.of(at("2024-02-15T17:59:59Z")), s.nextRotationDate(rotated, rotated));
        }

        @Test
        void anOpenWindowIsDueUntilServed() {
            RotationSchedule s = expression("cron(0 4 ? * SUN *)", null);
            Instant rotated = at("2024-03-01T00:00:00Z");
            Instant sunday = at("2024-03-03T04:00:00Z");
            assertFalse(s.due(rotated, sunday.minusSeconds(1)));
            assertTrue(s.due(rotated, sunday));
            assertTrue(s.due(rotated, at("2024-03-03T23:59:59Z")));
            assertFalse(s.due(rotated, at("2024-03-04T00:00:00Z")), "the window closes at the end of the UTC day");
            // served at 09:00: not due again until next Sunday
            Instant served = at("2024-03-03T09:00:00Z");
            assertFalse(s.due(served, at("2024-03-03T09:00:01Z")));
            assertEquals(Optional.of(at("2024-03-10T04:00:00Z")), s.nextWindowStart(served, at("2024-03-03T09:00:01Z")));
            // rotated exactly as the window opened: served
            assertFalse(s.due(sunday, sunday.plusSeconds(1)));
        }

        @Test
        void whileAWindowIsOpenAndUnservedItsStartIsTheNextWindowStart() {
            RotationSchedule s = expression("cron(0 8 * * ? *)", "3h");
            Instant rotated = at("2024-03-01T08:30:00Z");
            Instant now = at("2024-03-02T09:00:00Z");
            assertEquals(Optional.of(at("2024-03-02T08:00:00Z")), s.nextWindowStart(rotated, now));
            assertTrue(s.due(rotated, now));
        }

        @Test
        void theLastDayOfTheMonthAcrossMonthEndsAndLeapYears() {
            RotationSchedule s = expression("cron(0 0 L * ? *)", null);
            List<String> starts = s.nextStarts(at("2023-12-31T00:00:00Z"), 5).stream().map(Instant::toString).toList();
            assertEquals(List.of("2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-31T00:00:00Z", "2024-04-30T00:00:00Z",
                    "2024-05-31T00:00:00Z"), starts);
        }

        @Test
        void aRateInHoursOpensWindowsFromMidnightEachDay() {
            RotationSchedule s = expression("rate(10 hours)", null);
            Instant rotated = at("2024-05-01T10:20:00Z");
            assertEquals(new Window(at("2024-05-01T20:00:00Z"), at("2024-05-01T21:00:00Z")), s.nextWindow(rotated, rotated).orElseThrow());
            assertEquals(List.of(at("2024-05-01T20:00:00Z"), at("2024-05-02T00:00:00Z"), at("2024-05-02T10:00:00Z"),
                    at("2024-05-02T20:00:00Z"), at("2024-05-03T00:00:00Z")), s.nextStarts(rotated, 5));
            assertEquals(expression("cron(0 0/6 * * ? *)", null).nextStarts(rotated, 5), expression("rate(6 hours)", null).nextStarts(rotated, 5));
        }

        @Test
        void hoursResetEachDay() {
            RotationSchedule s = expression("cron(0 2/10 * * ? *)", null);
            assertEquals(List.of(at("2024-01-01T12:00:00Z"), at("2024-01-01T22:00:00Z"), at("2024-01-02T02:00:00Z"),
                    at("2024-01-02T12:00:00Z"), at("2024-01-02T22:00:00Z")), s.nextStarts(at("2024-01-01T02:00:00Z"), 5));
        }
    }

    @Nested
    class AScheduler {

        /**
         * A scheduler that asks every second would rotate at its first tick inside each window;
         * here the clock moves by an hour and the scheduler records a rotation when due.
         */
        private List<Instant> rotations(RotationSchedule s, Instant enabled, Instant until, Duration tick) {
            List<Instant> out = new ArrayList<>();
            Instant last = enabled;
            for (Instant now = enabled; now.isBefore(until); now = now.plus(tick)) {
                if (s.due(last, now)) {
                    out.add(now);
                    last = now;
                }
            }
            return out;
        }

        @Test
        void rotatesOncePerWindow() {
            RotationSchedule s = expression("cron(0 4/12 * * ? *)", null);
            List<Instant> done = rotations(s, at("2024-06-01T00:00:00Z"), at("2024-06-02T00:00:00Z"), Duration.ofMinutes(1));
            assertEquals(List.of(at("2024-06-01T04:00:00Z"), at("2024-06-01T16:00:00Z")), done);
        }

        @Test
        void withAClockMovedByDays() {
            RotationSchedule s = days(3);
            List<Instant> done = rotations(s, at("2024-02-26T12:00:00Z"), at("2024-03-10T12:00:00Z"), Duration.ofDays(1));
            assertEquals(List.of(at("2024-02-29T12:00:00Z"), at("2024-03-03T12:00:00Z"), at("2024-03-06T12:00:00Z"),
                    at("2024-03-09T12:00:00Z")), done);
        }
    }

    @Nested
    class AutomaticallyAfterDaysInDescribeSecret {

        @ParameterizedTest(name = "days={0} expression={1}, rotated {2}: {3}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                30 | -                       | 2024-01-01T10:00:00Z | 30
                -  | rate(10 days)           | 2024-01-01T10:00:00Z | 10
                # terraform-provider-aws quotes AWS: rate(10 hours) with 1
                -  | rate(10 hours)          | 2024-01-01T10:00:00Z | 1
                -  | rate(6 hours)           | 2024-01-01T10:00:00Z | 1
                # AWS's DescribeSecret example: cron(0 16 1,15 * ? *) with 14
                -  | cron(0 16 1,15 * ? *)   | 2022-10-01T16:30:00Z | 14
                -  | cron(0 16 1,15 * ? *)   | 2022-10-15T17:00:00Z | 17
                -  | cron(0 4 ? * SUN *)     | 2024-03-03T05:00:00Z | 7
                -  | cron(0 0/6 * * ? *)     | 2024-03-03T05:00:00Z | 1
                # from the window rotated in to the next one, which depends on the window
                -  | cron(0 4 ? * SUN,WED *) | 2024-03-03T05:00:00Z | 3
                -  | cron(0 4 ? * SUN,WED *) | 2024-03-06T05:00:00Z | 4
                # part of a day rounds up
                -  | cron(0 4,20 ? * SUN *)  | 2024-03-03T05:00:00Z | 1
                """)
        void isCalculatedFromTheSchedule(Long days, String expression, String rotated, long shown) {
            RotationSchedule s = RotationSchedule.parse(days, expression, null);
            assertEquals(shown, s.automaticallyAfterDaysShown(at(rotated)));
        }
    }

    @Nested
    class Describe {

        @ParameterizedTest(name = "{3}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                30 | -                        | -   | every 30 days
                1  | -                        | -   | every day
                30 | -                        | 3h  | every 30 days, within 3 hours
                -  | rate(6 hours)            | -   | every 6 hours
                -  | rate(4 hours)            | 1h  | every 4 hours, within 1 hour
                -  | rate(1 day)              | -   | every day
                -  | rate(14 days)            | -   | every 14 days
                -  | cron(0 4 ? * SUN *)      | -   | at 04:00 UTC on Sunday
                -  | cron(0 0 L * ? *)        | -   | at 00:00 UTC on the last day of the month
                -  | cron(0 8 ? * MON-FRI *)  | 2h  | at 08:00 UTC on weekdays, within 2 hours
                -  | cron(0 0/4 * * ? *)      | -   | every 4 hours from 00:00 UTC
                -  | cron(0 16 1,15 * ? *)    | 2h  | at 16:00 UTC on the 1st and 15th of the month, within 2 hours
                """)
        void saysTheScheduleAndAGivenWindow(Long days, String expression, String duration, String phrase) {
            assertEquals(phrase, RotationSchedule.parse(days, expression, duration).describe());
        }
    }

    @Test
    void rulesAreKeptAsGiven() {
        RotationSchedule s = expression("rate(1 days)", "03h");
        assertNull(s.automaticallyAfterDays());
        assertEquals("rate(1 days)", s.scheduleExpression());
        assertEquals("03h", s.duration());
        assertEquals(Duration.ofHours(3), s.window());
        assertEquals(1L, days(1).automaticallyAfterDays());
        assertNull(days(1).scheduleExpression());
        assertNull(days(1).duration());
    }
}
