package io.strongroom.ui.audit.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The timeline as drawn: consecutive buckets, each with its count per series (the stacked layers,
 * bottom first) and its errors and AccessDenied refusals. Buckets are {@link #width()} long, but
 * for day buckets, which run from the user's midnight to the next, so one across a daylight-saving
 * change is an hour longer or shorter. Immutable; the model makes a new one whenever the records,
 * the range or the stacking change.
 */
public final class TimelineBuckets {

    /** The buckets' boundaries in epoch milliseconds: bucket i is [bounds[i], bounds[i + 1]). */
    private final long[] bounds;
    private final Duration width;
    private final List<TimelineSeries> series;
    /** [series][bucket] */
    private final int[][] counts;
    private final int[] totals;
    private final int[] errors;
    private final int[] denied;
    private final int maxTotal;
    private final long events;

    TimelineBuckets(long[] bounds, Duration width, List<TimelineSeries> series, int[][] counts, int[] errors, int[] denied) {
        this.bounds = bounds;
        this.width = Objects.requireNonNull(width);
        this.series = List.copyOf(series);
        this.counts = counts;
        this.errors = errors;
        this.denied = denied;
        this.totals = new int[errors.length];
        long all = 0;
        int max = 0;
        for (int[] layer : counts) {
            for (int b = 0; b < layer.length; b++) {
                totals[b] += layer[b];
            }
        }
        for (int t : totals) {
            all += t;
            max = Math.max(max, t);
        }
        this.maxTotal = max;
        this.events = all;
    }

    /** Where the first bucket starts. */
    public Instant start() {
        return Instant.ofEpochMilli(bounds[0]);
    }

    /** Where the last bucket ends. */
    public Instant end() {
        return Instant.ofEpochMilli(bounds[bounds.length - 1]);
    }

    /** The buckets' width (a day bucket may be an hour longer or shorter: see the class comment). */
    public Duration width() {
        return width;
    }

    /** How many buckets there are. */
    public int size() {
        return totals.length;
    }

    /** The layers, bottom first. */
    public List<TimelineSeries> series() {
        return series;
    }

    public Instant startOf(int bucket) {
        return Instant.ofEpochMilli(bounds[bucket]);
    }

    public Instant endOf(int bucket) {
        return Instant.ofEpochMilli(bounds[bucket + 1]);
    }

    public TimeRange rangeOf(int bucket) {
        return new TimeRange(startOf(bucket), endOf(bucket));
    }

    /** The bucket holding {@code t}, or -1 when it is outside every bucket. */
    public int indexOf(Instant t) {
        long ms = t.toEpochMilli();
        if (ms < bounds[0] || ms >= bounds[bounds.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(bounds, ms);
        return i >= 0 ? i : -i - 2;
    }

    /** Events of {@code series} (its index in {@link #series()}) in {@code bucket}. */
    public int count(int series, int bucket) {
        return counts[series][bucket];
    }

    /** Every event in {@code bucket}. */
    public int total(int bucket) {
        return totals[bucket];
    }

    /** Failed calls in {@code bucket} other than AccessDenied refusals. */
    public int errors(int bucket) {
        return errors[bucket];
    }

    /** AccessDenied refusals in {@code bucket}. */
    public int denied(int bucket) {
        return denied[bucket];
    }

    /** The fullest bucket's count (0 when there is no event). */
    public int maxTotal() {
        return maxTotal;
    }

    /** Every event in the buckets. */
    public long events() {
        return events;
    }
}
