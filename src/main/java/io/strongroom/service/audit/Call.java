package io.strongroom.service.audit;

import io.strongroom.domain.AuditRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One event as the anomaly rules look at it, with what they ask of it worked out once: when (in
 * epoch milliseconds), which secrets it names, whether it read a value, succeeded or was refused.
 */
final class Call {

    private static final String[] NONE = new String[0];

    /** Oldest first; ties broken by event ID and scope, so the input's order never matters. */
    static final Comparator<Call> OLDEST_FIRST = Comparator.<Call>comparingLong(c -> c.millis)
            .thenComparing(c -> c.record.eventId())
            .thenComparing(c -> c.record.scope().id());

    /**
     * The records of the window as calls, oldest first. Sorted by time packed with the position
     * in one long (a sort of primitives, some ten times faster than of objects), then by the full
     * order among events of the same millisecond.
     */
    static List<Call> oldestFirst(List<AuditRecord> records, Instant windowStart, Instant windowEnd) {
        long from = windowStart.toEpochMilli();
        long to = windowEnd.toEpochMilli();
        Call[] calls = new Call[records.size()];
        int n = 0;
        for (AuditRecord r : records) {
            long t = r.time().toEpochMilli();
            if (t >= from && t <= to) {
                calls[n++] = new Call(r);
            }
        }
        // times relative to the window's start, so any window shorter than 69 years fits
        if (n >= 1 << POSITION_BITS || to - from >= 1L << (63 - POSITION_BITS)) {
            List<Call> sorted = new ArrayList<>(Arrays.asList(calls).subList(0, n));
            sorted.sort(OLDEST_FIRST);
            return sorted;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (calls[i].millis - from) << POSITION_BITS | i;
        }
        Arrays.sort(keys);
        List<Call> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            long millis = keys[i] >>> POSITION_BITS;
            while (j < n && keys[j] >>> POSITION_BITS == millis) {
                j++;
            }
            int first = sorted.size();
            for (int k = i; k < j; k++) {
                sorted.add(calls[(int) (keys[k] & POSITION_MASK)]);
            }
            if (j - i > 1) {
                sorted.subList(first, sorted.size()).sort(OLDEST_FIRST);
            }
            i = j;
        }
        return sorted;
    }

    private static final int POSITION_BITS = 22;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

    final AuditRecord record;
    final long millis;
    final String[] secrets;
    /** GetSecretValue or BatchGetSecretValue, refused or not. */
    final boolean valueRead;
    /** A value read that succeeded. */
    final boolean read;
    final boolean denied;

    Call(AuditRecord record) {
        this.record = record;
        this.millis = record.time().toEpochMilli();
        List<String> arns = record.secretArns();
        this.secrets = arns.isEmpty() ? NONE : arns.toArray(NONE);
        this.valueRead = record.valueRead();
        this.read = valueRead && !record.failed();
        this.denied = record.accessDenied();
    }

    long second() {
        return Math.floorDiv(millis, 1000L);
    }

    boolean named(String eventName) {
        return record.eventName().equals(eventName);
    }
}
