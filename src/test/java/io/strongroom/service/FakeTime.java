package io.strongroom.service;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when someone sleeps (or the test advances it): pacing without waiting. */
final class FakeTime implements TimeSource {

    private long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(nanos);
        now += nanos;
    }

    synchronized void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    synchronized long elapsedSinceStartNanos() {
        return now - 1_000_000_000L;
    }
}
