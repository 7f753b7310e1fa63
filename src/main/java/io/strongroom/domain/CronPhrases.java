package io.strongroom.domain;

import io.strongroom.domain.CronExpression.DayRule;
import io.strongroom.domain.CronExpression.DaysOfMonth;
import io.strongroom.domain.CronExpression.DaysOfWeek;
import io.strongroom.domain.CronExpression.LastDayOfMonth;
import io.strongroom.domain.CronExpression.LastDayOfWeekInMonth;
import io.strongroom.domain.CronExpression.LastWeekdayOfMonth;
import io.strongroom.domain.CronExpression.NearestWeekday;
import io.strongroom.domain.CronExpression.NthDayOfWeekInMonth;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Short English phrases for cron expressions and rates ("at 04:00 UTC on Sunday", "every 6
 * hours"), shared by {@link CronExpression#describe()} and {@link RotationSchedule#describe()}.
 *
 * <p>A phrase names the time first, then the days, months and years it is restricted to; a set
 * that is an even progression to the end of its field ("0/4") reads as "every 4 hours from 00:00",
 * a short set is listed.
 */
final class CronPhrases {

    private static final String[] DAY_NAMES = {"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTH_NAMES = {"", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] NTH = {"", "first", "second", "third", "fourth", "fifth"};
    private static final int MAX_LISTED_TIMES = 6;
    private static final int MAX_LISTED_MONTHS = 4;

    private CronPhrases() {}

    /** "every day", "every 30 days", "every 6 hours". */
    static String every(long count, String unit) {
        return count == 1 ? "every " + unit : "every " + count + " " + unit + "s";
    }

    /** "1 hour", "3 hours". */
    static String hours(long count) {
        return count == 1 ? "1 hour" : count + " hours";
    }

    static String describe(CronExpression cron) {
        BitSet minutes = cron.minutes();
        BitSet hours = cron.hours();
        String time = time(minutes, hours);
        boolean atTimes = time.startsWith("at ");
        String days = days(cron.days());
        StringBuilder b = new StringBuilder(time).append(time.contains(":") ? " UTC" : "");
        if (!days.isEmpty()) {
            b.append(' ').append(days);
        } else if (atTimes) {
            b.append(" every day");
        }
        b.append(months(cron.months())).append(years(cron.years()));
        return b.toString();
    }

    // ---- Time of day -----------------------------------------------------------------------------

    private static String time(BitSet minutes, BitSet hours) {
        int times = minutes.cardinality() * hours.cardinality();
        if (minutes.cardinality() == 1) {
            int minute = minutes.nextSetBit(0);
            int step = progression(hours, 23);
            if (step > 0 && hours.cardinality() > 3) {
                return "every " + step + " hours from " + clock(hours.nextSetBit(0), minute);
            }
            if (hours.cardinality() == 24) {
                return minute == 0 ? "every hour on the hour" : "every hour at " + minute + " minutes past";
            }
        }
        if (times <= MAX_LISTED_TIMES) {
            List<String> listed = new ArrayList<>();
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    listed.add(clock(h, m));
                }
            }
            return "at " + join(listed);
        }
        int step = progression(minutes, 59);
        if (hours.cardinality() == 24 && step > 0 && minutes.nextSetBit(0) < step) {
            return "every " + step + " minutes";
        }
        return times + " times a day";
    }

    private static String clock(int hour, int minute) {
        return String.format("%02d:%02d", hour, minute);
    }

    // ---- Days ------------------------------------------------------------------------------------

    private static String days(DayRule rule) {
        if (rule instanceof DaysOfWeek w) {
            BitSet d = w.days();
            if (d.cardinality() == 7) {
                return "";
            }
            if (d.equals(range(2, 6))) {
                return "on weekdays";
            }
            if (d.equals(bits(1, 7))) {
                return "on weekends";
            }
            return "on " + join(names(d, i -> DAY_NAMES[i]));
        }
        if (rule instanceof DaysOfMonth m) {
            BitSet d = m.days();
            if (d.cardinality() == 31) {
                return "";
            }
            int step = progression(d, 31);
            if (step > 0 && d.cardinality() > 2) {
                return "every " + step + " days from the " + ordinal(d.nextSetBit(0)) + " of the month";
            }
            return "on the " + join(names(d, CronPhrases::ordinal)) + " of the month";
        }
        if (rule instanceof LastDayOfMonth) {
            return "on the last day of the month";
        }
        if (rule instanceof LastWeekdayOfMonth) {
            return "on the last weekday of the month";
        }
        if (rule instanceof NearestWeekday n) {
            return "on the weekday nearest the " + ordinal(n.day()) + " of the month";
        }
        if (rule instanceof LastDayOfWeekInMonth l) {
            return "on the last " + DAY_NAMES[l.dayOfWeek()] + " of the month";
        }
        NthDayOfWeekInMonth nth = (NthDayOfWeekInMonth) rule;
        return "on the " + NTH[nth.nth()] + " " + DAY_NAMES[nth.dayOfWeek()] + " of the month";
    }

    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    // ---- Months and years ------------------------------------------------------------------------

    private static String months(BitSet months) {
        if (months.cardinality() == 12) {
            return "";
        }
        int step = progression(months, 12);
        if (months.cardinality() > MAX_LISTED_MONTHS && step > 0) {
            return " every " + step + " months from " + MONTH_NAMES[months.nextSetBit(0)];
        }
        return " in " + join(names(months, i -> MONTH_NAMES[i]));
    }

    /** {@code years} indexed from 1970. */
    private static String years(BitSet years) {
        int all = CronExpression.LAST_YEAR - CronExpression.FIRST_YEAR + 1;
        if (years.cardinality() == all) {
            return "";
        }
        int first = years.nextSetBit(0);
        int last = years.length() - 1;
        if (years.cardinality() == 1) {
            return " in " + (CronExpression.FIRST_YEAR + first);
        }
        if (years.cardinality() == last - first + 1) {
            return " from " + (CronExpression.FIRST_YEAR + first) + " to " + (CronExpression.FIRST_YEAR + last);
        }
        return " in " + join(names(years, i -> String.valueOf(CronExpression.FIRST_YEAR + i)));
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    /**
     * The step of a set that is {@code a, a+s, a+2s, ...} up to the last value {@code max} allows,
     * with at least two values and {@code s >= 2}; 0 when it is not such a set.
     */
    private static int progression(BitSet set, int max) {
        if (set.cardinality() < 2) {
            return 0;
        }
        int first = set.nextSetBit(0);
        int step = set.nextSetBit(first + 1) - first;
        if (step < 2) {
            return 0;
        }
        int v = first;
        for (int next = set.nextSetBit(v + 1); next >= 0; next = set.nextSetBit(v + 1)) {
            if (next - v != step) {
                return 0;
            }
            v = next;
        }
        return v + step > max ? step : 0;
    }

    private static List<String> names(BitSet set, IntFunction<String> name) {
        List<String> out = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out.add(name.apply(i));
        }
        return out;
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static BitSet range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return b;
    }

    private static BitSet bits(int... values) {
        BitSet b = new BitSet();
        for (int v : values) {
            b.set(v);
        }
        return b;
    }
}
