package io.strongroom.service.journal;

import io.strongroom.local.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test with a journal of its own, opened before each test in a temporary directory on the
 * fixtures' adjustable clock, and closed after it (after the subclass's own clean-up). A test
 * may reopen {@link #journal}: the one it holds last is the one closed.
 */
public abstract class OpenJournalTestCase {

    @TempDir
    protected Path dir;
    protected AdjustableClock clock;
    protected ActionJournal journal;

    @BeforeEach
    void openJournal() {
        clock = JournalFixtures.clock();
        journal = JournalFixtures.open(dir, clock);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }
}
