package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** LookupEvents the way a client would call it, for tests. */
final class Lookups {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lookups() {}

    /** Every event with {@code key = value}, following NextTokens to the end, newest first. */
    static List<Event> all(CloudTrailClient client, LookupAttributeKey key, String value) {
        return client.lookupEventsPaginator(LookupEventsRequest.builder()
                        .lookupAttributes(attribute(key, value))
                        .build())
                .events().stream().toList();
    }

    static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    /** For keys the SDK's enum does not know. */
    static LookupAttribute attribute(String key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    static List<Event> byName(CloudTrailClient client, String eventName) {
        return all(client, LookupAttributeKey.EVENT_NAME, eventName);
    }

    /** The single event named {@code eventName}; fails when there is not exactly one. */
    static Event only(CloudTrailClient client, String eventName) {
        List<Event> events = byName(client, eventName);
        if (events.size() != 1) {
            throw new AssertionError("expected one " + eventName + " event, found " + events.size());
        }
        return events.get(0);
    }

    /** The CloudTrail record of an event, parsed. */
    static JsonNode record(Event event) {
        return json(event.cloudTrailEvent());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
