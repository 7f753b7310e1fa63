package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The audit trail. Request threads hand events to a queue; one writer thread stores them in
 * batches, one transaction per batch. {@link #flush()} waits until everything recorded so far is
 * stored; lookups flush first, so a caller always finds its own earlier calls.
 *
 * <p><b>Durability.</b> Two ways in, by what the call did:
 * <ul>
 * <li>{@link #record} (read-only calls): returns at once. The event is committed with
 *     {@link Database#writeRelaxed} moments later (after a short linger that lets a busy store
 *     write many events per commit); a crash of the process in that moment can lose it.
 * <li>{@link #recordDurably} (mutating calls): returns once the events are committed with
 *     {@link Database#write}, i.e. synced to disk as the call's own data write was, so an
 *     acknowledged change is never missing from the trail after a crash. This is group commit:
 *     the writer does not linger for such a batch, and it takes into the batch every event queued
 *     up to the moment it holds the database, so concurrent mutating calls share one sync instead
 *     of paying one each.
 * </ul>
 * An event that cannot be stored at all (the database refuses it even on its own, or the writer
 * has stopped) is never dropped silently: it is logged at ERROR with its event ID, name and request
 * ID (never its parameters) and counted in {@link #lostEvents()}; {@code recordDurably} returns
 * false for it. The caller's own result stands, since its data was committed before its event
 * was recorded; see {@code RequestPipeline} for what the client is told.
 *
 * <p><b>Refusals before authentication</b> are not events of any account: whoever sent them
 * proved no identity, so the access key, region, user agent and operation they name are only
 * claims. {@link #recordRefusal} keeps them in a table of their own, which LookupEvents never
 * reads, for the store's operator ({@link #unverifiedRefusals}). Every claimed field is cut to a
 * few hundred characters; at most {@link RefusalLimits#perSecond} a second are stored (a token
 * bucket with a small burst, on real time), and the excess is counted and stored as one summary
 * row at most every {@link RefusalLimits#summaryInterval}; only the newest
 * {@link RefusalLimits#maxRows} rows are kept. So no stream of unauthenticated requests can grow
 * the database or the heap by more than a bounded amount.
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
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

    /**
     * How refusals before authentication are kept: at most {@code perSecond} stored a second on
     * average, {@code burst} at once; at most one summary of the rest every {@code summaryInterval};
     * the newest {@code maxRows} rows kept.
     */
    record RefusalLimits(double perSecond, int burst, int maxRows, Duration summaryInterval) {
        static final RefusalLimits DEFAULT = new RefusalLimits(20, 20, 10_000, Duration.ofSeconds(1));
    }

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

    /** One thing for the writer to store: an event or a refusal, and whoever waits for it to be synced. */
    private static final class Entry {
        final AuditEvent event;
        final UnverifiedRefusal refusal;
        /** Completed with true once stored and synced, false once given up on; null when nobody waits. */
        final CompletableFuture<Boolean> durable;
        /** Set by the writer when the entry could not be stored. */
        boolean lost;

        Entry(AuditEvent event, UnverifiedRefusal refusal, boolean durable) {
            this.event = event;
            this.refusal = refusal;
            this.durable = durable ? new CompletableFuture<>() : null;
        }

        String describe() {
            return event != null
                    ? "audit event " + event.eventId() + " (" + event.eventName() + ", request " + event.requestId() + ")"
                    : "unverified refusal (request " + refusal.requestId() + ")";
        }
    }

    private final Database db;
    private final RefusalLimits limits;
    private final RefusalGate gate;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private final AtomicInteger flushWaiters = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private long recorded;
    private long written;
    private volatile boolean closing;
    /** No stored event is older than this (epoch millis); Long.MIN_VALUE while unknown. */
    private final AtomicLong oldestStored = new AtomicLong(Long.MIN_VALUE);

    public AuditLog(Database db, ThreadFactory threads) {
        this(db, threads, RefusalLimits.DEFAULT, System::nanoTime);
    }

    /** With other refusal limits and a ticker (nanoseconds, as {@link System#nanoTime}) for the rate limit: for tests. */
    AuditLog(Database db, ThreadFactory threads, RefusalLimits limits, LongSupplier nanoTime) {
        this.db = db;
        this.limits = limits;
        this.gate = new RefusalGate(limits, nanoTime);
        this.writer = threads.newThread(this::drainLoop);
        this.writer.start();
    }

    /**
     * Queues the event of a read-only call and returns at once; it is stored moments later (see
     * the class comment for what that guarantees). Over-long client-supplied fields are cut.
     */
    public void record(AuditEvent event) {
        enqueue(new Entry(FieldCaps.event(event), null, false));
    }

    /**
     * Records the events of a mutating call and returns once they are committed and synced, in
     * one group commit with whatever else is being recorded meanwhile. Waits as long as the writer
     * runs (an interrupt is kept for the caller, not obeyed early).
     *
     * @return true when every event is durable; false when one could not be stored, which has
     *         then been logged and counted in {@link #lostEvents()}
     */
    public boolean recordDurably(List<AuditEvent> events) {
        Entry[] entries = new Entry[events.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry(FieldCaps.event(events.get(i)), null, true);
        }
        enqueue(entries);
        boolean all = true;
        for (Entry e : entries) {
            all &= awaitDurable(e);
        }
        return all;
    }

    /**
     * Keeps a request refused before authentication, apart from every account's trail, if the
     * rate limit allows; otherwise only counts it, for the next summary row. Never waits for storage.
     */
    public void recordRefusal(UnverifiedRefusal refusal) {
        UnverifiedRefusal capped = refusal.capped();
        if (gate.admit(capped.time())) {
            enqueue(new Entry(null, capped, false));
        }
    }

    /**
     * Whether an unauthenticated call that AWS records in an account's trail (an unsigned STS
     * sign-in naming a role of that account) may be recorded there now. It shares the refusals'
     * rate limit, so no unauthenticated caller can add more than that to any trail; a call turned
     * away is counted in the next summary row of the unverified refusals.
     */
    public boolean admitUnauthenticated(Instant time) {
        return gate.admit(time);
    }

    /**
     * The newest {@code limit} unverified refusals and summaries, newest first: for the store's
     * operator, not reachable through any API. Refusals counted but not yet summarized are
     * summarized first, so the answer accounts for every refusal so far.
     */
    public List<UnverifiedRefusal> unverifiedRefusals(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        UnverifiedRefusal summary = gate.takeSummary(true);
        if (summary != null) {
            enqueue(new Entry(null, summary, false));
        }
        flush();
        return db.read(c -> {
            List<UnverifiedRefusal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, refused_at, request_id, error_code, message, claimed_access_key_id,"
                    + " claimed_key_account_id, claimed_region, claimed_event_name, event_source, source_ip, user_agent, not_recorded"
                    + " FROM unverified_refusals ORDER BY seq DESC LIMIT ?")) {
                ps.setInt(1, Math.min(limit, limits.maxRows()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UnverifiedRefusal(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getLong(13)));
                    }
                }
            }
            return out;
        });
    }

    /** How many events (or refusals) could not be stored since this log was opened; each was logged. */
    public long lostEvents() {
        return lost.get();
    }

    private void enqueue(Entry... entries) {
        if (!writer.isAlive()) {
            for (Entry e : entries) {
                giveUp(e, "the audit log is closed");
            }
            return;
        }
        lock.lock();
        try {
            for (Entry e : entries) {
                recorded++;
                queue.add(e);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitDurable(Entry e) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return e.durable.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException notYet) {
                    if (!writer.isAlive()) {
                        giveUp(e, "the audit writer has stopped");
                    }
                } catch (InterruptedException ie) {
                    interrupted = true;
                } catch (ExecutionException impossible) {
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reports and counts an entry nobody will store; a no-op if the writer settled it first. */
    private void giveUp(Entry e, String why) {
        if (e.durable == null || e.durable.complete(false)) {
            reportLost(e, why);
        }
    }

    private void reportLost(Entry e, String why) {
        lost.incrementAndGet();
        LOG.log(System.Logger.Level.ERROR, "could not store " + e.describe() + ": " + why);
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
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            UnverifiedRefusal summary = gate.takeSummary(false);
            if (summary != null) {
                enqueue(new Entry(null, summary, false));
            }
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                boolean durable = anyDurable(batch);
                if (!durable && batch.size() < BATCH && !closing && flushWaiters.get() == 0) {
                    // Under load, waiting a moment turns many small commits into one larger one;
                    // nobody waits on these events (lookups flush, and skip this wait).
                    try {
                        Thread.sleep(LINGER_MILLIS);
                    } catch (InterruptedException closingOrStopped) {
                        // whatever was drained is still stored below; the loop then sees the interrupt
                        if (!closing) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    queue.drainTo(batch, BATCH - batch.size());
                    durable = anyDurable(batch);
                }
                storeBatch(batch, durable);
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                if (!batch.isEmpty()) {
                    for (Entry e : batch) {
                        if (e.durable != null) {
                            e.durable.complete(!e.lost);
                        }
                    }
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

    private static boolean anyDurable(List<Entry> batch) {
        for (Entry e : batch) {
            if (e.durable != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores a batch in one transaction, synced when anyone waits on it. If that fails, each
     * entry is tried on its own so that one bad event costs only itself; an entry that cannot be
     * stored at all is reported, not retried forever, and still counts as written so that flush()
     * does not hang on it.
     */
    private void storeBatch(List<Entry> batch, boolean durable) {
        try {
            store(batch, durable, durable);
            return;
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                lostInWriter(batch.get(0), batchFailure);
                return;
            }
        }
        for (Entry e : batch) {
            try {
                store(List.of(e), durable, false);
            } catch (RuntimeException failure) {
                lostInWriter(e, failure);
            }
        }
    }

    private void lostInWriter(Entry e, RuntimeException failure) {
        e.lost = true;
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        reportLost(e, failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + (cause != failure ? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" : ""));
    }

    /**
     * Writes {@code batch} in one transaction: synced ({@link Database#write}) when {@code durable},
     * else {@link Database#writeRelaxed}. With {@code extend}, whatever was queued while the writer
     * waited for the database joins the batch once it holds it: the same sync then covers it.
     */
    private void store(List<Entry> batch, boolean durable, boolean extend) {
        Database.SqlWork<Void> work = c -> {
            if (extend && batch.size() < BATCH) {
                queue.drainTo(batch, BATCH - batch.size());
            }
            boolean refusals = false;
            for (Entry entry : batch) {
                if (entry.event != null) {
                    insertEvent(c, entry.event);
                } else {
                    insertRefusal(c, entry.refusal);
                    refusals = true;
                }
            }
            if (refusals) {
                PreparedStatement trim = db.prepared(c,
                        "DELETE FROM unverified_refusals WHERE seq <= (SELECT MAX(seq) FROM unverified_refusals) - ?");
                trim.setLong(1, limits.maxRows());
                trim.executeUpdate();
            }
            return null;
        };
        if (durable) {
            db.write(work);
        } else {
            db.writeRelaxed(work);
        }
    }

    private void insertEvent(java.sql.Connection c, AuditEvent e) throws java.sql.SQLException {
        // Kept prepared on the writer connection across batches (see Database.prepared).
        PreparedStatement ev = db.prepared(c, """
                INSERT INTO audit_events(event_id, account_id, region, event_time, event_name, event_source, username,
                    principal_arn, principal_id, access_key_id, read_only, error_code, error_message, source_ip, user_agent,
                    request_id, request_parameters, resource_type, resource_name)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""");
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
            PreparedStatement res = db.prepared(c, "INSERT INTO audit_event_resources(seq, resource_type, resource_name) VALUES (?,?,?)");
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

    private void insertRefusal(java.sql.Connection c, UnverifiedRefusal r) throws java.sql.SQLException {
        PreparedStatement ps = db.prepared(c, """
                INSERT INTO unverified_refusals(refused_at, request_id, error_code, message, claimed_access_key_id,
                    claimed_key_account_id, claimed_region, claimed_event_name, event_source, source_ip, user_agent, not_recorded)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""");
        ps.setLong(1, r.time().toEpochMilli());
        ps.setString(2, r.requestId());
        ps.setString(3, r.errorCode());
        ps.setString(4, r.message());
        ps.setString(5, r.claimedAccessKeyId());
        ps.setString(6, r.claimedKeyAccountId());
        ps.setString(7, r.claimedRegion());
        ps.setString(8, r.claimedEventName());
        ps.setString(9, r.eventSource());
        ps.setString(10, r.sourceIp());
        ps.setString(11, r.userAgent());
        ps.setLong(12, r.notRecorded());
        ps.executeUpdate();
    }

    /**
     * The rate limit on stored refusals (a token bucket on real time, not the store's clock: it
     * limits what an attacker can make the store do now) and the count of those it turned away.
     */
    private static final class RefusalGate {
        private final RefusalLimits limits;
        private final LongSupplier nanoTime;
        private final long summaryIntervalNanos;
        private double tokens;
        private long refilledAt;
        private long suppressed;
        private Instant firstSuppressed;
        private Instant lastSuppressed;
        private long lastSummaryAt;

        RefusalGate(RefusalLimits limits, LongSupplier nanoTime) {
            this.limits = limits;
            this.nanoTime = nanoTime;
            this.summaryIntervalNanos = limits.summaryInterval().toNanos();
            this.tokens = limits.burst();
            this.refilledAt = nanoTime.getAsLong();
            this.lastSummaryAt = refilledAt;        // the first summary is due one interval after the start
        }

        synchronized boolean admit(Instant time) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(limits.burst(), tokens + (now - refilledAt) / 1e9 * limits.perSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            if (suppressed++ == 0) {
                firstSuppressed = time;
            }
            lastSuppressed = time;
            return false;
        }

        /** One row for the refusals turned away since the last summary, when there are any and one is due (or {@code force}). */
        synchronized UnverifiedRefusal takeSummary(boolean force) {
            if (suppressed == 0) {
                return null;
            }
            long now = nanoTime.getAsLong();
            if (!force && now - lastSummaryAt < summaryIntervalNanos) {
                return null;
            }
            String message = String.format(Locale.ROOT, "%d refusals not recorded one by one, from %s to %s: more than %s a second",
                    suppressed, firstSuppressed, lastSuppressed, limitText(limits.perSecond()));
            UnverifiedRefusal summary = new UnverifiedRefusal(0, lastSuppressed, null, null, message, null, null, null, null, null,
                    null, null, suppressed);
            suppressed = 0;
            lastSummaryAt = now;
            return summary;
        }

        private static String limitText(double perSecond) {
            return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
        }
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

    /** Stores everything recorded so far (with a last summary of uncounted refusals), then stops the writer. */
    @Override
    public void close() {
        UnverifiedRefusal summary = gate.takeSummary(true);
        if (summary != null) {
            enqueue(new Entry(null, summary, false));
        }
        closing = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
