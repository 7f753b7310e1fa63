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
        writeUserIdentity(g, e);
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
        g.writeFieldName("responseElements");
        if (e.responseElements() != null) {
            g.writeRawValue(e.responseElements());      // produced by the pipeline from an allow-list of members: valid JSON
        } else {
            g.writeNull();
        }
        g.writeStringField("requestID", e.requestId());
        g.writeStringField("eventID", e.eventId());
        g.writeBooleanField("readOnly", e.readOnly());
        writeResources(g, e);
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", true);
        if (e.accountId() != null) {
            g.writeStringField("recipientAccountId", e.accountId());
        }
        g.writeStringField("eventCategory", "Management");
        g.writeEndObject();
    }

    /**
     * {@code userIdentity} as CloudTrail writes it for each identity type: a user's name and ID; a
     * role session's ID ({@code AROA…:session}) and its {@code sessionContext} (the role as
     * {@code sessionIssuer}, when and whether with MFA the credentials were issued); the root
     * user's account as its principal ID; only what was claimed for a caller no signature proved.
     */
    private static void writeUserIdentity(com.fasterxml.jackson.core.JsonGenerator g, AuditEvent e) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        String type = e.identityType() != null ? e.identityType() : e.principalArn() != null ? AuditEvent.IAM_USER : AuditEvent.UNKNOWN;
        if (e.principalArn() == null || AuditEvent.UNKNOWN.equals(type)) {
            // A call no signature proved: the key named its owner's account, but no principal was proven.
            g.writeStringField("type", AuditEvent.UNKNOWN);
            if (e.accountId() != null) {
                g.writeStringField("accountId", e.accountId());
            }
            if (e.accessKeyId() != null) {
                g.writeStringField("accessKeyId", e.accessKeyId());
            }
            g.writeEndObject();
            return;
        }
        g.writeStringField("type", type);
        g.writeStringField("principalId", AuditEvent.ROOT.equals(type) && e.principalId() == null ? e.accountId() : e.principalId());
        g.writeStringField("arn", e.principalArn());
        g.writeStringField("accountId", e.accountId());
        if (e.accessKeyId() != null) {
            g.writeStringField("accessKeyId", e.accessKeyId());
        }
        if (AuditEvent.IAM_USER.equals(type) || AuditEvent.FEDERATED_USER.equals(type)) {
            g.writeStringField("userName", e.userName());
        }
        boolean role = AuditEvent.ASSUMED_ROLE.equals(type);
        if (role || e.sessionCreated() != null) {
            g.writeObjectFieldStart("sessionContext");
            String issuer = e.sessionIssuerArn() != null ? e.sessionIssuerArn() : AuditEvent.roleOfSession(e.principalArn());
            if (role && issuer != null) {
                g.writeObjectFieldStart("sessionIssuer");
                g.writeStringField("type", "Role");
                String id = e.principalId();
                g.writeStringField("principalId", id == null ? null : id.contains(":") ? id.substring(0, id.indexOf(':')) : id);
                g.writeStringField("arn", issuer);
                g.writeStringField("accountId", e.accountId());
                g.writeStringField("userName", issuer.substring(issuer.lastIndexOf('/') + 1));
                g.writeEndObject();
                g.writeObjectFieldStart("webIdFederationData");
                g.writeEndObject();
            }
            if (e.sessionCreated() != null || e.sessionMfa() != null) {
                g.writeObjectFieldStart("attributes");
                if (e.sessionCreated() != null) {
                    g.writeStringField("creationDate", e.sessionCreated().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                if (e.sessionMfa() != null) {
                    g.writeStringField("mfaAuthenticated", Boolean.toString(e.sessionMfa()));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** CloudTrail's {@code resources}: each with the account, the type and the ARN; left out when the event names none. */
    private static void writeResources(com.fasterxml.jackson.core.JsonGenerator g, AuditEvent e) throws IOException {
        if (e.resources().isEmpty()) {
            return;
        }
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
        writeResources(g, e);
        g.writeStringField("eventType", "AwsServiceEvent");
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", e.accountId());
        g.writeStringField("eventCategory", "Management");
    }

}
