package io.strongroom.local.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements that take no bind parameters (CREATE ROLE, ALTER ROLE, GRANT) run with untrusted
 * text quoted by the server: the template is a {@code format()} string, {@code %I} quotes an
 * identifier and {@code %L} a literal, so a user name or password is never spliced into SQL here.
 */
public final class QuotedSql {

    private QuotedSql() {}

    /** Runs {@code template} with {@code args} put in by the server's {@code format()}. */
    public static void execute(Connection c, String template, String... args) throws SQLException {
        String sql;
        try (PreparedStatement format = c.prepareStatement("SELECT format(?" + ", ?::text".repeat(args.length) + ")")) {
            format.setString(1, template);
            for (int i = 0; i < args.length; i++) {
                format.setString(i + 2, args[i]);
            }
            try (ResultSet rs = format.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
