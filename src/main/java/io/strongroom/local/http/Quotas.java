package io.strongroom.local.http;

import io.strongroom.local.wire.AwsException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS request quotas, enforced per account, region and quota class when enabled: a token
 * bucket per triple that refills at the quota's rate and holds one second's worth. Calls over
 * the rate fail with {@code ThrottlingException}, as AWS's do.
 *
 * <p>Rates come from {@code reference/aws-facts.md}; unknown classes are not limited.
 */
public final class Quotas {

    /** Requests per second per account and region, by quota class. */
    public static final Map<String, Double> AWS_RATES = Map.ofEntries(
            Map.entry("secretsmanager:read", 10_000.0),          // GetSecretValue + DescribeSecret
            Map.entry("secretsmanager:list", 100.0),             // ListSecrets
            Map.entry("secretsmanager:batch", 100.0),            // BatchGetSecretValue
            Map.entry("secretsmanager:policy", 50.0),            // Get/Put/Delete/ValidateResourcePolicy
            Map.entry("secretsmanager:write", 50.0),             // PutSecretValue, UpdateSecret, stages, replication
            Map.entry("secretsmanager:rotate", 50.0),            // RotateSecret + CancelRotateSecret
            Map.entry("secretsmanager:restore", 50.0),
            Map.entry("secretsmanager:tag", 50.0),
            Map.entry("secretsmanager:create", 50.0),
            Map.entry("secretsmanager:delete", 50.0),
            Map.entry("secretsmanager:other", 50.0),
            Map.entry("kms:describe", 100.0),
            Map.entry("kms:list", 100.0),
            Map.entry("kms:policy", 30.0),
            Map.entry("kms:crypto", 5_500.0),
            Map.entry("kms:manage", 5.0),
            Map.entry("cloudtrail:lookup", 2.0),
            Map.entry("sts:identity", 600.0));

    private final boolean enabled;
    private final Map<String, Double> rates;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Quotas(boolean enabled, Map<String, Double> rates) {
        this.enabled = enabled;
        this.rates = Map.copyOf(rates);
    }

    public static Quotas disabled() {
        return new Quotas(false, Map.of());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one request's token, or throws {@code ThrottlingException}. */
    public void acquire(String accountId, String region, String quotaClass, long nowNanos) {
        if (!enabled) {
            return;
        }
        Double rate = rates.get(quotaClass);
        if (rate == null) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(accountId + '|' + region + '|' + quotaClass, k -> new Bucket(rate, nowNanos));
        if (!bucket.tryTake(nowNanos)) {
            throw AwsException.throttling("Rate exceeded");
        }
    }

    private static final class Bucket {
        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double ratePerSecond, long now) {
            this.ratePerNano = ratePerSecond / 1e9;
            this.capacity = Math.max(1.0, ratePerSecond);
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return true;
            }
            return false;
        }
    }
}
