package io.strongroom.ui.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule builder's view of Secrets Manager's RotationRules: what RotateSecret would refuse,
 * the rule in words, and when the next windows open.
 *
 * <p>Interim: until {@code io.strongroom.domain.RotationSchedule} (branch feature/schedule)
 * lands, days and {@code rate()} schedules are checked and previewed here, and a {@code cron()}
 * is only checked for its shape (minutes 0, year *), without a preview.
 */
final class ScheduleRules {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d{1,9})\\s+(hours?|days?)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2})h");

    /** Rules that passed the checks. */
    record Checked(Long days, String expression, String window, Duration windowLength, String words, boolean counted, long period) {}

    private ScheduleRules() {}

    /** Why RotateSecret would refuse these rules, if it would. */
    static Optional<String> problem(Long days, String expression, String window) {
        try {
            check(days, expression, window);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The rules in words ("every 30 days", "at 04:00 UTC every day, within 3 hours"). */
    static String describe(Long days, String expression, String window) {
        return check(days, expression, window).words();
    }

    /** How long each window stays open. */
    static Duration window(Long days, String expression, String window) {
        return check(days, expression, window).windowLength();
    }

    /**
     * When the next {@code n} windows open: for a schedule counted from the last rotation, after
     * one at {@code lastRotation}; for a calendar schedule, after {@code now}. Empty when unknown.
     */
    static List<Instant> nextStarts(Long days, String expression, String window, Instant lastRotation, Instant now, int n) {
        Checked c = check(days, expression, window);
        List<Instant> out = new ArrayList<>(n);
        if (c.counted()) {
            Instant first = lastRotation.truncatedTo(ChronoUnit.DAYS).plus(c.period(), ChronoUnit.DAYS);
            for (int i = 0; i < n; i++) {
                out.add(first.plus(c.period() * i, ChronoUnit.DAYS));
            }
        } else if (c.period() > 0) {
            Instant t = now.truncatedTo(ChronoUnit.DAYS);
            while (out.size() < n) {
                for (long h = 0; h < 24 && out.size() < n; h += c.period()) {
                    Instant s = t.plus(h, ChronoUnit.HOURS);
                    if (s.isAfter(now)) {
                        out.add(s);
                    }
                }
                t = t.plus(1, ChronoUnit.DAYS);
            }
        }
        return out;
    }

    private static Checked check(Long days, String expression, String window) {
        if (days != null && expression != null) {
            throw new IllegalArgumentException("You cannot specify both rotation frequency and schedule expression together.");
        }
        if (days == null && expression == null) {
            throw new IllegalArgumentException("You must specify either rotation frequency or schedule expression.");
        }
        Integer windowHours = null;
        if (window != null) {
            Matcher w = WINDOW.matcher(window);
            windowHours = w.matches() ? Integer.parseInt(w.group(1)) : 0;
            if (windowHours < 1 || windowHours > 24) {
                throw new IllegalArgumentException("The Duration " + window + " is not valid. Give the rotation window in whole hours from 1h to 24h, for example 3h.");
            }
        }
        String within = windowHours == null ? "" : ", within " + windowHours + (windowHours == 1 ? " hour" : " hours");
        if (days != null) {
            if (days < 1 || days > 1000) {
                throw new IllegalArgumentException("1 validation error detected: Value '" + days
                        + "' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value "
                        + (days < 1 ? "greater than or equal to 1" : "less than or equal to 1000"));
            }
            return counted(days, null, window, days, windowHours, within);
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            if (rate.group(2).startsWith("day")) {
                if (value < 1 || value > 999) {
                    throw new IllegalArgumentException("The rotation period of " + expression + " is not from 1 to 999 days.");
                }
                return counted(null, expression, window, value, windowHours, within);
            }
            if (value < 4 || value > 23) {
                throw new IllegalArgumentException("A rate in hours is from 4 to 23 hours: Secrets Manager rotates at most every four hours.");
            }
            int length = windowHours == null ? 1 : windowHours;
            return new Checked(null, expression, window, Duration.ofHours(length), "every " + value + " hours" + within, false, value);
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] f = cron.group(1).trim().split("\\s+");
            if (f.length != 6) {
                throw new IllegalArgumentException("The cron expression " + expression + " is not valid: it needs six fields.");
            }
            if (!f[0].equals("0")) {
                throw new IllegalArgumentException("The cron expression " + expression
                        + " is not valid for rotation: Minutes must be 0, because rotation windows start on the hour.");
            }
            if (!f[5].equals("*")) {
                throw new IllegalArgumentException("The cron expression " + expression + " is not valid for rotation: Year must be *.");
            }
            int length = windowHours == null ? 1 : windowHours;
            return new Checked(null, expression, window, Duration.ofHours(length), expression + within, false, 0);
        }
        throw new IllegalArgumentException("The schedule expression " + expression
                + " is not valid. Use rate(Value Unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year).");
    }

    private static Checked counted(Long days, String expression, String window, long period, Integer windowHours, String within) {
        return new Checked(days, expression, window, Duration.ofHours(windowHours == null ? 24 : windowHours),
                "every " + period + (period == 1 ? " day" : " days") + within, true, period);
    }
}
