package io.strongroom.local.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes a MAC is computed over: values appended with a tag and, for text, a length, so
 * that no two different sequences of values encode alike ("ab" + "c" differs from "a" + "bc",
 * null from "" from a number). Reused for every MAC on a thread: it only grows.
 */
final class Canonical {

    private static final byte NULL = 0;
    private static final byte INTEGER = 1;
    private static final byte TEXT = 2;
    private static final byte BYTES = 3;

    private byte[] buf = new byte[1024];
    private int len;

    /** Starts over with {@code domain}, which says what the bytes are of (an event, a chain head...). */
    Canonical reset(String domain) {
        len = 0;
        putText(domain);
        return this;
    }

    void putNull() {
        ensure(1);
        buf[len++] = NULL;
    }

    void putLong(long v) {
        ensure(9);
        buf[len++] = INTEGER;
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    void putText(String s) {
        if (s == null) {
            putNull();
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putTagged(TEXT, utf8);
    }

    void putBytes(byte[] b) {
        if (b == null) {
            putNull();
            return;
        }
        putTagged(BYTES, b);
    }

    /** A count of what follows, e.g. how many further resources an event has. */
    void putCount(int n) {
        putLong(n);
    }

    private void putTagged(byte tag, byte[] bytes) {
        ensure(5 + bytes.length);
        buf[len++] = tag;
        buf[len++] = (byte) (bytes.length >>> 24);
        buf[len++] = (byte) (bytes.length >>> 16);
        buf[len++] = (byte) (bytes.length >>> 8);
        buf[len++] = (byte) bytes.length;
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }
}
