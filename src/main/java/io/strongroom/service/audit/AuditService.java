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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The audit trail of every chosen scope, from CloudTrail's LookupEvents, the same on AWS and on
 * the embedded store. LookupEvents allows 2 calls per second per account and region and returns
 * at most 50 events a call, newest first; every call here is paced by
 * {@link QuotaClass#CLOUDTRAIL_LOOKUP}, and a query reads at most {@code maxEventsPerScope}
 * events of each scope.
 *
 * <p>What was read is kept ({@link AuditCache}, bounded, dropped by {@link #forget()}): the same
 * look again costs no call, a look inside a range already read is answered by filtering it, and a
 * look ending after what was read (ending "now") reads only the newer events, with a 15-minute
 * overlap for the events CloudTrail delivers late. {@link #estimate} says beforehand what a look
 * will cost.
 */
public final class AuditService {

    /** LookupEvents' largest page. */
    public static final int PAGE_SIZE = 50;
    /**
     * How many events the cache holds at most, over every scope: about 1.2 KB each (the record's
     * JSON, about 1 KB, is most of it), so some 240 MB when full.
     */
    public static final int DEFAULT_CACHE_EVENTS = 200_000;
    /** How many of a secret's latest events {@link #lastReaders} reads at most (40 calls). */
    public static final int LAST_READERS_EVENTS = 2_000;
    /** Cached events go to a listener in pages this big: no call paces them. */
    static final int CACHED_PAGE = 1_000;

    /**
     * What a look will cost: LookupEvents calls over every scope, and the least time they take at
     * 2 calls a second per account and region, the scopes running side by side.
     *
     * @param scopes       the scopes the look runs in
     * @param cachedScopes how many of them the cache answers, costing no call
     * @param maxCalls     the most calls the look makes in all (fewer when the cache knows how
     *                     dense the scope's events are)
     * @param atLeast      the least time the busiest account and region takes at 2 calls a second
     */
    public record CallEstimate(int scopes, int cachedScopes, long maxCalls, Duration atLeast) {}

    @FunctionalInterface
    private interface PageCall {
        LookupEventsResponse call(LookupEventsRequest request) throws InterruptedException;
    }

    private record Read(List<CachedEvent> events, boolean cutShort) {}

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;
    private final Clock clock;
    private final AuditCache cache;

    public AuditService(ClientRegistry clients, FanOut fanOut) {
        this(clients, fanOut, Clock.systemUTC());
    }

    /** @param clock "now" for looks ending now (the store's clock in tests) */
    public AuditService(ClientRegistry clients, FanOut fanOut, Clock clock) {
        this(clients, fanOut, clock, DEFAULT_CACHE_EVENTS);
    }

    /** @param cacheEvents how many events the cache holds at most (0: no cache) */
    public AuditService(ClientRegistry clients, FanOut fanOut, Clock clock, int cacheEvents) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
        this.clock = Objects.requireNonNull(clock);
        this.cache = new AuditCache(cacheEvents);
    }

    /**
     * Looks {@code query} up in every scope at once, handing each page to {@code listener};
     * errors are kept per scope. Within a scope, what the cache answers comes first, at once, in
     * pages of up to {@value #CACHED_PAGE}; then the pages read from LookupEvents as they arrive
     * (events newer than the cached ones, when the look ends after what the cache knew). Each page
     * is newest first; no event comes twice. The cached part and the part read each hold at most
     * {@code maxEventsPerScope} events (a look answered wholly from either holds the newest
     * {@code maxEventsPerScope}).
     */
    public FanOut.Handle lookup(Collection<Scope> scopes, AuditQuery query, int maxEventsPerScope, FanOut.Listener<AuditRecord> listener) {
        Objects.requireNonNull(query, "query");
        return fanOut.run(scopes, (scope, pages) -> {
            AuditCache.Plan plan = cache.plan(scope, query, maxEventsPerScope);
            for (int i = 0; i < plan.cached().size(); i += CACHED_PAGE) {
                pages.emit(plan.cached().subList(i, Math.min(plan.cached().size(), i + CACHED_PAGE)));
            }
            if (plan.answered()) {
                return;
            }
            CloudTrailClient trail = clients.cloudTrail(scope);
            Instant readAt = clock.instant();
            Read read = read(scope, plan.fetch(), maxEventsPerScope, request -> {
                pages.acquire(QuotaClass.CLOUDTRAIL_LOOKUP);
                return trail.lookupEvents(request);
            }, pages::emit);
            cache.keep(plan, read.events(), read.cutShort(), readAt);
        }, listener);
    }

    /**
     * The events of {@code query} in one scope, newest first, at most {@code maxEvents}, from the
     * cache where it can; throws {@link io.strongroom.service.ScopeException}.
     */
    public List<AuditRecord> lookup(Scope scope, AuditQuery query, int maxEvents) {
        AuditCache.Plan plan = cache.plan(scope, query, maxEvents);
        if (plan.answered()) {
            return plan.cached();
        }
        CloudTrailClient trail = clients.cloudTrail(scope);
        Instant readAt = clock.instant();
        Read read;
        try {
            read = read(scope, plan.fetch(), maxEvents,
                    request -> Calls.call(limiters, scope, QuotaClass.CLOUDTRAIL_LOOKUP, () -> trail.lookupEvents(request)), page -> { });
        } catch (InterruptedException e) {
            // Calls.call turns an interrupt into a ScopeException; nothing else here waits
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
        return cache.keep(plan, read.events(), read.cutShort(), readAt);
    }

    /**
     * The principals that read {@code secretArn}'s value (GetSecretValue, BatchGetSecretValue)
     * successfully since {@code since}, each with its latest read, newest first, at most
     * {@code max}; from the secret's last {@value #LAST_READERS_EVENTS} events. Throws
     * {@link io.strongroom.service.ScopeException}.
     */
    public List<AuditRecord> lastReaders(Scope scope, String secretArn, Instant since, int max) {
        Objects.requireNonNull(secretArn, "secretArn");
        Instant now = clock.instant();
        if (max <= 0 || since.isAfter(now)) {
            return List.of();
        }
        Map<String, AuditRecord> latest = new LinkedHashMap<>();
        for (AuditRecord r : lookup(scope, AuditQuery.ofResource(secretArn, since, now), LAST_READERS_EVENTS)) {
            if (r.valueRead() && !r.failed()) {
                latest.putIfAbsent(r.principal(), r);
                if (latest.size() == max) {
                    break;
                }
            }
        }
        return List.copyOf(latest.values());
    }

    /**
     * What {@code query} will cost over {@code scopes}: no call in a scope the cache answers;
     * otherwise a call per 50 events up to {@code maxEventsPerScope}, or fewer when the cache has
     * seen how many events the scope has a second (a read after a cached range reads only what is
     * newer).
     */
    public CallEstimate estimate(Collection<Scope> scopes, AuditQuery query, int maxEventsPerScope) {
        Objects.requireNonNull(query, "query");
        LinkedHashSet<Scope> unique = new LinkedHashSet<>(scopes);
        int cached = 0;
        long total = 0;
        // scopes of the same account and region share its 2 calls a second
        Map<List<Object>, Long> perAccountRegion = new LinkedHashMap<>();
        for (Scope scope : unique) {
            AuditCache.Plan plan = cache.plan(scope, query, maxEventsPerScope);
            if (plan.answered()) {
                cached++;
                continue;
            }
            long calls = calls(plan.fetch(), maxEventsPerScope, cache.perSecond(plan.key()));
            total += calls;
            perAccountRegion.merge(List.of(scope.account().key(), scope.region(), String.valueOf(scope.endpoint())), calls, Long::sum);
        }
        long busiest = perAccountRegion.values().stream().mapToLong(Long::longValue).max().orElse(0);
        // the first call goes at once; each further one waits its turn
        double seconds = Math.max(0, busiest - 1) / QuotaClass.CLOUDTRAIL_LOOKUP.perSecond();
        return new CallEstimate(unique.size(), cached, total, Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }

    private long calls(AuditQuery fetch, int max, double perSecond) {
        long most = Math.max(1, (Math.max(1, (long) max) + PAGE_SIZE - 1) / PAGE_SIZE);
        if (perSecond < 0) {
            return most;
        }
        Instant end = fetch.end().isAfter(clock.instant()) ? clock.instant() : fetch.end();
        long seconds = Math.max(1, AuditCache.endSecond(end) - AuditCache.startSecond(fetch.start()) + 1);
        long expected = (long) Math.ceil(perSecond * seconds);
        return Math.min(most, Math.max(1, (expected + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** Drops everything the cache holds: the next look reads afresh. */
    public void forget() {
        cache.clear();
    }

    /** How many events the cache holds (over every scope). */
    public long cachedEvents() {
        return cache.size();
    }

    private static Read read(Scope scope, AuditQuery fetch, int limit, PageCall call, Consumer<List<AuditRecord>> onPage)
            throws InterruptedException {
        List<CachedEvent> all = new ArrayList<>();
        String token = null;
        do {
            LookupEventsResponse page = call.call(request(fetch, token, Math.min(PAGE_SIZE, limit - all.size())));
            List<CachedEvent> events = AuditRecords.cached(scope, page.events());
            all.addAll(events);
            List<AuditRecord> records = new ArrayList<>(events.size());
            for (CachedEvent e : events) {
                records.add(e.record());
            }
            if (!records.isEmpty()) {
                onPage.accept(records);
            }
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null && all.size() < limit);
        return new Read(all, token != null);
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
