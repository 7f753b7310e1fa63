package io.strongroom.local.postgres;

import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresTest {

    @Test
    void theSuperuserLogsInOverLoopbackToAServerThatSkipsFsync() throws SQLException {
        LocalPostgres pg = TestPostgres.require();
        assertEquals("127.0.0.1", pg.host());
        assertTrue(pg.port() > 0);
        try (Connection c = pg.connectAsSuperuser("postgres"); Statement s = c.createStatement()) {
            assertEquals(pg.superuser(), single(s, "SELECT current_user"));
            assertEquals("true", single(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
            assertEquals("off", single(s, "SHOW fsync"));
            assertEquals("127.0.0.1", single(s, "SHOW listen_addresses"));
            assertEquals("", single(s, "SHOW unix_socket_directories"));
        }
    }

    @Test
    void theSuperuserNeedsItsPassword() {
        LocalPostgres pg = TestPostgres.require();
        assertFalse(TestPostgres.logsIn(pg, "postgres", pg.superuser(), "not-" + pg.superuserPassword()));
    }

    @Test
    void aCreatedLoginRoleLogsInWithItsPasswordOnly() throws SQLException {
        LocalPostgres pg = TestPostgres.require();
        String role = TestPostgres.uniqueName("app");
        String db = TestPostgres.uniqueName("appdb");
        // quotes and a backslash: the server quotes the password, nothing is concatenated
        String password = "it's a \\ \"secret\" " + role;
        pg.createLoginRole(role, password);
        pg.createDatabase(db);
        pg.grantAllOn(db, role);

        assertTrue(TestPostgres.logsIn(pg, db, role, password));
        assertFalse(TestPostgres.logsIn(pg, db, role, password + "x"));
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), role, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE owned_by_app (id int)");
            assertEquals(role, single(s, "SELECT tableowner FROM pg_tables WHERE tablename = 'owned_by_app'"));
        }
    }

    @Test
    void toStringNamesTheServerButNotThePassword() {
        LocalPostgres pg = TestPostgres.require();
        assertTrue(pg.toString().contains(":" + pg.port()));
        assertFalse(pg.toString().contains(pg.superuserPassword()));
    }

    @Test
    void closeStopsTheServerAndRemovesItsDirectory() throws Exception {
        TestPostgres.requireAvailable();
        LocalPostgres pg = LocalPostgres.start(TestPostgres.parentDirectory());
        Path dir = pg.directory();
        int port = pg.port();
        try (Connection c = pg.connectAsSuperuser("postgres")) {
            assertTrue(c.isValid(5));
        }
        assertTrue(Files.isDirectory(dir.resolve("data")));

        pg.close();
        pg.close();

        assertFalse(Files.exists(dir), "the cluster's directory is deleted");
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }, "nothing listens on the port any more");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
