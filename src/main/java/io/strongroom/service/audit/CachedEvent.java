package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;

import java.util.List;
import java.util.Locale;

/**
 * One event as the cache keeps it: the record, the second CloudTrail reports it at, and its
 * resources' types, which {@link AuditRecord} does not carry but LookupEvents' {@code ResourceType}
 * attribute matches on. With them every lookup attribute can be matched on a cached event, so a
 * cached look at every event of a range answers a look at some of them.
 */
record CachedEvent(AuditRecord record, long second, List<String> resourceTypes) {

    CachedEvent(AuditRecord record, List<String> resourceTypes) {
        this(record, Math.floorDiv(record.time().toEpochMilli(), 1000L), resourceTypes);
    }

    /** Whether LookupEvents would return this event for {@code attribute = value}. */
    boolean matches(AuditQuery.Attribute attribute, String value) {
        if (attribute == null) {
            return true;
        }
        AuditRecord r = record;
        return switch (attribute) {
            case EVENT_ID -> value.equals(r.eventId());
            case EVENT_NAME -> value.equals(r.eventName());
            case READ_ONLY -> r.readOnly() == "true".equals(value.toLowerCase(Locale.ROOT));
            case USERNAME -> value.equals(r.userName());
            case RESOURCE_TYPE -> resourceTypes.contains(value);
            case RESOURCE_NAME -> r.resourceArns().contains(value);
            case EVENT_SOURCE -> value.equals(r.eventSource());
            case ACCESS_KEY_ID -> value.equals(r.accessKeyId());
        };
    }
}
