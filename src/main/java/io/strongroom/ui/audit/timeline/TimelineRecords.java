package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline's records sorted by time, with what bucketing needs of each kept in primitive
 * arrays (its time in epoch milliseconds, its event name as a number, its outcome), so that a
 * range of 100,000 events is counted in one pass after a binary search, without touching a record.
 * Records come once each (by event ID), however often a page is added again.
 */
final class TimelineRecords {

    static final byte SUCCESS = 0;
    static final byte ERROR = 1;
    static final byte DENIED = 2;

    private AuditRecord[] records = new AuditRecord[0];
    private long[] times = new long[0];
    private int[] nameIds = new int[0];
    private byte[] outcomes = new byte[0];
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] nameCounts = new int[16];

    void clear() {
        records = new AuditRecord[0];
        times = new long[0];
        nameIds = new int[0];
        outcomes = new byte[0];
        nameIndex.clear();
        names.clear();
        nameCounts = new int[16];
    }

    /** Adds the records not held yet. */
    void add(List<AuditRecord> batch) {
        List<AuditRecord> fresh = fresh(inTimeOrder(batch));
        if (fresh.isEmpty()) {
            return;
        }
        int n = records.length;
        int m = fresh.size();
        AuditRecord[] r = new AuditRecord[n + m];
        long[] t = new long[n + m];
        int[] ids = new int[n + m];
        byte[] o = new byte[n + m];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n + m; k++) {
            if (j >= m || (i < n && times[i] <= fresh.get(j).time().toEpochMilli())) {
                r[k] = records[i];
                t[k] = times[i];
                ids[k] = nameIds[i];
                o[k] = outcomes[i];
                i++;
            } else {
                AuditRecord a = fresh.get(j++);
                r[k] = a;
                t[k] = a.time().toEpochMilli();
                ids[k] = nameId(a.eventName());
                o[k] = a.accessDenied() ? DENIED : a.failed() ? ERROR : SUCCESS;
            }
        }
        records = r;
        times = t;
        nameIds = ids;
        outcomes = o;
    }

    /**
     * {@code batch} oldest first: LookupEvents answers newest first (and events of one second are
     * common, so the pages are not strictly descending, which a sort would not turn around in one
     * pass), so such a batch is reversed; any other order is sorted.
     */
    private static List<AuditRecord> inTimeOrder(List<AuditRecord> batch) {
        List<AuditRecord> out = new ArrayList<>(batch.size());
        for (AuditRecord r : batch) {
            if (r != null) {
                out.add(r);
            }
        }
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < out.size() && (ascending || descending); i++) {
            int c = out.get(i).time().compareTo(out.get(i - 1).time());
            ascending &= c >= 0;
            descending &= c <= 0;
        }
        if (!ascending) {
            if (descending) {
                Collections.reverse(out);
            } else {
                out.sort(Comparator.comparing(AuditRecord::time));
            }
        }
        return out;
    }

    /**
     * The records of {@code sorted} not held yet and not earlier in it, by event ID. An event has
     * one time, so only the records of the same millisecond are compared (a set only for a long
     * run of them), which costs far less than hashing every ID of 100,000 records.
     */
    private List<AuditRecord> fresh(List<AuditRecord> sorted) {
        List<AuditRecord> kept = new ArrayList<>(sorted.size());
        int runStart = 0;
        Set<String> longRun = null;
        for (AuditRecord r : sorted) {
            long t = r.time().toEpochMilli();
            if (!kept.isEmpty() && kept.get(kept.size() - 1).time().toEpochMilli() != t) {
                runStart = kept.size();
                longRun = null;
            }
            if (held(t, r.eventId())) {
                continue;
            }
            boolean seen;
            if (kept.size() - runStart > 32) {
                if (longRun == null) {
                    longRun = new HashSet<>();
                    for (int k = runStart; k < kept.size(); k++) {
                        longRun.add(kept.get(k).eventId());
                    }
                }
                seen = !longRun.add(r.eventId());
            } else {
                seen = false;
                for (int k = runStart; k < kept.size() && !seen; k++) {
                    seen = kept.get(k).eventId().equals(r.eventId());
                }
            }
            if (!seen) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Whether a record of {@code epochMillis} with {@code eventId} is held already. */
    private boolean held(long epochMillis, String eventId) {
        for (int i = lowerBound(epochMillis); i < times.length && times[i] == epochMillis; i++) {
            if (records[i].eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    private int nameId(String name) {
        Integer id = nameIndex.get(name);
        if (id == null) {
            id = names.size();
            nameIndex.put(name, id);
            names.add(name);
            if (id == nameCounts.length) {
                nameCounts = Arrays.copyOf(nameCounts, id * 2);
            }
        }
        nameCounts[id]++;
        return id;
    }

    int size() {
        return records.length;
    }

    Instant first() {
        return records.length == 0 ? null : records[0].time();
    }

    Instant last() {
        return records.length == 0 ? null : records[records.length - 1].time();
    }

    /** The event names, most frequent first (ties by name), at most {@code max}. */
    List<String> topNames(int max) {
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> nameCounts[a] != nameCounts[b] ? Integer.compare(nameCounts[b], nameCounts[a])
                : names.get(a).compareTo(names.get(b)));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, order.length); i++) {
            out.add(names.get(order[i]));
        }
        return out;
    }

    int distinctNames() {
        return names.size();
    }

    /** The first position whose time is at or after {@code epochMillis}. */
    int lowerBound(long epochMillis) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The records from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), newest first. */
    List<AuditRecord> between(long fromMillis, long toMillis) {
        int from = lowerBound(fromMillis);
        int to = lowerBound(toMillis);
        List<AuditRecord> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = to - 1; i >= from; i--) {
            out.add(records[i]);
        }
        return out;
    }

    /**
     * Counts the records of the buckets between {@code bounds} (epoch milliseconds, ascending), in
     * one pass over the records of that range.
     *
     * @param named the event names with a layer of their own (the rest go to the layer after them),
     *              or null to stack by outcome
     */
    TimelineBuckets bucket(long[] bounds, java.time.Duration width, List<String> named) {
        int n = bounds.length - 1;
        List<TimelineSeries> series = new ArrayList<>();
        int[] layerOfName = null;
        if (named != null) {
            layerOfName = new int[names.size()];
            Arrays.fill(layerOfName, named.size());
            for (int i = 0; i < named.size(); i++) {
                series.add(TimelineSeries.eventName(named.get(i)));
                Integer id = nameIndex.get(named.get(i));
                if (id != null) {
                    layerOfName[id] = i;
                }
            }
            if (names.size() > named.size()) {
                series.add(TimelineSeries.OTHER);
            }
        } else {
            series.add(TimelineSeries.SUCCESS);
            series.add(TimelineSeries.ERROR);
            series.add(TimelineSeries.ACCESS_DENIED);
        }
        int[][] counts = new int[series.size()][n];
        int[] errors = new int[n];
        int[] denied = new int[n];
        long endMillis = bounds[n];
        int b = 0;
        for (int i = lowerBound(bounds[0]); i < times.length && times[i] < endMillis; i++) {
            while (times[i] >= bounds[b + 1]) {
                b++;
            }
            byte outcome = outcomes[i];
            counts[layerOfName == null ? outcome : layerOfName[nameIds[i]]][b]++;
            if (outcome == ERROR) {
                errors[b]++;
            } else if (outcome == DENIED) {
                denied[b]++;
            }
        }
        return new TimelineBuckets(bounds, width, series, counts, errors, denied);
    }
}
