package io.strongroom.ui.audit.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time on the timeline, from {@code start} (inclusive) to {@code end} (exclusive):
 * a bucket, or the buckets a user dragged across.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the end " + end + " is not after the start " + start);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether {@code t} falls in the range (the end excluded). */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
