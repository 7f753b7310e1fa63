package io.strongroom.local.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request and event IDs: unique, UUID-shaped like AWS's, but not secret, so they come from a
 * fast per-thread generator rather than SecureRandom (which serializes every request thread).
 */
public final class RequestIds {
    private RequestIds() {}

    /**
     * A time-ordered (version 7) UUID for audit events: still a UUID to every client, but
     * consecutive events sort together, so the event-ID index grows at its end instead of
     * taking random inserts on every call.
     */
    public static String nextTimeOrdered(long epochMillis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (epochMillis << 16) | 0x7000L | (r.nextInt() & 0x0FFF);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(hi, lo).toString();
    }
}
