package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.SortedFilteredList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The events loaded and the events shown. Every event loaded is kept newest first
 * ({@link #records()}); the table shows those that pass, in the table's order: the drill-down
 * (exactly the events a matrix cell or an anomaly stands for), else the timeline's time
 * restriction; then the text filter and the quick filter. Counts per quick filter are of the
 * events the other filters let through. Used under the view model's lock.
 */
final class EventListing {

    /** Newest first; ties by scope and event ID, so the order is the same at every load. */
    static final Comparator<AuditRecord> NEWEST_FIRST = Comparator.comparing(AuditRecord::time).reversed()
            .thenComparing((AuditRecord r) -> r.scope().id()).thenComparing(AuditRecord::eventId);

    private final Object lock;
    private final SortedFilteredList<AuditRecord> records = new SortedFilteredList<>();
    private final SortedFilteredList<AuditRecord> shown = new SortedFilteredList<>();
    /** Each event's text for the text filter, built the first time the text filter tests it. */
    private final Map<AuditRecord, String> searchKeys = new IdentityHashMap<>();

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<EventFilter> filter = new SimpleObjectProperty<>(this, "filter", EventFilter.ALL);
    private final ObjectProperty<Comparator<? super AuditRecord>> sortOrder = new SimpleObjectProperty<>(this, "sortOrder");
    private final ReadOnlyObjectWrapper<Instant> restrictedFrom = new ReadOnlyObjectWrapper<>(this, "restrictedFrom");
    private final ReadOnlyObjectWrapper<Instant> restrictedTo = new ReadOnlyObjectWrapper<>(this, "restrictedTo");
    private final ReadOnlyStringWrapper showingOnly = new ReadOnlyStringWrapper(this, "showingOnly");
    private final ReadOnlyObjectWrapper<EventCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", EventCounts.NONE);
    private final ReadOnlyIntegerWrapper loadedCount = new ReadOnlyIntegerWrapper(this, "loadedCount");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    /** The keys of the drill-down's events; null when there is none. */
    private Set<String> only;
    /** True while several filters change at once: one pass at the end instead of one per change. */
    private boolean changing;

    EventListing(Object lock) {
        this.lock = Objects.requireNonNull(lock);
        records.comparatorProperty().set(NEWEST_FIRST);
        shown.comparatorProperty().set(NEWEST_FIRST);
        searchText.addListener(o -> refilter());
        filter.addListener(o -> refilter());
        sortOrder.addListener((o, was, now) -> {
            synchronized (lock) {
                shown.comparatorProperty().set(now == null ? NEWEST_FIRST : thenNewestFirst(now));
            }
        });
    }

    SortedFilteredList<AuditRecord> records() {
        return records;
    }

    SortedFilteredList<AuditRecord> shown() {
        return shown;
    }

    StringProperty searchTextProperty() {
        return searchText;
    }

    ObjectProperty<EventFilter> filterProperty() {
        return filter;
    }

    ObjectProperty<Comparator<? super AuditRecord>> sortOrderProperty() {
        return sortOrder;
    }

    ReadOnlyObjectProperty<Instant> restrictedFromProperty() {
        return restrictedFrom.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> restrictedToProperty() {
        return restrictedTo.getReadOnlyProperty();
    }

    ReadOnlyStringProperty showingOnlyProperty() {
        return showingOnly.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<EventCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty loadedCountProperty() {
        return loadedCount.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** Whether {@code r} is within the timeline's restriction (every event when there is none). */
    boolean inRestriction(AuditRecord r) {
        Instant from = restrictedFrom.get();
        Instant to = restrictedTo.get();
        return from == null || (!r.time().isBefore(from) && !r.time().isAfter(to));
    }

    // ---- changes (under the lock) --------------------------------------------------------------

    void add(List<AuditRecord> batch) {
        records.addAllRows(batch);
        shown.addAllRows(batch);
        Predicate<AuditRecord> base = base();
        counts.set(counts.get().plus(batch.stream().filter(base).toList()));
        counted();
    }

    void clear() {
        searchKeys.clear();
        records.clearRows();
        shown.clearRows();
        counts.set(EventCounts.NONE);
        counted();
    }

    void showOnly(List<AuditRecord> events, String why) {
        synchronized (lock) {
            Set<String> keys = new HashSet<>();
            events.forEach(r -> keys.add(key(r)));
            only = keys;
            showingOnly.set(why == null ? "" : why);
        }
        // exactly those events: filters set before no longer hide any of them
        changing = true;
        try {
            filter.set(EventFilter.ALL);
            searchText.set("");
        } finally {
            changing = false;
        }
        refilter();
    }

    void clearShowOnly() {
        synchronized (lock) {
            only = null;
            showingOnly.set(null);
        }
        refilter();
    }

    void restrictTo(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        restrictedFrom.set(end.isBefore(start) ? end : start);
        restrictedTo.set(end.isBefore(start) ? start : end);
        refilter();
    }

    void clearRestriction() {
        restrictedFrom.set(null);
        restrictedTo.set(null);
        refilter();
    }

    // ---- filtering ------------------------------------------------------------------------------

    private void refilter() {
        if (changing) {
            return;
        }
        synchronized (lock) {
            Predicate<AuditRecord> base = base();
            EventFilter quick = filter.get() == null ? EventFilter.ALL : filter.get();
            shown.setPredicate(r -> base.test(r) && quick.test(r));
            counts.set(EventCounts.of(records.unfiltered().stream().filter(base).toList()));
            counted();
        }
    }

    /** Every filter but the quick one: the drill-down (or the time restriction), then the text. */
    private Predicate<AuditRecord> base() {
        Set<String> keys = only;
        Predicate<AuditRecord> where = keys != null ? r -> keys.contains(key(r)) : this::inRestriction;
        String text = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return where;
        }
        return r -> where.test(r) && searchKeys.computeIfAbsent(r, AuditText::searchKey).contains(text);
    }

    private void counted() {
        loadedCount.set(records.unfilteredSize());
        shownCount.set(shown.size());
    }

    static String key(AuditRecord r) {
        return r.scope().id() + '|' + r.eventId();
    }

    private static Comparator<AuditRecord> thenNewestFirst(Comparator<? super AuditRecord> first) {
        return (a, b) -> {
            int c = first.compare(a, b);
            return c != 0 ? c : NEWEST_FIRST.compare(a, b);
        };
    }
}
