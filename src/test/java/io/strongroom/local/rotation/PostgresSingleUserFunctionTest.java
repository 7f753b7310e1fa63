package io.strongroom.local.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.rotation.PostgresSingleUserFunction.Credential;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.strongroom.testing.TestPostgres.logsIn;
import static io.strongroom.testing.TestPostgres.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresSingleUserFunctionTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresSingleUserFunction function = new PostgresSingleUserFunction();

    /** A credential in AWS's JSON shape, with one key of the application's own that rotation must keep. */
    static String credential(String host, int port, String user, String password) {
        ObjectNode n = JSON.createObjectNode();
        n.put("engine", "postgres");
        n.put("host", host);
        n.put("port", port);
        n.put("username", user);
        n.put("password", password);
        n.put("dbname", "postgres");
        n.put("application", "billing");
        return n.toString();
    }

    static JsonNode json(String value) throws IOException {
        return JSON.readTree(value);
    }

    /** A user of the test cluster with a password of its own. */
    private record User(LocalPostgres pg, String name, String password) {
        String credential() {
            return PostgresSingleUserFunctionTest.credential(pg.host(), pg.port(), name, password);
        }

        String credentialWithPassword(String other) {
            return PostgresSingleUserFunctionTest.credential(pg.host(), pg.port(), name, other);
        }
    }

    private static User newUser() throws SQLException {
        LocalPostgres pg = TestPostgres.require();
        User u = new User(pg, uniqueName("app"), "first-" + uniqueName("pw"));
        pg.createLoginRole(u.name(), u.password());
        return u;
    }

    @Test
    void aRotationGivesTheUserANewPasswordThatLogsInWhileTheOldOneNoLongerDoes() throws Exception {
        User u = newUser();
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, u.credential());

        ctx.rotate(function);

        JsonNode now = json(ctx.valueAt("AWSCURRENT").orElseThrow());
        String newPassword = now.get("password").asText();
        assertEquals(u.name(), now.get("username").asText());
        assertNotEquals(u.password(), newPassword);
        assertEquals(32, newPassword.length());
        assertEquals("billing", now.get("application").asText(), "keys rotation does not own are kept");
        assertEquals(u.credential(), ctx.valueAt("AWSPREVIOUS").orElseThrow());
        assertTrue(logsIn(u.pg(), "postgres", u.name(), newPassword), "the new password logs in");
        assertFalse(logsIn(u.pg(), "postgres", u.name(), u.password()), "the old password no longer does");
    }

    @Test
    void setSecretChangesNothingWhenThePendingPasswordAlreadyLogsIn() throws Exception {
        User u = newUser();
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, u.credential());
        function.run(RotationStep.CREATE_SECRET, ctx);
        String pendingPassword = json(ctx.pendingValue().orElseThrow()).get("password").asText();
        // A first setSecret got as far as the server, then the step was retried.
        try (Connection c = u.pg().connectAsSuperuser("postgres")) {
            io.strongroom.local.postgres.QuotedSql.execute(c, "ALTER ROLE %I WITH PASSWORD %L", u.name(), pendingPassword);
        }
        String verifierBefore = passwordVerifier(u);
        // The current password no longer works either, so any attempt to log in with it would fail the step.
        ctx.withVersion(u.credentialWithPassword("no-longer-valid"), "AWSCURRENT");

        function.run(RotationStep.SET_SECRET, ctx);
        function.run(RotationStep.TEST_SECRET, ctx);

        assertEquals(verifierBefore, passwordVerifier(u), "the password was not set again (a new SCRAM salt would show)");
    }

    @Test
    void whenTheCurrentPasswordIsRefusedThePreviousOneIsUsedToSetThePendingOne() throws Exception {
        User u = newUser();
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, u.credentialWithPassword("set-by-a-rotation-that-failed"))
                .withVersion(u.credential(), "AWSPREVIOUS");

        ctx.rotate(function);

        String newPassword = json(ctx.valueAt("AWSCURRENT").orElseThrow()).get("password").asText();
        assertTrue(logsIn(u.pg(), "postgres", u.name(), newPassword));
        assertFalse(logsIn(u.pg(), "postgres", u.name(), u.password()));
    }

    @Test
    void aWrongCurrentPasswordWithNoPreviousVersionFailsClearlyWithoutShowingAPassword() throws Exception {
        User u = newUser();
        String wrong = "wrong-" + uniqueName("pw");
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, u.credentialWithPassword(wrong));
        function.run(RotationStep.CREATE_SECRET, ctx);
        String pendingPassword = json(ctx.pendingValue().orElseThrow()).get("password").asText();

        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.SET_SECRET, ctx));

        String m = e.getMessage();
        assertTrue(m.startsWith("could not log in to PostgreSQL at 127.0.0.1:" + u.pg().port() + ", database 'postgres', user '"
                + u.name() + "' with the current password (and there is no previous version to try): "), m);
        assertTrue(m.contains("password authentication failed") && m.contains("SQLState 28P01"), m);
        for (String secret : new String[] {wrong, u.password(), pendingPassword}) {
            assertFalse(m.contains(secret), "the message shows a password: " + m);
        }
        assertTrue(logsIn(u.pg(), "postgres", u.name(), u.password()), "the password was not changed");
    }

    @Test
    void aPortWhereNothingListensSaysItCouldNotConnect() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, credential("127.0.0.1", closedPort, "app", "secret-pw-1"));
        function.run(RotationStep.CREATE_SECRET, ctx);

        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.SET_SECRET, ctx));

        assertEquals("could not connect to PostgreSQL at 127.0.0.1:" + closedPort + " (connection refused): is the database running?"
                + " (database 'postgres', user 'app')", e.getMessage());
    }

    @Test
    void testSecretFailsWhenThePendingPasswordWasNeverSet() throws Exception {
        User u = newUser();
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, u.credential());
        function.run(RotationStep.CREATE_SECRET, ctx);

        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.TEST_SECRET, ctx));

        assertTrue(e.getMessage().contains("user '" + u.name() + "' with the pending password: password authentication failed"), e.getMessage());
    }

    @Test
    void quotesBackslashesAndSemicolonsInNameAndPasswordReachTheServerAsData() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String name = "Odd \"User\"; " + uniqueName("x");
        pg.createLoginRole(name, "first-password");
        String awkward = "it's \\ a \"pass\"; DROP ROLE " + name + "; --";
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, credential(pg.host(), pg.port(), name, "first-password"))
                .withNextPassword(awkward);

        ctx.rotate(function);

        assertTrue(logsIn(pg, "postgres", name, awkward));
        assertFalse(logsIn(pg, "postgres", name, "first-password"));
    }

    private static String passwordVerifier(User u) throws SQLException {
        try (Connection c = u.pg().connectAsSuperuser("postgres");
             PreparedStatement q = c.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            q.setString(1, u.name());
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /** createSecret alone: no database is needed. */
    @Nested
    class TheNewValue {

        @Test
        void avoidsTheCharactersAwsExcludesForDatabasesByDefault() throws Exception {
            for (int i = 0; i < 50; i++) {
                InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, credential("db.example.com", 5432, "app", "old-password"));
                function.run(RotationStep.CREATE_SECRET, ctx);
                String password = json(ctx.pendingValue().orElseThrow()).get("password").asText();
                assertEquals(32, password.length());
                for (char c : "/@\"'\\".toCharArray()) {
                    assertTrue(password.indexOf(c) < 0, "'" + c + "' in a new password");
                }
            }
        }

        @Test
        void excludesTheCharactersTheTagNamesInstead() throws Exception {
            String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
            InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, credential("db.example.com", 5432, "app", "old-password"))
                    .withTag(RandomValueFunction.EXCLUDE, punctuation + "0123456789");
            function.run(RotationStep.CREATE_SECRET, ctx);
            assertTrue(json(ctx.pendingValue().orElseThrow()).get("password").asText().matches("[A-Za-z]{32}"));
        }

        @Test
        void aValueThatIsNotJsonIsRefusedWithoutQuotingIt() {
            InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, "hunter2-plain-password");
            RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.CREATE_SECRET, ctx));
            assertTrue(e.getMessage().startsWith("The secret's value is not a JSON object"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"));
        }

        @Test
        void aMissingKeyIsNamed() {
            InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, "{\"host\":\"db.example.com\",\"password\":\"pw-123456\"}");
            RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.CREATE_SECRET, ctx));
            assertEquals("The secret's JSON has no 'username' key.", e.getMessage());
        }

        @Test
        void portAndDatabaseHaveAwsDefaults() throws Exception {
            Credential s = Credential.parse("{\"host\":\"db.example.com\",\"username\":\"app\",\"password\":\"pw-123456\"}", "secret's");
            assertEquals(5432, s.port());
            assertEquals("postgres", s.dbname());
            assertFalse(s.toString().contains("pw-123456"));
        }
    }
}
