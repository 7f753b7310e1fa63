package io.strongroom.service;

import java.util.concurrent.TimeUnit;

/**
 * Monotonic time and sleeping, injectable so rate-limiter pacing can be tested by moving a fake
 * clock instead of waiting on the wall clock.
 */
public interface TimeSource {

    long nanoTime();

    /** Sleeps for the given time; interruptible, which is how cancellation reaches a waiting task. */
    void sleepNanos(long nanos) throws InterruptedException;

    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** The real clock. */
    enum SystemTime implements TimeSource {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
