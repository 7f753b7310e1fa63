package io.strongroom.local.cloudtrail;

import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.wire.AwsException;

import java.util.List;

/**
 * LookupEvents' {@code NextToken}s: opaque to clients, and good only for the query that issued
 * them. A token carries the position to continue from, bound (see {@link BoundTokens}) to the
 * query's defining parameters (account, region, attribute, time range, category), so a token
 * that was altered, made up, or presented with a different query is refused with
 * {@code InvalidNextTokenException}, as CloudTrail refuses "a token that was previously used in
 * a request with different parameters". The page size is not bound: a client may change it
 * between pages.
 *
 * <p>The key lives in memory only, so tokens do not survive a restart of the store.
 */
final class LookupTokens {

    private final BoundTokens tokens = new BoundTokens(LookupTokens::invalid);

    /** A token to continue {@code binding}'s query after {@code cursor}. */
    String issue(AuditLog.Cursor cursor, List<String> binding) {
        return tokens.issue(binding, cursor.eventTimeMillis() + ":" + cursor.seq());
    }

    /** The position a token continues from, if it was issued for exactly this query. */
    AuditLog.Cursor open(String token, List<String> binding) {
        String position = tokens.open(binding, token);
        int colon = position.indexOf(':');
        try {
            return new AuditLog.Cursor(Long.parseLong(position.substring(0, colon)), Long.parseLong(position.substring(colon + 1)));
        } catch (RuntimeException notIssuedHere) {
            throw invalid();        // cannot happen for a token this instance issued
        }
    }

    private static AwsException invalid() {
        return new AwsException("InvalidNextTokenException", 400,
                "The NextToken is not valid, or was issued for a request with different parameters.");
    }
}
