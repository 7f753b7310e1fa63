package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The heads of every chain, in memory, and their MAC'ed rows in {@code audit_chains}. A change
 * (events appended, events purged) is worked out on a copy inside the database transaction that
 * stores it, written to the head rows and the chain list's MAC in that same transaction, and
 * made the current heads only once that transaction has committed: a failed batch leaves the heads
 * as they were. One change at a time ({@link #update}). The next event's sequence number is part
 * of the heads: it only moves on with a commit (numbers a failed batch took are given again, as
 * nothing was stored under them), and never back past an event ever stored, even a removed one.
 *
 * <p>When the store starts ({@link #open}), the head rows and the chain list are checked against
 * their MACs. What does not verify is recorded as a MAC'ed break ({@code audit_breaks}) before
 * anything is chained onto it, so that going on from a head someone edited does not make the
 * edit disappear: {@code strongroom audit verify} reports every break.
 */
final class ChainHeads {

    private static final System.Logger LOG = System.getLogger(ChainHeads.class.getName());

    /** A change to the chains, worked out inside a transaction. */
    @FunctionalInterface
    interface Change<T> {
        T apply(Connection c, Working w) throws SQLException;
    }

    private final AuditChain chain;
    private final ReentrantLock lock = new ReentrantLock();
    /** The committed heads; replaced whole, never changed in place. */
    private volatile Map<ChainKey, ChainHead> heads;
    /** The committed heads' MACs in chain order, kept so that a batch computes only the MACs of the heads it changed. */
    private TreeMap<ChainKey, byte[]> headMacs;
    private final List<byte[]> breakMacs;
    private long nextSeq;

    private ChainHeads(AuditChain chain, Map<ChainKey, ChainHead> heads, List<byte[]> breakMacs, long nextSeq) {
        this.chain = chain;
        this.heads = heads;
        this.headMacs = new TreeMap<>();
        for (ChainHead h : heads.values()) {
            headMacs.put(h.key(), chain.head(h));
        }
        this.breakMacs = breakMacs;
        this.nextSeq = nextSeq;
    }

    /** The heads as stored, checked; whatever does not verify is recorded as a break first. */
    static ChainHeads open(Database db, AuditChain chain, Clock realClock) {
        return db.write(c -> {
            Map<ChainKey, ChainHead> heads = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + HEAD_COLUMNS + " FROM audit_chains")) {
                while (rs.next()) {
                    ChainHead h = readHead(rs);
                    if (!AuditChain.same(chain.head(h), rs.getBytes(10))) {
                        problems.add(h.key().label() + ": the chain's head record does not verify (it was edited or replaced); "
                                + "going on from the newest event it names, seq " + h.lastSeq());
                    }
                    // The oldest stored event's time is learnt by the first purge (a scan): unknown till then.
                    heads.put(h.key(), h.purge(h.anchorSeq(), h.anchorEventId(), h.anchorMac(), 0,
                            h.stored() == 0 ? Long.MAX_VALUE : ChainHead.FRONT_UNKNOWN));
                }
            }
            List<byte[]> breaks = new ArrayList<>();
            long breakSeq = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, found_at, account_id, region, description, mac FROM audit_breaks ORDER BY seq")) {
                while (rs.next()) {
                    breakSeq = rs.getLong(1);
                    breaks.add(rs.getBytes(6));
                }
            }
            byte[] listMac = storedListMac(c);
            boolean anything = !heads.isEmpty() || !breaks.isEmpty() || anyEvent(c);
            if (listMac == null ? anything : !AuditChain.same(listMac, chain.chainListOf(heads.values(), breaks))) {
                problems.add("the list of chains does not verify: a chain, its head or the record of an earlier break was removed "
                        + "or replaced");
            }
            long now = realClock.millis();
            for (String problem : problems) {
                LOG.log(System.Logger.Level.ERROR, "audit trail: " + problem + "; recorded as a break, which 'strongroom audit verify' reports");
                long seq = ++breakSeq;
                byte[] mac = chain.chainBreak(seq, now, null, null, problem);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_breaks(seq, found_at, account_id, region, description, mac) VALUES (?,?,NULL,NULL,?,?)")) {
                    ps.setLong(1, seq);
                    ps.setLong(2, now);
                    ps.setString(3, problem);
                    ps.setBytes(4, mac);
                    ps.executeUpdate();
                }
                breaks.add(mac);
            }
            if (!problems.isEmpty() || listMac == null) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT_LIST)) {
                    writeList(ps, chain.chainListOf(heads.values(), breaks));
                }
            }
            return new ChainHeads(chain, java.util.Collections.unmodifiableMap(heads), breaks, nextSeq(c));
        });
    }

    /** The events' sequence numbers only grow: past every stored event and every chain's newest, even a removed one. */
    private static long nextSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT MAX(IFNULL((SELECT MAX(seq) FROM audit_events), 0), IFNULL((SELECT MAX(last_seq) FROM audit_chains), 0))")) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    private static boolean anyEvent(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM audit_events)")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    static byte[] storedListMac(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT mac FROM audit_chain_list WHERE id = 1")) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    static final String HEAD_COLUMNS = "account_id, region, appended, last_seq, last_event_id, last_mac, anchor_seq, anchor_event_id,"
            + " anchor_mac, mac, purged";

    /** A head row read with {@link #HEAD_COLUMNS} (its MAC is column 10); its front time unknown. */
    static ChainHead readHead(ResultSet rs) throws SQLException {
        return new ChainHead(new ChainKey(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getBytes(6), rs.getLong(7), rs.getString(8), rs.getBytes(9), rs.getLong(11), Long.MAX_VALUE);
    }

    static final String UPSERT_HEAD = "INSERT OR REPLACE INTO audit_chains(" + HEAD_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)";
    static final String UPSERT_LIST = "INSERT OR REPLACE INTO audit_chain_list(id, mac) VALUES (1, ?)";

    /** Stores {@code h} with its MAC through {@link #UPSERT_HEAD}; returns the MAC. */
    static byte[] writeHead(PreparedStatement ps, AuditChain chain, ChainHead h) throws SQLException {
        byte[] mac = chain.head(h);
        ps.setString(1, h.key().accountId());
        ps.setString(2, h.key().region());
        ps.setLong(3, h.appended());
        ps.setLong(4, h.lastSeq());
        ps.setString(5, h.lastEventId());
        ps.setBytes(6, h.lastMac());
        ps.setLong(7, h.anchorSeq());
        ps.setString(8, h.anchorEventId());
        ps.setBytes(9, h.anchorMac());
        ps.setBytes(10, mac);
        ps.setLong(11, h.purged());
        ps.executeUpdate();
        return mac;
    }

    /** Stores the MAC of the chain list ({@link AuditChain#chainList}) through {@link #UPSERT_LIST}. */
    static void writeList(PreparedStatement ps, byte[] listMac) throws SQLException {
        ps.setBytes(1, listMac);
        ps.executeUpdate();
    }

    /** The committed heads (a snapshot). */
    Map<ChainKey, ChainHead> current() {
        return heads;
    }

    /**
     * Runs {@code change} in one write transaction (synced when {@code durable}, else
     * {@link Database#writeRelaxed}), stores the heads it changed and the chain list's MAC in the
     * same transaction, and makes them current once it has committed. If anything fails, the
     * transaction rolls back and the current heads stay as they were.
     */
    <T> T update(Database db, boolean durable, Change<T> change) {
        lock.lock();
        try {
            Working w = new Working(heads, nextSeq);
            TreeMap<ChainKey, byte[]> macs = new TreeMap<>(headMacs);
            Database.SqlWork<T> work = c -> {
                T result = change.apply(c, w);
                if (!w.changed.isEmpty()) {
                    // Kept prepared on the writer connection across batches (see Database.prepared).
                    PreparedStatement head = db.prepared(c, UPSERT_HEAD);
                    for (ChainHead h : w.changed.values()) {
                        macs.put(h.key(), writeHead(head, chain, h));
                    }
                    writeList(db.prepared(c, UPSERT_LIST), chain.chainList(macs.values(), breakMacs));
                }
                return result;
            };
            T result = durable ? db.write(work) : db.writeRelaxed(work);
            if (!w.changed.isEmpty()) {
                heads = java.util.Collections.unmodifiableMap(w.merged());
                headMacs = macs;
            }
            nextSeq = w.nextSeq;
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The heads as a change in progress sees them: the committed ones and what it changed so far. */
    static final class Working {
        private final Map<ChainKey, ChainHead> committed;
        private final Map<ChainKey, ChainHead> changed = new HashMap<>();
        private long nextSeq;

        private Working(Map<ChainKey, ChainHead> committed, long nextSeq) {
            this.committed = committed;
            this.nextSeq = nextSeq;
        }

        ChainHead head(ChainKey key) {
            ChainHead h = changed.get(key);
            if (h == null) {
                h = committed.get(key);
            }
            return h == null ? ChainHead.genesis(key) : h;
        }

        void put(ChainHead h) {
            changed.put(h.key(), h);
        }

        /** The next event's sequence number, taken. */
        long takeSeq() {
            return nextSeq++;
        }

        private TreeMap<ChainKey, ChainHead> merged() {
            TreeMap<ChainKey, ChainHead> all = new TreeMap<>(committed);
            all.putAll(changed);
            return all;
        }
    }
}
