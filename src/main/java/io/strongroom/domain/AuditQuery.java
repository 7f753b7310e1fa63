package io.strongroom.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What to look up in CloudTrail in every chosen scope: a time range (both ends inclusive, at
 * CloudTrail's one-second precision) and at most one lookup attribute, as LookupEvents allows.
 *
 * @param attribute the attribute to match, or null for every event of the range
 * @param value     the attribute's value (ignored when {@code attribute} is null)
 */
public record AuditQuery(Instant start, Instant end, Attribute attribute, String value) {

    /** LookupEvents' attribute keys, with their wire names. */
    public enum Attribute {
        EVENT_ID("EventId"), EVENT_NAME("EventName"), READ_ONLY("ReadOnly"), USERNAME("Username"),
        RESOURCE_TYPE("ResourceType"), RESOURCE_NAME("ResourceName"), EVENT_SOURCE("EventSource"), ACCESS_KEY_ID("AccessKeyId");

        private final String wireName;

        Attribute(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public AuditQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the end " + end + " is before the start " + start);
        }
        if (attribute != null) {
            Objects.requireNonNull(value, "value");
        } else {
            value = null;
        }
    }

    /** Every event from {@code start} to {@code end}. */
    public static AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(start, end, null, null);
    }

    /** The events of one resource (a secret's ARN) from {@code start} to {@code end}. */
    public static AuditQuery ofResource(String arn, Instant start, Instant end) {
        return new AuditQuery(start, end, Attribute.RESOURCE_NAME, arn);
    }

    public AuditQuery withAttribute(Attribute attribute, String value) {
        return new AuditQuery(start, end, attribute, value);
    }
}
