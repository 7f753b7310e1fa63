package io.strongroom.local;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated latency is added per region, and only where configured. */
class RealismKnobsTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass(c -> c.withLatency(Map.of("ap-southeast-2", Duration.ofMillis(150))));

    @Test
    void aRegionWithSimulatedLatencyAnswersNoFasterThanItsLatency() {
        var slow = store.sts(store.adminKey(0), Region.AP_SOUTHEAST_2);
        var fast = store.sts(store.adminKey(0), Region.US_EAST_1);
        slow.getCallerIdentity();                      // first calls pay the client's own start
        fast.getCallerIdentity();
        long slowest = Long.MAX_VALUE;
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            slow.getCallerIdentity();
            slowest = Math.min(slowest, System.nanoTime() - t0);
            t0 = System.nanoTime();
            fast.getCallerIdentity();
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        assertTrue(slowest >= Duration.ofMillis(150).toNanos(), "ap-southeast-2 answered in " + slowest / 1_000_000 + " ms");
        assertTrue(fastest < Duration.ofMillis(150).toNanos(), "us-east-1 took " + fastest / 1_000_000 + " ms");
    }
}
