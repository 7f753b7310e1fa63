package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One scope's events for one lookup attribute (or none) over a stretch of time, newest first, as
 * LookupEvents returned them. Times are CloudTrail's whole seconds: the range holds every event
 * from second {@link #from} to second {@link #until} (both inclusive), or, when a limit cut the
 * read short ({@code complete} false), every event after second {@link #cut} and the first of
 * the events at {@code cut} in LookupEvents' order.
 *
 * <p>Mutable only by {@link AuditCache}, under its lock; {@link #events} is an immutable list
 * replaced, never changed, so a reader holding it is never disturbed.
 */
final class CachedRange {

    record Key(Scope scope, AuditQuery.Attribute attribute, String value) {

        static Key of(Scope scope, AuditQuery query) {
            return new Key(scope, query.attribute(), query.value());
        }

        Key unfiltered() {
            return new Key(scope, null, null);
        }
    }

    final Key key;
    final long from;
    final boolean complete;
    final long cut;
    long until;
    /** The end asked by the look that last read up to {@link #until}: the same look again is answered as it was. */
    Instant askedEnd;
    List<CachedEvent> events;

    CachedRange(Key key, long from, long until, Instant askedEnd, List<CachedEvent> events, boolean complete) {
        this.key = key;
        this.from = from;
        this.until = until;
        this.askedEnd = askedEnd;
        this.events = List.copyOf(events);
        this.complete = complete || this.events.isEmpty();
        this.cut = this.complete ? from - 1 : this.events.get(this.events.size() - 1).second();
    }

    /** The first second of which every event is held. */
    long knownFrom() {
        return complete ? from : cut + 1;
    }

    int size() {
        return events.size();
    }

    /** The index of the first event at or before {@code second} (events are newest first). */
    static int firstAtOrBefore(List<CachedEvent> events, long second) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).second() > second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The events matching {@code attribute = value} from second {@code start} to {@code end}, newest first, at most {@code max}. */
    List<AuditRecord> select(AuditQuery.Attribute attribute, String value, long start, long end, int max) {
        List<AuditRecord> out = new ArrayList<>();
        List<CachedEvent> all = events;
        for (int i = firstAtOrBefore(all, end); i < all.size() && out.size() < max; i++) {
            CachedEvent e = all.get(i);
            if (e.second() < start) {
                break;
            }
            if (e.matches(attribute, value)) {
                out.add(e.record());
            }
        }
        return out;
    }

    /** Like {@link #select} without a limit, as cached events. */
    List<CachedEvent> matching(AuditQuery.Attribute attribute, String value, long start, long end) {
        List<CachedEvent> out = new ArrayList<>();
        List<CachedEvent> all = events;
        for (int i = firstAtOrBefore(all, end); i < all.size(); i++) {
            CachedEvent e = all.get(i);
            if (e.second() < start) {
                break;
            }
            if (e.matches(attribute, value)) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many events match from second {@code start} to {@code end}, counting no further than {@code enough}. */
    int count(AuditQuery.Attribute attribute, String value, long start, long end, int enough) {
        int n = 0;
        List<CachedEvent> all = events;
        for (int i = firstAtOrBefore(all, end); i < all.size() && n < enough; i++) {
            CachedEvent e = all.get(i);
            if (e.second() < start) {
                break;
            }
            if (e.matches(attribute, value)) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code newer} (just read, newest first) followed by the events of {@code older} it does not
     * hold, by event ID: LookupEvents re-read over an overlap returns some events twice, and
     * events that arrived late only the second time.
     */
    static List<CachedEvent> merge(List<CachedEvent> newer, List<CachedEvent> older) {
        Set<String> seen = new HashSet<>(newer.size() * 2);
        for (CachedEvent e : newer) {
            seen.add(e.record().eventId());
        }
        List<CachedEvent> out = new ArrayList<>(newer.size() + older.size());
        int i = 0;
        for (CachedEvent o : older) {
            if (seen.contains(o.record().eventId())) {
                continue;
            }
            // keep newest first: an old event later than some new ones (read before, missed by
            // the re-read) goes before them; on equal seconds the new read's order stands
            while (i < newer.size() && newer.get(i).second() >= o.second()) {
                out.add(newer.get(i++));
            }
            out.add(o);
        }
        while (i < newer.size()) {
            out.add(newer.get(i++));
        }
        return out;
    }
}
