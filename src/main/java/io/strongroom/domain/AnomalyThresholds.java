package io.strongroom.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When the audit trail's anomalies are raised (Settings → Audit).
 *
 * @param learningDays     the first days of the window that only teach what is usual: a first
 *                         read, a new source IP or an off-hours read is raised only after them
 * @param spikeFactor      a spike is an hour with more than this many times the principal's usual
 *                         reads an hour (its mean over the hours it read in, or over the same hour
 *                         of day on the days it read then, whichever is larger; the hour judged
 *                         left out) ...
 * @param spikeMinimum     ... and at least this many reads
 * @param deniedBurst      a burst is at least this many AccessDenied refusals of one principal ...
 * @param deniedWindow     ... within this time
 * @param offHoursMinimum  a principal's usual hours are known once it has made at least this many
 *                         calls before the day judged (any call: a deployer that writes by day and
 *                         never reads has usual hours too); a read at an hour of day (UTC) holding
 *                         under 1% of those calls is off its hours
 * @param sweepSecrets     a sweep touches at least this many distinct secrets (or lists this many
 *                         times) ...
 * @param sweepWindow      ... within this time
 */
public record AnomalyThresholds(int learningDays, double spikeFactor, int spikeMinimum, int deniedBurst, Duration deniedWindow,
                                int offHoursMinimum, int sweepSecrets, Duration sweepWindow) {

    public static final AnomalyThresholds DEFAULT = new AnomalyThresholds(7, 5.0, 20, 5, Duration.ofMinutes(10), 50, 10,
            Duration.ofMinutes(10));

    public AnomalyThresholds {
        Objects.requireNonNull(deniedWindow, "deniedWindow");
        Objects.requireNonNull(sweepWindow, "sweepWindow");
        if (learningDays < 0 || spikeFactor <= 1 || spikeMinimum < 1 || deniedBurst < 2 || offHoursMinimum < 1 || sweepSecrets < 2
                || deniedWindow.isNegative() || deniedWindow.isZero() || sweepWindow.isNegative() || sweepWindow.isZero()) {
            throw new IllegalArgumentException("anomaly thresholds out of range");
        }
    }
}
