package io.strongroom.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronExpressionTest {

    /** The next firings of {@code expression} after {@code after}, as text. */
    private static List<String> firings(String expression, String after, int n) {
        return CronExpression.parse(expression).next(Instant.parse(after), n).stream().map(Instant::toString).toList();
    }

    private static List<String> split(String spaceSeparated) {
        return Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    @Nested
    class TheSyntaxIsEventBridges {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                cron(0 10 * * ? *)
                cron(15 12 * * ? *)
                cron(0 18 ? * MON-FRI *)
                cron(0/15 * * * ? *)
                cron(0/5 8-17 ? * MON-FRI *)
                cron(0 8 1 * ? *)
                cron(0 0 L * ? *)
                cron(0 0 LW * ? *)
                cron(0 9 15W * ? *)
                cron(0 0 ? * L *)
                cron(0 0 ? * 6L *)
                cron(0 0 ? * FRIL *)
                cron(0 0 ? * 3#2 *)
                cron(0 0 ? * TUE#2 *)
                cron(0 0 1 JAN,APR,JUL,OCT ? *)
                cron(0 0 1 1/3 ? *)
                cron(0 /8 * * ? *)
                cron(0 0 1 1 ? 1970)
                cron(0 0 1 1 ? 2199)
                cron(0 0 1 1 ? 2020-2030/2)
                cron(0 0 ? * sun,sat *)
                cron( 0 0  1 * ? * )
                """)
        void accepts(String expression) {
            assertEquals(expression, CronExpression.parse(expression).expression());
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                0 10 * * ? *                 | write it as cron(Minutes Hours Day-of-month Month Day-of-week Year)
                cron(0 10 * * ?)             | it needs six fields (Minutes Hours Day-of-month Month Day-of-week Year), not 5
                cron(0 10 * * ? * *)         | it needs six fields (Minutes Hours Day-of-month Month Day-of-week Year), not 7
                cron()                       | it needs six fields (Minutes Hours Day-of-month Month Day-of-week Year), not 0
                cron(60 10 * * ? *)          | the Minutes value 60 is outside 0-59
                cron(0 24 * * ? *)           | the Hours value 24 is outside 0-23
                cron(0 0 0 * ? *)            | the Day-of-month value 0 is outside 1-31
                cron(0 0 32 * ? *)           | the Day-of-month value 32 is outside 1-31
                cron(0 0 1 13 ? *)           | the Month value 13 is outside 1-12
                cron(0 0 1 JANUARY ? *)      | the Month JANUARY is not a number
                cron(0 0 ? * 8 *)            | the Day-of-week value 8 is outside 1-7
                cron(0 0 ? * 0 *)            | the Day-of-week value 0 is outside 1-7
                cron(0 0 1 * ? 1969)         | the Year value 1969 is outside 1970-2199
                cron(0 0 1 * ? 2200)         | the Year value 2200 is outside 1970-2199
                cron(0 0 1 * ? 12345)        | the Year value 12345 is outside 1970-2199
                cron(0 0 * * * *)            | use ? in exactly one of the Day-of-month and Day-of-week fields
                cron(0 0 ? * ? *)            | use ? in exactly one of the Day-of-month and Day-of-week fields
                cron(0 0 1 * MON *)          | use ? in exactly one of the Day-of-month and Day-of-week fields
                cron(? 0 1 * ? *)            | ? is only allowed in the Day-of-month and Day-of-week fields
                cron(0 0 L,15 * ? *)         | L, LW and nW stand alone in the Day-of-month field
                cron(0 0 1W,15 * ? *)        | L, LW and nW stand alone in the Day-of-month field
                cron(0 0 1#2 * ? *)          | # is only allowed in the Day-of-week field
                cron(0 0 ? * 3#1,6#3 *)      | L, xL and x#n stand alone in the Day-of-week field
                cron(0 0 ? * 3#6 *)          | the occurrence in 3#6 is outside 1-5
                cron(0 0 ? * 2W *)           | the Day-of-week 2W is not a number
                cron(0 0 ? * FRI-MON *)      | the Day-of-week range FRI-MON runs backwards
                cron(0 0 1-2-3 * ? *)        | the Day-of-month range 1-2-3 is not of the form a-b
                cron(0 0/0 * * ? *)          | the Hours increment 0 is outside 1-24
                cron(0 0/25 * * ? *)         | the Hours increment 25 is outside 1-24
                cron(0 1, * * ? *)           | the Hours field has an empty value
                cron(0 0/ * * ? *)           | the Hours increment is missing
                """)
        void refusesWithAMessageNamingTheField(String expression, String why) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(expression));
            assertEquals("The cron expression " + expression + " is not valid: " + why + ".", e.getMessage());
        }

        @Test
        void isEqualByItsText() {
            assertEquals(CronExpression.parse("cron(0 4 ? * SUN *)"), CronExpression.parse("cron(0 4 ? * SUN *)"));
        }
    }

    @Nested
    class NextFirings {

        @ParameterizedTest(name = "{0} after {1}")
        @CsvSource(delimiter = '|', textBlock = """
                # every day at 10:00, strictly after: a firing exactly at `after` is not the next
                cron(0 10 * * ? *)        | 2024-05-01T10:00:00Z    | 2024-05-02T10:00:00Z 2024-05-03T10:00:00Z
                # seconds are truncated, not rounded
                cron(0 10 * * ? *)        | 2024-05-01T09:59:59.9Z  | 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z
                # month end to month start, and a 31st that short months skip
                cron(0 0 31 * ? *)        | 2024-01-31T00:00:00Z    | 2024-03-31T00:00:00Z 2024-05-31T00:00:00Z 2024-07-31T00:00:00Z
                cron(0 0 30 * ? *)        | 2024-01-30T00:00:00Z    | 2024-03-30T00:00:00Z 2024-04-30T00:00:00Z
                # 29 February: only in leap years
                cron(0 12 29 2 ? *)       | 2024-03-01T00:00:00Z    | 2028-02-29T12:00:00Z 2032-02-29T12:00:00Z
                cron(0 12 29 FEB ? *)     | 2096-03-01T00:00:00Z    | 2104-02-29T12:00:00Z
                # L: the last day, 28 or 29 in February
                cron(0 0 L * ? *)         | 2023-01-31T00:00:00Z    | 2023-02-28T00:00:00Z 2023-03-31T00:00:00Z
                cron(0 0 L 2 ? *)         | 2023-03-01T00:00:00Z    | 2024-02-29T00:00:00Z 2025-02-28T00:00:00Z
                # LW: the last Monday-to-Friday (31 Aug 2024 is a Saturday, 30 Nov 2024 too)
                cron(0 0 LW * ? *)        | 2024-08-01T00:00:00Z    | 2024-08-30T00:00:00Z 2024-09-30T00:00:00Z 2024-10-31T00:00:00Z 2024-11-29T00:00:00Z
                # nW: 15 Jun 2024 is a Saturday (Friday 14th), 15 Sep 2024 a Sunday (Monday 16th)
                cron(0 9 15W * ? *)       | 2024-06-01T00:00:00Z    | 2024-06-14T09:00:00Z 2024-07-15T09:00:00Z 2024-08-15T09:00:00Z 2024-09-16T09:00:00Z
                # 1W on Saturday 1 Jun 2024 does not leave the month: Monday 3rd
                cron(0 9 1W 6 ? *)        | 2024-05-01T00:00:00Z    | 2024-06-03T09:00:00Z
                # 31W on Sunday 31 Mar 2024 stays in March: Friday 29th; April has no 31st
                cron(0 9 31W 3-4 ? *)     | 2024-03-01T00:00:00Z    | 2024-03-29T09:00:00Z 2025-03-31T09:00:00Z
                # day-of-week: 1 is Sunday; L alone is Saturday
                cron(0 4 ? * 1 *)         | 2024-05-01T00:00:00Z    | 2024-05-05T04:00:00Z 2024-05-12T04:00:00Z
                cron(0 4 ? * L *)         | 2024-05-01T00:00:00Z    | 2024-05-04T04:00:00Z 2024-05-11T04:00:00Z
                # xL: the last Friday of the month
                cron(0 17 ? * FRIL *)     | 2024-02-01T00:00:00Z    | 2024-02-23T17:00:00Z 2024-03-29T17:00:00Z
                # x#n: the second Tuesday; the fifth Sunday skips months that have four
                cron(0 0 ? * TUE#2 *)     | 2024-01-01T00:00:00Z    | 2024-01-09T00:00:00Z 2024-02-13T00:00:00Z
                cron(0 0 ? * 1#5 *)       | 2024-01-01T00:00:00Z    | 2024-03-31T00:00:00Z 2024-06-30T00:00:00Z 2024-09-29T00:00:00Z
                # steps: every third month from January, every 10 hours from 02:00 resetting each day
                cron(0 0 1 1/3 ? *)       | 2024-01-01T00:00:00Z    | 2024-04-01T00:00:00Z 2024-07-01T00:00:00Z 2024-10-01T00:00:00Z 2025-01-01T00:00:00Z
                cron(0 2/10 * * ? *)      | 2024-01-01T00:00:00Z    | 2024-01-01T02:00:00Z 2024-01-01T12:00:00Z 2024-01-01T22:00:00Z 2024-01-02T02:00:00Z
                cron(0 /8 * * ? *)        | 2024-01-01T00:00:00Z    | 2024-01-01T08:00:00Z 2024-01-01T16:00:00Z 2024-01-02T00:00:00Z
                # minute steps within the hour, and across it
                cron(0/20 23 * * ? *)     | 2024-12-31T23:20:00Z    | 2024-12-31T23:40:00Z 2025-01-01T23:00:00Z
                # years: 1970 is the first, 2199 the last
                cron(0 0 1 1 ? *)         | 1960-06-01T00:00:00Z    | 1970-01-01T00:00:00Z 1971-01-01T00:00:00Z
                cron(0 0 1 1 ? 2020-2030/5)| 2021-01-01T00:00:00Z   | 2025-01-01T00:00:00Z 2030-01-01T00:00:00Z
                cron(0 0 L 12 ? *)        | 2198-12-31T00:00:00Z    | 2199-12-31T00:00:00Z
                # DST is irrelevant: UTC times across Europe's and the US's 2024 clock changes
                cron(0 1 * * ? *)         | 2024-03-30T12:00:00Z    | 2024-03-31T01:00:00Z 2024-04-01T01:00:00Z
                cron(0 2 * * ? *)         | 2024-03-09T12:00:00Z    | 2024-03-10T02:00:00Z 2024-03-11T02:00:00Z
                cron(0 1 * * ? *)         | 2024-10-26T12:00:00Z    | 2024-10-27T01:00:00Z 2024-10-28T01:00:00Z
                """)
        void areComputedInUtc(String expression, String after, String expected) {
            List<String> want = split(expected);
            assertEquals(want, firings(expression, after, want.size()));
        }

        @Test
        void stopAfterTheLastYear() {
            assertEquals(List.of("2199-12-31T00:00:00Z"), firings("cron(0 0 L 12 ? *)", "2199-01-01T00:00:00Z", 3));
            assertEquals(Optional.empty(), CronExpression.parse("cron(0 0 1 1 ? 2020)").next(Instant.parse("2020-06-01T00:00:00Z")));
        }

        @Test
        void neverComeForADayNoMonthHas() {
            assertEquals(Optional.empty(), CronExpression.parse("cron(0 0 30 2 ? *)").next(Instant.parse("2024-01-01T00:00:00Z")));
            assertEquals(Optional.empty(), CronExpression.parse("cron(0 0 31 4,6,9,11 ? *)").next(Instant.EPOCH));
        }
    }

    @Nested
    class Describe {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                cron(0 4 ? * SUN *)          | at 04:00 UTC on Sunday
                cron(0 0 L * ? *)            | at 00:00 UTC on the last day of the month
                cron(30 8 ? * MON-FRI *)     | at 08:30 UTC on weekdays
                cron(0 10 ? * SAT,SUN *)     | at 10:00 UTC on weekends
                cron(0 10 ? * 2,4,6 *)       | at 10:00 UTC on Monday, Wednesday and Friday
                cron(0 10 * * ? *)           | at 10:00 UTC every day
                cron(0 10 ? * * *)           | at 10:00 UTC every day
                cron(0 0/4 * * ? *)          | every 4 hours from 00:00 UTC
                cron(0 2/10 * * ? *)         | at 02:00, 12:00 and 22:00 UTC every day
                cron(0 4/12 * * ? *)         | at 04:00 and 16:00 UTC every day
                cron(0 16 1,15 * ? *)        | at 16:00 UTC on the 1st and 15th of the month
                cron(0 8 1 * ? *)            | at 08:00 UTC on the 1st of the month
                cron(0 8 1/2 * ? *)          | at 08:00 UTC every 2 days from the 1st of the month
                cron(0 0 LW * ? *)           | at 00:00 UTC on the last weekday of the month
                cron(0 9 22W * ? *)          | at 09:00 UTC on the weekday nearest the 22nd of the month
                cron(0 17 ? * FRIL *)        | at 17:00 UTC on the last Friday of the month
                cron(0 0 ? * SUN#1 *)        | at 00:00 UTC on the first Sunday of the month
                cron(0 1 ? 1/3 SUN#1 *)      | at 01:00 UTC on the first Sunday of the month in January, April, July and October
                cron(0 0 1 1/2 ? *)          | at 00:00 UTC on the 1st of the month every 2 months from January
                cron(0 0 1 1 ? 2030)         | at 00:00 UTC on the 1st of the month in January in 2030
                cron(0 0 1 1 ? 2030-2032)    | at 00:00 UTC on the 1st of the month in January from 2030 to 2032
                cron(0 * * * ? *)            | every hour on the hour
                cron(0/15 * * * ? *)         | every 15 minutes
                """)
        void saysWhenInShortEnglish(String expression, String phrase) {
            assertEquals(phrase, CronExpression.parse(expression).describe());
        }

        @Test
        void ordinals() {
            assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"),
                    List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31).stream().map(CronPhrases::ordinal).toList());
        }
    }
}
