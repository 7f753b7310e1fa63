package io.strongroom.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's early store start: once, seeded only on a new data directory, never cut short by closing. */
class CompositionStoreStartTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryIsSeededOnceAndEveryCallerGetsTheSameStart() throws Exception {
        AtomicInteger seeds = new AtomicInteger();
        FirstRun counting = store -> seeds.incrementAndGet();
        try (Composition composition = new Composition()) {
            var first = composition.prepareStore(dir, counting);
            var second = composition.prepareStore(dir, counting);
            assertSame(first, second);
            Composition.PreparedStore prepared = first.get(60, TimeUnit.SECONDS);
            assertTrue(prepared.demoSeeded());
            assertEquals(1, seeds.get());
            assertTrue(Files.exists(dir.resolve(Composition.DATABASE_FILE)));
        }
        try (Composition again = new Composition()) {
            Composition.PreparedStore reopened = again.prepareStore(dir, counting).get(60, TimeUnit.SECONDS);
            assertFalse(reopened.demoSeeded(), "an existing store is never seeded again");
            assertEquals(1, seeds.get());
        }
    }

    @Test
    void closingWhileTheFirstRunSeedsWaitsForTheSeedingToFinish() throws Exception {
        CountDownLatch seeding = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        FirstRun slow = store -> {
            seeding.countDown();
            Thread.sleep(300);
            store.accounts().list();        // still usable: the store was not closed under the seeding
            finished.set(true);
        };
        Composition composition = new Composition();
        var prepared = composition.prepareStore(dir, slow);
        assertTrue(seeding.await(60, TimeUnit.SECONDS));
        composition.close();
        assertTrue(finished.get(), "close() returned before the seeding finished");
        assertTrue(prepared.get(1, TimeUnit.SECONDS).demoSeeded());
    }

    @Test
    void theConsolesEarlyStartSeedsOnceAndLeavesTheStoreServingTheServiceLayer() throws Exception {
        AtomicInteger seeds = new AtomicInteger();
        FirstRun counting = store -> seeds.incrementAndGet();
        try (Composition composition = new Composition()) {
            var first = composition.prepareConsole(dir, counting);
            assertSame(first, composition.prepareStore(dir, counting), "one early start, whoever asks");
            Composition.PreparedStore prepared = first.get(60, TimeUnit.SECONDS);
            assertTrue(prepared.demoSeeded());
            assertEquals(1, seeds.get());
            var account = Composition.accountsOf(prepared.store()).accounts().get(0);
            // the services the early start built answer through the store it started
            assertEquals(account.accountId(), composition.identity().callerIdentity(account.in("us-east-1")).accountId());
        }
    }
}
