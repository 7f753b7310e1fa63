package io.strongroom.service.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A console on AWS alone (no embedded store) still keeps its journal in a directory only its user can read. */
class JournalDirectoryTest {

    @Test
    void theJournalCreatesAMissingDataDirectoryOwnerOnly(@TempDir Path tmp) {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path dataDir = tmp.resolve("no-store-ran-here");
        try (ActionJournal journal = ActionJournal.open(dataDir)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(ActionJournal.FILE_NAME))));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
