package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;

import java.util.Collection;

/** How many events each quick filter shows: for the counts beside the filters. */
public record EventCounts(int all, int errors, int accessDenied, int valueReads) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0, 0);

    public static EventCounts of(Collection<AuditRecord> records) {
        return NONE.plus(records);
    }

    /** These counts with {@code records} counted too. */
    public EventCounts plus(Collection<AuditRecord> records) {
        int a = all;
        int e = errors;
        int d = accessDenied;
        int v = valueReads;
        for (AuditRecord r : records) {
            a++;
            e += r.failed() ? 1 : 0;
            d += r.accessDenied() ? 1 : 0;
            v += r.valueRead() ? 1 : 0;
        }
        return new EventCounts(a, e, d, v);
    }

    public int of(EventFilter filter) {
        return switch (filter) {
            case ALL -> all;
            case ERRORS -> errors;
            case ACCESS_DENIED -> accessDenied;
            case VALUE_READS -> valueReads;
        };
    }
}
