package io.strongroom.local.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.strongroom.testing.TestPostgres.logsIn;
import static io.strongroom.testing.TestPostgres.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresAlternatingUsersFunctionTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf";
    private static final String MASTER_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds/master-QwErTy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresAlternatingUsersFunction function = new PostgresAlternatingUsersFunction();

    /** An application user owning a table with one row in a database of its own. */
    private record App(LocalPostgres pg, String user, String password, String database) {

        String credential() {
            ObjectNode n = JSON.createObjectNode();
            n.put("engine", "postgres");
            n.put("host", pg.host());
            n.put("port", pg.port());
            n.put("username", user);
            n.put("password", password);
            n.put("dbname", database);
            n.put("masterarn", MASTER_ARN);
            return n.toString();
        }

        String superuserCredential() {
            ObjectNode n = JSON.createObjectNode();
            n.put("engine", "postgres");
            n.put("host", pg.host());
            n.put("port", pg.port());
            n.put("username", pg.superuser());
            n.put("password", pg.superuserPassword());
            return n.toString();
        }

        InMemoryRotationContext context() {
            return new InMemoryRotationContext(ARN, credential()).withOtherSecret(MASTER_ARN, superuserCredential());
        }
    }

    private static App newApp() throws SQLException {
        LocalPostgres pg = TestPostgres.require();
        App app = new App(pg, uniqueName("app"), "first-" + uniqueName("pw"), uniqueName("appdb"));
        pg.createLoginRole(app.user(), app.password());
        pg.createDatabase(app.database());
        pg.grantAllOn(app.database(), app.user());
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(app.database()), app.user(), app.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)");
            s.execute("INSERT INTO invoices VALUES (1, 99.50)");
        }
        return app;
    }

    private static JsonNode current(InMemoryRotationContext ctx) throws Exception {
        return JSON.readTree(ctx.valueAt("AWSCURRENT").orElseThrow());
    }

    @Test
    void theFirstRotationCreatesACloneThatLogsInAndReadsTheOriginalUsersTable() throws Exception {
        App app = newApp();
        InMemoryRotationContext ctx = app.context();

        ctx.rotate(function);

        JsonNode now = current(ctx);
        String clone = app.user() + "_clone";
        String clonePassword = now.get("password").asText();
        assertEquals(clone, now.get("username").asText());
        assertEquals(MASTER_ARN, now.get("masterarn").asText());
        assertNotEquals(app.password(), clonePassword);
        try (Connection c = DriverManager.getConnection(app.pg().jdbcUrl(app.database()), clone, clonePassword);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total FROM invoices WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("99.50", rs.getString(1));
        }
        assertTrue(logsIn(app.pg(), app.database(), app.user(), app.password()),
                "the original user, now AWSPREVIOUS, keeps working for the applications still using it");
    }

    @Test
    void theSecondRotationGoesBackToTheOriginalUserWithANewPassword() throws Exception {
        App app = newApp();
        InMemoryRotationContext ctx = app.context();
        ctx.rotate(function);
        String clonePassword = current(ctx).get("password").asText();

        ctx.rotate(function);

        JsonNode now = current(ctx);
        String newPassword = now.get("password").asText();
        assertEquals(app.user(), now.get("username").asText());
        assertNotEquals(app.password(), newPassword);
        assertTrue(logsIn(app.pg(), app.database(), app.user(), newPassword));
        assertFalse(logsIn(app.pg(), app.database(), app.user(), app.password()), "the original's first password is gone");
        assertTrue(logsIn(app.pg(), app.database(), app.user() + "_clone", clonePassword), "the clone, now AWSPREVIOUS, still works");
    }

    @Test
    void aMissingSuperuserSecretFailsClearly() throws Exception {
        App app = newApp();
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, app.credential());
        function.run(RotationStep.CREATE_SECRET, ctx);

        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.SET_SECRET, ctx));

        assertEquals("The superuser secret '" + MASTER_ARN + "' that the secret's 'masterarn' names does not exist"
                + " or has no current value to read.", e.getMessage());
        assertFalse(logsIn(app.pg(), app.database(), app.user() + "_clone", "anything"), "no clone was made");
    }

    @Test
    void aWrongSuperuserPasswordFailsWithoutShowingIt() throws Exception {
        App app = newApp();
        String wrong = "wrong-" + uniqueName("pw");
        String master = app.superuserCredential().replace(app.pg().superuserPassword(), wrong);
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN, app.credential()).withOtherSecret(MASTER_ARN, master);
        function.run(RotationStep.CREATE_SECRET, ctx);

        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.SET_SECRET, ctx));

        assertTrue(e.getMessage().contains("user '" + app.pg().superuser() + "' as the superuser"), e.getMessage());
        assertTrue(e.getMessage().contains("SQLState 28P01"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void aSecretWithoutMasterarnIsRefusedAtCreateSecret() {
        InMemoryRotationContext ctx = new InMemoryRotationContext(ARN,
                "{\"host\":\"db.example.com\",\"username\":\"app\",\"password\":\"pw-123456\"}");
        RotationException e = assertThrows(RotationException.class, () -> function.run(RotationStep.CREATE_SECRET, ctx));
        assertEquals("The secret's JSON has no 'masterarn' key.", e.getMessage());
    }

    @Test
    void usersAlternateBetweenTheNameAndItsClone() {
        assertEquals("app_clone", PostgresAlternatingUsersFunction.alternate("app"));
        assertEquals("app", PostgresAlternatingUsersFunction.alternate("app_clone"));
        assertEquals("_clone_clone", PostgresAlternatingUsersFunction.alternate("_clone"));
    }
}
