package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What LookupEvents already returned, per scope and lookup attribute, so a second look costs no
 * call. A look is answered here when a held range provably holds its answer: the range covers
 * the look's time (or holds at least as many of its newest events as it asks for), and it was
 * read with the look's attribute, or with none, since every attribute can be matched on a held
 * event. A look ending past what a range knows (a look ending "now") reads only what is newer,
 * re-reading {@link #OVERLAP_SECONDS} because CloudTrail delivers events late (typically within
 * 5 minutes, at worst 15).
 *
 * <p>Bounded: at most {@code capacity} events in all, the least recently used ranges dropped
 * first. Thread-safe: every method holds this object's lock; reads from AWS happen outside it.
 */
final class AuditCache {

    /** How much of what was read before is read again, for the events CloudTrail delivered late. */
    static final long OVERLAP_SECONDS = 15 * 60;

    /** What a look needs: what the cache answers, and what must still be read. */
    record Plan(CachedRange.Key key, AuditQuery query, int max, List<AuditRecord> cached, AuditQuery fetch, CachedRange base) {

        /** Whether the cache answers it all, costing no call. */
        boolean answered() {
            return fetch == null;
        }
    }

    private final int capacity;
    /** Every range, least recently used first. */
    private final LinkedHashMap<CachedRange, Boolean> ranges = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<CachedRange.Key, List<CachedRange>> byKey = new HashMap<>();
    private long held;

    AuditCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    static long startSecond(Instant start) {
        return start.getNano() == 0 ? start.getEpochSecond() : start.getEpochSecond() + 1;
    }

    static long endSecond(Instant end) {
        return end.getEpochSecond();
    }

    /** How {@code query} in {@code scope}, at most {@code max} events, is answered. */
    synchronized Plan plan(Scope scope, AuditQuery query, int max) {
        CachedRange.Key key = CachedRange.Key.of(scope, query);
        long qs = startSecond(query.start());
        long qe = endSecond(query.end());
        if (qe < qs || max <= 0) {
            return new Plan(key, query, max, List.of(), null, null);
        }
        List<CachedRange> candidates = candidates(key);
        for (CachedRange r : candidates) {
            List<AuditRecord> answer = answer(r, key, query, qs, qe, max);
            if (answer != null) {
                ranges.get(r);     // recently used
                return new Plan(key, query, max, answer, null, null);
            }
        }
        CachedRange base = null;
        for (CachedRange r : candidates) {
            boolean extendsIt = qe > r.until && !query.end().equals(r.askedEnd) && qs >= r.knownFrom() && qs <= r.until + 1;
            if (extendsIt && (base == null || better(r, base, key))) {
                base = r;
            }
        }
        if (base == null) {
            return new Plan(key, query, max, List.of(), query, null);
        }
        ranges.get(base);
        long fetchFrom = Math.max(qs, base.until - OVERLAP_SECONDS);
        List<AuditRecord> older = base.select(query.attribute(), query.value(), qs, fetchFrom - 1, max);
        AuditQuery fetch = new AuditQuery(Instant.ofEpochSecond(fetchFrom), query.end(), query.attribute(), query.value());
        return new Plan(key, query, max, older, fetch, base);
    }

    /** The held ranges that could answer a look of {@code key}: its own first, then the scope's unfiltered ones. */
    private List<CachedRange> candidates(CachedRange.Key key) {
        List<CachedRange> out = new ArrayList<>(byKey.getOrDefault(key, List.of()));
        if (key.attribute() != null) {
            out.addAll(byKey.getOrDefault(key.unfiltered(), List.of()));
        }
        return out;
    }

    private static boolean better(CachedRange r, CachedRange than, CachedRange.Key key) {
        boolean own = r.key.equals(key);
        boolean thanOwn = than.key.equals(key);
        return own != thanOwn ? own : r.until > than.until;
    }

    /** The answer {@code r} provably holds for the look, or null. */
    private static List<AuditRecord> answer(CachedRange r, CachedRange.Key key, AuditQuery q, long qs, long qe, int max) {
        boolean endKnown = qe <= r.until || q.end().equals(r.askedEnd);
        if (!endKnown) {
            return null;
        }
        AuditQuery.Attribute a = q.attribute();
        String v = q.value();
        long known = r.knownFrom();
        if (qs >= known) {
            return r.select(a, v, qs, qe, max);
        }
        // The look reaches before what is known, but only its newest max events are asked for.
        if (r.count(a, v, known, qe, max) >= max) {
            return r.select(a, v, known, qe, max);
        }
        // A read cut short holds the first events of its oldest second in LookupEvents' order,
        // which is the order of a look with the same attribute too.
        if (!r.complete && r.key.equals(key)) {
            List<AuditRecord> selected = r.select(a, v, qs, qe, max);
            if (selected.size() >= max) {
                return selected;
            }
        }
        return null;
    }

    /**
     * Keeps what {@code plan}'s read returned: {@code read} newest first, {@code cutShort} when the
     * limit stopped it before LookupEvents ran out, {@code readAt} when the read began.
     *
     * @return the look's whole answer, newest first, at most {@code plan.max()} events
     */
    synchronized List<AuditRecord> keep(Plan plan, List<CachedEvent> read, boolean cutShort, Instant readAt) {
        AuditQuery q = plan.query();
        long qs = startSecond(q.start());
        long qe = endSecond(q.end());
        // an event of the second the read began may still be recorded after it
        long until = Math.min(qe, readAt.getEpochSecond() - 1);
        CachedRange base = plan.base();
        CachedRange kept;
        if (base == null) {
            kept = new CachedRange(plan.key(), qs, until, q.end(), read, !cutShort);
            put(kept);
        } else if (cutShort) {
            kept = new CachedRange(plan.key(), startSecond(plan.fetch().start()), until, q.end(), read, false);
            put(kept);
        } else if (base.key.equals(plan.key()) && ranges.containsKey(base)) {
            List<CachedEvent> merged = CachedRange.merge(read, base.events);
            held += merged.size() - base.size();
            base.events = List.copyOf(merged);
            base.until = Math.max(base.until, until);
            base.askedEnd = q.end();
            kept = base;
            evict();
        } else {
            long fetchFrom = startSecond(plan.fetch().start());
            List<CachedEvent> older = base.matching(q.attribute(), q.value(), qs, fetchFrom - 1);
            kept = new CachedRange(plan.key(), qs, until, q.end(), CachedRange.merge(read, older), true);
            put(kept);
        }
        return kept.select(q.attribute(), q.value(), qs, qe, plan.max());
    }

    private void put(CachedRange range) {
        if (range.size() > capacity) {
            return;
        }
        List<CachedRange> same = byKey.computeIfAbsent(range.key, k -> new ArrayList<>());
        for (Iterator<CachedRange> it = same.iterator(); it.hasNext(); ) {
            CachedRange r = it.next();
            if (r.from >= range.knownFrom() && r.until <= range.until) {
                it.remove();
                ranges.remove(r);
                held -= r.size();
            }
        }
        same.add(range);
        ranges.put(range, Boolean.TRUE);
        held += range.size();
        evict();
    }

    private void evict() {
        for (Iterator<CachedRange> it = ranges.keySet().iterator(); held > capacity && it.hasNext(); ) {
            CachedRange r = it.next();
            it.remove();
            held -= r.size();
            List<CachedRange> same = byKey.get(r.key);
            same.remove(r);
            if (same.isEmpty()) {
                byKey.remove(r.key);
            }
        }
    }

    /**
     * How many events of {@code key} a second brings, from the longest held range that knows
     * (matching them when the range holds every event of the scope), or -1 when none does.
     */
    synchronized double perSecond(CachedRange.Key key) {
        CachedRange best = null;
        for (CachedRange r : candidates(key)) {
            if (r.until >= r.knownFrom() && (best == null || r.until - r.knownFrom() > best.until - best.knownFrom())) {
                best = r;
            }
        }
        if (best == null) {
            return -1;
        }
        long seconds = best.until - best.knownFrom() + 1;
        return best.count(key.attribute(), key.value(), best.knownFrom(), best.until, Integer.MAX_VALUE) / (double) seconds;
    }

    /** How many events are held. */
    synchronized long size() {
        return held;
    }

    synchronized void clear() {
        ranges.clear();
        byKey.clear();
        held = 0;
    }
}
