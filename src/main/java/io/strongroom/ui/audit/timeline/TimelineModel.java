package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The audit timeline: events counted in equal time buckets, stacked by event name or by outcome,
 * with errors and AccessDenied refusals counted apart, over a range the user zooms between an
 * hour and 90 days (ending no later than now), and a selection of one bucket or a dragged run of
 * them. The bucket width follows the range (90 days in days … an hour in minutes), at most
 * {@value TimelineScale#MAX_BUCKETS} buckets, aligned in the clock's zone so that day buckets
 * run from the user's midnight to the next.
 *
 * <p>Counting is done here, on the calling thread, and is cheap: records are kept sorted by time
 * ({@link TimelineRecords}), so a range of 100,000 events is counted in one pass after a binary
 * search. Holds no scene class; used on the UI thread.
 */
public final class TimelineModel {

    public static final Duration MIN_RANGE = TimelineScale.ZOOM_LEVELS.get(0);
    public static final Duration MAX_RANGE = TimelineScale.ZOOM_LEVELS.get(TimelineScale.ZOOM_LEVELS.size() - 1);
    /** Event names with a layer of their own when stacking by name; the others are one "other" layer. */
    public static final int NAMED_LAYERS = 7;

    private final Clock clock;
    private final TimelineRecords records = new TimelineRecords();
    private final ObjectProperty<StackBy> stackBy = new SimpleObjectProperty<>(this, "stackBy", StackBy.EVENT_NAME);
    private final ReadOnlyObjectWrapper<Instant> start = new ReadOnlyObjectWrapper<>(this, "start");
    private final ReadOnlyObjectWrapper<Instant> end = new ReadOnlyObjectWrapper<>(this, "end");
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyObjectWrapper<TimelineBuckets> buckets = new ReadOnlyObjectWrapper<>(this, "buckets");
    private final ReadOnlyIntegerWrapper recordCount = new ReadOnlyIntegerWrapper(this, "recordCount");
    private final ReadOnlyBooleanWrapper canZoomIn = new ReadOnlyBooleanWrapper(this, "canZoomIn");
    private final ReadOnlyBooleanWrapper canZoomOut = new ReadOnlyBooleanWrapper(this, "canZoomOut");
    /** The range's length as asked for, before its ends moved out to bucket boundaries: what zooming steps from. */
    private Duration nominal;
    /** The boundaries of the buckets shown, in epoch milliseconds. */
    private long[] bounds;

    /** Starts on the whole window: the 90 days up to {@code clock}'s now, in its zone. */
    public TimelineModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        stackBy.addListener((o, was, now) -> recount());
        zoomToWindow();
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** What the bars are stacked by (null counts as {@link StackBy#EVENT_NAME}). */
    public ObjectProperty<StackBy> stackByProperty() {
        return stackBy;
    }

    /** Where the range shown starts (a bucket boundary). */
    public ReadOnlyObjectProperty<Instant> startProperty() {
        return start.getReadOnlyProperty();
    }

    /** Where the range shown ends (a bucket boundary; the last bucket may reach past now). */
    public ReadOnlyObjectProperty<Instant> endProperty() {
        return end.getReadOnlyProperty();
    }

    /** The bucket or buckets the user picked, or null for none. */
    public ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    /** The counts as drawn; replaced whenever the records, the range or the stacking change. */
    public ReadOnlyObjectProperty<TimelineBuckets> bucketsProperty() {
        return buckets.getReadOnlyProperty();
    }

    /** Every record held, in or out of the range. */
    public ReadOnlyIntegerProperty recordCountProperty() {
        return recordCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomInProperty() {
        return canZoomIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomOutProperty() {
        return canZoomOut.getReadOnlyProperty();
    }

    /** The zone buckets and axis ticks are aligned in (the clock's). */
    public ZoneId zone() {
        return clock.getZone();
    }

    // ---- Records -------------------------------------------------------------------------------

    /** Shows {@code list} instead of what was shown; the range and the selection stay. */
    public void setRecords(List<AuditRecord> list) {
        records.clear();
        records.add(Objects.requireNonNull(list, "records"));
        recount();
    }

    /** Adds a page of records (one already held, by event ID, is not counted twice). */
    public void addRecords(List<AuditRecord> list) {
        records.add(Objects.requireNonNull(list, "records"));
        recount();
    }

    public void clear() {
        setRecords(List.of());
    }

    /** The records in {@code range}, newest first. */
    public List<AuditRecord> recordsIn(TimeRange range) {
        return records.between(range.start().toEpochMilli(), range.end().toEpochMilli());
    }

    /** The records in the selection, newest first; empty when nothing is selected. */
    public List<AuditRecord> selectedRecords() {
        TimeRange s = selection.get();
        return s == null ? List.of() : recordsIn(s);
    }

    // ---- Zoom ----------------------------------------------------------------------------------

    /**
     * Shows from {@code from} to {@code to}, made at least an hour and at most 90 days long around
     * its middle, moved to end no later than now and to start no earlier than 90 days ago, and
     * widened to whole buckets.
     */
    public void zoomTo(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            Instant t = from;
            from = to;
            to = t;
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_RANGE) < 0) {
            length = MIN_RANGE;
        } else if (length.compareTo(MAX_RANGE) > 0) {
            length = MAX_RANGE;
        }
        Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
        Instant s = middle.minus(length.dividedBy(2));
        Instant e = s.plus(length);
        Instant now = clock.instant();
        if (e.isAfter(now)) {
            s = s.minus(Duration.between(now, e));
            e = now;
        }
        Instant earliest = now.minus(MAX_RANGE);
        if (s.isBefore(earliest)) {
            e = e.plus(Duration.between(s, earliest));
            s = earliest;
        }
        show(s, e, length);
    }

    /** One zoom level closer (90 days, 30, 14, 7, 3, 1 day, 12, 6, 3 hours, 1 hour), centred on {@code center}. */
    public void zoomIn(Instant center) {
        Duration next = TimelineScale.narrower(nominal);
        if (next != null) {
            Instant c = center == null ? middle() : center;
            zoomTo(c.minus(next.dividedBy(2)), c.plus(next.dividedBy(2)));
        }
    }

    /** One zoom level further out, around the middle of what is shown. */
    public void zoomOut() {
        Duration next = TimelineScale.wider(nominal);
        if (next != null) {
            Instant c = middle();
            zoomTo(c.minus(next.dividedBy(2)), c.plus(next.dividedBy(2)));
        }
    }

    /** The whole window: the last 90 days. */
    public void zoomToWindow() {
        Instant now = clock.instant();
        zoomTo(now.minus(MAX_RANGE), now);
    }

    /** Moves the range by {@code fraction} of its length (negative: back in time), within the window. */
    public void pan(double fraction) {
        Duration by = Duration.ofMillis((long) (nominal.toMillis() * fraction));
        Instant s = middle().minus(nominal.dividedBy(2)).plus(by);
        zoomTo(s, s.plus(nominal));
    }

    private Instant middle() {
        return start.get().plus(Duration.between(start.get(), end.get()).dividedBy(2));
    }

    private void show(Instant s, Instant e, Duration length) {
        nominal = length;
        bounds = TimelineScale.bounds(s, e, TimelineScale.bucketWidth(length), clock.getZone());
        start.set(Instant.ofEpochMilli(bounds[0]));
        end.set(Instant.ofEpochMilli(bounds[bounds.length - 1]));
        canZoomIn.set(TimelineScale.narrower(length) != null);
        canZoomOut.set(TimelineScale.wider(length) != null);
        recount();
    }

    // ---- Selection -----------------------------------------------------------------------------

    /** Selects the buckets from the one holding {@code a} to the one holding {@code b} (either order; clamped to the range). */
    public void select(Instant a, Instant b) {
        TimelineBuckets bs = buckets.get();
        Instant lo = a.isBefore(b) ? a : b;
        Instant hi = a.isBefore(b) ? b : a;
        selection.set(new TimeRange(bs.startOf(clampedIndex(bs, lo)), bs.endOf(clampedIndex(bs, hi))));
    }

    /** Selects one bucket of {@link #bucketsProperty()}. */
    public void selectBucket(int bucket) {
        selection.set(buckets.get().rangeOf(bucket));
    }

    public void clearSelection() {
        selection.set(null);
    }

    private static int clampedIndex(TimelineBuckets bs, Instant t) {
        if (!t.isAfter(bs.start())) {
            return 0;
        }
        int i = bs.indexOf(t);
        return i < 0 ? bs.size() - 1 : i;
    }

    // ---- Counting ------------------------------------------------------------------------------

    private void recount() {
        if (bounds == null) {
            return;
        }
        List<String> named = stackBy.get() == StackBy.OUTCOME ? null : records.topNames(NAMED_LAYERS);
        buckets.set(records.bucket(bounds, TimelineScale.bucketWidth(nominal), named));
        recordCount.set(records.size());
    }
}
