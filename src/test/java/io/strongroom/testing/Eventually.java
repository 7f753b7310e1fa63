package io.strongroom.testing;

import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Asking again until an answer holds, for work the store does after it answered (rotation, replication). */
public final class Eventually {

    private Eventually() {}

    /** Asks again (every 200 ms, for up to 15 s) until {@code done} holds; fails naming {@code what} and the last answer. */
    public static <T> T await(Supplier<T> ask, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        T last = ask.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("not within 15 s: " + what + "; last: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            last = ask.get();
        }
        return last;
    }
}
