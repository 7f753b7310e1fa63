package io.strongroom.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.SecretPayload;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Tests a PostgreSQL login with a secret's value, before an operator promotes it: a JSON object
 * in the shape AWS's RDS rotation templates use ({@code host}, {@code port} default 5432,
 * {@code username}, {@code password}, {@code dbname} default {@code postgres}), logged in with
 * JDBC and proved with {@code SELECT 1}. Every wait (connect, login, the query) is bounded by
 * {@link #TIMEOUT}.
 *
 * <p>This is the one place the console itself reaches a database rather than an AWS API: the
 * operator's machine talks to the target directly, as the operator would with {@code psql}. A
 * {@link Result}'s message names the server, database and user, never the password: the driver is
 * told not to quote server details, and the password is scrubbed from whatever text remains.
 */
public final class DatabaseCheck {

    /** The longest each of connect, login and the query may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_DATABASE = "postgres";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A host name, an IPv4 address or a bare IPv6 address: nothing that could add to a JDBC URL. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Where a credential logs in: everything but the password, so it can be shown and kept.
     */
    public record Target(String host, int port, String username, String dbname) {
        /** {@code host:port}, an IPv6 address in brackets. */
        public String server() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        /** {@code PostgreSQL at host:port, database 'd', user 'u'}. */
        public String describe() {
            return "PostgreSQL at " + server() + ", database '" + dbname + "', user '" + username + "'";
        }
    }

    /** How a check ended. {@code message} says what was tried and, on failure, why; it never holds the password. */
    public record Result(boolean ok, String message) {
        static Result passed(String message) {
            return new Result(true, message);
        }

        static Result failed(String message) {
            return new Result(false, message);
        }
    }

    /**
     * Where {@code value} logs in, when it is a PostgreSQL credential: a JSON object with non-empty
     * string {@code host}, {@code username} and {@code password}, a valid {@code port} if any, and
     * no {@code engine} other than PostgreSQL's. Empty for anything else (plain text, binary, other
     * JSON, another engine).
     */
    public static Optional<Target> target(SecretPayload value) {
        return value == null || value.isBinary() ? Optional.empty() : parse(value.text()).map(Parsed::target);
    }

    /** Whether {@code value} is a PostgreSQL credential ({@link #target}). */
    public static boolean isPostgres(SecretPayload value) {
        return target(value).isPresent();
    }

    /**
     * Logs in with {@code value} and runs {@code SELECT 1}. Blocks for up to a few times
     * {@link #TIMEOUT}: call it off the UI thread. Never throws for a failed login: the result says why.
     */
    public Result check(SecretPayload value) {
        Optional<Parsed> parsed = value == null || value.isBinary() ? Optional.empty() : parse(value.text());
        if (parsed.isEmpty()) {
            return Result.failed("The value is not a PostgreSQL credential: a JSON object with 'host', 'username' and "
                    + "'password' (and optionally 'port' and 'dbname').");
        }
        Target t = parsed.get().target();
        String password = parsed.get().password();
        try (Connection c = connect(t, password); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) TIMEOUT.toSeconds());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    return Result.failed("Logged in to " + t.describe() + ", but SELECT 1 did not answer 1.");
                }
            }
            return Result.passed("Logged in to " + t.describe() + " and ran SELECT 1.");
        } catch (SQLException e) {
            return Result.failed(scrub(failure(t, e), password));
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private record Parsed(Target target, String password) {
        @Override
        public String toString() {
            return "Parsed[" + target + ", password ****]";
        }
    }

    private static Optional<Parsed> parse(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String host = text(node, "host");
        String username = text(node, "username");
        String password = text(node, "password");
        if (host == null || username == null || password == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        JsonNode engine = node.get("engine");
        if (engine != null && !engine.isNull() && !isPostgresEngine(engine.asText())) {
            return Optional.empty();
        }
        Integer port = port(node.get("port"));
        if (port == null) {
            return Optional.empty();
        }
        String db = text(node, "dbname");
        return Optional.of(new Parsed(new Target(host, port, username, db == null ? DEFAULT_DATABASE : db), password));
    }

    private static boolean isPostgresEngine(String engine) {
        return engine.equals("postgres") || engine.equals("postgresql") || engine.equals("aurora-postgresql");
    }

    private static String text(JsonNode node, String key) {
        JsonNode n = node.get(key);
        return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    /** The port: absent means the default; a number or a numeric string from 1 to 65535; null when invalid. */
    private static Integer port(JsonNode n) {
        if (n == null || n.isNull()) {
            return DEFAULT_PORT;
        }
        String text = n.asText().strip();
        if ((n.isInt() || n.isTextual()) && text.matches("\\d{1,5}")) {
            int p = Integer.parseInt(text);
            return p >= 1 && p <= 65535 ? p : null;
        }
        return null;
    }

    private static Connection connect(Target t, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", t.username());
        p.setProperty("password", password);
        String seconds = String.valueOf(TIMEOUT.toSeconds());
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        p.setProperty("ApplicationName", "strongroom-check");
        // The server's Detail field can quote values of a statement; the primary message is enough.
        p.setProperty("logServerErrorDetail", "false");
        String url = "jdbc:postgresql://" + t.server() + "/" + URLEncoder.encode(t.dbname(), StandardCharsets.UTF_8);
        return DriverManager.getConnection(url, p);
    }

    /** What went wrong, in words that name the server, database and user. */
    private static String failure(Target t, SQLException e) {
        Throwable cause = rootCause(e);
        String where = "PostgreSQL at " + t.server();
        String who = " (database '" + t.dbname() + "', user '" + t.username() + "')";
        if (cause instanceof ConnectException) {
            return "could not connect to " + where + " (connection refused)" + who;
        }
        boolean timedOut = cause instanceof SocketTimeoutException
                || ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("timed out"));
        if (timedOut) {
            return "could not connect to " + where + " (no answer within " + TIMEOUT.toSeconds() + " s)" + who;
        }
        if (cause instanceof UnknownHostException) {
            return "could not connect to " + where + " (unknown host '" + t.host() + "')" + who;
        }
        if (cause instanceof NoRouteToHostException) {
            return "could not connect to " + where + " (no route to host)" + who;
        }
        if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
            return where + " refused the login of user '" + t.username() + "' to database '" + t.dbname() + "': " + reason(e);
        }
        return "could not log in to " + t.describe() + ": " + reason(e);
    }

    /** PostgreSQL's own words (the primary message only) and the SQLState. */
    private static String reason(SQLException e) {
        String text = null;
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            text = p.getServerErrorMessage().getMessage();
        }
        if (text == null) {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return text + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
    }

    /** {@code text} with every occurrence of the password replaced. */
    static String scrub(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "[password]");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
