package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.service.Calls;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.QuotaClass;
import io.strongroom.service.RateLimiters;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail of every chosen scope, from CloudTrail's LookupEvents, the same on AWS and on
 * the embedded store. LookupEvents allows 2 calls per second per account and region and returns
 * at most 50 events a call, newest first; every call here is paced by
 * {@link QuotaClass#CLOUDTRAIL_LOOKUP}, and a query reads at most {@code maxEventsPerScope}
 * events of each scope.
 */
public final class AuditService {

    /** LookupEvents' largest page. */
    public static final int PAGE_SIZE = 50;

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;

    public AuditService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
    }

    /**
     * Looks {@code query} up in every scope at once, newest first within each scope, handing each
     * page to {@code listener} as it arrives; errors are kept per scope.
     */
    public FanOut.Handle lookup(Collection<Scope> scopes, AuditQuery query, int maxEventsPerScope, FanOut.Listener<AuditRecord> listener) {
        return fanOut.run(scopes, (scope, pages) -> {
            CloudTrailClient trail = clients.cloudTrail(scope);
            String token = null;
            int read = 0;
            do {
                pages.acquire(QuotaClass.CLOUDTRAIL_LOOKUP);
                LookupEventsResponse page = trail.lookupEvents(request(query, token, Math.min(PAGE_SIZE, maxEventsPerScope - read)));
                List<AuditRecord> records = AuditRecords.of(scope, page.events());
                read += records.size();
                pages.emit(records);
                token = page.nextToken();
            } while (token != null && read < maxEventsPerScope);
        }, listener);
    }

    /** The events of {@code query} in one scope, newest first, at most {@code maxEvents}; throws {@link io.strongroom.service.ScopeException}. */
    public List<AuditRecord> lookup(Scope scope, AuditQuery query, int maxEvents) {
        CloudTrailClient trail = clients.cloudTrail(scope);
        List<AuditRecord> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            int size = Math.min(PAGE_SIZE, maxEvents - out.size());
            LookupEventsResponse page = Calls.call(limiters, scope, QuotaClass.CLOUDTRAIL_LOOKUP, () -> trail.lookupEvents(request(query, t, size)));
            out.addAll(AuditRecords.of(scope, page.events()));
            token = page.nextToken();
        } while (token != null && out.size() < maxEvents);
        return out;
    }

    /**
     * What {@code query} will cost at most: LookupEvents calls over every scope, and the least time
     * they take at 2 calls a second per account and region (the scopes run side by side).
     *
     * @param scopes       the scopes the query would run in
     * @param cachedScopes how many of them are answered from the cache, costing no call
     * @param maxCalls     the most calls the query makes in all
     * @param atLeast      the least time the busiest scope takes, paced at 2 calls a second
     */
    public record CallEstimate(int scopes, int cachedScopes, long maxCalls, java.time.Duration atLeast) {}

    /** The most calls {@code query} makes in {@code scopes}, reading at most {@code maxEventsPerScope} events in each. */
    public CallEstimate estimate(Collection<Scope> scopes, AuditQuery query, int maxEventsPerScope) {
        Objects.requireNonNull(query, "query");
        int n = new java.util.LinkedHashSet<>(scopes).size();
        long perScope = Math.max(1, (Math.max(1, maxEventsPerScope) + PAGE_SIZE - 1) / PAGE_SIZE);
        return new CallEstimate(n, 0, perScope * n, java.time.Duration.ofMillis(n == 0 ? 0 : perScope * 500));
    }

    private static LookupEventsRequest request(AuditQuery query, String token, int maxResults) {
        LookupEventsRequest.Builder b = LookupEventsRequest.builder().startTime(query.start()).endTime(query.end())
                .maxResults(Math.max(1, maxResults)).nextToken(token);
        if (query.attribute() != null) {
            b.lookupAttributes(a -> a.attributeKey(query.attribute().wireName()).attributeValue(query.value()));
        }
        return b.build();
    }
}
