package io.strongroom.service;

import io.strongroom.domain.Scope;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per (account, region, endpoint, quota class), because that is how AWS
 * counts: two scopes reaching the same account and region with different credentials share the
 * account's quota. Shared by every service so a list and a batch of describes in the same
 * account pace together.
 *
 * <p>Burst is a tenth of a second's quota (at least 1): enough to not slow short interactive
 * work, small enough that other clients of the same account still find room in AWS's bucket.
 */
public final class RateLimiters {

    private record Key(String account, String region, String endpoint, QuotaClass quotaClass) {}

    private final TimeSource time;
    private final Map<QuotaClass, Double> rates;
    private final ConcurrentMap<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** AWS's published quotas. */
    public RateLimiters(TimeSource time) {
        this(time, Map.of());
    }

    /** AWS's quotas, with some classes overridden (an account with raised KMS quotas, a test). */
    public RateLimiters(TimeSource time, Map<QuotaClass, Double> overrides) {
        this.time = time;
        Map<QuotaClass, Double> r = new EnumMap<>(QuotaClass.class);
        for (QuotaClass c : QuotaClass.values()) {
            r.put(c, overrides.getOrDefault(c, c.perSecond()));
        }
        this.rates = r;
    }

    /** Waits for one request's token in this scope's account and region. */
    public void acquire(Scope scope, QuotaClass quotaClass) throws InterruptedException {
        bucket(scope, quotaClass).acquire();
    }

    TokenBucket bucket(Scope scope, QuotaClass quotaClass) {
        Key key = new Key(scope.account().key(), scope.region(),
                scope.endpoint() == null ? "" : scope.endpoint().toString(), quotaClass);
        return buckets.computeIfAbsent(key, k -> {
            double rate = rates.get(quotaClass);
            return new TokenBucket(rate, Math.max(1.0, rate / 10.0), time);
        });
    }
}
