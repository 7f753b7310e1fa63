package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.local.storage.Database;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The audit trail. Request threads hand events to a queue; one writer thread stores them in
 * batches, so recording costs a request almost nothing and the database sees one commit per
 * batch rather than one per call. {@link #flush()} waits until everything recorded so far is
 * stored; lookups flush first, so a caller always finds its own earlier calls.
 *
 * <p>Events older than the retention period (90 days, as CloudTrail's event history) are
 * purged by {@link #purgeOlderThan}.
 *
 * <p>Lookups return events newest first, ordered by event time and then by the order they were
 * stored, and page with a {@link Cursor} on that same order: an event stored late with an
 * earlier time (a slow request) still turns up on a later page instead of being skipped.
 * Times compare at whole seconds, the precision CloudTrail records them with.
 */
public final class AuditLog implements AutoCloseable {

    public static final Duration RETENTION = Duration.ofDays(90);
    /**
     * How far past the cutoff the oldest event must be before a purge deletes anything: deletions
     * then come in runs about a minute apart on the store's clock, not as a table scan on every
     * maintenance tick of a busy store. Lookups never return an expired event in the meantime;
     * they apply the retention window themselves.
     */
    static final Duration PURGE_SLACK = Duration.ofMinutes(1);
    private static final int BATCH = 512;
    private static final long LINGER_MILLIS = 10;
    private final java.util.concurrent.atomic.AtomicInteger flushWaiters = new java.util.concurrent.atomic.AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

    /** A page of events, newest first, and where the next page starts (null on the last page). */
    public record Page(List<StoredEvent> events, Cursor next) {}

    /** A position in lookup order: the next page holds the events that come after this one. */
    public record Cursor(long eventTimeMillis, long seq) {}

    /** An event as stored: its sequence number, summary columns and CloudTrail JSON. */
    public record StoredEvent(long seq, AuditEvent event, String cloudTrailJson) {}

    /**
     * A lookup in one account and region: at most one attribute, an inclusive time range (either
     * end may be null), a page size, and where to continue (null for the first page).
     */
    public record Query(String accountId, String region, String attributeKey, String attributeValue,
                        Instant startTime, Instant endTime, int maxResults, Cursor after) {}

    private final Database db;
    private final LinkedBlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private long recorded;
    private long written;
    private volatile boolean closing;
    /** No stored event is older than this (epoch millis); Long.MIN_VALUE while unknown. */
    private final AtomicLong oldestStored = new AtomicLong(Long.MIN_VALUE);

    public AuditLog(Database db, ThreadFactory threads) {
        this.db = db;
        this.writer = threads.newThread(this::drainLoop);
        this.writer.start();
    }

    public void record(AuditEvent event) {
        lock.lock();
        try {
            recorded++;
        } finally {
            lock.unlock();
        }
        queue.add(event);
    }

    /** Blocks until every event recorded before this call is stored. */
    public void flush() {
        flushWaiters.incrementAndGet();
        try {
            awaitStored();
        } finally {
            flushWaiters.decrementAndGet();
        }
    }

    private void awaitStored() {
        lock.lock();
        try {
            long target = recorded;
            while (written < target) {
                if (!stored.await(5, TimeUnit.SECONDS) && !writer.isAlive()) {
                    throw new IllegalStateException("the audit writer has stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void drainLoop() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (batch.size() < BATCH && !closing && flushWaiters.get() == 0) {
                    // Under load, waiting a moment turns many small commits into one larger one;
                    // nobody waits on the trail (lookups flush, and skip this wait).
                    try {
                        Thread.sleep(LINGER_MILLIS);
                    } catch (InterruptedException closingOrStopped) {
                        // whatever was drained is still stored below; the loop then sees the interrupt
                        if (!closing) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    queue.drainTo(batch, BATCH - batch.size());
                }
                storeBatch(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                if (!batch.isEmpty()) {
                    lock.lock();
                    try {
                        written += batch.size();
                        stored.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    batch.clear();
                }
            }
        }
    }

    /**
     * Stores a batch in one transaction. If that fails, each event is tried on its own so that one
     * bad event costs only itself; an event that cannot be stored at all is reported, not retried
     * forever, and still counts as written so that flush() does not hang on it.
     */
    private void storeBatch(List<AuditEvent> batch) {
        try {
            store(batch);
            return;
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                reportLost(batch.get(0), batchFailure);
                return;
            }
        }
        for (AuditEvent event : batch) {
            try {
                store(List.of(event));
            } catch (RuntimeException e) {
                reportLost(event, e);
            }
        }
    }

    private static void reportLost(AuditEvent event, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "could not store audit event " + event.eventId() + " (" + event.eventName()
                + "): " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private void store(List<AuditEvent> batch) {
        db.writeRelaxed(c -> {
            // Kept prepared on the writer connection across batches (see Database.prepared).
            PreparedStatement ev = db.prepared(c, """
                    INSERT INTO audit_events(event_id, account_id, region, event_time, event_name, event_source, username,
                        principal_arn, principal_id, access_key_id, read_only, error_code, error_message, source_ip, user_agent,
                        request_id, request_parameters, resource_type, resource_name)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""");
            PreparedStatement res = db.prepared(c, "INSERT INTO audit_event_resources(seq, resource_type, resource_name) VALUES (?,?,?)");
            {
                for (AuditEvent e : batch) {
                    List<AuditEvent.Resource> resources = e.resources();
                    ev.setString(1, e.eventId());
                    ev.setString(2, e.accountId());
                    ev.setString(3, e.region());
                    ev.setLong(4, e.eventTime().toEpochMilli());
                    ev.setString(5, e.eventName());
                    ev.setString(6, e.eventSource());
                    ev.setString(7, e.userName());
                    ev.setString(8, e.principalArn());
                    ev.setString(9, e.principalId());
                    ev.setString(10, e.accessKeyId());
                    ev.setInt(11, e.readOnly() ? 1 : 0);
                    ev.setString(12, e.errorCode());
                    ev.setString(13, e.errorMessage());
                    ev.setString(14, e.sourceIp());
                    ev.setString(15, e.userAgent());
                    ev.setString(16, e.requestId());
                    ev.setString(17, e.requestParameters());
                    ev.setString(18, resources.isEmpty() ? null : resources.get(0).type());
                    ev.setString(19, resources.isEmpty() ? null : resources.get(0).name());
                    ev.executeUpdate();
                    if (resources.size() > 1) {
                        // Asked only here: generated keys on every insert cost sqlite-jdbc a second query each time.
                        long seq;
                        try (Statement st = c.createStatement(); ResultSet keys = st.executeQuery("SELECT last_insert_rowid()")) {
                            keys.next();
                            seq = keys.getLong(1);
                        }
                        for (AuditEvent.Resource r : resources.subList(1, resources.size())) {
                            res.setLong(1, seq);
                            res.setString(2, r.type());
                            res.setString(3, r.name());
                            res.executeUpdate();
                        }
                    }
                    // Inside the transaction: a purge, which also writes, never interleaves with this.
                    oldestStored.accumulateAndGet(e.eventTime().toEpochMilli(), Math::min);
                }
            }
            return null;
        });
    }

    private static final String COLUMNS = "e.seq, e.event_id, e.account_id, e.region, e.event_time, e.event_name, e.event_source, "
            + "e.username, e.principal_arn, e.principal_id, e.access_key_id, e.read_only, e.error_code, e.error_message, "
            + "e.source_ip, e.user_agent, e.request_id, e.request_parameters, e.resource_type, e.resource_name";

    private static AuditEvent readEvent(java.sql.Connection c, ResultSet rs) throws java.sql.SQLException {
        List<AuditEvent.Resource> resources = new ArrayList<>(1);
        if (rs.getString(19) != null) {
            resources.add(new AuditEvent.Resource(rs.getString(19), rs.getString(20)));
            try (PreparedStatement more = c.prepareStatement(
                    "SELECT resource_type, resource_name FROM audit_event_resources WHERE seq = ? ORDER BY rowid")) {
                more.setLong(1, rs.getLong(1));
                try (ResultSet m = more.executeQuery()) {
                    while (m.next()) {
                        resources.add(new AuditEvent.Resource(m.getString(1), m.getString(2)));
                    }
                }
            }
        }
        // CloudTrail reports event times to the second.
        return new AuditEvent(rs.getString(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)).truncatedTo(ChronoUnit.SECONDS),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12) == 1, rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), resources);
    }

    /** Events matching {@code q}, newest first. Flushes pending events first. */
    public Page lookup(Query q) {
        flush();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events e"
                + " WHERE e.account_id = ? AND e.region = ?");
        List<Object> args = new ArrayList<>(List.of(q.accountId(), q.region()));
        if (q.startTime() != null) {
            // An event recorded at second s is at or after the start when s is; so a start of
            // 10.5 s excludes second 10 and includes second 11.
            Instant start = q.startTime().truncatedTo(ChronoUnit.SECONDS);
            if (start.isBefore(q.startTime())) {
                start = start.plusSeconds(1);
            }
            sql.append(" AND e.event_time >= ?");
            args.add(start.toEpochMilli());
        }
        if (q.endTime() != null) {
            sql.append(" AND e.event_time < ?");
            args.add(q.endTime().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toEpochMilli());
        }
        if (q.after() != null) {
            sql.append(" AND (e.event_time < ? OR (e.event_time = ? AND e.seq < ?))");
            args.add(q.after().eventTimeMillis());
            args.add(q.after().eventTimeMillis());
            args.add(q.after().seq());
        }
        if (q.attributeKey() != null) {
            switch (q.attributeKey()) {
                case "EventId" -> sql.append(" AND e.event_id = ?");
                case "EventName" -> sql.append(" AND e.event_name = ?");
                case "EventSource" -> sql.append(" AND e.event_source = ?");
                case "Username" -> sql.append(" AND e.username = ?");
                case "AccessKeyId" -> sql.append(" AND e.access_key_id = ?");
                case "ReadOnly" -> sql.append(" AND e.read_only = ?");
                case "ResourceName" -> sql.append(" AND (e.resource_name = ? OR e.seq IN (SELECT seq FROM audit_event_resources WHERE resource_name = ?))");
                case "ResourceType" -> sql.append(" AND (e.resource_type = ? OR e.seq IN (SELECT seq FROM audit_event_resources WHERE resource_type = ?))");
                default -> throw new IllegalArgumentException("unknown lookup attribute " + q.attributeKey());
            }
            args.add("ReadOnly".equals(q.attributeKey()) ? (Boolean.parseBoolean(q.attributeValue()) ? 1 : 0) : q.attributeValue());
            if (q.attributeKey().startsWith("Resource")) {
                args.add(q.attributeValue());
            }
        }
        sql.append(" ORDER BY e.event_time DESC, e.seq DESC LIMIT ?");
        args.add(q.maxResults() + 1);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<StoredEvent> events = new ArrayList<>();
                Cursor next = null;
                long lastTime = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (events.size() == q.maxResults()) {
                            next = new Cursor(lastTime, events.get(events.size() - 1).seq());
                            break;
                        }
                        lastTime = rs.getLong(5);
                        AuditEvent event = readEvent(c, rs);
                        events.add(new StoredEvent(rs.getLong(1), event, CloudTrailRecord.toJson(event)));
                    }
                }
                return new Page(events, next);
            }
        });
    }

    /**
     * Deletes events older than {@code cutoff}; returns how many. Cheap when there is nothing to
     * delete; otherwise deletes at most once per {@link #PURGE_SLACK} of store time, so events
     * may outlive the cutoff by that much (lookups filter them out meanwhile).
     */
    public int purgeOlderThan(Instant cutoff) {
        flush();
        long cutoffMillis = cutoff.toEpochMilli();
        long oldest = oldestStored.get();
        if (oldest != Long.MIN_VALUE && oldest >= cutoffMillis - PURGE_SLACK.toMillis()) {
            return 0;
        }
        try {
            return db.write(c -> {
                int deleted;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_events WHERE event_time < ?")) {
                    ps.setLong(1, cutoffMillis);
                    deleted = ps.executeUpdate();
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(event_time) FROM audit_events")) {
                    rs.next();
                    long min = rs.getLong(1);
                    oldestStored.set(rs.wasNull() ? Long.MAX_VALUE : min);
                }
                return deleted;
            });
        } catch (RuntimeException e) {
            oldestStored.set(Long.MIN_VALUE);
            throw e;
        }
    }

    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
