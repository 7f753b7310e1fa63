package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * <p><b>Tamper evidence.</b> Every event is a link in the chain of its account and region: it
 * names its predecessor and carries a MAC over everything it stores and its predecessor's MAC,
 * with a key derived from the root key, outside the database ({@link AuditChain}). The chains'
 * heads (count, newest event, retention anchor) are kept in memory and MAC'ed in
 * {@code audit_chains}, written in the transaction that appends the events ({@link ChainHeads}).
 * {@link AuditVerifier} checks it all; {@code strongroom audit verify} runs it.
 *
 * <p><b>Durability.</b> Three ways in:
 * <ul>
 * <li>{@link #recordDurably} (mutating calls): returns once the events are committed with
 *     {@link Database#write}, i.e. synced to disk as the call's own data write was.
 * <li>{@link #recordCommitted} (read-only calls): returns once the events are committed with
 *     {@link Database#writeRelaxed}: in WAL mode with {@code synchronous=NORMAL} a committed
 *     transaction is in the WAL file, which survives the process being killed (kill -9, a crash of
 *     the JVM); only a power cut or an operating-system crash before the next sync can lose it.
 *     The pipeline answers a call after this returns, so an acknowledged read is on the trail.
 * <li>{@link #record} (events no client waits on, such as the rotation service's): returns at
 *     once; stored moments later, after a short linger that lets many share a commit. A crash in
 *     that moment can lose it.
 * </ul>
 * Waiting callers share commits (group commit): a caller who finds no batch being written writes
 * its events itself, with whatever else is queued ({@link #commitIfIdle}); every event queued while
 * a batch is written goes into the writer thread's next one, and when the last commit served several callers the writer waits a
 * fraction of a millisecond ({@link #GROUP_WAIT_NANOS}) for more before committing reads (never the
 * 10 ms linger, and never for a lone caller). A synced batch also takes in whatever is queued up to
 * the moment it holds the database, so concurrent mutating calls share one sync. The price of an
 * acknowledged read being on the trail is a commit per few reads instead of per few dozen.
 *
 * <p>An event that cannot be stored at all (the database refuses it even on its own, or the writer
 * has stopped) is never dropped silently: it is logged at ERROR with its event ID, name and request
 * ID (never its parameters) and counted in {@link #lostEvents()}; the waiting methods return false
 * for it. The caller's own result stands; see {@code RequestPipeline} for what the client is told.
 *
 * <p><b>Refusals before authentication</b> are not events of any account: whoever sent them
 * proved no identity, so the access key, region, user agent and operation they name are only
 * claims. {@link #recordRefusal} keeps them in a table of their own, which LookupEvents never
 * reads, for the store's operator ({@link #unverifiedRefusals}). Every claimed field is cut to a
 * few hundred characters; at most {@link RefusalLimits#perSecond} a second are stored (a token
 * bucket with a small burst, on real time), and the excess is counted and stored as one summary
 * row at most every {@link RefusalLimits#summaryInterval}; only the newest
 * {@link RefusalLimits#maxRows} rows are kept. So no stream of unauthenticated requests can grow
 * the database or the heap by more than a bounded amount. They are not chained: they belong to no
 * account's trail.
 *
 * <p>Events older than the retention period (90 days, as CloudTrail's event history) are
 * purged by {@link #purgeOlderThan}, from the front of each chain ({@link AuditPurge}).
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
    /** How long a batch of waited-on read events waits for more, when the last commit served several callers. */
    private static final long GROUP_WAIT_NANOS = 200_000;
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

    /** One thing for the writer to store: an event or a refusal, and whoever waits for it to be committed. */
    private static final class Entry {
        final AuditEvent event;
        final UnverifiedRefusal refusal;
        /** Completed with true once committed, false once given up on; null when nobody waits. */
        final CompletableFuture<Boolean> done;
        /** Whether the waiter needs the commit synced to disk ({@link Database#write}), not only committed. */
        final boolean synced;
        /** Set by the writer when the entry could not be stored. */
        boolean lost;

        Entry(AuditEvent event, UnverifiedRefusal refusal, boolean waited, boolean synced) {
            this.event = event;
            this.refusal = refusal;
            this.done = waited ? new CompletableFuture<>() : null;
            this.synced = synced;
        }

        String describe() {
            return event != null
                    ? "audit event " + event.eventId() + " (" + event.eventName() + ", request " + event.requestId() + ")"
                    : "unverified refusal (request " + refusal.requestId() + ")";
        }
    }

    private final Database db;
    private final AuditChain chain;
    private final ChainHeads heads;
    private final RefusalLimits limits;
    private final RefusalGate gate;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Held by whoever writes a batch: the writer thread, or a caller writing its own ({@link #commitIfIdle}). */
    private final ReentrantLock committing = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private final AtomicInteger flushWaiters = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private long recorded;
    private long written;
    private volatile boolean closing;

    /** The trail in {@code db}, chained with {@code chain}'s key; its chain heads are checked as it opens. */
    public AuditLog(Database db, AuditChain chain, ThreadFactory threads) {
        this(db, chain, threads, RefusalLimits.DEFAULT, System::nanoTime);
    }

    /** With other refusal limits and a ticker (nanoseconds, as {@link System#nanoTime}) for the rate limit: for tests. */
    AuditLog(Database db, AuditChain chain, ThreadFactory threads, RefusalLimits limits, LongSupplier nanoTime) {
        this.db = db;
        this.chain = chain;
        this.heads = ChainHeads.open(db, chain, Clock.systemUTC());
        this.limits = limits;
        this.gate = new RefusalGate(limits, nanoTime);
        this.writer = threads.newThread(this::drainLoop);
        this.writer.start();
    }

    /**
     * Queues an event nobody acknowledges to a client (a service event, seeded history) and
     * returns at once; it is stored moments later (see the class comment for what that
     * guarantees). Over-long client-supplied fields are cut.
     */
    public void record(AuditEvent event) {
        enqueue(new Entry(FieldCaps.event(event), null, false, false));
    }

    /**
     * Records the events of a read-only call and returns once they are committed (not synced:
     * see the class comment), in one group commit with whatever else is being recorded meanwhile.
     *
     * @return true when every event is committed; false when one could not be stored, which has
     *         then been logged and counted in {@link #lostEvents()}
     */
    public boolean recordCommitted(List<AuditEvent> events) {
        return recordAndWait(events, false);
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
        return recordAndWait(events, true);
    }

    private boolean recordAndWait(List<AuditEvent> events, boolean synced) {
        Entry[] entries = new Entry[events.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry(FieldCaps.event(events.get(i)), null, true, synced);
        }
        enqueue(entries);
        commitIfIdle();
        boolean all = true;
        for (Entry e : entries) {
            all &= awaitDone(e);
        }
        return all;
    }

    /**
     * When no batch is being written, the caller writes one itself: its own events and whatever
     * else is queued. That saves the two thread switches a hand-over to the writer thread costs
     * (wake it, be woken), which with a commit per few reads is a good part of what recording
     * costs. When a batch is being written, the writer thread takes the caller's events into the
     * next one.
     */
    private void commitIfIdle() {
        if (!writer.isAlive() || !committing.tryLock()) {
            return;
        }
        List<Entry> batch = new ArrayList<>();
        try {
            queue.drainTo(batch, BATCH);
            if (!batch.isEmpty()) {
                storeBatch(batch, anySynced(batch));
            }
        } finally {
            committing.unlock();
            settle(batch);
        }
    }

    /** Tells the waiters of a written batch (stored or given up on) and counts it as written, for flush(). */
    private void settle(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Entry e : batch) {
            if (e.done != null) {
                e.done.complete(!e.lost);
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

    /**
     * Keeps a request refused before authentication, apart from every account's trail, if the
     * rate limit allows; otherwise only counts it, for the next summary row. Never waits for storage.
     */
    public void recordRefusal(UnverifiedRefusal refusal) {
        UnverifiedRefusal capped = refusal.capped();
        if (gate.admit(capped.time())) {
            enqueue(new Entry(null, capped, false, false));
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
            enqueue(new Entry(null, summary, false, false));
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

    private boolean awaitDone(Entry e) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return e.done.get(1, TimeUnit.SECONDS);
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
        if (e.done == null || e.done.complete(false)) {
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
        int lastBatch = 0;
        while (!closing || !queue.isEmpty()) {
            UnverifiedRefusal summary = gate.takeSummary(false);
            if (summary != null) {
                enqueue(new Entry(null, summary, false, false));
            }
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (!anyWaiter(batch) && batch.size() < BATCH && !closing && flushWaiters.get() == 0) {
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
                } else if (lastBatch > 1 && !anySynced(batch) && !closing) {
                    // Callers wait on these, and the last commit served several at once: others are
                    // likely a moment away, and letting them share this commit costs each a fraction
                    // of a millisecond, where a commit each costs the store far more (more commits,
                    // more WAL written). A lone caller never waits here.
                    java.util.concurrent.locks.LockSupport.parkNanos(GROUP_WAIT_NANOS);
                    queue.drainTo(batch, BATCH - batch.size());
                }
                committing.lock();
                try {
                    queue.drainTo(batch, BATCH - batch.size());     // what queued while a caller wrote its own
                    lastBatch = batch.size();
                    storeBatch(batch, anySynced(batch));
                } finally {
                    committing.unlock();
                }
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                settle(batch);
            }
        }
    }

    private static boolean anyWaiter(List<Entry> batch) {
        for (Entry e : batch) {
            if (e.done != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean anySynced(List<Entry> batch) {
        for (Entry e : batch) {
            if (e.synced) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores a batch in one transaction, synced when anyone needs it synced. If that fails, each
     * entry is tried on its own so that one bad event costs only itself; an entry that cannot be
     * stored at all is reported, not retried forever, and still counts as written so that flush()
     * does not hang on it. The chain heads move on only with a commit (see {@link ChainHeads#update}).
     */
    private void storeBatch(List<Entry> batch, boolean synced) {
        try {
            store(batch, synced, synced);
            return;
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                lostInWriter(batch.get(0), batchFailure);
                return;
            }
        }
        for (Entry e : batch) {
            try {
                store(new ArrayList<>(List.of(e)), synced, false);
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
     * Writes {@code batch} in one transaction: synced ({@link Database#write}) when {@code synced},
     * else {@link Database#writeRelaxed}. With {@code extend}, whatever was queued while the writer
     * waited for the database joins the batch once it holds it: the same sync then covers it. (Only
     * a synced batch is extended: an entry that needs a sync must never join a relaxed commit.)
     */
    private void store(List<Entry> batch, boolean synced, boolean extend) {
        heads.update(db, synced, (c, w) -> {
            if (extend && batch.size() < BATCH) {
                queue.drainTo(batch, BATCH - batch.size());
            }
            boolean refusals = false;
            for (Entry entry : batch) {
                if (entry.event != null) {
                    append(c, w, entry.event);
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
        });
    }

    /** Stores {@code e} as the next link of its chain, MAC'ed after the chain's newest event. */
    private void append(Connection c, ChainHeads.Working w, AuditEvent e) throws SQLException {
        ChainKey key = ChainKey.of(e.accountId(), e.region());
        ChainHead head = w.head(key);
        EventRow row = EventRow.of(e, w.takeSeq(), head.lastSeq(), head.lastEventId());
        row = row.withMac(chain.event(row, head.lastMac()));
        // Kept prepared on the writer connection across batches (see Database.prepared).
        PreparedStatement ev = db.prepared(c, EventRow.INSERT);
        row.bind(ev);
        ev.executeUpdate();
        if (!row.moreResources().isEmpty()) {
            PreparedStatement res = db.prepared(c, "INSERT INTO audit_event_resources(seq, resource_type, resource_name) VALUES (?,?,?)");
            for (AuditEvent.Resource r : row.moreResources()) {
                res.setLong(1, row.seq());
                res.setString(2, r.type());
                res.setString(3, r.name());
                res.executeUpdate();
            }
        }
        w.put(head.append(row));
    }

    private void insertRefusal(Connection c, UnverifiedRefusal r) throws SQLException {
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

    /** Events matching {@code q}, newest first. Flushes pending events first. */
    public Page lookup(Query q) {
        flush();
        return AuditLookup.lookup(db, q);
    }

    /**
     * Deletes events older than {@code cutoff} from the front of each chain, moving its anchor
     * (see {@link AuditPurge}); returns how many. Cheap when there is nothing to delete; otherwise
     * deletes at most once per {@link #PURGE_SLACK} of store time, so events may outlive the cutoff
     * by that much (lookups filter them out meanwhile).
     */
    public int purgeOlderThan(Instant cutoff) {
        flush();
        return AuditPurge.purge(db, heads, cutoff, PURGE_SLACK);
    }

    /** Stores everything recorded so far (with a last summary of uncounted refusals), then stops the writer. */
    @Override
    public void close() {
        UnverifiedRefusal summary = gate.takeSummary(true);
        if (summary != null) {
            enqueue(new Entry(null, summary, false, false));
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
