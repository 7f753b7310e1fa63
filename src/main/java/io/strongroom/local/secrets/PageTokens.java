package io.strongroom.local.secrets;

import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.wire.AwsException;

import java.util.List;

/**
 * Secrets Manager's opaque NextToken values: a paging position, good only for the operation,
 * caller account and region, and result-set parameters that it was issued for (see
 * {@link BoundTokens}). Anything else (edited, truncated, re-encoded, from before a restart, or
 * presented with another operation, scope or filters) is refused with
 * {@code InvalidNextTokenException}, so a caller can never steer paging into a position the
 * store did not hand out for that very listing.
 */
final class PageTokens {

    private final BoundTokens tokens = new BoundTokens(PageTokens::invalid);

    String issue(RequestContext ctx, String operation, List<String> parameters, String position) {
        return tokens.issue(ctx, operation, parameters, position);
    }

    /** The position a token carries, or InvalidNextTokenException when it was not issued for this request. */
    String open(RequestContext ctx, String operation, List<String> parameters, String token) {
        return tokens.open(ctx, operation, parameters, token);
    }

    static AwsException invalid() {
        return AwsException.invalidNextToken("The NextToken value is invalid or does not belong to this request.");
    }
}
