package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes and reads the CloudTrail record JSON (the {@code CloudTrailEvent} string of LookupEvents). */
final class CloudTrailRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailRecord() {}

    /**
     * The record, written with a streaming generator: the writer thread does this for every
     * call, so no tree is built and the request parameters (already JSON) are copied as they are.
     */
    static String toJson(AuditEvent e) {
        java.io.StringWriter out = new java.io.StringWriter(768);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            write(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void write(com.fasterxml.jackson.core.JsonGenerator g, AuditEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", "1.08");
        if (e.isServiceEvent()) {
            writeServiceEvent(g, e);
            g.writeEndObject();
            return;
        }
        g.writeObjectFieldStart("userIdentity");
        if (e.principalArn() != null) {
            g.writeStringField("type", "IAMUser");
            g.writeStringField("principalId", e.principalId());
            g.writeStringField("arn", e.principalArn());
            g.writeStringField("accountId", e.accountId());
            g.writeStringField("accessKeyId", e.accessKeyId());
            g.writeStringField("userName", e.userName());
        } else {
            // A refused call: the key named its owner's account, but no principal was proven.
            g.writeStringField("type", "Unknown");
            if (e.accountId() != null) {
                g.writeStringField("accountId", e.accountId());
            }
            if (e.accessKeyId() != null) {
                g.writeStringField("accessKeyId", e.accessKeyId());
            }
        }
        g.writeEndObject();
        writeWhenWhereFrom(g, e);
        if (e.errorCode() != null) {
            g.writeStringField("errorCode", e.errorCode());
            g.writeStringField("errorMessage", e.errorMessage());
        }
        g.writeFieldName("requestParameters");
        if (e.requestParameters() != null) {
            g.writeRawValue(e.requestParameters());     // produced by JsonCodec.auditJson: valid JSON by construction
        } else {
            g.writeNull();
        }
        g.writeNullField("responseElements");
        g.writeStringField("requestID", e.requestId());
        g.writeStringField("eventID", e.eventId());
        g.writeBooleanField("readOnly", e.readOnly());
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", true);
        if (e.accountId() != null) {
            g.writeStringField("recipientAccountId", e.accountId());
        }
        g.writeStringField("eventCategory", "Management");
        g.writeEndObject();
    }

    /** The members every record has between its identity and its parameters: when, what, where, from where. */
    private static void writeWhenWhereFrom(com.fasterxml.jackson.core.JsonGenerator g, AuditEvent e) throws IOException {
        g.writeStringField("eventTime", e.eventTime().truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeStringField("eventSource", e.eventSource());
        g.writeStringField("eventName", e.eventName());
        g.writeStringField("awsRegion", e.region());
        g.writeStringField("sourceIPAddress", e.sourceIp());
        g.writeStringField("userAgent", e.userAgent());
    }

    /**
     * A service event as CloudTrail records one: the account and the service that invoked it as the
     * identity, no request or response, the event's own data under {@code additionalEventData}.
     */
    private static void writeServiceEvent(com.fasterxml.jackson.core.JsonGenerator g, AuditEvent e) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("accountId", e.accountId());
        g.writeStringField("invokedBy", e.eventSource());
        g.writeEndObject();
        writeWhenWhereFrom(g, e);
        if (e.errorMessage() != null) {
            g.writeStringField("errorMessage", e.errorMessage());
        }
        g.writeNullField("requestParameters");
        g.writeNullField("responseElements");
        if (e.requestParameters() != null) {
            g.writeFieldName("additionalEventData");
            g.writeRawValue(e.requestParameters());
        }
        if (e.requestId() != null) {
            g.writeStringField("requestID", e.requestId());
        }
        g.writeStringField("eventID", e.eventId());
        g.writeBooleanField("readOnly", false);
        if (!e.resources().isEmpty()) {
            g.writeArrayFieldStart("resources");
            for (AuditEvent.Resource r : e.resources()) {
                g.writeStartObject();
                g.writeStringField("accountId", e.accountId());
                g.writeStringField("type", r.type());
                g.writeStringField("ARN", r.name());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("eventType", "AwsServiceEvent");
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", e.accountId());
        g.writeStringField("eventCategory", "Management");
    }

}
