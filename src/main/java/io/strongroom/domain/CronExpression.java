package io.strongroom.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge cron expression, {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)},
 * evaluated in UTC.
 *
 * <p>The syntax is EventBridge's: minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or
 * JAN-DEC, day-of-week 1-7 (1 is Sunday) or SUN-SAT, year 1970-2199; every field takes {@code *},
 * {@code ,}, {@code -} and {@code /} ({@code /8} alone counts from the field's first value). The
 * day-of-month takes {@code L} (the last day), {@code LW} (the last weekday) and {@code nW} (the
 * weekday nearest day n, within the month); the day-of-week takes {@code L} (Saturday, the last day
 * of the week), {@code xL} (the last x of the month) and {@code x#n} (the n-th x of the month).
 * Exactly one of the two day fields is {@code ?}. Names are case-insensitive.
 *
 * <p>Choices where EventBridge's documentation is silent: {@code L}, {@code W} and {@code #} forms
 * stand alone in their field (EventBridge itself allows a single {@code #} expression); a range
 * must not wrap ({@code FRI-MON} is refused); an {@code nW} whose day the month lacks does not
 * fire that month.
 *
 * <p>Which of these a Secrets Manager rotation schedule accepts is {@link RotationSchedule}'s
 * business; this class knows only the general syntax.
 */
public final class CronExpression {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;

    private static final Map<String, Integer> MONTHS = names("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC");
    private static final Map<String, Integer> DAYS = names("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,2})W");
    private static final Pattern LAST_OF_MONTH = Pattern.compile("([0-9A-Z]+)L");
    private static final Pattern NTH_OF_MONTH = Pattern.compile("([0-9A-Z]+)#(\\d+)");

    private final String text;
    private final String[] fields;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    /** Bit {@code y - FIRST_YEAR} for each year. */
    private final BitSet years;
    private final DayRule days;

    private CronExpression(String text, String[] fields, BitSet minutes, BitSet hours, BitSet months, BitSet years, DayRule days) {
        this.text = text;
        this.fields = fields;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.days = days;
    }

    /**
     * Parses {@code cron(...)}.
     *
     * @throws IllegalArgumentException naming the expression and what is wrong with it
     */
    public static CronExpression parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("A cron expression is required.");
        }
        if (!expression.startsWith("cron(") || !expression.endsWith(")")) {
            throw invalid(expression, "write it as cron(Minutes Hours Day-of-month Month Day-of-week Year)");
        }
        String body = expression.substring(5, expression.length() - 1).strip();
        String[] f = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (f.length != 6) {
            throw invalid(expression, "it needs six fields (Minutes Hours Day-of-month Month Day-of-week Year), not " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].toUpperCase(Locale.ROOT);
        }
        Parser p = new Parser(expression);
        BitSet minutes = p.values(f[0], "Minutes", 0, 59, Map.of());
        BitSet hours = p.values(f[1], "Hours", 0, 23, Map.of());
        BitSet months = p.values(f[3], "Month", 1, 12, MONTHS);
        BitSet years = p.values(f[5], "Year", FIRST_YEAR, LAST_YEAR, Map.of());
        boolean anyDayOfMonth = f[2].equals("?");
        boolean anyDayOfWeek = f[4].equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            throw invalid(expression, "use ? in exactly one of the Day-of-month and Day-of-week fields");
        }
        DayRule days = anyDayOfWeek ? p.dayOfMonth(f[2]) : p.dayOfWeek(f[4]);
        return new CronExpression(expression, f, minutes, hours, months, shift(years), days);
    }

    /** The expression as given. */
    public String expression() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * The first firing strictly after {@code after}, on a whole minute; empty when the expression
     * fires no more (its years are over, or its days never occur, like 30 February).
     */
    public Optional<Instant> next(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (true) {
            int year = t.getYear();
            if (year > LAST_YEAR) {
                return Optional.empty();
            }
            if (year < FIRST_YEAR) {
                t = LocalDateTime.of(FIRST_YEAR, 1, 1, 0, 0);
                continue;
            }
            if (!years.get(year - FIRST_YEAR)) {
                int next = years.nextSetBit(year - FIRST_YEAR);
                if (next < 0) {
                    return Optional.empty();
                }
                t = LocalDateTime.of(FIRST_YEAR + next, 1, 1, 0, 0);
                continue;
            }
            if (!months.get(t.getMonthValue())) {
                int next = months.nextSetBit(t.getMonthValue());
                t = next < 0 ? LocalDateTime.of(year + 1, 1, 1, 0, 0) : LocalDateTime.of(year, next, 1, 0, 0);
                continue;
            }
            LocalDate date = t.toLocalDate();
            if (!days.matches(date)) {
                t = date.plusDays(1).atStartOfDay();
                continue;
            }
            if (!hours.get(t.getHour())) {
                int next = hours.nextSetBit(t.getHour());
                t = next < 0 ? date.plusDays(1).atStartOfDay() : date.atTime(next, 0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                int next = minutes.nextSetBit(t.getMinute());
                t = next < 0 ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1) : t.withMinute(next);
                continue;
            }
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        }
    }

    /** Up to {@code n} firings strictly after {@code after}, in order (fewer when the expression stops firing). */
    public List<Instant> next(Instant after, int n) {
        List<Instant> out = new ArrayList<>(Math.max(0, n));
        Instant t = after;
        while (out.size() < n) {
            Optional<Instant> next = next(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
            out.add(t);
        }
        return out;
    }

    /** A short English phrase for when this fires, such as "at 04:00 UTC on Sunday". */
    public String describe() {
        return CronPhrases.describe(this);
    }

    // ---- What RotationSchedule and CronPhrases read --------------------------------------------

    /** The six fields as given, upper-cased. */
    String field(int index) {
        return fields[index];
    }

    BitSet minutes() {
        return (BitSet) minutes.clone();
    }

    BitSet hours() {
        return (BitSet) hours.clone();
    }

    BitSet months() {
        return (BitSet) months.clone();
    }

    /** Bit {@code y - 1970} for each year. */
    BitSet years() {
        return (BitSet) years.clone();
    }

    DayRule days() {
        return days;
    }

    /** Whether the expression fires at some time of {@code date} (its year, month and day match). */
    boolean firesOn(LocalDate date) {
        int year = date.getYear();
        return year >= FIRST_YEAR && year <= LAST_YEAR && years.get(year - FIRST_YEAR) && months.get(date.getMonthValue())
                && days.matches(date);
    }

    // ---- Day rules -------------------------------------------------------------------------------

    /** Which days of a month fire: the one day field that is not {@code ?}. */
    sealed interface DayRule {
        boolean matches(LocalDate date);
    }

    /** Days of the month from a set (bits 1-31); a day the month lacks never fires. */
    record DaysOfMonth(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(date.getDayOfMonth());
        }
    }

    /** {@code L} in the day-of-month. */
    record LastDayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth();
        }
    }

    /** {@code LW}: the last Monday-to-Friday of the month. */
    record LastWeekdayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
            while (isWeekend(last)) {
                last = last.minusDays(1);
            }
            return date.equals(last);
        }
    }

    /**
     * {@code nW}: the weekday nearest day n without leaving the month; a Saturday moves to the
     * Friday before (or the Monday after, on the 1st), a Sunday to the Monday after (or the Friday
     * before, on the last day).
     */
    record NearestWeekday(int day) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            if (day > date.lengthOfMonth()) {
                return false;
            }
            LocalDate target = date.withDayOfMonth(day);
            if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
                target = day == 1 ? target.plusDays(2) : target.minusDays(1);
            } else if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = day == date.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            }
            return date.equals(target);
        }
    }

    /** Days of the week from a set (bits 1-7, 1 = Sunday). */
    record DaysOfWeek(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(cronDay(date));
        }
    }

    /** {@code xL}: the last x of the month (1 = Sunday). */
    record LastDayOfWeekInMonth(int dayOfWeek) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return cronDay(date) == dayOfWeek && date.getDayOfMonth() + 7 > date.lengthOfMonth();
        }
    }

    /** {@code x#n}: the n-th x of the month (1 = Sunday). */
    record NthDayOfWeekInMonth(int dayOfWeek, int nth) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return cronDay(date) == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }

    /** EventBridge's day number: 1 = Sunday ... 7 = Saturday. */
    static int cronDay(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    // ---- Parsing ---------------------------------------------------------------------------------

    private static IllegalArgumentException invalid(String expression, String why) {
        return new IllegalArgumentException("The cron expression " + expression + " is not valid: " + why + ".");
    }

    /** The year set indexed from 1970. */
    private static BitSet shift(BitSet absolute) {
        BitSet out = new BitSet(LAST_YEAR - FIRST_YEAR + 1);
        for (int y = absolute.nextSetBit(FIRST_YEAR); y >= 0; y = absolute.nextSetBit(y + 1)) {
            out.set(y - FIRST_YEAR);
        }
        return out;
    }

    private static Map<String, Integer> names(String... names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i + 1);
        }
        return Map.copyOf(m);
    }

    /** Parses the fields of one expression, naming it in every error. */
    private record Parser(String expression) {

        /** A field of values, ranges, steps and {@code *}, as the set of values it selects. */
        BitSet values(String field, String name, int min, int max, Map<String, Integer> names) {
            if (field.equals("?")) {
                throw invalid(expression, "? is only allowed in the Day-of-month and Day-of-week fields");
            }
            BitSet set = new BitSet(max + 1);
            for (String item : field.split(",", -1)) {
                if (item.isEmpty()) {
                    throw invalid(expression, "the " + name + " field has an empty value");
                }
                int slash = item.indexOf('/');
                String range = slash < 0 ? item : item.substring(0, slash);
                int step = 1;
                if (slash >= 0) {
                    step = number(item.substring(slash + 1), name + " increment");
                    if (step < 1 || step > max - min + 1) {
                        throw invalid(expression, "the " + name + " increment " + item.substring(slash + 1) + " is outside 1-" + (max - min + 1));
                    }
                }
                int from;
                int to;
                if (range.equals("*") || (range.isEmpty() && slash >= 0)) {
                    from = min;
                    to = max;
                } else if (range.indexOf('-') > 0) {
                    String[] ends = range.split("-", -1);
                    if (ends.length != 2) {
                        throw invalid(expression, "the " + name + " range " + range + " is not of the form a-b");
                    }
                    from = value(ends[0], name, min, max, names);
                    to = value(ends[1], name, min, max, names);
                    if (from > to) {
                        throw invalid(expression, "the " + name + " range " + range + " runs backwards");
                    }
                } else {
                    from = value(range, name, min, max, names);
                    to = slash >= 0 ? max : from;
                }
                for (int v = from; v <= to; v += step) {
                    set.set(v);
                }
            }
            return set;
        }

        DayRule dayOfMonth(String field) {
            if (field.equals("L")) {
                return new LastDayOfMonth();
            }
            if (field.equals("LW")) {
                return new LastWeekdayOfMonth();
            }
            Matcher w = NEAREST_WEEKDAY.matcher(field);
            if (w.matches()) {
                return new NearestWeekday(value(w.group(1), "Day-of-month", 1, 31, Map.of()));
            }
            if (field.contains("L") || field.contains("W")) {
                throw invalid(expression, "L, LW and nW stand alone in the Day-of-month field");
            }
            if (field.contains("#")) {
                throw invalid(expression, "# is only allowed in the Day-of-week field");
            }
            return new DaysOfMonth(values(field, "Day-of-month", 1, 31, Map.of()));
        }

        DayRule dayOfWeek(String field) {
            if (field.equals("L")) {
                BitSet saturday = new BitSet(8);
                saturday.set(7);
                return new DaysOfWeek(saturday);
            }
            Matcher last = LAST_OF_MONTH.matcher(field);
            if (last.matches()) {
                return new LastDayOfWeekInMonth(value(last.group(1), "Day-of-week", 1, 7, DAYS));
            }
            Matcher nth = NTH_OF_MONTH.matcher(field);
            if (nth.matches()) {
                int n = number(nth.group(2), "Day-of-week occurrence");
                if (n < 1 || n > 5) {
                    throw invalid(expression, "the occurrence in " + field + " is outside 1-5");
                }
                return new NthDayOfWeekInMonth(value(nth.group(1), "Day-of-week", 1, 7, DAYS), n);
            }
            if (field.contains("#") || field.contains("L")) {
                throw invalid(expression, "L, xL and x#n stand alone in the Day-of-week field");
            }
            return new DaysOfWeek(values(field, "Day-of-week", 1, 7, DAYS));
        }

        private int value(String text, String name, int min, int max, Map<String, Integer> names) {
            Integer named = names.get(text);
            int v = named != null ? named : number(text, name);
            if (v < min || v > max) {
                throw invalid(expression, "the " + name + " value " + text + " is outside " + min + "-" + max);
            }
            return v;
        }

        private int number(String text, String what) {
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
                throw invalid(expression, "the " + what + " " + (text.isEmpty() ? "is missing" : text + " is not a number"));
            }
            return Integer.parseInt(text);
        }
    }
}
