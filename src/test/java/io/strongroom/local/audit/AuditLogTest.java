package io.strongroom.local.audit;

import io.strongroom.local.NamedThreads;
import io.strongroom.local.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit writer and its queries, on a database of their own, without HTTP. */
class AuditLogTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-east-1";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    private final AuditChain chain = new AuditChain(io.strongroom.local.crypto.Aead.newKey());
    private Database db;
    private AuditLog audit;
    private int ids;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("audit.db"));
        audit = new AuditLog(db, chain, new NamedThreads("audit-log-test"));
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    private AuditEvent event(String id, Instant time, String name, AuditEvent.Resource... resources) {
        return new AuditEvent(id, ACCOUNT, REGION, time, name, "secretsmanager.amazonaws.com", "admin",
                "arn:aws:iam::" + ACCOUNT + ":user/admin", "AIDAEXAMPLE", "AKIAEXAMPLE", true, null, null,
                "127.0.0.1", "test", "request-" + id, null, List.of(resources));
    }

    private AuditEvent event(Instant time) {
        return event("event-" + (++ids), time, "DescribeSecret");
    }

    private long count(String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private long countNamed(String eventName) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE event_name=?")) {
                ps.setString(1, eventName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private AuditLog.Page page(int size, AuditLog.Cursor after) {
        return audit.lookup(new AuditLog.Query(ACCOUNT, REGION, null, null, null, null, size, after));
    }

    private static List<Instant> times(AuditLog.Page page) {
        return page.events().stream().map(e -> e.event().eventTime()).toList();
    }

    @Test
    void flushWaitsUntilEveryEventRecordedFromManyThreadsIsStored() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        audit.record(event("t" + thread + "-" + i, T0.plusMillis(i), "DescribeSecret"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }

        audit.flush();

        assertEquals(2000, count("audit_events"));
    }

    @Test
    void aBadEventCostsOnlyItselfNotTheRestOfItsBatch() throws Exception {
        audit.record(event("taken", T0, "DescribeSecret"));
        audit.flush();
        // Hold the database so that what follows queues up and is written as one batch.
        ExecutorService holder = Executors.newSingleThreadExecutor();
        CountDownLatch release = holdDatabase(holder);
        for (int i = 0; i < 50; i++) {
            audit.record(event(T0));
        }
        audit.record(event("taken", T0, "DescribeSecret"));    // a duplicate event ID cannot be stored
        for (int i = 0; i < 50; i++) {
            audit.record(event(T0));
        }
        release.countDown();
        holder.shutdown();
        assertTrue(holder.awaitTermination(10, TimeUnit.SECONDS), "the database is let go");

        audit.flush();

        assertEquals(101, count("audit_events"));
    }

    @Test
    void closeStoresEverythingRecordedBeforeIt() {
        for (int i = 0; i < 1000; i++) {
            audit.record(event(T0.plusSeconds(i)));
        }

        audit.close();

        assertEquals(1000, count("audit_events"));
    }

    @Test
    void eventsAreFoundNewestFirstByEventTime() {
        audit.record(event(T0.plusSeconds(20)));
        audit.record(event(T0.plusSeconds(30)));
        audit.record(event(T0.plusSeconds(10)));

        assertEquals(List.of(T0.plusSeconds(30), T0.plusSeconds(20), T0.plusSeconds(10)), times(page(50, null)));
    }

    @Test
    void anEventStoredLateWithAnEarlierTimeIsFoundOnALaterPage() {
        audit.record(event(T0.plusSeconds(10)));
        audit.record(event(T0.plusSeconds(20)));
        audit.record(event(T0.plusSeconds(30)));
        AuditLog.Page first = page(2, null);
        // A slow request started before the page was read, and finished after.
        audit.record(event(T0.plusSeconds(15)));

        AuditLog.Page second = page(2, first.next());

        assertEquals(List.of(T0.plusSeconds(30), T0.plusSeconds(20)), times(first));
        assertEquals(List.of(T0.plusSeconds(15), T0.plusSeconds(10)), times(second));
        assertNull(second.next());
    }

    @Test
    void eventsAtTheSameMillisecondArePagedWithoutLossOrRepeat() {
        for (int i = 0; i < 7; i++) {
            audit.record(event(T0));
        }
        List<String> seen = new ArrayList<>();
        AuditLog.Cursor after = null;
        do {
            AuditLog.Page p = page(3, after);
            p.events().forEach(e -> seen.add(e.event().eventId()));
            after = p.next();
        } while (after != null);

        assertEquals(7, seen.size());
        assertEquals(7, new HashSet<>(seen).size());
    }

    @Test
    void timeBoundsCompareAtWholeSeconds() {
        audit.record(event(T0.plusMillis(200)));    // reported at T0
        AuditLog.Query q = new AuditLog.Query(ACCOUNT, REGION, null, null, T0, T0, 50, null);
        AuditLog.Query afterIt = new AuditLog.Query(ACCOUNT, REGION, null, null, T0.plusMillis(100), null, 50, null);

        assertEquals(List.of(T0), times(audit.lookup(q)));
        assertEquals(List.of(), times(audit.lookup(afterIt)));
    }

    @Test
    void purgeDeletesOlderEventsWithTheirResourcesAndKeepsTheRest() {
        AuditEvent.Resource oldSecret = new AuditEvent.Resource("AWS::SecretsManager::Secret", "old");
        AuditEvent.Resource newSecret = new AuditEvent.Resource("AWS::SecretsManager::Secret", "new");
        audit.record(event("old", T0, "GetSecretValue", oldSecret));
        audit.record(event("new", T0.plus(Duration.ofDays(2)), "GetSecretValue", newSecret));

        int purged = audit.purgeOlderThan(T0.plus(Duration.ofDays(1)));

        assertEquals(1, purged);
        assertEquals(List.of("new"), page(50, null).events().stream().map(e -> e.event().eventId()).toList());
        assertEquals(1, count("audit_events WHERE resource_name IS NOT NULL"), "the purged event's resource went with it");
    }

    @Test
    void purgeStillFindsOldEventsRecordedAfterAnEarlierPurge() {
        audit.record(event(T0.plus(Duration.ofDays(1))));
        assertEquals(0, audit.purgeOlderThan(T0.plus(Duration.ofDays(1))));
        audit.record(event(T0.plus(Duration.ofDays(2))));

        assertEquals(2, audit.purgeOlderThan(T0.plus(Duration.ofDays(5))), "both are past the cutoff");
        assertEquals(0, count("audit_events"));
    }

    @Test
    void anOldEventStoredAfterANewerOneStaysUntilTheEventsBeforeItInItsChainExpire() {
        audit.record(event("newer", T0.plus(Duration.ofDays(10)), "DescribeSecret"));
        audit.record(event("older-stored-later", T0, "DescribeSecret"));

        // Only a chain's oldest events, in the order stored, are purged: the chain stays whole.
        assertEquals(0, audit.purgeOlderThan(T0.plus(Duration.ofDays(5))));
        assertEquals(2, count("audit_events"));

        assertEquals(2, audit.purgeOlderThan(T0.plus(Duration.ofDays(11))));
        assertEquals(0, count("audit_events"));
    }

    @Test
    void purgeWaitsUntilTheOldestEventIsAMinutePastTheCutoff() {
        audit.record(event(T0));
        audit.purgeOlderThan(T0);    // learns the oldest event

        assertEquals(0, audit.purgeOlderThan(T0.plus(AuditLog.PURGE_SLACK).minusSeconds(1)));
        assertEquals(1, audit.purgeOlderThan(T0.plus(AuditLog.PURGE_SLACK).plusSeconds(1)));
    }

    // ---- durability of mutating calls' events ------------------------------------------------

    /** Holds the database's write lock from another thread until the returned latch is counted down. */
    private CountDownLatch holdDatabase(ExecutorService holder) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holder.submit(() -> db.write(c -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        return release;
    }

    @Test
    void aReadOnlyEventIsQueuedAtOnceWhileAMutatingOneReturnsOnlyOnceStored() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch release = holdDatabase(threads);
            Future<?> read = threads.submit(() -> audit.record(event("read", T0, "GetSecretValue")));
            read.get(5, TimeUnit.SECONDS);      // does not wait for the held database
            Future<Boolean> write = threads.submit(() -> audit.recordDurably(List.of(event("write", T0, "PutSecretValue"))));
            Thread.sleep(300);
            assertFalse(write.isDone(), "recordDurably returned before its event could be written");

            release.countDown();

            assertTrue(write.get(10, TimeUnit.SECONDS));
            // the mutating call's own event is stored when recordDurably returns; the read's, queued without
            // a waiter, may still be in the writer's batch (the caller can commit its own event first)
            assertEquals(1, countNamed("PutSecretValue"), "stored when recordDurably returns, without a flush");
            audit.flush();
            assertEquals(2, count("audit_events"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentMutatingEventsAreAllStoredWhenTheirCallsReturn() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    boolean all = true;
                    for (int i = 0; i < 50; i++) {
                        all &= audit.recordDurably(List.of(event("w" + thread + "-" + i, T0, "PutSecretValue")));
                    }
                    return all;
                }));
            }
            for (Future<Boolean> f : done) {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdown();
        }

        assertEquals(400, count("audit_events"));
        assertEquals(0, audit.lostEvents());
    }

    @Test
    void aMutatingEventThatCannotBeStoredIsReportedAndCounted() {
        assertTrue(audit.recordDurably(List.of(event("taken", T0, "PutSecretValue"))));

        assertFalse(audit.recordDurably(List.of(event("taken", T0, "PutSecretValue"))), "a duplicate event ID cannot be stored");

        assertEquals(1, audit.lostEvents());
        assertEquals(1, count("audit_events"));
    }

    @Test
    void aMutatingEventRecordedAfterCloseIsReportedNotWaitedFor() {
        audit.close();

        assertFalse(audit.recordDurably(List.of(event("late", T0, "PutSecretValue"))));
        assertEquals(1, audit.lostEvents());
    }

    // ---- caps on what clients supply ----------------------------------------------------------

    @Test
    void clientSuppliedFieldsOfAnEventAreCut() throws Exception {
        String huge = "p".repeat(1024 * 1024);
        AuditEvent e = new AuditEvent("big", ACCOUNT, REGION, T0, "CreateSecret", "secretsmanager.amazonaws.com", "admin",
                "arn:aws:iam::" + ACCOUNT + ":user/admin", "AIDAEXAMPLE", "AKIAEXAMPLE", false, "ValidationException",
                "m".repeat(100_000), "127.0.0.1", "u".repeat(100_000), "request-big",
                "{\"name\":\"" + huge + "\",\"tags\":[{\"key\":\"k\",\"value\":\"" + huge + "\"}]}", List.of());

        assertTrue(audit.recordDurably(List.of(e)));

        AuditEvent stored = page(50, null).events().get(0).event();
        assertEquals(512, stored.userAgent().length());
        assertTrue(stored.errorMessage().length() <= 2048, "error message kept at " + stored.errorMessage().length());
        assertTrue(stored.requestParameters().length() <= 64 * 1024, "parameters kept at " + stored.requestParameters().length());
        var parameters = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored.requestParameters());
        assertTrue(parameters.path("name").asText().startsWith("ppp"), "still the same shape, with the value cut");
        assertEquals("k", parameters.path("tags").path(0).path("key").asText());
    }

    // ---- refusals before authentication -------------------------------------------------------

    private static UnverifiedRefusal refusal(String requestId, String filler) {
        return UnverifiedRefusal.of(T0, requestId, "InvalidSignatureException", "refused " + filler, "AKIA" + filler, null,
                "us-east-1" + filler, "PutSecretValue" + filler, "secretsmanager.amazonaws.com", "127.0.0.1", "agent " + filler);
    }

    /** An AuditLog with its own refusal limits and a ticker the test moves. */
    private AuditLog limited(AuditLog.RefusalLimits limits, AtomicLong nanos) {
        audit.close();
        audit = new AuditLog(db, chain, new NamedThreads("audit-log-test"), limits, nanos::get);
        return audit;
    }

    private static long rows(List<UnverifiedRefusal> refusals) {
        return refusals.stream().filter(r -> !r.isSummary()).count();
    }

    private static List<Long> summaries(List<UnverifiedRefusal> refusals) {
        return refusals.stream().filter(UnverifiedRefusal::isSummary).map(UnverifiedRefusal::notRecorded).toList();
    }

    @Test
    void refusalsOverTheRateAreCountedInOneSummaryNotStored() {
        AtomicLong nanos = new AtomicLong();
        AuditLog log = limited(new AuditLog.RefusalLimits(20, 20, 10_000, Duration.ofSeconds(1)), nanos);
        for (int i = 0; i < 100; i++) {
            log.recordRefusal(refusal("r" + i, ""));
        }

        List<UnverifiedRefusal> first = log.unverifiedRefusals(1000);
        assertEquals(20, rows(first));
        assertEquals(List.of(80L), summaries(first));
        assertEquals("r19", first.stream().filter(r -> !r.isSummary()).findFirst().orElseThrow().requestId(), "the first 20 were kept");
        assertTrue(first.get(0).message().startsWith("80 refusals not recorded"), first.get(0).message());

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));     // the bucket refills 20
        for (int i = 100; i < 130; i++) {
            log.recordRefusal(refusal("r" + i, ""));
        }
        List<UnverifiedRefusal> second = log.unverifiedRefusals(1000);
        assertEquals(40, rows(second));
        assertEquals(List.of(10L, 80L), summaries(second));
    }

    @Test
    void theWriterStoresTheSummaryByItselfOnceTheIntervalHasPassed() throws Exception {
        AtomicLong nanos = new AtomicLong();
        AuditLog log = limited(new AuditLog.RefusalLimits(1, 1, 10_000, Duration.ofSeconds(1)), nanos);
        log.recordRefusal(refusal("kept", ""));
        log.recordRefusal(refusal("counted", ""));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        Thread.sleep(600);
        assertEquals(0, count("unverified_refusals WHERE not_recorded > 0"), "no summary before the interval is up");

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count("unverified_refusals WHERE not_recorded > 0") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(1, count("unverified_refusals WHERE not_recorded = 1"));
    }

    @Test
    void closeStoresTheLastSummary() {
        AtomicLong nanos = new AtomicLong();
        AuditLog log = limited(new AuditLog.RefusalLimits(1, 1, 10_000, Duration.ofHours(1)), nanos);
        for (int i = 0; i < 5; i++) {
            log.recordRefusal(refusal("r" + i, ""));
        }

        log.close();

        assertEquals(1, count("unverified_refusals WHERE not_recorded = 0"));
        assertEquals(1, count("unverified_refusals WHERE not_recorded = 4"));
    }

    @Test
    void onlyTheNewestRefusalsAreKept() {
        AtomicLong nanos = new AtomicLong();
        AuditLog log = limited(new AuditLog.RefusalLimits(1000, 1000, 50, Duration.ofSeconds(1)), nanos);
        for (int i = 0; i < 200; i++) {
            log.recordRefusal(refusal("r" + i, ""));
            if (i % 10 == 0) {
                log.flush();        // several batches, each trimming the table
            }
        }

        List<UnverifiedRefusal> kept = log.unverifiedRefusals(1000);

        assertEquals(50, kept.size());
        assertEquals("r199", kept.get(0).requestId());
        assertEquals("r150", kept.get(49).requestId());
        assertEquals(50, count("unverified_refusals"));
    }

    @Test
    void everyClaimedFieldOfARefusalIsCut() {
        audit.recordRefusal(refusal("r", "x".repeat(300 * 1024)));

        UnverifiedRefusal kept = audit.unverifiedRefusals(10).get(0);

        assertEquals(128, kept.claimedAccessKeyId().length());
        assertEquals(256, kept.userAgent().length());
        assertEquals(32, kept.claimedRegion().length());
        assertEquals(128, kept.claimedEventName().length());
        assertEquals(512, kept.message().length());
    }

    @Test
    void refusalsAreNotEventsOfAnyAccount() {
        audit.recordRefusal(refusal("r", ""));

        assertEquals(1, audit.unverifiedRefusals(10).size());
        assertEquals(0, count("audit_events"));
    }
}
