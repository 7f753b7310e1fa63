package io.strongroom.local.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL condition for "the events of this chain" and its parameters. For a chain of a real
 * account and region it is two equalities (the audit_chain_order index serves it); an empty part
 * matches NULL or ''.
 */
final class ChainSql {

    private ChainSql() {}

    static String where(ChainKey key) {
        return part("account_id", key.accountId()) + " AND " + part("region", key.region());
    }

    private static String part(String column, String value) {
        return value.isEmpty() ? "(" + column + " IS NULL OR " + column + " = '')" : column + " = ?";
    }

    /** Binds {@link #where}'s parameters from index {@code first}; returns the next index. */
    static int bind(PreparedStatement ps, int first, ChainKey key) throws SQLException {
        int i = first;
        if (!key.accountId().isEmpty()) {
            ps.setString(i++, key.accountId());
        }
        if (!key.region().isEmpty()) {
            ps.setString(i++, key.region());
        }
        return i;
    }
}
