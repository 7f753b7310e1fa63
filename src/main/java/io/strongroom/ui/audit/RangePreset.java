package io.strongroom.ui.audit;

import java.time.Duration;

/** The query bar's time ranges: the last hour to the last 90 days (CloudTrail's whole history), or from–to. */
public enum RangePreset {
    LAST_HOUR(Duration.ofHours(1)),
    LAST_24_HOURS(Duration.ofHours(24)),
    LAST_7_DAYS(Duration.ofDays(7)),
    LAST_30_DAYS(Duration.ofDays(30)),
    LAST_90_DAYS(Duration.ofDays(90)),
    CUSTOM(null);

    private final Duration length;

    RangePreset(Duration length) {
        this.length = length;
    }

    /** How far back the range goes from now; null for {@link #CUSTOM}. */
    public Duration length() {
        return length;
    }
}
