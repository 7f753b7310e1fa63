package io.strongroom.local.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code audit_events} exactly as stored: what is written, what is read back and what
 * the chain's MAC covers are the same values in the same order, {@link #COLUMNS}. The writer
 * builds a row from an event; lookups and the verifier read rows; neither ever MACs anything but
 * such a row, so what is verified is what is stored, not an object that may have been mapped
 * differently on the way.
 */
final class EventRow {

    /** Column types: text, or integer (epoch millis, flags, sequence numbers). */
    private enum Type { TEXT, INTEGER }

    private record Column(String name, Type type) {}

    private static final List<Column> COLUMN_LIST = List.of(
            new Column("seq", Type.INTEGER),
            new Column("prev_seq", Type.INTEGER),
            new Column("prev_event_id", Type.TEXT),
            new Column("event_id", Type.TEXT),
            new Column("account_id", Type.TEXT),
            new Column("region", Type.TEXT),
            new Column("event_time", Type.INTEGER),
            new Column("event_name", Type.TEXT),
            new Column("event_source", Type.TEXT),
            new Column("username", Type.TEXT),
            new Column("principal_arn", Type.TEXT),
            new Column("principal_id", Type.TEXT),
            new Column("access_key_id", Type.TEXT),
            new Column("read_only", Type.INTEGER),
            new Column("error_code", Type.TEXT),
            new Column("error_message", Type.TEXT),
            new Column("source_ip", Type.TEXT),
            new Column("user_agent", Type.TEXT),
            new Column("request_id", Type.TEXT),
            new Column("request_parameters", Type.TEXT),
            new Column("resource_type", Type.TEXT),
            new Column("resource_name", Type.TEXT),
            new Column("identity_type", Type.TEXT),
            new Column("session_issuer_arn", Type.TEXT),
            new Column("session_created", Type.INTEGER),
            new Column("session_mfa", Type.INTEGER),
            new Column("response_elements", Type.TEXT));

    /** The stored columns in canonical order, then {@code mac}: a SELECT list and an INSERT column list. */
    static final String COLUMNS = String.join(", ", COLUMN_LIST.stream().map(Column::name).toList()) + ", mac";
    static final int COLUMN_COUNT = COLUMN_LIST.size() + 1;
    static final String INSERT = "INSERT INTO audit_events(" + COLUMNS + ") VALUES (" + "?,".repeat(COLUMN_COUNT - 1) + "?)";

    private static final int SEQ = 0;
    private static final int PREV_SEQ = 1;
    private static final int PREV_EVENT_ID = 2;
    private static final int EVENT_ID = 3;
    private static final int ACCOUNT = 4;
    private static final int REGION = 5;
    private static final int TIME = 6;
    private static final int NAME = 7;
    private static final int RESOURCE_TYPE = 20;
    private static final int RESOURCE_NAME = 21;

    /** String or Long or null, by column. */
    private final Object[] values;
    /** The resources after the first, in audit_event_resources (in rowid order). */
    private final List<AuditEvent.Resource> moreResources;
    private final byte[] mac;

    private EventRow(Object[] values, List<AuditEvent.Resource> moreResources, byte[] mac) {
        this.values = values;
        this.moreResources = List.copyOf(moreResources);
        this.mac = mac;
    }

    /** The row for {@code e} as link {@code seq} of its chain, after {@code prevSeq} (0 and null for the first). */
    static EventRow of(AuditEvent e, long seq, long prevSeq, String prevEventId) {
        List<AuditEvent.Resource> resources = e.resources();
        Object[] v = {seq, prevSeq, prevEventId, e.eventId(), e.accountId(), e.region(), e.eventTime().toEpochMilli(),
                e.eventName(), e.eventSource(), e.userName(), e.principalArn(), e.principalId(), e.accessKeyId(),
                e.readOnly() ? 1L : 0L, e.errorCode(), e.errorMessage(), e.sourceIp(), e.userAgent(), e.requestId(),
                e.requestParameters(), resources.isEmpty() ? null : resources.get(0).type(),
                resources.isEmpty() ? null : resources.get(0).name(), e.identityType(), e.sessionIssuerArn(),
                e.sessionCreated() == null ? null : e.sessionCreated().toEpochMilli(),
                e.sessionMfa() == null ? null : e.sessionMfa() ? 1L : 0L, e.responseElements()};
        return new EventRow(v, resources.size() > 1 ? resources.subList(1, resources.size()) : List.of(), null);
    }

    /**
     * The row at the cursor, whose first {@link #COLUMN_COUNT} columns (from {@code first}, 1-based)
     * are {@link #COLUMNS}; {@code more} are its further resources.
     */
    static EventRow read(ResultSet rs, int first, List<AuditEvent.Resource> more) throws SQLException {
        Object[] v = new Object[COLUMN_LIST.size()];
        for (int i = 0; i < v.length; i++) {
            int index = first + i;
            if (COLUMN_LIST.get(i).type() == Type.INTEGER) {
                long n = rs.getLong(index);
                v[i] = rs.wasNull() ? null : n;
            } else {
                v[i] = rs.getString(index);
            }
        }
        return new EventRow(v, more, rs.getBytes(first + v.length));
    }

    /** The same row with its MAC. */
    EventRow withMac(byte[] newMac) {
        return new EventRow(values, moreResources, newMac);
    }

    /** The same row linked after another predecessor: for the schema-5 migration, which links rows stored before links existed. */
    EventRow withLink(long prevSeq, String prevEventId) {
        Object[] v = values.clone();
        v[PREV_SEQ] = prevSeq;
        v[PREV_EVENT_ID] = prevEventId;
        return new EventRow(v, moreResources, mac);
    }

    /** The same row with its further resources (read separately). */
    EventRow withMoreResources(List<AuditEvent.Resource> more) {
        return new EventRow(values, more, mac);
    }

    /** Whether the row names a resource (only then can it have further ones). */
    boolean hasResource() {
        return values[RESOURCE_TYPE] != null;
    }

    /** The same row with other identity columns: for the schema-5 migration of rows stored before they existed. */
    EventRow withIdentity(String identityType, String sessionIssuerArn) {
        Object[] v = values.clone();
        v[22] = identityType;
        v[23] = sessionIssuerArn;
        return new EventRow(v, moreResources, mac);
    }

    /** Binds the INSERT ({@link #INSERT}) of this row, MAC included. */
    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, COLUMN_LIST.get(i).type() == Type.INTEGER ? Types.INTEGER : Types.VARCHAR);
            } else if (v instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
        ps.setBytes(values.length + 1, mac);
    }

    /**
     * What the MAC covers, in an encoding with one reading only: every column in order, each as
     * a tag (0 null, 1 integer, 2 text) and, for a value, 8 bytes or a 4-byte length and UTF-8;
     * then the number of further resources and each one's type and name the same way.
     */
    void encode(Canonical out) {
        for (Object v : values) {
            if (v == null) {
                out.putNull();
            } else if (v instanceof Long n) {
                out.putLong(n);
            } else {
                out.putText((String) v);
            }
        }
        out.putCount(moreResources.size());
        for (AuditEvent.Resource r : moreResources) {
            out.putText(r.type());
            out.putText(r.name());
        }
    }

    /** The event this row stores; its time to the second, as CloudTrail reports it. */
    AuditEvent toEvent() {
        List<AuditEvent.Resource> resources = new ArrayList<>(1 + moreResources.size());
        if (values[RESOURCE_TYPE] != null) {
            resources.add(new AuditEvent.Resource(text(RESOURCE_TYPE), text(RESOURCE_NAME)));
        }
        resources.addAll(moreResources);
        Long created = (Long) values[24];
        Long mfa = (Long) values[25];
        return new AuditEvent(eventId(), accountId(), region(), eventTime().truncatedTo(ChronoUnit.SECONDS), eventName(), text(8),
                text(9), text(10), text(11), text(12), Long.valueOf(1).equals(values[13]), text(14), text(15), text(16), text(17),
                text(18), text(19), resources, text(22), text(23), created == null ? null : Instant.ofEpochMilli(created),
                mfa == null ? null : mfa == 1, text(26));
    }

    private String text(int i) {
        return (String) values[i];
    }

    private long number(int i) {
        Long n = (Long) values[i];
        return n == null ? 0 : n;
    }

    long seq() {
        return number(SEQ);
    }

    long prevSeq() {
        return number(PREV_SEQ);
    }

    String prevEventId() {
        return text(PREV_EVENT_ID);
    }

    String eventId() {
        return text(EVENT_ID);
    }

    String accountId() {
        return text(ACCOUNT);
    }

    String region() {
        return text(REGION);
    }

    /** The chain this row belongs to: its account and region, '' for either one missing. */
    ChainKey chain() {
        return ChainKey.of(accountId(), region());
    }

    Instant eventTime() {
        return Instant.ofEpochMilli(number(TIME));
    }

    String eventName() {
        return text(NAME);
    }

    String principalArn() {
        return text(10);
    }

    String accessKeyId() {
        return text(12);
    }

    String eventSource() {
        return text(8);
    }

    String sourceIp() {
        return text(16);
    }

    String userAgent() {
        return text(17);
    }

    String identityType() {
        return text(22);
    }

    List<AuditEvent.Resource> moreResources() {
        return moreResources;
    }

    /** The stored MAC; null for a row the store never chained. */
    byte[] mac() {
        return mac;
    }
}
