package io.strongroom.service;

/**
 * A token bucket that paces callers to a steady rate with a small burst. Tokens are reserved
 * under a lock and waited for outside it (the balance may go negative: later callers queue
 * behind earlier ones), so concurrent callers are paced fairly without holding the lock while
 * sleeping.
 */
public final class TokenBucket {

    private final TimeSource time;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    /**
     * @param perSecond steady rate
     * @param burst     tokens available at once (at least 1)
     */
    public TokenBucket(double perSecond, double burst, TimeSource time) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.time = time;
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = time.nanoTime();
    }

    /** Takes one token, sleeping until it is due. Interruptible: a cancelled wait gives up its place. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            try {
                time.sleepNanos(wait);
            } catch (InterruptedException e) {
                refund();
                throw e;
            }
        }
    }

    /** Reserves one token; returns how long to wait for it, in nanoseconds. */
    synchronized long reserve() {
        long now = time.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    private synchronized void refund() {
        tokens += 1;
    }
}
