package io.strongroom.local.audit;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The query behind {@link AuditLog#lookup}: one account and region, at most one attribute, a time range, a page. */
final class AuditLookup {

    private AuditLookup() {}

    static AuditLog.Page lookup(Database db, AuditLog.Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + EventRow.COLUMNS + " FROM audit_events"
                + " WHERE account_id = ? AND region = ?");
        List<Object> args = new ArrayList<>(List.of(q.accountId(), q.region()));
        if (q.startTime() != null) {
            // An event recorded at second s is at or after the start when s is; so a start of
            // 10.5 s excludes second 10 and includes second 11.
            Instant start = q.startTime().truncatedTo(ChronoUnit.SECONDS);
            if (start.isBefore(q.startTime())) {
                start = start.plusSeconds(1);
            }
            sql.append(" AND event_time >= ?");
            args.add(start.toEpochMilli());
        }
        if (q.endTime() != null) {
            sql.append(" AND event_time < ?");
            args.add(q.endTime().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toEpochMilli());
        }
        if (q.after() != null) {
            sql.append(" AND (event_time < ? OR (event_time = ? AND seq < ?))");
            args.add(q.after().eventTimeMillis());
            args.add(q.after().eventTimeMillis());
            args.add(q.after().seq());
        }
        if (q.attributeKey() != null) {
            switch (q.attributeKey()) {
                case "EventId" -> sql.append(" AND event_id = ?");
                case "EventName" -> sql.append(" AND event_name = ?");
                case "EventSource" -> sql.append(" AND event_source = ?");
                case "Username" -> sql.append(" AND username = ?");
                case "AccessKeyId" -> sql.append(" AND access_key_id = ?");
                case "ReadOnly" -> sql.append(" AND read_only = ?");
                // One IN over both resource indexes: with an OR, SQLite walked the scope's whole time
                // index instead (45 ms at the median with 1,000,000 events; see BENCHMARKS.md).
                case "ResourceName" -> sql.append(" AND seq IN (SELECT seq FROM audit_events WHERE resource_name = ?"
                        + " UNION ALL SELECT seq FROM audit_event_resources WHERE resource_name = ?)");
                case "ResourceType" -> sql.append(" AND (resource_type = ? OR seq IN (SELECT seq FROM audit_event_resources WHERE resource_type = ?))");
                default -> throw new IllegalArgumentException("unknown lookup attribute " + q.attributeKey());
            }
            args.add("ReadOnly".equals(q.attributeKey()) ? (Boolean.parseBoolean(q.attributeValue()) ? 1 : 0) : q.attributeValue());
            if (q.attributeKey().startsWith("Resource")) {
                args.add(q.attributeValue());
            }
        }
        sql.append(" ORDER BY event_time DESC, seq DESC LIMIT ?");
        args.add(q.maxResults() + 1);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditLog.StoredEvent> events = new ArrayList<>();
                AuditLog.Cursor next = null;
                long lastTime = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (events.size() == q.maxResults()) {
                            next = new AuditLog.Cursor(lastTime, events.get(events.size() - 1).seq());
                            break;
                        }
                        EventRow row = EventRow.read(rs, 1, List.of());
                        if (row.hasResource()) {
                            row = row.withMoreResources(moreResources(c, row.seq()));
                        }
                        lastTime = row.eventTime().toEpochMilli();
                        AuditEvent event = row.toEvent();
                        events.add(new AuditLog.StoredEvent(row.seq(), event, CloudTrailRecord.toJson(event)));
                    }
                }
                return new AuditLog.Page(events, next);
            }
        });
    }

    static List<AuditEvent.Resource> moreResources(Connection c, long seq) throws SQLException {
        List<AuditEvent.Resource> out = new ArrayList<>(1);
        try (PreparedStatement more = c.prepareStatement(
                "SELECT resource_type, resource_name FROM audit_event_resources WHERE seq = ? ORDER BY rowid")) {
            more.setLong(1, seq);
            try (ResultSet m = more.executeQuery()) {
                while (m.next()) {
                    out.add(new AuditEvent.Resource(m.getString(1), m.getString(2)));
                }
            }
        }
        return out;
    }
}
