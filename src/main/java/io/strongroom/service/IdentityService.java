package io.strongroom.service;

import io.strongroom.domain.CallerIdentity;
import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who a scope's credentials are: the "test connection" of account setup, and how a profile
 * whose config does not state its account ID gets one.
 */
public final class IdentityService {

    private final ClientRegistry clients;
    private final RateLimiters limiters;

    public IdentityService(ClientRegistry clients, RateLimiters limiters) {
        this.clients = clients;
        this.limiters = limiters;
    }

    /** STS GetCallerIdentity; throws {@link ScopeException} (e.g. InvalidClientTokenId, Unreachable). */
    public CallerIdentity callerIdentity(Scope scope) {
        return Calls.call(limiters, scope, QuotaClass.STS, () -> {
            GetCallerIdentityResponse r = clients.sts(scope).getCallerIdentity();
            return new CallerIdentity(r.account(), r.arn(), r.userId());
        });
    }
}
