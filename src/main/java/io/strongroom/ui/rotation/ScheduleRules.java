package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationSchedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schedule builder's questions to {@link RotationSchedule}: what RotateSecret would refuse,
 * the rule in words, how long a window stays open, and when the next windows open.
 */
final class ScheduleRules {

    /** {@code rate(N days)}: counted from the last rotation, like AutomaticallyAfterDays. */
    private static final Pattern RATE_IN_DAYS = Pattern.compile("rate\\(\\s*\\d+\\s+days?\\s*\\)");

    private ScheduleRules() {}

    /** Why RotateSecret would refuse these rules, in its words, if it would. */
    static Optional<String> problem(Long days, String expression, String window) {
        return RotationSchedule.problem(days, expression, window);
    }

    /** The rules in words ("every 30 days", "at 04:00 UTC on Sunday, within 3 hours"). Throws for rules {@link #problem} refuses. */
    static String describe(Long days, String expression, String window) {
        return RotationSchedule.parse(days, expression, window).describe();
    }

    /** How long each window stays open (the Duration given, else AWS's default for the schedule). */
    static Duration window(Long days, String expression, String window) {
        return RotationSchedule.parse(days, expression, window).window();
    }

    /**
     * When the next {@code n} windows open: for a schedule counted from the last rotation (days,
     * {@code rate(N days)}), the windows after a rotation at {@code lastRotation}, each a period
     * later; for a calendar schedule ({@code cron()}, {@code rate(N hours)}), its firings after {@code now}.
     */
    static List<Instant> nextStarts(Long days, String expression, String window, Instant lastRotation, Instant now, int n) {
        RotationSchedule schedule = RotationSchedule.parse(days, expression, window);
        boolean counted = days != null || RATE_IN_DAYS.matcher(expression).matches();
        return schedule.nextStarts(counted ? lastRotation : now, n);
    }
}
