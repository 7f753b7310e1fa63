package io.strongroom.service.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail's LookupEvents events as {@link AuditRecord}s: the event's own fields, completed from its record JSON. */
final class AuditRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditRecords() {}

    /** The events of one LookupEvents page, with what the cache needs to match them to a lookup attribute. */
    static List<CachedEvent> cached(Scope scope, List<Event> events) {
        List<CachedEvent> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(new CachedEvent(of(scope, e), resourceTypes(e)));
        }
        return out;
    }

    private static List<String> resourceTypes(Event e) {
        if (!e.hasResources() || e.resources().isEmpty()) {
            return List.of();
        }
        List<String> types = new ArrayList<>(e.resources().size());
        for (Resource r : e.resources()) {
            if (r.resourceType() != null) {
                // a handful of distinct types over every event: share them
                types.add(r.resourceType().intern());
            }
        }
        return List.copyOf(types);
    }

    static AuditRecord of(Scope scope, Event e) {
        JsonNode record = null;
        if (e.cloudTrailEvent() != null) {
            try {
                record = JSON.readTree(e.cloudTrailEvent());
            } catch (IOException notJson) {
                // the event's own fields still say most of it
            }
        }
        JsonNode identity = record == null ? null : record.get("userIdentity");
        List<String> resources = new ArrayList<>();
        if (e.hasResources()) {
            for (Resource r : e.resources()) {
                if (r.resourceName() != null) {
                    resources.add(r.resourceName().intern());
                }
            }
        }
        Instant time = e.eventTime() != null ? e.eventTime() : Instant.EPOCH;
        String type = text(identity, "type") != null ? text(identity, "type")
                : identity != null && identity.has("invokedBy") ? "AWSService" : null;
        // Who, from where and with what: the same few values over thousands of events, so the
        // cache holds each once (a record's own JSON and IDs are its only unshared text)
        return new AuditRecord(scope, e.eventId() != null ? e.eventId() : "", time, shared(e.eventName() != null ? e.eventName() : ""),
                shared(e.eventSource()), shared(text(identity, "arn")), shared(type), shared(e.username()),
                shared(e.accessKeyId() != null ? e.accessKeyId() : text(identity, "accessKeyId")),
                shared(text(record, "sourceIPAddress")), shared(text(record, "userAgent")), shared(text(record, "errorCode")),
                text(record, "errorMessage"), "true".equals(e.readOnly()), text(record, "requestID"), resources, e.cloudTrailEvent());
    }

    private static String shared(String s) {
        return s == null ? null : s.intern();
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
