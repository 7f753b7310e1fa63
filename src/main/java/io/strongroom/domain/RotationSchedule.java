package io.strongroom.domain;

import io.strongroom.domain.CronExpression.LastWeekdayOfMonth;
import io.strongroom.domain.CronExpression.NearestWeekday;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret's rotation schedule: Secrets Manager's {@code RotationRules}, validated, with the
 * rotation windows it opens.
 *
 * <p>The rules are {@code AutomaticallyAfterDays} (1-1000) or a {@code ScheduleExpression} —
 * {@code rate(N hours)}, {@code rate(N days)} or an EventBridge {@code cron(...)} — plus an
 * optional {@code Duration}, the length of the rotation window ("3h"). Secrets Manager rotates a
 * secret at any time inside a window; a window opens on the hour, lasts at least one hour, and
 * must not reach into the next window or the next UTC day. All times are UTC.
 *
 * <h2>Two kinds of schedule</h2>
 * <ul>
 *   <li><b>Counted from the last rotation</b>: {@code AutomaticallyAfterDays N} and
 *       {@code rate(N days)} open a window at midnight UTC N days after the UTC day of the last
 *       rotation. AWS "calculates the next rotation date based on the previous rotation", and a
 *       manual {@code PutSecretValue} or {@code UpdateSecret} counts as one, so the caller passes
 *       the later of the last rotation and the last value change (or, never rotated, when
 *       rotation was turned on). A window that passed unserved (the store was not running) is
 *       followed by the next one a period later.</li>
 *   <li><b>Calendar</b>: a {@code cron(...)} opens a window at each firing, whatever the last
 *       rotation; so does {@code rate(N hours)}, read as {@code cron(0 0/N * * ? *)}: "for a
 *       rate in hours, the default rotation window starts at midnight", and "a cron expression
 *       that includes increments of hours resets each day".</li>
 * </ul>
 *
 * <h2>The window</h2>
 * {@link #window()} is the given Duration, else AWS's default: one hour for a schedule in hours
 * ({@code rate(N hours)}, or a cron that fires more than once a day), the rest of the UTC day for a
 * schedule in days (24 hours from midnight for the counted ones, 24 minus the hour for a daily cron).
 *
 * <h2>Where AWS is silent, this class chooses</h2>
 * <ul>
 *   <li>{@code rate(1 days)} and {@code rate(2 day)} are accepted: the guide lists the units
 *       {@code hour, hours, day, days} without tying them to the value.</li>
 *   <li>A cron may use {@code ,} and {@code -} in the Hours field (the guide shows only {@code /});
 *       the four-hour minimum still applies. {@code W} is refused, since the guide's table of what a
 *       rotation cron may use leaves it out.</li>
 *   <li>{@code rate(N hours)} takes N from 4 to 23 (longer periods are written in days), and its
 *       short last interval of the day ({@code rate(7 hours)}: 21:00 to 00:00) is not held to the
 *       four-hour minimum, which AWS states for the rate's value; a cron is held to it at every
 *       interval.</li>
 *   <li>{@link #automaticallyAfterDaysShown(Instant)} rounds a cron's interval up to whole days,
 *       at least 1 (AWS shows 1 for {@code rate(10 hours)}).</li>
 * </ul>
 *
 * <p>Instances are immutable; two are equal when their three rules are.
 */
public final class RotationSchedule {

    /** Secrets Manager rotates a secret at most this often. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofHours(4);

    /** The error code of a rule that breaks the service model (range, length, pattern). */
    public static final String VALIDATION_EXCEPTION = "ValidationException";
    /** The error code of a rule Secrets Manager itself refuses. */
    public static final String INVALID_PARAMETER_EXCEPTION = "InvalidParameterException";

    /** AWS's message when both AutomaticallyAfterDays and ScheduleExpression are given. */
    static final String BOTH = "You cannot specify both rotation frequency and schedule expression together.";
    static final String NEITHER = "You must specify either rotation frequency or schedule expression.";

    private static final int MAX_AUTOMATICALLY_AFTER_DAYS = 1000;
    /** "The maximum rotation period is 999 days" (Secrets Manager user guide, rate expressions). */
    private static final int MAX_RATE_DAYS = 999;
    /** An hours rate resets each day at midnight, so it repeats within a day. */
    private static final int MAX_RATE_HOURS = 23;
    private static final int MAX_WINDOW_HOURS = 24;
    private static final String EXPRESSION_PATTERN_TEXT = "[0-9A-Za-z\\(\\)#\\?\\*\\-\\/, ]+";
    private static final Pattern EXPRESSION_PATTERN = Pattern.compile(EXPRESSION_PATTERN_TEXT);
    private static final Pattern DURATION_PATTERN = Pattern.compile("[0-9h]+");
    private static final Pattern DURATION_HOURS = Pattern.compile("(\\d{1,2})h");
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");
    /** 28 years from a leap year: every (month, day, weekday, leap year) combination of 1901-2099 occurs. */
    private static final LocalDate CYCLE_START = LocalDate.of(2000, 1, 1);
    private static final LocalDate CYCLE_END = LocalDate.of(2028, 1, 1);

    private enum Kind { DAYS_AFTER_ROTATION, HOURS_FROM_MIDNIGHT, CRON }

    private final Long automaticallyAfterDays;
    private final String scheduleExpression;
    private final String duration;
    private final Kind kind;
    /** Days between windows counted from the last rotation, or the hours of a rate in hours; 0 for a cron. */
    private final long period;
    /** When windows open, for a cron or a rate in hours; null for a schedule counted from the last rotation. */
    private final CronExpression cron;
    private final Duration window;

    private RotationSchedule(Long automaticallyAfterDays, String scheduleExpression, String duration, Kind kind, long period,
            CronExpression cron, Duration window) {
        this.automaticallyAfterDays = automaticallyAfterDays;
        this.scheduleExpression = scheduleExpression;
        this.duration = duration;
        this.kind = kind;
        this.period = period;
        this.cron = cron;
        this.window = window;
    }

    // ---- Parsing ---------------------------------------------------------------------------------

    /**
     * Validates RotationRules as RotateSecret does.
     *
     * @param automaticallyAfterDays {@code AutomaticallyAfterDays}, or null
     * @param scheduleExpression {@code ScheduleExpression}, or null
     * @param duration {@code Duration}, or null for AWS's default window
     * @throws InvalidRotationRules naming the first problem, with the error code AWS answers it with
     */
    public static RotationSchedule parse(Long automaticallyAfterDays, String scheduleExpression, String duration) {
        checkModelConstraints(automaticallyAfterDays, scheduleExpression, duration);
        if (automaticallyAfterDays != null && scheduleExpression != null) {
            throw refused(BOTH);
        }
        if (automaticallyAfterDays == null && scheduleExpression == null) {
            throw refused(NEITHER);
        }
        Integer windowHours = duration == null ? null : durationHours(duration);
        if (automaticallyAfterDays != null) {
            return countedInDays(automaticallyAfterDays, null, duration, automaticallyAfterDays, windowHours);
        }
        if (scheduleExpression.startsWith("rate(")) {
            return rate(scheduleExpression, duration, windowHours);
        }
        if (scheduleExpression.startsWith("cron(")) {
            return cron(scheduleExpression, duration, windowHours);
        }
        throw refused("The schedule expression " + scheduleExpression
                + " is not valid. Use rate(Value Unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year).");
    }

    /**
     * What {@link #parse} would refuse these rules for, without throwing: for a form that checks as
     * the user types.
     */
    public static Optional<String> problem(Long automaticallyAfterDays, String scheduleExpression, String duration) {
        try {
            parse(automaticallyAfterDays, scheduleExpression, duration);
            return Optional.empty();
        } catch (InvalidRotationRules e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Rules that RotateSecret refuses; {@link #errorCode()} says which error AWS answers with. */
    public static final class InvalidRotationRules extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String errorCode;

        InvalidRotationRules(String errorCode, String message) {
            super(message);
            this.errorCode = errorCode;
        }

        /** {@link #VALIDATION_EXCEPTION} or {@link #INVALID_PARAMETER_EXCEPTION}. */
        public String errorCode() {
            return errorCode;
        }
    }

    /**
     * The service model's constraints, checked first and reported together as AWS's front door
     * does ("1 validation error detected: Value '0' at 'rotationRules.automaticallyAfterDays' failed
     * to satisfy constraint: Member must have value greater than or equal to 1").
     */
    private static void checkModelConstraints(Long days, String expression, String duration) {
        List<String> problems = new ArrayList<>(2);
        if (days != null && days < 1) {
            problems.add(constraint("automaticallyAfterDays", days, "Member must have value greater than or equal to 1"));
        } else if (days != null && days > MAX_AUTOMATICALLY_AFTER_DAYS) {
            problems.add(constraint("automaticallyAfterDays", days,
                    "Member must have value less than or equal to " + MAX_AUTOMATICALLY_AFTER_DAYS));
        }
        if (duration != null) {
            lengthWithin(problems, "duration", duration, 2, 3);
            if (!DURATION_PATTERN.matcher(duration).matches()) {
                problems.add(constraint("duration", duration, "Member must satisfy regular expression pattern: " + DURATION_PATTERN));
            }
        }
        if (expression != null) {
            lengthWithin(problems, "scheduleExpression", expression, 1, 256);
            if (!expression.isEmpty() && !EXPRESSION_PATTERN.matcher(expression).matches()) {
                problems.add(constraint("scheduleExpression", expression,
                        "Member must satisfy regular expression pattern: " + EXPRESSION_PATTERN_TEXT));
            }
        }
        if (!problems.isEmpty()) {
            String count = problems.size() == 1 ? "1 validation error detected: " : problems.size() + " validation errors detected: ";
            throw new InvalidRotationRules(VALIDATION_EXCEPTION, count + String.join("; ", problems));
        }
    }

    private static void lengthWithin(List<String> problems, String member, String value, int min, int max) {
        if (value.length() < min) {
            problems.add(constraint(member, value, "Member must have length greater than or equal to " + min));
        } else if (value.length() > max) {
            problems.add(constraint(member, value, "Member must have length less than or equal to " + max));
        }
    }

    private static String constraint(String member, Object value, String rule) {
        return "Value '" + value + "' at 'rotationRules." + member + "' failed to satisfy constraint: " + rule;
    }

    private static InvalidRotationRules refused(String message) {
        return new InvalidRotationRules(INVALID_PARAMETER_EXCEPTION, message);
    }

    private static int durationHours(String duration) {
        Matcher m = DURATION_HOURS.matcher(duration);
        int hours = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (hours < 1 || hours > MAX_WINDOW_HOURS) {
            throw refused("The Duration " + duration + " is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.");
        }
        return hours;
    }

    /** AutomaticallyAfterDays or rate(N days): windows at midnight UTC, which any Duration of 1-24 hours fits. */
    private static RotationSchedule countedInDays(Long givenDays, String expression, String duration, long days, Integer windowHours) {
        Duration window = Duration.ofHours(windowHours == null ? MAX_WINDOW_HOURS : windowHours);
        return new RotationSchedule(givenDays, expression, duration, Kind.DAYS_AFTER_ROTATION, days, null, window);
    }

    private static RotationSchedule rate(String expression, String duration, Integer windowHours) {
        Matcher m = RATE.matcher(expression);
        if (!m.matches() || !m.group(1).matches("\\d{1,9}") || !m.group(2).matches("hours?|days?")) {
            if (m.matches() && m.group(2).startsWith("minute")) {
                throw refused("Secrets Manager can rotate a secret at most every four hours; " + expression + " is in minutes.");
            }
            throw refused("The rate expression " + expression
                    + " is not valid. Use rate(Value Unit), where Value is a positive integer and Unit is hour, hours, day or days.");
        }
        long value = Long.parseLong(m.group(1));
        if (value < 1) {
            throw refused("The rate expression " + expression + " is not valid: Value must be a positive integer.");
        }
        if (m.group(2).startsWith("day")) {
            if (value > MAX_RATE_DAYS) {
                throw refused("The rotation period of " + expression + " is longer than the maximum of " + MAX_RATE_DAYS + " days.");
            }
            return countedInDays(null, expression, duration, value, windowHours);
        }
        if (value < MINIMUM_INTERVAL.toHours()) {
            throw refused("Secrets Manager can rotate a secret at most every four hours; " + expression + " is more often.");
        }
        if (value > MAX_RATE_HOURS) {
            throw refused("The rate expression " + expression + " is not valid: a rate in hours is from 4 to " + MAX_RATE_HOURS
                    + " hours, since its windows restart at midnight each day; write longer periods in days.");
        }
        int lastStart = (int) (MAX_RATE_HOURS / value * value);
        int windowLength = windowHours == null ? 1 : windowHours;
        if (windowLength > value) {
            throw refused(intoNextWindow(duration, value));
        }
        checkUtcDay(duration, lastStart, windowLength);
        CronExpression calendar = CronExpression.parse("cron(0 0/" + value + " * * ? *)");
        return new RotationSchedule(null, expression, duration, Kind.HOURS_FROM_MIDNIGHT, value, calendar, Duration.ofHours(windowLength));
    }

    private static RotationSchedule cron(String expression, String duration, Integer windowHours) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        String notForRotation = "The cron expression " + expression + " is not valid for rotation: ";
        BitSet minutes = cron.minutes();
        if (minutes.cardinality() != 1 || !minutes.get(0)) {
            throw refused(notForRotation + "Minutes must be 0, because rotation windows start on the hour.");
        }
        if (!cron.field(5).equals("*")) {
            throw refused(notForRotation + "Year must be *, because Secrets Manager does not support rotation schedules more than a year apart.");
        }
        if (cron.days() instanceof NearestWeekday || cron.days() instanceof LastWeekdayOfMonth) {
            throw refused(notForRotation + "Secrets Manager rotation schedules do not support the W wildcard.");
        }
        boolean firesAtAll = false;
        boolean onConsecutiveDays = false;
        boolean previous = false;
        for (LocalDate d = CYCLE_START; d.isBefore(CYCLE_END); d = d.plusDays(1)) {
            boolean fires = cron.firesOn(d);
            firesAtAll |= fires;
            onConsecutiveDays |= fires && previous;
            previous = fires;
        }
        if (!firesAtAll) {
            throw refused("The cron expression " + expression + " never opens a rotation window.");
        }
        BitSet hours = cron.hours();
        int first = hours.nextSetBit(0);
        int last = hours.length() - 1;
        int gap = Integer.MAX_VALUE;
        for (int h = first, next = hours.nextSetBit(h + 1); next >= 0; h = next, next = hours.nextSetBit(h + 1)) {
            gap = Math.min(gap, next - h);
        }
        if (onConsecutiveDays) {
            gap = Math.min(gap, 24 - last + first);
        }
        if (gap < MINIMUM_INTERVAL.toHours()) {
            throw refused("Secrets Manager can rotate a secret at most every four hours; " + expression + " opens rotation windows "
                    + CronPhrases.hours(gap) + " apart.");
        }
        boolean inHours = hours.cardinality() > 1;
        int windowLength = windowHours != null ? windowHours : inHours ? 1 : 24 - first;
        if (inHours && windowLength > gap) {
            throw refused(intoNextWindow(duration, gap));
        }
        checkUtcDay(duration, last, windowLength);
        return new RotationSchedule(null, expression, duration, Kind.CRON, 0, cron, Duration.ofHours(windowLength));
    }

    /** The day's last window, opening at {@code lastStart}, must close by midnight UTC. */
    private static void checkUtcDay(String duration, int lastStart, int windowLength) {
        if (lastStart + windowLength > 24) {
            throw refused("The rotation window of " + duration + " extends into the next UTC day: the window that opens at "
                    + String.format("%02d:00", lastStart) + " UTC would close at "
                    + String.format("%02d:00", (lastStart + windowLength) % 24) + " UTC the next day.");
        }
    }

    private static String intoNextWindow(String duration, long hoursApart) {
        return "The rotation window of " + duration + " extends into the next rotation window, which opens " + CronPhrases.hours(hoursApart)
                + " after the previous one.";
    }

    // ---- The rules -------------------------------------------------------------------------------

    /** {@code AutomaticallyAfterDays} as given; null when the schedule is an expression. */
    public Long automaticallyAfterDays() {
        return automaticallyAfterDays;
    }

    /** {@code ScheduleExpression} as given; null when the schedule is {@code AutomaticallyAfterDays}. */
    public String scheduleExpression() {
        return scheduleExpression;
    }

    /** {@code Duration} as given; null when the window is AWS's default. */
    public String duration() {
        return duration;
    }

    /** How long each rotation window stays open: the Duration, else AWS's default for this schedule. */
    public Duration window() {
        return window;
    }

    /**
     * {@code AutomaticallyAfterDays} as DescribeSecret shows it, which AWS "calculates from the
     * rotation schedule after every successful rotation": the given days; the days of
     * {@code rate(N days)}; for a cron or a rate in hours, the time from the start of the window
     * {@code lastRotated} falls in (or {@code lastRotated} itself, outside any window) to the next
     * window, rounded up to whole days and at least 1. AWS's API reference shows
     * {@code cron(0 16 1,15 * ? *)} with 14, and terraform-provider-aws quotes AWS showing 1 for
     * {@code rate(10 hours)}.
     */
    public long automaticallyAfterDaysShown(Instant lastRotated) {
        Objects.requireNonNull(lastRotated, "lastRotated");
        if (kind == Kind.DAYS_AFTER_ROTATION) {
            return period;
        }
        Instant from = cron.next(lastRotated.minus(window)).filter(s -> !s.isAfter(lastRotated)).orElse(lastRotated);
        long seconds = cron.next(lastRotated).map(next -> Duration.between(from, next).getSeconds()).orElse(0L);
        return Math.max(1, (seconds + 86_399) / 86_400);
    }

    // ---- Windows ---------------------------------------------------------------------------------

    /** One rotation window, {@code [start, end)}. */
    public record Window(Instant start, Instant end) {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }

        /** DescribeSecret's NextRotationDate for this window: its last second, "the latest date that rotation will occur". */
        public Instant lastSecond() {
            return end.minusSeconds(1);
        }
    }

    /**
     * The window the next rotation belongs in: the first window that opens after
     * {@code lastRotated} and closes after {@code now}. It is open now (its start is at or before
     * {@code now}) when a rotation is due; otherwise it is the next one to open. Empty only for a
     * cron that fires no more.
     *
     * @param lastRotated the last rotation, or last value change if later; never rotated, when
     *                    rotation was turned on
     * @param now the current time
     */
    public Optional<Window> nextWindow(Instant lastRotated, Instant now) {
        Objects.requireNonNull(lastRotated, "lastRotated");
        Objects.requireNonNull(now, "now");
        if (cron != null) {
            // Windows never overlap, so a window open at now started after now - window.
            Instant after = lastRotated.isAfter(now.minus(window)) ? lastRotated : now.minus(window);
            return cron.next(after).map(this::windowFrom);
        }
        Instant first = firstAfter(lastRotated);
        Instant firstEnd = first.plus(window);
        long missed = now.isBefore(firstEnd) ? 0 : Duration.between(firstEnd, now).getSeconds() / periodSeconds() + 1;
        return Optional.of(windowFrom(first.plusSeconds(missed * periodSeconds())));
    }

    /** When the window of {@link #nextWindow} opens: in the past or now while it is open and unserved. */
    public Optional<Instant> nextWindowStart(Instant lastRotated, Instant now) {
        return nextWindow(lastRotated, now).map(Window::start);
    }

    /** DescribeSecret's NextRotationDate: the last second of {@link #nextWindow}. */
    public Optional<Instant> nextRotationDate(Instant lastRotated, Instant now) {
        return nextWindow(lastRotated, now).map(Window::lastSecond);
    }

    /**
     * Whether a rotation should start now: {@code now} is inside a window that opened after
     * {@code lastRotated}. True for every instant of that window until a rotation is recorded, so
     * a scheduler that asks every second rotates once per window, at its first tick inside it;
     * a tick that jumps past a whole window misses it, as AWS rotates only inside windows.
     */
    public boolean due(Instant lastRotated, Instant now) {
        return nextWindow(lastRotated, now).map(w -> w.contains(now)).orElse(false);
    }

    /**
     * When the next {@code n} windows open after {@code from}, for a preview: for a cron or a
     * rate in hours, its next window starts strictly after {@code from}; for a schedule counted
     * from the last rotation, the windows that follow a rotation at {@code from}, each a period
     * after the one before.
     */
    public List<Instant> nextStarts(Instant from, int n) {
        Objects.requireNonNull(from, "from");
        if (cron != null) {
            return cron.next(from, n);
        }
        List<Instant> out = new ArrayList<>(Math.max(0, n));
        Instant first = firstAfter(from);
        for (int i = 0; i < n; i++) {
            out.add(first.plusSeconds(i * periodSeconds()));
        }
        return out;
    }

    private Window windowFrom(Instant start) {
        return new Window(start, start.plus(window));
    }

    /** The first window of a schedule counted in days after a rotation at {@code last}: midnight UTC, N days on. */
    private Instant firstAfter(Instant last) {
        return last.truncatedTo(ChronoUnit.DAYS).plus(period, ChronoUnit.DAYS);
    }

    private long periodSeconds() {
        return period * 86_400;
    }

    // ---- Words -----------------------------------------------------------------------------------

    /**
     * A short English phrase: "every 30 days", "every 6 hours", "at 04:00 UTC on Sunday", "at
     * 00:00 UTC on the last day of the month"; with ", within 3 hours" when a Duration is given.
     */
    public String describe() {
        String schedule = switch (kind) {
            case DAYS_AFTER_ROTATION -> CronPhrases.every(period, "day");
            case HOURS_FROM_MIDNIGHT -> CronPhrases.every(period, "hour");
            case CRON -> cron.describe();
        };
        return duration == null ? schedule : schedule + ", within " + CronPhrases.hours(window.toHours());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotationSchedule r && Objects.equals(r.automaticallyAfterDays, automaticallyAfterDays)
                && Objects.equals(r.scheduleExpression, scheduleExpression) && Objects.equals(r.duration, duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(automaticallyAfterDays, scheduleExpression, duration);
    }

    @Override
    public String toString() {
        return "RotationSchedule[automaticallyAfterDays=" + automaticallyAfterDays + ", scheduleExpression=" + scheduleExpression
                + ", duration=" + duration + "]";
    }
}
