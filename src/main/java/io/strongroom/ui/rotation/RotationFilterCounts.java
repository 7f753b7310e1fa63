package io.strongroom.ui.rotation;

import java.util.function.Predicate;

/**
 * How many rows each quick filter would show, and the summary line's figures.
 *
 * @param all            every row counted
 * @param rotationOn     rows with automatic rotation on
 * @param failedOrStuck  rows whose latest rotation failed or that are stuck (each counted once)
 */
public record RotationFilterCounts(int all, int rotationOn, int neverRotated, int overdue, int failed, int stuck, int failedOrStuck) {

    public static final RotationFilterCounts NONE = new RotationFilterCounts(0, 0, 0, 0, 0, 0, 0);

    /** The counts over the rows of {@code rows} that {@code counted} accepts. */
    static RotationFilterCounts of(Iterable<RotationRow> rows, Predicate<? super RotationRow> counted) {
        int all = 0;
        int on = 0;
        int never = 0;
        int overdue = 0;
        int failed = 0;
        int stuck = 0;
        int either = 0;
        for (RotationRow r : rows) {
            if (!counted.test(r)) {
                continue;
            }
            all++;
            on += r.rotationOn() ? 1 : 0;
            never += r.neverRotated() ? 1 : 0;
            overdue += r.overdue() ? 1 : 0;
            failed += r.failed() ? 1 : 0;
            stuck += r.stuck() ? 1 : 0;
            either += r.failed() || r.stuck() ? 1 : 0;
        }
        return new RotationFilterCounts(all, on, never, overdue, failed, stuck, either);
    }

    /** How many rows {@code filter} shows. */
    public int of(RotationFilter filter) {
        return switch (filter) {
            case ALL -> all;
            case NEVER_ROTATED -> neverRotated;
            case OVERDUE -> overdue;
            case FAILED -> failed;
            case STUCK -> stuck;
        };
    }
}
