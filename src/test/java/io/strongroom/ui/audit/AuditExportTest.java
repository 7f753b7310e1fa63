package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exports' exact content: CSV with RFC 4180 quoting and formula guards, JSON Lines as returned. */
class AuditExportTest {

    /** A refused read whose error message has a comma, quotes and a line break, and whose user agent looks like a formula. */
    static final AuditRecord AWKWARD = new AuditRecord(Records.PAYMENTS, "ev-2", Instant.parse("2025-11-20T03:01:02Z"), "GetSecretValue",
            "secretsmanager.amazonaws.com", Records.USER, "IAMUser", "alice", "AKIAEXAMPLE000000002", "203.0.113.77",
            "=HYPERLINK(\"x\")", "AccessDeniedException", "User: alice is not authorized, \"deny\"\nin policy", true, "req-2",
            List.of(Records.STRIPE), "{\n  \"eventID\": \"ev-2\",\n  \"errorCode\": \"AccessDeniedException\"\n}");
    /** A service event with no caller, no resource and no CloudTrail record. */
    static final AuditRecord BARE = new AuditRecord(Records.PAYMENTS, "ev-3", Instant.parse("2025-11-20T03:00:00Z"), "RotationSucceeded",
            "secretsmanager.amazonaws.com", null, "AWSService", null, null, null, null, null, null, false, null, List.of(), null);

    @Test
    void csvHasTheTableColumnsThenTheIdsQuotedAsRfc4180() throws Exception {
        StringWriter out = new StringWriter();
        AuditExport.csv(out, List.of(Records.read("ev-1", "2025-11-20T03:04:05Z", Records.ROLE, Records.STRIPE), AWKWARD, BARE));

        assertEquals("time,account,account_id,region,principal,principal_arn,event,event_source,secret,secret_arn,source_ip,"
                + "user_agent,error_code,error_message,event_id,request_id,read_only\r\n"
                + "2025-11-20T03:04:05Z,payments-prod,111122223333,eu-west-1,ci-deployer/build-7," + Records.ROLE
                + ",GetSecretValue,secretsmanager.amazonaws.com,prod/payments/stripe-api-key," + Records.STRIPE
                + ",10.0.4.12,aws-sdk-java/2.59.1,,,ev-1,req-ev-1,true\r\n"
                + "2025-11-20T03:01:02Z,payments-prod,111122223333,eu-west-1,alice," + Records.USER
                + ",GetSecretValue,secretsmanager.amazonaws.com,prod/payments/stripe-api-key," + Records.STRIPE
                + ",203.0.113.77,\"'=HYPERLINK(\"\"x\"\")\",AccessDeniedException,"
                + "\"User: alice is not authorized, \"\"deny\"\"\nin policy\",ev-2,req-2,true\r\n"
                + "2025-11-20T03:00:00Z,payments-prod,111122223333,eu-west-1,secretsmanager.amazonaws.com,,RotationSucceeded,"
                + "secretsmanager.amazonaws.com,,,,,,,ev-3,,false\r\n",
                out.toString());
    }

    @Test
    void jsonLinesHasEachRecordAsReturnedOnOneLine() throws Exception {
        StringWriter out = new StringWriter();
        AuditExport.jsonLines(out, List.of(Records.read("ev-1", "2025-11-20T03:04:05Z", Records.ROLE, Records.STRIPE), AWKWARD, BARE));

        assertEquals("{\"eventID\":\"ev-1\",\"eventName\":\"GetSecretValue\"}\n"
                + "{\"eventID\":\"ev-2\",\"errorCode\":\"AccessDeniedException\"}\n"
                + "{\"eventID\":\"ev-3\",\"eventTime\":\"2025-11-20T03:00:00Z\",\"eventName\":\"RotationSucceeded\","
                + "\"eventSource\":\"secretsmanager.amazonaws.com\",\"awsRegion\":\"eu-west-1\",\"recipientAccountId\":\"111122223333\","
                + "\"userIdentity\":{\"type\":\"AWSService\",\"arn\":null,\"accessKeyId\":null,\"userName\":null},"
                + "\"sourceIPAddress\":null,\"userAgent\":null,\"requestID\":null,\"readOnly\":false,\"resources\":[]}\n",
                out.toString());
    }

    @Test
    void noEventsIsTheHeaderAloneOrNothing() throws Exception {
        StringWriter csv = new StringWriter();
        AuditExport.csv(csv, List.of());
        assertEquals(String.join(",", AuditExport.COLUMNS) + "\r\n", csv.toString());
        StringWriter jsonl = new StringWriter();
        AuditExport.jsonLines(jsonl, List.of());
        assertEquals("", jsonl.toString());
    }
}
