package io.strongroom.testing;

import io.strongroom.local.NamedThreads;
import io.strongroom.local.postgres.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * One throwaway PostgreSQL cluster per test JVM, started by the first test that asks for it and
 * stopped when the JVM exits. Where PostgreSQL cannot run, a test that needs it is skipped with
 * the reason, unless {@code -Dstrongroom.requirePostgres=true} (CI), where it fails instead.
 */
public final class TestPostgres {

    public static final String REQUIRE_PROPERTY = "strongroom.requirePostgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static LocalPostgres shared;
    private static String startFailure;

    private TestPostgres() {}

    /** The JVM's cluster, started on first use; skips or fails the calling test when PostgreSQL cannot run here. */
    public static synchronized LocalPostgres require() {
        requireAvailable();
        if (startFailure != null) {
            fail("The test cluster did not start earlier in this JVM: " + startFailure);
        }
        if (shared == null) {
            try {
                shared = LocalPostgres.start(parentDirectory());
            } catch (IOException e) {
                startFailure = e.getMessage();
                fail("The test cluster did not start: " + startFailure, e);
            }
            LocalPostgres cluster = shared;
            Runtime.getRuntime().addShutdownHook(new NamedThreads("test-postgres-stop").newThread(cluster::close));
        }
        return shared;
    }

    /** Skips the calling test (or fails it under {@value #REQUIRE_PROPERTY}) when PostgreSQL cannot run here. */
    public static void requireAvailable() {
        Optional<String> reason = LocalPostgres.unavailableReason();
        if (reason.isPresent()) {
            if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
                fail("PostgreSQL is required (" + REQUIRE_PROPERTY + "=true) but cannot run here: " + reason.get());
            }
            abort("PostgreSQL cannot run here, so this test is skipped: " + reason.get());
        }
    }

    /**
     * Where test clusters live: a directory of the system's temporary one that every user may
     * traverse, since as root the server runs as the postgres user (JUnit's @TempDir is owner-only).
     */
    public static Path parentDirectory() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "strongroom-postgres-tests");
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A fresh lower-case name with {@code prefix}, so tests sharing the cluster never meet. */
    public static String uniqueName(String prefix) {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return prefix + "_" + HexFormat.of().formatHex(b);
    }

    /** Whether {@code user} logs in to {@code database} with {@code password}; false only for a refused login. */
    public static boolean logsIn(LocalPostgres pg, String database, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        try (var c = DriverManager.getConnection(pg.jdbcUrl(database), p)) {
            return c.isValid(5);
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                return false;
            }
            throw new AssertionError("logging in as " + user + " failed for another reason than the password: " + e.getMessage(), e);
        }
    }
}
