package io.strongroom.local.replication;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knobs for showing replication's other states on demand (tests, benchmarks, the demo and
 * {@code strongroom serve --fail-replication-to}): a region that fails every replication to it,
 * and a delay before each replication to a region (to see InProgress). Not AWS behaviour: a
 * failed region's replicas end Failed with a message that says it was injected.
 */
public final class ReplicationFaults {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    /** Makes every replication to {@code region} fail (on) or work again (off); takes effect at the next replication. */
    public void failRegion(String region, boolean on) {
        if (on) {
            failing.add(region);
        } else {
            failing.remove(region);
        }
    }

    /** Waits {@code delay} before each replication to {@code region} (zero or null: none). */
    public void delayRegion(String region, Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) {
            delays.remove(region);
        } else {
            delays.put(region, delay);
        }
    }

    boolean failing(String region) {
        return failing.contains(region);
    }

    Duration delay(String region) {
        return delays.getOrDefault(region, Duration.ZERO);
    }
}
