package io.strongroom.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.SecretPayload;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;

import static io.strongroom.testing.TestPostgres.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A PostgreSQL login tested with a secret's JSON, against the test cluster and against a closed port. */
class DatabaseCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatabaseCheck check = new DatabaseCheck();

    static SecretPayload credential(String host, Integer port, String user, String password, String dbname) {
        ObjectNode n = JSON.createObjectNode();
        n.put("engine", "postgres");
        n.put("host", host);
        if (port != null) {
            n.put("port", port);
        }
        n.put("username", user);
        n.put("password", password);
        if (dbname != null) {
            n.put("dbname", dbname);
        }
        return SecretPayload.ofText(n.toString());
    }

    @Test
    void aRoleOfTheTestClusterLogsInAndRunsSelectOne() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = uniqueName("check");
        String password = "pw-" + uniqueName("ok");
        pg.createLoginRole(role, password);

        DatabaseCheck.Result r = check.check(credential(pg.host(), pg.port(), role, password, null));

        assertTrue(r.ok(), r.message());
        assertEquals("Logged in to PostgreSQL at " + pg.host() + ":" + pg.port() + ", database 'postgres', user '" + role
                + "' and ran SELECT 1.", r.message());
    }

    @Test
    void aWrongPasswordFailsWithTheServersReasonAndWithoutThePassword() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = uniqueName("check");
        pg.createLoginRole(role, "the-right-one-" + uniqueName("pw"));
        String wrong = "wrong-" + uniqueName("pw");

        DatabaseCheck.Result r = check.check(credential(pg.host(), pg.port(), role, wrong, "postgres"));

        assertFalse(r.ok());
        assertTrue(r.message().startsWith("PostgreSQL at " + pg.host() + ":" + pg.port() + " refused the login of user '" + role
                + "' to database 'postgres': "), r.message());
        assertTrue(r.message().contains("28P01"), r.message());
        assertFalse(r.message().contains(wrong), "the message never holds the password");
    }

    @Test
    void aClosedPortFailsWithCouldNotConnect() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        String password = "never-" + uniqueName("pw");

        DatabaseCheck.Result r = check.check(credential("127.0.0.1", closedPort, "app", password, null));

        assertFalse(r.ok());
        assertEquals("could not connect to PostgreSQL at 127.0.0.1:" + closedPort + " (connection refused) (database 'postgres', user 'app')",
                r.message());
        assertFalse(r.message().contains(password));
    }

    @Test
    void theTargetOfACredentialHasDefaultsAndNoPassword() {
        DatabaseCheck.Target t = DatabaseCheck.target(SecretPayload.ofText(
                "{\"host\":\"db.internal\",\"username\":\"app\",\"password\":\"pw-12345\"}")).orElseThrow();
        assertEquals(new DatabaseCheck.Target("db.internal", 5432, "app", "postgres"), t);
        assertEquals("PostgreSQL at db.internal:5432, database 'postgres', user 'app'", t.describe());
        assertEquals(5433, DatabaseCheck.target(SecretPayload.ofText(
                "{\"host\":\"::1\",\"port\":\"5433\",\"username\":\"a\",\"password\":\"b\"}")).orElseThrow().port());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "just-a-password",
            "[1, 2]",
            "{\"username\":\"app\",\"password\":\"pw\"}",
            "{\"host\":\"db\",\"username\":\"app\"}",
            "{\"host\":\"db\",\"username\":\"app\",\"password\":\"pw\",\"engine\":\"mysql\"}",
            "{\"host\":\"db\",\"username\":\"app\",\"password\":\"pw\",\"port\":70000}",
            "{\"host\":\"db/evil?x=1\",\"username\":\"app\",\"password\":\"pw\"}",
            "{\"host\":\"db\",\"username\":\"app\",\"password\":12}"
    })
    void otherValuesAreNoPostgresCredentialAndAreNotTried(String value) {
        SecretPayload payload = SecretPayload.ofText(value);
        assertFalse(DatabaseCheck.isPostgres(payload));
        DatabaseCheck.Result r = check.check(payload);
        assertFalse(r.ok());
        assertTrue(r.message().startsWith("The value is not a PostgreSQL credential"), r.message());
    }

    @Test
    void aBinaryValueIsNoCredential() {
        assertFalse(DatabaseCheck.isPostgres(SecretPayload.ofBinary(new byte[]{1, 2, 3})));
    }

    @Test
    void scrubbingReplacesEveryOccurrence() {
        assertEquals("a [password] b [password]", DatabaseCheck.scrub("a s3cr3t b s3cr3t", "s3cr3t"));
    }
}
