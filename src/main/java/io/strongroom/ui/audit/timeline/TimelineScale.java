package io.strongroom.ui.audit.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's arithmetic of time: the bucket width for a range (so that a range holds at most
 * {@link #MAX_BUCKETS} buckets: 90 days in days, an hour in minutes), aligning instants on bucket
 * boundaries in the user's zone, and the zoom levels between an hour and 90 days.
 */
final class TimelineScale {

    /** A range is split into at most this many buckets (and, from the zoom levels, at least 60). */
    static final int MAX_BUCKETS = 150;

    static final List<Duration> BUCKET_WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));

    /** What zooming in and out steps through. */
    static final List<Duration> ZOOM_LEVELS = List.of(Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
            Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14),
            Duration.ofDays(30), Duration.ofDays(90));

    private TimelineScale() {}

    /** The narrowest bucket that splits {@code range} into at most {@link #MAX_BUCKETS}. */
    static Duration bucketWidth(Duration range) {
        for (Duration w : BUCKET_WIDTHS) {
            if (range.toMillis() <= w.toMillis() * MAX_BUCKETS) {
                return w;
            }
        }
        return BUCKET_WIDTHS.get(BUCKET_WIDTHS.size() - 1);
    }

    /**
     * The bucket boundary at or before {@code epochMillis}; boundaries are multiples of the width
     * in local time ({@code offsetMillis} east of UTC), so day buckets start at local midnight.
     */
    static long alignDown(long epochMillis, long widthMillis, long offsetMillis) {
        return Math.floorDiv(epochMillis + offsetMillis, widthMillis) * widthMillis - offsetMillis;
    }

    /** The bucket boundary at or after {@code epochMillis}. */
    static long alignUp(long epochMillis, long widthMillis, long offsetMillis) {
        long down = alignDown(epochMillis, widthMillis, offsetMillis);
        return down == epochMillis ? down : down + widthMillis;
    }

    /**
     * The boundaries of the buckets of {@code width} that cover {@code from} to {@code to}, in epoch
     * milliseconds: day buckets from one local midnight to the next in {@code zone} (a day across a
     * daylight-saving change is 23 or 25 hours), shorter ones multiples of their width in the
     * local time of {@code to}.
     */
    static long[] bounds(Instant from, Instant to, Duration width, ZoneId zone) {
        List<Long> out = new ArrayList<>();
        if (width.equals(Duration.ofDays(1))) {
            ZonedDateTime day = from.atZone(zone).toLocalDate().atStartOfDay(zone);
            out.add(day.toInstant().toEpochMilli());
            do {
                day = day.toLocalDate().plusDays(1).atStartOfDay(zone);
                out.add(day.toInstant().toEpochMilli());
            } while (day.toInstant().isBefore(to));
        } else {
            long w = width.toMillis();
            long offset = zone.getRules().getOffset(to).getTotalSeconds() * 1000L;
            long end = Math.max(alignUp(to.toEpochMilli(), w, offset), alignDown(from.toEpochMilli(), w, offset) + w);
            for (long b = alignDown(from.toEpochMilli(), w, offset); b <= end; b += w) {
                out.add(b);
            }
        }
        long[] bounds = new long[out.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = out.get(i);
        }
        return bounds;
    }

    /** The next zoom level below {@code range}, or null when it is already the narrowest. */
    static Duration narrower(Duration range) {
        Duration out = null;
        for (Duration level : ZOOM_LEVELS) {
            if (level.compareTo(range) < 0) {
                out = level;
            }
        }
        return out;
    }

    /** The next zoom level above {@code range}, or null when it is already the widest. */
    static Duration wider(Duration range) {
        for (Duration level : ZOOM_LEVELS) {
            if (level.compareTo(range) > 0) {
                return level;
            }
        }
        return null;
    }
}
