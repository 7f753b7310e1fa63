package io.strongroom.domain;

/**
 * What RotateSecret is asked to set: the rotation function, the schedule (a number of days or a
 * {@code rate()}/{@code cron()} expression, never both) with its optional window, and whether to
 * rotate at once. A null function keeps the one the secret has; null schedule members keep its rules.
 */
public record RotationSettings(String lambdaArn, Long automaticallyAfterDays, String scheduleExpression, String window,
                               boolean rotateImmediately) {

    public RotationSettings {
        if (automaticallyAfterDays != null && scheduleExpression != null) {
            throw new IllegalArgumentException("a schedule is a number of days or an expression, not both");
        }
    }

    /** Rotate now with what the secret already has. */
    public static RotationSettings now() {
        return new RotationSettings(null, null, null, null, true);
    }

    public boolean changesSchedule() {
        return automaticallyAfterDays != null || scheduleExpression != null || window != null;
    }
}
