package io.strongroom.local.audit;

import io.strongroom.local.crypto.RootKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a store's audit trail, every chain, from a connection that only reads: each event's MAC
 * and its link to its predecessor, from the chain's anchor (or its start) to the newest event its
 * head names; each head's MAC and count; the chain list's MAC; the breaks the store recorded.
 * One pass over the events in the order they were stored.
 *
 * <p>For each chain it says how many events verified and which is the first that does not, and
 * how that looks:
 * <ul>
 * <li><b>edited</b>: its content (or its MAC, or its link) does not match its MAC, and the event
 *     after it links to it;
 * <li><b>removed</b>: an event links to a predecessor that is not there, or the newest event the
 *     head names, or some of the number of events the head counts, is missing;
 * <li><b>inserted</b>: it does not verify and the event after it links past it to the one before;
 *     or it comes after the newest event the head records; or it has no MAC; or its chain has no head.
 * </ul>
 */
public final class AuditVerifier {

    public enum Kind { EDITED, REMOVED, INSERTED }

    /**
     * The first event of a chain that does not verify. For a removed event only what its
     * successor or the head recorded is known: its seq and event ID; time and name are null.
     * A count that does not add up names no event: seq and event ID are null too.
     */
    public record Failure(Kind kind, Long seq, String eventId, Instant time, String eventName, String detail) {}

    /** One chain: how many events verified, how many retention purged before them, and the first failure (null when intact). */
    public record ChainResult(String accountId, String region, long verified, long purged, Failure failure) {
        public boolean intact() {
            return failure == null;
        }
    }

    /**
     * Every chain in account and region order, and what is wrong beyond any one event: the chain
     * list's MAC, the breaks the store found when it started.
     */
    public record Report(List<ChainResult> chains, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty() && chains.stream().allMatch(ChainResult::intact);
        }
    }

    private final AuditChain chain;

    private AuditVerifier(AuditChain chain) {
        this.chain = chain;
    }

    /** The first schema whose trail is chained (5); later schemas (6: replication) leave the trail's tables as they are. */
    public static final int FIRST_CHAINED_SCHEMA = 5;

    /** Verifies the trail {@code c} reads (the database of a store of schema 5 or later) with the audit key of {@code rootKey}. */
    public static Report verify(Connection c, RootKey rootKey) throws SQLException {
        return verify(c, AuditChain.of(rootKey));
    }

    static Report verify(Connection c, AuditChain chain) throws SQLException {
        return new AuditVerifier(chain).run(c);
    }

    private Report run(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<ChainKey, ChainWalk> walks = new TreeMap<>();
        Map<ChainKey, ChainHead> heads = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + ChainHeads.HEAD_COLUMNS + " FROM audit_chains")) {
            while (rs.next()) {
                ChainHead h = ChainHeads.readHead(rs);
                heads.put(h.key(), h);
                walks.put(h.key(), new ChainWalk(chain, h.key(), h, AuditChain.same(chain.head(h), rs.getBytes(10))));
            }
        }
        List<byte[]> breaks = breaks(c, problems);
        byte[] listMac = ChainHeads.storedListMac(c);
        if (listMac == null) {
            if (!heads.isEmpty() || !breaks.isEmpty()) {
                problems.add("the list of chains has no MAC: it was removed");
            }
        } else if (!AuditChain.same(listMac, chain.chainListOf(heads.values(), breaks))) {
            problems.add("the list of chains does not verify: a whole chain (its head and events), a chain's head, or the record"
                    + " of a break was removed, added or replaced");
        }
        walkEvents(c, walks);
        List<ChainResult> results = new ArrayList<>();
        for (ChainWalk walk : walks.values()) {
            results.add(walk.finish());
        }
        return new Report(results, problems);
    }

    /** The breaks' MACs in order; every break is a problem to report, and so is one that does not verify. */
    private List<byte[]> breaks(Connection c, List<String> problems) throws SQLException {
        List<byte[]> macs = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, found_at, account_id, region, description, mac FROM audit_breaks ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                long found = rs.getLong(2);
                String description = rs.getString(5);
                byte[] mac = rs.getBytes(6);
                macs.add(mac);
                boolean genuine = AuditChain.same(mac, chain.chainBreak(seq, found, rs.getString(3), rs.getString(4), description));
                problems.add(genuine
                        ? "when the store started at " + Instant.ofEpochMilli(found) + " it found: " + description
                        : "a record of a break the store found does not verify (it was edited)");
            }
        }
        return macs;
    }

    /** Every event in stored order, each with its further resources, offered to its chain's walk. */
    private void walkEvents(Connection c, Map<ChainKey, ChainWalk> walks) throws SQLException {
        try (Statement events = c.createStatement(); Statement more = c.createStatement();
             ResultSet rows = events.executeQuery("SELECT " + EventRow.COLUMNS + " FROM audit_events ORDER BY seq");
             ResultSet resources = more.executeQuery(
                     "SELECT seq, resource_type, resource_name FROM audit_event_resources ORDER BY seq, rowid")) {
            boolean moreLeft = resources.next();
            while (rows.next()) {
                long seq = rows.getLong(1);
                List<AuditEvent.Resource> extra = new ArrayList<>(0);
                while (moreLeft && resources.getLong(1) < seq) {
                    moreLeft = resources.next();        // resources of no stored event: covered by no MAC, not shown by lookups
                }
                while (moreLeft && resources.getLong(1) == seq) {
                    extra.add(new AuditEvent.Resource(resources.getString(2), resources.getString(3)));
                    moreLeft = resources.next();
                }
                EventRow row = EventRow.read(rows, 1, extra);
                walks.computeIfAbsent(row.chain(), k -> new ChainWalk(chain, k, null, false)).offer(row);
            }
        }
    }
}
