package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;

/** A database as schema 4 left it (before the chain), with events: what a store upgraded to schema 5 starts from. */
final class MigrationFixture {

    private MigrationFixture() {}

    /** Schema 1 to 4 applied by their scripts, and {@code events} events of an assumed-role session, old-1 to old-N. */
    static void schemaFourWithEvents(Path file, String account, int events) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int version = 1; version <= 4; version++) {
                for (String statement : script(version).split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("PRAGMA user_version=4");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events(event_id, account_id, region, event_time, event_name,"
                    + " event_source, username, principal_arn, principal_id, access_key_id, read_only, source_ip, user_agent, request_id,"
                    + " resource_type, resource_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= events; i++) {
                    ps.setString(1, "old-" + i);
                    ps.setString(2, account);
                    ps.setString(3, "us-east-1");
                    ps.setLong(4, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i).toEpochMilli());
                    ps.setString(5, "GetSecretValue");
                    ps.setString(6, "secretsmanager.amazonaws.com");
                    ps.setString(7, "session");
                    ps.setString(8, "arn:aws:sts::" + account + ":assumed-role/app/session");
                    ps.setString(9, "AROAEXAMPLE:session");
                    ps.setString(10, "ASIAEXAMPLE");
                    ps.setInt(11, 1);
                    ps.setString(12, "10.0.0.1");
                    ps.setString(13, "aws-sdk-java/2");
                    ps.setString(14, "request-" + i);
                    ps.setString(15, "AWS::SecretsManager::Secret");
                    ps.setString(16, "arn:aws:secretsmanager:us-east-1:" + account + ":secret:s-" + i);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String script(int version) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream("V" + version + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
