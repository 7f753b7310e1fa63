package io.strongroom.local.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Upper bounds on what the audit trail stores of anything a client chose. Whatever a request
 * carries (up to a 1 MiB body, headers as large as the HTTP server lets through), a stored event
 * or refusal stays small: longer values are cut, never kept whole.
 */
final class FieldCaps {

    // Events of authenticated calls.
    static final int EVENT_NAME = 128;
    static final int REGION = 32;
    static final int USER_AGENT = 512;
    static final int ACCESS_KEY_ID = 128;
    static final int SOURCE_IP = 64;
    static final int ERROR_MESSAGE = 2048;
    static final int RESOURCE_NAME = 2048;
    static final int RESOURCES = 100;
    /**
     * Request parameters up to this many characters are stored as they are: room for the largest
     * documents the APIs accept (a 32 KB KMS key policy, a 20 KB resource policy). Larger ones,
     * which only requests the handler is about to refuse can produce, have every string value cut to
     * {@link #PARAMETER_STRING} characters and arrays to {@link #PARAMETER_ARRAY} elements.
     */
    static final int REQUEST_PARAMETERS = 64 * 1024;
    static final int PARAMETER_STRING = 1024;
    static final int PARAMETER_ARRAY = 100;

    // Refusals before authentication: all of it is the sender's say-so.
    static final int REFUSAL_ACCESS_KEY_ID = 128;
    static final int REFUSAL_USER_AGENT = 256;
    static final int REFUSAL_REGION = 32;
    static final int REFUSAL_EVENT_NAME = 128;
    static final int REFUSAL_MESSAGE = 512;
    static final int REFUSAL_SHORT = 128;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldCaps() {}

    /** {@code s} cut to at most {@code max} characters, never between the halves of a surrogate pair. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code e} with every field within its cap; {@code e} itself when it already is. */
    static AuditEvent event(AuditEvent e) {
        String parameters = parameters(e.requestParameters());
        List<AuditEvent.Resource> resources = resources(e.resources());
        if (parameters == e.requestParameters() && resources == e.resources()
                && within(e.eventName(), EVENT_NAME) && within(e.region(), REGION) && within(e.userAgent(), USER_AGENT)
                && within(e.accessKeyId(), ACCESS_KEY_ID) && within(e.sourceIp(), SOURCE_IP)
                && within(e.errorMessage(), ERROR_MESSAGE)) {
            return e;
        }
        return new AuditEvent(e.eventId(), e.accountId(), cut(e.region(), REGION), e.eventTime(), cut(e.eventName(), EVENT_NAME),
                e.eventSource(), e.userName(), e.principalArn(), e.principalId(), cut(e.accessKeyId(), ACCESS_KEY_ID), e.readOnly(),
                e.errorCode(), cut(e.errorMessage(), ERROR_MESSAGE), cut(e.sourceIp(), SOURCE_IP), cut(e.userAgent(), USER_AGENT),
                e.requestId(), parameters, resources, e.identityType(), e.sessionIssuerArn(), e.sessionCreated(), e.sessionMfa(),
                e.responseElements());
    }

    private static boolean within(String s, int max) {
        return s == null || s.length() <= max;
    }

    private static List<AuditEvent.Resource> resources(List<AuditEvent.Resource> resources) {
        boolean fits = resources.size() <= RESOURCES;
        for (int i = 0; fits && i < resources.size(); i++) {
            fits = within(resources.get(i).name(), RESOURCE_NAME) && within(resources.get(i).type(), RESOURCE_NAME);
        }
        if (fits) {
            return resources;
        }
        List<AuditEvent.Resource> capped = new ArrayList<>(Math.min(resources.size(), RESOURCES));
        for (AuditEvent.Resource r : resources.subList(0, Math.min(resources.size(), RESOURCES))) {
            capped.add(new AuditEvent.Resource(cut(r.type(), RESOURCE_NAME), cut(r.name(), RESOURCE_NAME)));
        }
        return capped;
    }

    /**
     * The request parameters JSON within {@link #REQUEST_PARAMETERS}: as it is when it fits,
     * otherwise with long strings and long arrays cut (still valid JSON of the same shape), and
     * {@code null} if even that does not fit or it cannot be read.
     */
    static String parameters(String json) {
        if (json == null || json.length() <= REQUEST_PARAMETERS) {
            return json;
        }
        try {
            JsonNode shrunk = shrink(JSON.readTree(json));
            String out = JSON.writeValueAsString(shrunk);
            return out.length() <= REQUEST_PARAMETERS ? out : null;
        } catch (JsonProcessingException | StackOverflowError unreadable) {
            return null;
        }
    }

    private static JsonNode shrink(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= PARAMETER_STRING ? node : TextNode.valueOf(cut(text, PARAMETER_STRING));
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < array.size() && i < PARAMETER_ARRAY; i++) {
                out.add(shrink(array.get(i)));
            }
            return out;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(cut(field.getKey(), PARAMETER_STRING), shrink(field.getValue()));
            }
            return out;
        }
        return node;
    }
}
