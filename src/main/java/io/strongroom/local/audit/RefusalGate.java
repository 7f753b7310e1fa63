package io.strongroom.local.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The rate limit on stored refusals (a token bucket on real time, not the store's clock: it
 * limits what an attacker can make the store do now) and the count of those it turned away.
 */
final class RefusalGate {
    private final AuditLog.RefusalLimits limits;
    private final LongSupplier nanoTime;
    private final long summaryIntervalNanos;
    private double tokens;
    private long refilledAt;
    private long suppressed;
    private Instant firstSuppressed;
    private Instant lastSuppressed;
    private long lastSummaryAt;

    RefusalGate(AuditLog.RefusalLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.summaryIntervalNanos = limits.summaryInterval().toNanos();
        this.tokens = limits.burst();
        this.refilledAt = nanoTime.getAsLong();
        this.lastSummaryAt = refilledAt;        // the first summary is due one interval after the start
    }

    synchronized boolean admit(Instant time) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(limits.burst(), tokens + (now - refilledAt) / 1e9 * limits.perSecond());
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        if (suppressed++ == 0) {
            firstSuppressed = time;
        }
        lastSuppressed = time;
        return false;
    }

    /** One row for the refusals turned away since the last summary, when there are any and one is due (or {@code force}). */
    synchronized UnverifiedRefusal takeSummary(boolean force) {
        if (suppressed == 0) {
            return null;
        }
        long now = nanoTime.getAsLong();
        if (!force && now - lastSummaryAt < summaryIntervalNanos) {
            return null;
        }
        String message = String.format(Locale.ROOT, "%d refusals not recorded one by one, from %s to %s: more than %s a second",
                suppressed, firstSuppressed, lastSuppressed, limitText(limits.perSecond()));
        UnverifiedRefusal summary = new UnverifiedRefusal(0, lastSuppressed, null, null, message, null, null, null, null, null,
                null, null, suppressed);
        suppressed = 0;
        lastSummaryAt = now;
        return summary;
    }

    private static String limitText(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
