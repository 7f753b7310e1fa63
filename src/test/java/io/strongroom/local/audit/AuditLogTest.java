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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit writer and its queries, on a database of their own, without HTTP. */
class AuditLogTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-east-1";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;
    private int ids;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("audit.db"));
        audit = new AuditLog(db, new NamedThreads("audit-log-test"));
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
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        Future<?> held = holder.submit(() -> db.write(c -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 50; i++) {
            audit.record(event(T0));
        }
        audit.record(event("taken", T0, "DescribeSecret"));    // a duplicate event ID cannot be stored
        for (int i = 0; i < 50; i++) {
            audit.record(event(T0));
        }
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        holder.shutdown();

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
        audit.record(event(T0.plus(Duration.ofDays(10))));
        assertEquals(0, audit.purgeOlderThan(T0.plus(Duration.ofDays(5))));
        audit.record(event(T0));

        assertEquals(1, audit.purgeOlderThan(T0.plus(Duration.ofDays(5))));
        assertEquals(1, count("audit_events"));
    }

    @Test
    void purgeWaitsUntilTheOldestEventIsAMinutePastTheCutoff() {
        audit.record(event(T0));
        audit.purgeOlderThan(T0);    // learns the oldest event

        assertEquals(0, audit.purgeOlderThan(T0.plus(AuditLog.PURGE_SLACK).minusSeconds(1)));
        assertEquals(1, audit.purgeOlderThan(T0.plus(AuditLog.PURGE_SLACK).plusSeconds(1)));
    }
}
