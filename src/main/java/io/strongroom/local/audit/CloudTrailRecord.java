package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes and reads the CloudTrail record JSON (the {@code CloudTrailEvent} string of LookupEvents). */
final class CloudTrailRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailRecord() {}

    static String toJson(AuditEvent e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("eventVersion", "1.08");
        ObjectNode identity = root.putObject("userIdentity");
        if (e.principalArn() != null) {
            identity.put("type", "IAMUser");
            identity.put("principalId", e.principalId());
            identity.put("arn", e.principalArn());
            identity.put("accountId", e.accountId());
            identity.put("accessKeyId", e.accessKeyId());
            identity.put("userName", e.userName());
        } else {
            // A refused call: the key named its owner's account, but no principal was proven.
            identity.put("type", "Unknown");
            if (e.accountId() != null) {
                identity.put("accountId", e.accountId());
            }
            if (e.accessKeyId() != null) {
                identity.put("accessKeyId", e.accessKeyId());
            }
        }
        root.put("eventTime", e.eventTime().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("eventSource", e.eventSource());
        root.put("eventName", e.eventName());
        root.put("awsRegion", e.region());
        root.put("sourceIPAddress", e.sourceIp());
        root.put("userAgent", e.userAgent());
        if (e.errorCode() != null) {
            root.put("errorCode", e.errorCode());
            root.put("errorMessage", e.errorMessage());
        }
        if (e.requestParameters() != null) {
            try {
                root.set("requestParameters", JSON.readTree(e.requestParameters()));
            } catch (IOException ex) {
                root.putNull("requestParameters");
            }
        } else {
            root.putNull("requestParameters");
        }
        root.putNull("responseElements");
        root.put("requestID", e.requestId());
        root.put("eventID", e.eventId());
        root.put("readOnly", e.readOnly());
        root.put("eventType", "AwsApiCall");
        root.put("managementEvent", true);
        if (e.accountId() != null) {
            root.put("recipientAccountId", e.accountId());
        }
        root.put("eventCategory", "Management");
        return root.toString();
    }

    static AuditEvent fromJson(String json, String resourcesJson) {
        try {
            JsonNode n = JSON.readTree(json);
            JsonNode id = n.path("userIdentity");
            JsonNode params = n.get("requestParameters");
            return new AuditEvent(
                    n.path("eventID").asText(),
                    text(n, "recipientAccountId"),
                    text(n, "awsRegion"),
                    Instant.parse(n.path("eventTime").asText()),
                    n.path("eventName").asText(),
                    n.path("eventSource").asText(),
                    text(id, "userName"),
                    text(id, "arn"),
                    text(id, "principalId"),
                    text(id, "accessKeyId"),
                    n.path("readOnly").asBoolean(),
                    text(n, "errorCode"),
                    text(n, "errorMessage"),
                    text(n, "sourceIPAddress"),
                    text(n, "userAgent"),
                    text(n, "requestID"),
                    params == null || params.isNull() ? null : params.toString(),
                    AuditLog.parseResources(resourcesJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
