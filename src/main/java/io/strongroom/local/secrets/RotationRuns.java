package io.strongroom.local.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strongroom.local.storage.Columns.instant;
import static io.strongroom.local.storage.Columns.setInstant;

/** The {@code rotation_runs} table: one row per attempt of the four steps on a secret, by token. */
final class RotationRuns {

    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String ABANDONED = "abandoned";

    /** One attempt; {@code step} is the step running, or the one that failed. */
    record Run(String secretArn, String token, String functionArn, Instant startedAt, Instant endedAt, String outcome,
               String step, String message) {

        boolean running() {
            return RUNNING.equals(outcome);
        }
    }

    private RotationRuns() {}

    /** Starts a run for the token, or starts it again when an earlier attempt under that token ended. */
    static void begin(Connection c, String arn, String token, String functionArn, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO rotation_runs(secret_arn, token, function_arn, started_at, ended_at, outcome, step, message)
                VALUES (?, ?, ?, ?, NULL, 'running', NULL, NULL)
                ON CONFLICT(secret_arn, token) DO UPDATE SET function_arn=excluded.function_arn, started_at=excluded.started_at,
                    ended_at=NULL, outcome='running', step=NULL, message=NULL""")) {
            ps.setString(1, arn);
            ps.setString(2, token);
            ps.setString(3, functionArn);
            setInstant(ps, 4, now);
            ps.executeUpdate();
        }
    }

    static void step(Connection c, String arn, String token, String step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE rotation_runs SET step=? WHERE secret_arn=? AND token=?")) {
            ps.setString(1, step);
            ps.setString(2, arn);
            ps.setString(3, token);
            ps.executeUpdate();
        }
    }

    static void end(Connection c, String arn, String token, String outcome, String message, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE rotation_runs SET outcome=?, message=?, ended_at=? WHERE secret_arn=? AND token=?")) {
            ps.setString(1, outcome);
            ps.setString(2, message);
            setInstant(ps, 3, now);
            ps.setString(4, arn);
            ps.setString(5, token);
            ps.executeUpdate();
        }
    }

    static Optional<Run> get(Connection c, String arn, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE secret_arn=? AND token=?")) {
            ps.setString(1, arn);
            ps.setString(2, token);
            List<Run> runs = read(ps);
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
        }
    }

    /** The secret's run marked running, if any. */
    static Optional<Run> runningFor(Connection c, String arn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE secret_arn=? AND outcome='running'")) {
            ps.setString(1, arn);
            List<Run> runs = read(ps);
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
        }
    }

    /** Runs still marked running: after a restart, the ones the store stopped in the middle of. */
    static List<Run> running(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE outcome='running'")) {
            return read(ps);
        }
    }

    private static final String SELECT =
            "SELECT secret_arn, token, function_arn, started_at, ended_at, outcome, step, message FROM rotation_runs";

    private static List<Run> read(PreparedStatement ps) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Run(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** Secrets with rotation on whose next rotation is due at {@code now}, not scheduled for deletion. */
    static List<String> due(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT arn FROM secrets WHERE rotation_enabled = 1 "
                + "AND next_rotation_at IS NOT NULL AND next_rotation_at <= ? AND deletion_at IS NULL")) {
            ps.setLong(1, now.toEpochMilli());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
