package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 */
final class AuditPurge {

    private AuditPurge() {}

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
            int deleted = 0;
            for (ChainKey key : due) {
                deleted += purgeChain(c, w, w.head(key), cutoffMillis);
            }
            return deleted;
        });
    }

    private static int purgeChain(Connection c, ChainHeads.Working w, ChainHead head, long cutoffMillis) throws SQLException {
        String where = ChainSql.where(head.key());
        long keepSeq = Long.MAX_VALUE;
        long keepTime = Long.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_time FROM audit_events WHERE " + where
                + " AND event_time >= ? ORDER BY seq LIMIT 1")) {
            int i = ChainSql.bind(ps, 1, head.key());
            ps.setLong(i, cutoffMillis);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    keepSeq = rs.getLong(1);
                    keepTime = rs.getLong(2);
                }
            }
        }
        long anchorSeq;
        String anchorEventId;
        byte[] anchorMac;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_id, mac FROM audit_events WHERE " + where
                + " AND seq < ? ORDER BY seq DESC LIMIT 1")) {
            int i = ChainSql.bind(ps, 1, head.key());
            ps.setLong(i, keepSeq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    w.put(head.purge(head.anchorSeq(), head.anchorEventId(), head.anchorMac(), 0, keepTime));
                    return 0;
                }
                anchorSeq = rs.getLong(1);
                anchorEventId = rs.getString(2);
                anchorMac = rs.getBytes(3);
            }
        }
        int deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_events WHERE " + where + " AND seq <= ?")) {
            int i = ChainSql.bind(ps, 1, head.key());
            ps.setLong(i, anchorSeq);
            deleted = ps.executeUpdate();
        }
        w.put(head.purge(anchorSeq, anchorEventId, anchorMac == null ? ChainHead.GENESIS : anchorMac, deleted, keepTime));
        return deleted;
    }
}
