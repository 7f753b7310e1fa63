package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention without breaking the chains: a purge removes the oldest events of a chain, in chain
 * order, up to the first one still within retention, and moves the chain's anchor to the last
 * event it removed (its seq, event ID and MAC, in the MAC'ed head), so the first event kept still
 * verifies against it.
 *
 * <p>Only a prefix of each chain is ever removed. An event stored after a newer one (a request
 * that took long, seeded history) but already expired stays until the events before it in its
 * chain expire too; lookups never return it meanwhile, as they apply the retention window
 * themselves. A purge of a chain runs once its oldest stored event is past the cutoff by
 * {@code slack}, so deletions come in runs, not on every maintenance tick.
 *
 * <p>The chains due are purged in one pass over the events in stored order (the rowid, so no
 * index is kept for it: every index costs every commit of the audit writer a page), from the
 * oldest anchor to the first event of each due chain that is still within retention.
 */
final class AuditPurge {

    /** Rows deleted per statement. */
    private static final int DELETE_CHUNK = 500;

    private AuditPurge() {}

    /** What the pass learns of one due chain: the last expired event before its first kept one. */
    private static final class Cut {
        long anchorSeq;
        String anchorEventId;
        byte[] anchorMac;
        long count;
        long frontMillis = Long.MAX_VALUE;
        boolean done;
    }

    /** Removes events older than {@code cutoff} from the front of each chain; returns how many. */
    static int purge(Database db, ChainHeads heads, Instant cutoff, Duration slack) {
        long cutoffMillis = cutoff.toEpochMilli();
        List<ChainKey> due = new ArrayList<>();
        for (ChainHead h : heads.current().values()) {
            if (h.frontMillis() != Long.MAX_VALUE && h.frontMillis() < cutoffMillis - slack.toMillis()) {
                due.add(h.key());
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        return heads.update(db, true, (c, w) -> {
            Map<ChainKey, Cut> cuts = new HashMap<>();
            long from = Long.MAX_VALUE;
            for (ChainKey key : due) {
                cuts.put(key, new Cut());
                from = Math.min(from, w.head(key).anchorSeq());
            }
            List<Long> doomed = scan(c, cuts, from, cutoffMillis);
            delete(c, doomed);
            for (ChainKey key : due) {
                ChainHead head = w.head(key);
                Cut cut = cuts.get(key);
                w.put(cut.count == 0
                        ? head.purge(head.anchorSeq(), head.anchorEventId(), head.anchorMac(), 0, cut.frontMillis)
                        : head.purge(cut.anchorSeq, cut.anchorEventId, cut.anchorMac == null ? ChainHead.GENESIS : cut.anchorMac,
                                cut.count, cut.frontMillis));
            }
            return doomed.size();
        });
    }

    /** The expired prefix of each due chain, walked in stored order; returns the seqs to delete. */
    private static List<Long> scan(Connection c, Map<ChainKey, Cut> cuts, long from, long cutoffMillis) throws SQLException {
        List<Long> doomed = new ArrayList<>();
        int open = cuts.size();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, account_id, region, event_time, event_id, mac FROM audit_events WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (open > 0 && rs.next()) {
                    Cut cut = cuts.get(ChainKey.of(rs.getString(2), rs.getString(3)));
                    if (cut == null || cut.done) {
                        continue;
                    }
                    long time = rs.getLong(4);
                    if (time >= cutoffMillis) {
                        cut.frontMillis = time;
                        cut.done = true;
                        open--;
                        continue;
                    }
                    long seq = rs.getLong(1);
                    cut.anchorSeq = seq;
                    cut.anchorEventId = rs.getString(5);
                    cut.anchorMac = rs.getBytes(6);
                    cut.count++;
                    doomed.add(seq);
                }
            }
        }
        return doomed;
    }

    private static void delete(Connection c, List<Long> seqs) throws SQLException {
        for (int start = 0; start < seqs.size(); start += DELETE_CHUNK) {
            List<Long> chunk = seqs.subList(start, Math.min(seqs.size(), start + DELETE_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_events WHERE seq IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }
}
