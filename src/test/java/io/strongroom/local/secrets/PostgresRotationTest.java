package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * PostgreSQL rotation end to end: the SDK's RotateSecret on the embedded store runs the
 * PostgreSQL functions against a real server, and the database's logins change as AWS's templates
 * change them. Runs wherever PostgreSQL can (required in CI).
 */
class PostgresRotationTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SecretsManagerClient sm;
    private static LocalPostgres pg;
    private static String account;

    @BeforeAll
    static void start() {
        pg = TestPostgres.require();
        sm = store.secrets();
        account = store.adminKey(0).accountId();
    }

    static String credentials(String user, String password) {
        ObjectNode o = JSON.createObjectNode().put("engine", "postgres").put("host", pg.host()).put("port", pg.port())
                .put("username", user).put("password", password).put("dbname", "postgres");
        return o.toString();
    }

    static boolean logsIn(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), p)) {
            return c.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    static JsonNode rotateAndRead(String name, String function) throws Exception {
        sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(RotationFunctions.arn(RunningStore.REGION.id(), account, function)));
        assertTrue(store.store().rotations().awaitIdle(Duration.ofSeconds(30)));
        return JSON.readTree(sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void singleUserRotationChangesThePasswordSoTheNewOneLogsInAndTheOldOneNoLonger() throws Exception {
        String user = "app_" + UUID.randomUUID().toString().substring(0, 8);
        String old = "Old-" + UUID.randomUUID();
        pg.createLoginRole(user, old);
        String name = "db/" + user;
        sm.createSecret(b -> b.name(name).secretString(credentials(user, old)));

        JsonNode rotated = rotateAndRead(name, "strongroom-postgres-single-user");

        assertEquals(user, rotated.path("username").asText());
        String fresh = rotated.path("password").asText();
        assertNotEquals(old, fresh);
        assertTrue(logsIn(user, fresh), "the new password logs in");
        assertFalse(logsIn(user, old), "the old password no longer does");
    }

    @Test
    void alternatingUsersRotationLogsInAsTheCloneThenFlipsBack() throws Exception {
        String user = "svc_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        pg.createLoginRole(user, password);
        String master = sm.createSecret(b -> b.name("db/master-" + user)
                .secretString(credentials(pg.superuser(), pg.superuserPassword()))).arn();
        ObjectNode value = (ObjectNode) JSON.readTree(credentials(user, password));
        value.put("masterarn", master);
        String name = "db/" + user;
        sm.createSecret(b -> b.name(name).secretString(value.toString()));

        JsonNode first = rotateAndRead(name, "strongroom-postgres-alternating-users");
        assertEquals(user + "_clone", first.path("username").asText());
        assertTrue(logsIn(user + "_clone", first.path("password").asText()), "the clone logs in with the new password");
        assertTrue(logsIn(user, password), "the original user keeps working while applications move over");

        JsonNode second = rotateAndRead(name, "strongroom-postgres-alternating-users");
        assertEquals(user, second.path("username").asText());
        assertTrue(logsIn(user, second.path("password").asText()), "the original user has a new password");
        assertFalse(logsIn(user, password), "and the original password is gone");
    }
}
