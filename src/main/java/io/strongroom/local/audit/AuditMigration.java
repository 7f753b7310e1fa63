package io.strongroom.local.audit;

import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;
import io.strongroom.local.storage.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Schema 5's step after its script: the events stored before it are chained, in the order they
 * were stored, as if they had been chained when written; their identity type (which schema 4 did
 * not keep) is told by the principal's ARN, as {@link AuditEvent}'s 18-argument constructor does.
 * Whatever was in the trail at this moment is vouched for from here on: the chain protects what
 * follows its start, not what came before it.
 */
public final class AuditMigration {

    private AuditMigration() {}

    /** The migration steps the store's database needs, by schema version: schema 5, chained with {@code rootKey}'s audit key. */
    public static Map<Integer, Database.MigrationStep> steps(RootKey rootKey) {
        return Map.of(5, c -> chainExisting(c, rootKey));
    }

    private static void chainExisting(Connection c, RootKey rootKey) throws SQLException {
        // A root key that is not this database's would chain every event with the wrong key, and
        // the store would then refuse to start anyway: refuse before writing anything.
        if (!rootKey.opensCheck(RootKey.storedCheck(c))) {
            throw new StorageException("the root key does not belong to this database; its audit trail was not migrated", null);
        }
        AuditChain chain = AuditChain.of(rootKey);
        Map<ChainKey, ChainHead> heads = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT " + EventRow.COLUMNS + " FROM audit_events ORDER BY seq");
             PreparedStatement more = c.prepareStatement("SELECT resource_type, resource_name FROM audit_event_resources"
                     + " WHERE seq = ? ORDER BY rowid");
             PreparedStatement update = c.prepareStatement("UPDATE audit_events SET prev_seq = ?, prev_event_id = ?,"
                     + " identity_type = ?, session_issuer_arn = ?, mac = ? WHERE seq = ?")) {
            int pending = 0;
            while (rows.next()) {
                // Further resources exist only where there is a first one (resource_type is column 21).
                EventRow row = EventRow.read(rows, 1, rows.getString(21) == null ? List.of() : moreResources(more, rows.getLong(1)));
                ChainHead head = heads.getOrDefault(row.chain(), ChainHead.genesis(row.chain()));
                EventRow linked = relink(row, head);
                byte[] mac = chain.event(linked, head.lastMac());
                heads.put(row.chain(), head.append(linked.withMac(mac)));
                update.setLong(1, head.lastSeq());
                update.setString(2, head.lastEventId());
                update.setString(3, linked.identityType());
                update.setString(4, AuditEvent.roleOfSession(linked.principalArn()));
                update.setBytes(5, mac);
                update.setLong(6, linked.seq());
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        List<byte[]> headMacs = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ChainHeads.UPSERT_HEAD)) {
            for (ChainHead h : heads.values()) {
                headMacs.add(ChainHeads.writeHead(ps, chain, h));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ChainHeads.UPSERT_LIST)) {
            ChainHeads.writeList(ps, chain.chainList(headMacs, List.of()));
        }
    }

    /** {@code row} linked after {@code head}, with the identity type its ARN tells. */
    private static EventRow relink(EventRow row, ChainHead head) {
        String type = AuditEvent.identityTypeOf(row.principalArn(), row.accessKeyId(), row.eventSource(), row.sourceIp(), row.userAgent());
        return row.withLink(head.lastSeq(), head.lastEventId()).withIdentity(type, AuditEvent.roleOfSession(row.principalArn()));
    }

    private static List<AuditEvent.Resource> moreResources(PreparedStatement more, long seq) throws SQLException {
        more.setLong(1, seq);
        List<AuditEvent.Resource> out = new java.util.ArrayList<>();
        try (ResultSet rs = more.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEvent.Resource(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }
}
