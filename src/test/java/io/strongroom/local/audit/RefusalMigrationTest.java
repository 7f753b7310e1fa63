package io.strongroom.local.audit;

import io.strongroom.local.NamedThreads;
import io.strongroom.local.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A store made by schema 1 kept refusals before authentication in the claimed key's account
 * trail. Opened by this build, those rows leave the trail for the unverified refusals, cut short;
 * the events of authenticated calls stay where they were.
 */
class RefusalMigrationTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dir;

    @Test
    void refusalsRecordedBySchemaOneMoveOutOfTheAccountsTrail() throws Exception {
        Path file = dir.resolve("strongroom.db");
        String hugeKeyId = "AKIA" + "Z".repeat(300 * 1024);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                for (String statement : schemaOne().split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA user_version=1");
            }
            insert(c, "accepted", "arn:aws:iam::" + ACCOUNT + ":user/admin", "AKIAADMIN", null, "aws-sdk-java/2");
            insert(c, "refused", null, hugeKeyId, "InvalidSignatureException", "evil".repeat(10_000));
        }

        io.strongroom.local.crypto.RootKey rootKey = io.strongroom.local.crypto.RootKey.loadOrCreate(dir.resolve("root.key"));
        try (Database db = Database.open(file, AuditMigration.steps(rootKey));
             AuditLog audit = new AuditLog(db, AuditChain.of(rootKey), new NamedThreads("migration-test"))) {
            List<AuditLog.StoredEvent> trail = audit.lookup(new AuditLog.Query(ACCOUNT, "us-east-1", null, null, null, null, 50, null)).events();
            assertEquals(List.of("accepted"), trail.stream().map(e -> e.event().eventId()).toList());

            List<UnverifiedRefusal> refusals = audit.unverifiedRefusals(10);
            assertEquals(1, refusals.size());
            UnverifiedRefusal moved = refusals.get(0);
            assertEquals("request-refused", moved.requestId());
            assertEquals("InvalidSignatureException", moved.errorCode());
            assertEquals(ACCOUNT, moved.claimedKeyAccountId());
            assertEquals(128, moved.claimedAccessKeyId().length());
            assertEquals(256, moved.userAgent().length());
            assertNotNull(moved.time());
        }
    }

    private static void insert(Connection c, String id, String principalArn, String keyId, String errorCode, String userAgent) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events(event_id, account_id, region, event_time, event_name,"
                + " event_source, principal_arn, access_key_id, read_only, error_code, error_message, source_ip, user_agent, request_id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, ACCOUNT);
            ps.setString(3, "us-east-1");
            ps.setLong(4, Instant.now().toEpochMilli());
            ps.setString(5, "PutSecretValue");
            ps.setString(6, "secretsmanager.amazonaws.com");
            ps.setString(7, principalArn);
            ps.setString(8, keyId);
            ps.setInt(9, 0);
            ps.setString(10, errorCode);
            ps.setString(11, errorCode == null ? null : "The request signature we calculated does not match");
            ps.setString(12, "127.0.0.1");
            ps.setString(13, userAgent);
            ps.setString(14, "request-" + id);
            ps.executeUpdate();
        }
    }

    private static String schemaOne() throws IOException {
        try (InputStream in = Database.class.getResourceAsStream("V1.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
