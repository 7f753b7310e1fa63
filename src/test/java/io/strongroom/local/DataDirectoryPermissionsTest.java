package io.strongroom.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The data directory, the database files and the root key are the owner's alone, also when the
 * directory existed before the store did. Checked on the mode bits, not by reading as another
 * user: the tests also run as root, who can read anything.
 */
class DataDirectoryPermissionsTest {

    @TempDir
    Path tmp;

    private static final String[] STORE_FILES = {"strongroom.db", "strongroom.db-wal", "strongroom.db-shm"};

    private Path data;

    @BeforeEach
    void posixOnly() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        data = tmp.resolve("data");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void anExistingDataDirectoryOpenToOthersIsTheOwnersAloneAfterStart() throws Exception {
        Files.createDirectory(data);
        chmod(data, "rwxr-xr-x");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(data))) {
            assertEquals(3, store.accounts().list().size());
            assertEquals("rwx------", mode(data));
            assertEquals("rw-------", mode(data.resolve("strongroom.db")), "the database is not readable by others");
            for (String name : STORE_FILES) {
                if (Files.exists(data.resolve(name))) {
                    assertEquals("rw-------", mode(data.resolve(name)), name);
                }
            }
            assertEquals("rw-------", mode(data.resolve("root.key")));
        }
    }

    @Test
    void databaseFilesLeftOpenByAnEarlierRunAreNarrowedAndStillServe() throws Exception {
        try (LocalStore first = LocalStore.start(LocalStoreConfig.defaults(data))) {
            first.accounts().list();
        }
        // as an earlier Strongroom (or a copy with cp -r under umask 022) left them
        chmod(data, "rwxr-xr-x");
        chmod(data.resolve("strongroom.db"), "rw-r--r--");
        for (String leftover : new String[] {"strongroom.db-wal", "strongroom.db-shm"}) {
            Files.deleteIfExists(data.resolve(leftover));
            Files.createFile(data.resolve(leftover), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        }
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(data))) {
            assertEquals(3, again.accounts().list().size(), "the store opens what the earlier run left");
            assertEquals("rwx------", mode(data));
            for (String name : STORE_FILES) {
                assertEquals("rw-------", mode(data.resolve(name)), name);
            }
        }
    }

    @ParameterizedTest(name = "root.key {0}")
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rw------x"})
    void aRootKeyOpenToOthersStopsTheStartAndSaysHowToFixIt(String open) throws Exception {
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path key = data.resolve("root.key");
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        Files.write(key, material);
        chmod(key, open);
        int port = freePort();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalStore.start(LocalStoreConfig.defaults(data).withPort(port)).close());

        String message = e.getMessage();
        assertTrue(message.contains(key.toString()), "names the file: " + message);
        assertTrue(message.contains("(its mode is " + open + ")"), "gives its mode: " + message);
        assertTrue(message.contains("seals every KMS key and access key"), "says why: " + message);
        assertTrue(message.contains("chmod 600 " + key), "gives the fix: " + message);
        assertEquals(open, mode(key), "the key file is not fixed behind the user's back");
        for (String name : STORE_FILES) {
            assertFalse(Files.exists(data.resolve(name)), "no database was created: " + name);
        }
        try (ServerSocket nobodyListens = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, nobodyListens.getLocalPort(), "the store did not bind its port");
        }

        chmod(key, "rw-------");        // the fix the message gives
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(data).withPort(port))) {
            assertEquals(port, store.port(), "the lock was released; the store starts once the key is private");
            assertEquals(3, store.accounts().list().size());
        }
    }

    @ParameterizedTest(name = "root.key {0}")
    @ValueSource(strings = {"rw-------", "r--------"})
    void aRootKeyOfTheOwnersAloneIsAcceptedAsItIs(String mode) throws Exception {
        try (LocalStore first = LocalStore.start(LocalStoreConfig.defaults(data))) {
            first.accounts().list();
        }
        chmod(data.resolve("root.key"), mode);
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(data))) {
            assertEquals(3, again.accounts().list().size());
        }
        assertEquals(mode, mode(data.resolve("root.key")));
    }

    @Test
    void aRootKeyThatIsASymbolicLinkIsRefused() throws Exception {
        Files.createDirectory(data);
        Path elsewhere = tmp.resolve("elsewhere.key");
        Files.createFile(elsewhere, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        Files.write(elsewhere, material);
        Files.createSymbolicLink(data.resolve("root.key"), elsewhere);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalStore.start(LocalStoreConfig.defaults(data)).close());
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(data.resolve("strongroom.db")));
    }

    @Test
    void aDanglingSymbolicLinkInPlaceOfTheRootKeyIsRefusedNotReplaced() throws Exception {
        Files.createDirectory(data);
        Files.createSymbolicLink(data.resolve("root.key"), tmp.resolve("missing.key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalStore.start(LocalStoreConfig.defaults(data)).close());
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("missing.key")), "nothing was written through the link");
    }

    @Test
    void aRootKeyThatIsNotARegularFileIsRefused() throws Exception {
        Files.createDirectories(data.resolve("root.key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalStore.start(LocalStoreConfig.defaults(data)).close());
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
