package io.strongroom.ui.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.strongroom.domain.AuditRecord;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * The events as CSV or JSON Lines. CSV has the table's columns (the exact UTC time, the account's
 * alias and ID, the principal short and in full, the secret's name and ARN…) plus the event ID,
 * the request ID and whether the call was read-only, quoted as RFC 4180 has it, with a leading
 * quote on a cell a spreadsheet would run as a formula. JSON Lines is each event's CloudTrail
 * record as LookupEvents returned it, one a line. Neither holds a secret value: CloudTrail records none.
 */
public final class AuditExport {

    public static final List<String> COLUMNS = List.of("time", "account", "account_id", "region", "principal", "principal_arn",
            "event", "event_source", "secret", "secret_arn", "source_ip", "user_agent", "error_code", "error_message",
            "event_id", "request_id", "read_only");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {}

    public static void csv(Writer out, List<AuditRecord> records) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (AuditRecord r : records) {
            String secret = AuditText.secretOf(r);
            String[] cells = {r.time().toString(), nz(r.scope().accountAlias()), nz(r.scope().accountId()), r.scope().region(),
                    AuditText.shortPrincipal(r), nz(r.principalArn()), r.eventName(), nz(r.eventSource()), AuditText.secretName(secret),
                    nz(secret), nz(r.sourceIp()), nz(r.userAgent()), nz(r.errorCode()), nz(r.errorMessage()), r.eventId(),
                    nz(r.requestId()), Boolean.toString(r.readOnly())};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(csvCell(cells[i]));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /** One CloudTrail record a line, as returned (made one line if it came on several; built from the event's fields if it had none). */
    public static void jsonLines(Writer out, List<AuditRecord> records) throws IOException {
        for (AuditRecord r : records) {
            String json = r.cloudTrailJson();
            if (json == null || json.isBlank()) {
                json = synthesized(r);
            } else if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
                JsonNode tree = JSON.readTree(json);
                json = JSON.writeValueAsString(tree);
            }
            out.write(json);
            out.write('\n');
        }
        out.flush();
    }

    /** RFC 4180 quoting, and a leading quote on a cell a spreadsheet would run as a formula. */
    static String csvCell(String v) {
        String safe = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** What the event's own fields say, in CloudTrail's names, for an event that came without its record. */
    private static String synthesized(AuditRecord r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("eventID", r.eventId());
            g.writeStringField("eventTime", r.time().toString());
            g.writeStringField("eventName", r.eventName());
            g.writeStringField("eventSource", r.eventSource());
            g.writeStringField("awsRegion", r.scope().region());
            g.writeStringField("recipientAccountId", r.scope().accountId());
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("type", r.principalType());
            g.writeStringField("arn", r.principalArn());
            g.writeStringField("accessKeyId", r.accessKeyId());
            g.writeStringField("userName", r.userName());
            g.writeEndObject();
            g.writeStringField("sourceIPAddress", r.sourceIp());
            g.writeStringField("userAgent", r.userAgent());
            if (r.errorCode() != null) {
                g.writeStringField("errorCode", r.errorCode());
            }
            if (r.errorMessage() != null) {
                g.writeStringField("errorMessage", r.errorMessage());
            }
            g.writeStringField("requestID", r.requestId());
            g.writeBooleanField("readOnly", r.readOnly());
            g.writeArrayFieldStart("resources");
            for (String arn : r.resourceArns()) {
                g.writeStartObject();
                g.writeStringField("ARN", arn);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
