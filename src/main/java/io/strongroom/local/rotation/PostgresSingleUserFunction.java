package io.strongroom.local.rotation;

import io.strongroom.local.postgres.QuotedSql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code strongroom-postgres-single-user}: the user of a PostgreSQL credential changes its own
 * password, as AWS's SecretsManagerRDSPostgreSQLRotationSingleUser template does. Simple, but
 * between setSecret and finishSecret the applications still holding the old password cannot
 * log in; the alternating-users strategy avoids that.
 *
 * <ul>
 *   <li>createSecret: the current JSON with a new password ({@value Credential#PASSWORD_LENGTH}
 *       characters, none of {@code / @ " ' \} unless the tag {@value RandomValueFunction#EXCLUDE}
 *       says which to exclude);</li>
 *   <li>setSecret: nothing when the pending password already logs in (a retried step); otherwise
 *       log in with the current password, or the previous one when the current no longer works
 *       (a rotation that failed after setSecret), and {@code ALTER ROLE ... PASSWORD};</li>
 *   <li>testSecret: log in with the pending password and run {@code SELECT NOW()}.</li>
 * </ul>
 *
 * <p>{@link Credential} (the secret's JSON) and {@link Login} (reaching the server) serve
 * {@link PostgresAlternatingUsersFunction} too.
 */
public final class PostgresSingleUserFunction extends TemplateFunction {

    public static final String NAME = "strongroom-postgres-single-user";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Changes a PostgreSQL user's own password (JSON with host, port, username, password, dbname).";
    }

    @Override
    protected String newValue(String current, RotationContext ctx) throws RotationException {
        Credential secret = Credential.parse(current, "secret's");
        return secret.with(secret.username(), Credential.newPassword(ctx));
    }

    @Override
    protected void setSecret(RotationContext ctx) throws RotationException {
        Credential pending = Credential.pending(ctx);
        Credential current = Credential.current(ctx);
        if (!pending.username().equals(current.username())) {
            throw new RotationException("The pending version is for user '" + pending.username() + "', not the current user '"
                    + current.username() + "': a single-user rotation only changes that user's password.");
        }
        if (!pending.sameServerAs(current)) {
            throw new RotationException("The pending version is for PostgreSQL at " + pending.server()
                    + ", but the current one is at " + current.server() + ".");
        }
        Credential previous = Credential.previous(ctx);
        Login login = new Login(pending, current, previous);
        if (login.logsIn(pending, "with the pending password")) {
            return;
        }
        try (Connection c = logInToChange(login, current, previous)) {
            QuotedSql.execute(c, "ALTER ROLE %I WITH PASSWORD %L", pending.username(), pending.password());
        } catch (SQLException e) {
            throw login.statementFailure(current, "changing the password of user '" + pending.username() + "'", e);
        }
    }

    /** A session with the current password, or with the previous one when the server refuses the current. */
    private static Connection logInToChange(Login login, Credential current, Credential previous)
            throws RotationException {
        SQLException refused;
        try {
            return Login.connect(current);
        } catch (SQLException e) {
            if (!Login.loginRefused(e)) {
                throw login.loginFailure(current, "with the current password", e);
            }
            refused = e;
        }
        boolean previousUsable = previous != null && previous.sameServerAs(current);
        if (previousUsable) {
            Connection c = login.openUnlessRefused(previous, "with the previous password");
            if (c != null) {
                return c;
            }
        }
        throw new RotationException("could not log in to " + current.describe() + " with the current password"
                + (previousUsable ? " nor with the previous one" : " (and there is no previous version to try)")
                + ": " + login.reason(refused) + ". The password was not changed.");
    }

    @Override
    protected void testSecret(RotationContext ctx) throws RotationException {
        Login.provePending(Credential.pending(ctx));
    }

    /**
     * A PostgreSQL credential as AWS's RDS rotation templates store it: a JSON object with
     * {@code host}, {@code port} (default 5432), {@code username}, {@code password}, {@code dbname}
     * (default {@code postgres}), optionally {@code engine} ({@code postgres}) and, for the
     * alternating-users strategy, {@code masterarn}. Other keys are kept as they are when a new value
     * is made from this one.
     *
     * <p>{@link #toString} leaves the password out, as every message about a credential must.
     */
    static final class Credential {

        static final int DEFAULT_PORT = 5432;
        static final String DEFAULT_DATABASE = "postgres";
        private static final ObjectMapper JSON = new ObjectMapper();
        /** A host name, an IPv4 address or a bare IPv6 address: nothing that could add to a JDBC URL. */
        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

        private final ObjectNode json;
        private final String whose;
        private final String host;
        private final int port;
        private final String username;
        private final String password;
        private final String dbname;

        private Credential(ObjectNode json, String whose) throws RotationException {
            this.json = json;
            this.whose = whose;
            this.host = requiredText("host");
            if (!HOST.matcher(host).matches()) {
                throw new RotationException("The " + whose + " 'host' is not a host name or an IP address.");
            }
            this.port = port(json.get("port"));
            this.username = requiredText("username");
            this.password = requiredText("password");
            JsonNode db = json.get("dbname");
            this.dbname = db == null || db.isNull() || db.asText().isEmpty() ? DEFAULT_DATABASE : db.asText();
            JsonNode engine = json.get("engine");
            if (engine != null && !engine.isNull() && !List.of("postgres", "aurora-postgresql").contains(engine.asText())) {
                // AWS's PostgreSQL templates take both engines: Aurora PostgreSQL speaks the same protocol.
                throw new RotationException("The " + whose + " 'engine' is '" + engine.asText()
                        + "', not 'postgres' or 'aurora-postgresql'.");
            }
        }

        /**
         * AWS's rotation templates exclude these from database passwords by default: they break
         * connection strings, shell quoting and some clients. Statements never need it, since the
         * server quotes the password ({@link QuotedSql#execute}).
         */
        static final String DEFAULT_EXCLUDE = "/@\"'\\";
        static final int PASSWORD_LENGTH = 32;

        /** A new password: {@value #PASSWORD_LENGTH} characters without the tag's excluded ones, or {@link #DEFAULT_EXCLUDE}'s. */
        static String newPassword(RotationContext ctx) throws RotationException {
            return ctx.randomPassword(PASSWORD_LENGTH, ctx.tags().getOrDefault(RandomValueFunction.EXCLUDE, DEFAULT_EXCLUDE));
        }

        /** The AWSCURRENT credential. */
        static Credential current(RotationContext ctx) throws RotationException {
            String value = ctx.valueAt("AWSCURRENT")
                    .orElseThrow(() -> new RotationException("The secret has no AWSCURRENT version with a SecretString."));
            return parse(value, "secret's");
        }

        /** The AWSPENDING credential createSecret stored under the rotation's token. */
        static Credential pending(RotationContext ctx) throws RotationException {
            return parse(TemplateFunction.pending(ctx), "pending version's");
        }

        /** The AWSPREVIOUS credential, or null when there is none or it is no PostgreSQL credential. */
        static Credential previous(RotationContext ctx) {
            String value = ctx.valueAt("AWSPREVIOUS").orElse(null);
            if (value == null) {
                return null;
            }
            try {
                return parse(value, "previous version's");
            } catch (RotationException unusable) {
                return null;
            }
        }

        /**
         * Reads {@code value}, the SecretString of {@code whose} ("secret's", "pending version's",
         * "superuser secret's"): the phrase every message about it starts with.
         */
        static Credential parse(String value, String whose) throws RotationException {
            JsonNode node;
            try {
                node = JSON.readTree(value);
            } catch (JsonProcessingException notJson) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw new RotationException("The " + whose + " value is not a JSON object; a PostgreSQL rotation needs one with"
                        + " 'host', 'username' and 'password' (and optionally 'port' and 'dbname').");
            }
            return new Credential((ObjectNode) node, whose);
        }

        private String requiredText(String key) throws RotationException {
            JsonNode n = json.get(key);
            if (n == null || n.isNull()) {
                throw new RotationException("The " + whose + " JSON has no '" + key + "' key.");
            }
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw new RotationException("The " + whose + " '" + key + "' must be a non-empty string.");
            }
            return n.asText();
        }

        private int port(JsonNode n) throws RotationException {
            if (n == null || n.isNull()) {
                return DEFAULT_PORT;
            }
            String text = n.asText().strip();
            if ((n.isInt() || (n.isTextual() && text.matches("\\d{1,5}")))) {
                int p = Integer.parseInt(text);
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            }
            throw new RotationException("The " + whose + " 'port' must be a port number from 1 to 65535, not '" + text + "'.");
        }

        String host() {
            return host;
        }

        int port() {
            return port;
        }

        String username() {
            return username;
        }

        String password() {
            return password;
        }

        String dbname() {
            return dbname;
        }

        /** The ARN (or name) of the superuser secret, which the alternating-users strategy logs in with. */
        String masterArn() throws RotationException {
            return requiredText("masterarn");
        }

        /** Whether {@code other} describes the same server (host and port). */
        boolean sameServerAs(Credential other) {
            return host.equalsIgnoreCase(other.host) && port == other.port;
        }

        /** {@code host:port}, with an IPv6 address in brackets. */
        String server() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        /** Who and where, for messages: never the password. */
        String describe() {
            return "PostgreSQL at " + server() + ", database '" + dbname + "', user '" + username + "'";
        }

        /** This value's JSON with another user name and password, every other key unchanged. */
        String with(String newUsername, String newPassword) throws RotationException {
            ObjectNode copy = json.deepCopy();
            copy.put("username", newUsername);
            copy.put("password", newPassword);
            try {
                return JSON.writeValueAsString(copy);
            } catch (JsonProcessingException e) {
                throw new RotationException("The new JSON value could not be written.");
            }
        }

        @Override
        public String toString() {
            return "Credential[" + username + "@" + server() + "/" + dbname + "]";
        }
    }

    /**
     * How the PostgreSQL rotation functions reach a database: logging in with a credential, telling
     * a refused login from an unreachable server, running statements with untrusted names and
     * passwords quoted by the server, and turning a failure into a {@link RotationException} that
     * names the server, database and user but never a password.
     */
    static final class Login {

        /** Seconds to wait for the TCP connection and for the whole login. */
        static final int CONNECT_TIMEOUT = 5;
        /** Seconds a statement may go without an answer. */
        private static final int SOCKET_TIMEOUT = 30;

        /** The passwords a message must never show: every one the rotation has in hand. */
        private final List<String> secrets = new ArrayList<>();

        Login(Credential... known) {
            for (Credential s : known) {
                hide(s);
            }
        }

        /** Adds {@code s}'s password to those scrubbed from messages. */
        void hide(Credential s) {
            if (s != null) {
                secrets.add(s.password());
            }
        }

        /** A session as {@code s}'s user, or the SQL failure as the driver gives it. */
        static Connection connect(Credential s) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", s.username());
            p.setProperty("password", s.password());
            p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT));
            p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT));
            p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT));
            p.setProperty("ApplicationName", "strongroom-rotation");
            // The server's Detail field can quote values of a statement; the primary message is enough.
            p.setProperty("logServerErrorDetail", "false");
            String url = "jdbc:postgresql://" + s.server() + "/" + URLEncoder.encode(s.dbname(), StandardCharsets.UTF_8);
            return DriverManager.getConnection(url, p);
        }

        /** Whether the server answered and refused this user's password (or had no rule letting the user in). */
        static boolean loginRefused(SQLException e) {
            return "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
        }

        /** A session as {@code s}'s user; a failure of any kind says what was tried. */
        Connection open(Credential s, String asWhat) throws RotationException {
            try {
                return connect(s);
            } catch (SQLException e) {
                throw loginFailure(s, asWhat, e);
            }
        }

        /**
         * A session as {@code s}'s user, or null when the server refused the login itself; any other
         * failure (the server unreachable, the database missing) throws, since no other credential
         * would do better.
         */
        Connection openUnlessRefused(Credential s, String asWhat) throws RotationException {
            try {
                return connect(s);
            } catch (SQLException e) {
                if (loginRefused(e)) {
                    return null;
                }
                throw loginFailure(s, asWhat, e);
            }
        }

        /** The failure to log in as {@code s}'s user ({@code asWhat}: "with the pending password", ...). */
        RotationException loginFailure(Credential s, String asWhat, SQLException e) {
            Throwable cause = rootCause(e);
            String where = "PostgreSQL at " + s.server();
            String who = " (database '" + s.dbname() + "', user '" + s.username() + "')";
            if (cause instanceof ConnectException) {
                return new RotationException("could not connect to " + where + " (connection refused): is the database running?" + who);
            }
            boolean loginTimedOut = "08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("timed out");
            if (cause instanceof SocketTimeoutException || loginTimedOut) {
                return new RotationException("could not connect to " + where + " (no answer within " + CONNECT_TIMEOUT
                        + " s): is the host reachable and the port open?" + who);
            }
            if (cause instanceof UnknownHostException) {
                return new RotationException("could not connect to " + where + " (unknown host '" + s.host() + "')" + who);
            }
            if (cause instanceof NoRouteToHostException) {
                return new RotationException("could not connect to " + where + " (no route to host)" + who);
            }
            return new RotationException("could not log in to " + s.describe() + " " + asWhat + ": " + reason(e));
        }

        /** A failed statement: {@code doing} says what it was for ("changing the password of user 'x'"). */
        RotationException statementFailure(Credential session, String doing, SQLException e) {
            return new RotationException(capitalised(doing) + " failed on " + session.describe() + ": " + reason(e));
        }

        /** PostgreSQL's own words and SQLState, scrubbed of every password in hand. */
        String reason(SQLException e) {
            String text = null;
            if (e instanceof PSQLException p) {
                ServerErrorMessage server = p.getServerErrorMessage();
                if (server != null) {
                    text = server.getMessage();
                }
            }
            if (text == null) {
                text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            String state = e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
            return scrub(text) + state;
        }

        /** {@code text} with every known password replaced; ones shorter than four characters would blank unrelated words. */
        String scrub(String text) {
            String out = text;
            for (String secret : secrets) {
                if (secret != null && secret.length() >= 4) {
                    out = out.replace(secret, "[password]");
                }
            }
            return out;
        }

        /** Proves a session works, as AWS's templates do after a password change. */
        static void selectNow(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NOW()")) {
                rs.next();
            }
        }

        /** testSecret of both strategies: the pending credential logs in and runs a query. */
        static void provePending(Credential pending) throws RotationException {
            Login login = new Login(pending);
            try (Connection c = login.open(pending, "with the pending password")) {
                selectNow(c);
            } catch (SQLException e) {
                throw login.statementFailure(pending, "SELECT NOW() as the pending user", e);
            }
        }

        /** Whether {@code s} logs in; a failure other than a refused login throws. */
        boolean logsIn(Credential s, String asWhat) throws RotationException {
            Connection c = openUnlessRefused(s, asWhat);
            if (c == null) {
                return false;
            }
            closeQuietly(c);
            return true;
        }

        static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session was only a proof; nothing was written through it
            }
        }

        private static Throwable rootCause(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t;
        }

        private static String capitalised(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
