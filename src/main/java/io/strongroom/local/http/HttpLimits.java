package io.strongroom.local.http;

import java.time.Duration;

/**
 * How long the store's listener waits for a caller, and how many it serves at once. Every bound
 * is on the caller, never on the store's own work: a request that has fully arrived is answered
 * however long the answer takes.
 *
 * @param requestArrival  from a request's first byte (or from connecting) until its last byte has
 *                        arrived; a request that takes longer is dropped with its connection
 * @param responseWrite   from the first byte of a response until the caller has taken the last
 * @param idle            how long a kept-alive connection may sit between requests
 * @param maxConnections  connections open at once; one more is closed as soon as it is accepted
 */
public record HttpLimits(Duration requestArrival, Duration responseWrite, Duration idle, int maxConnections) {

    public HttpLimits {
        for (Duration d : new Duration[] {requestArrival, responseWrite, idle}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("HTTP time limits must be positive");
            }
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /**
     * A 1 MiB request arrives over loopback in milliseconds, so 10 s is a wide margin for any real
     * client. Idle connections are kept a little longer than the AWS SDKs keep theirs (60 s), so a
     * client never reuses a connection the store has just closed.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(75), 1024);
    }

    public HttpLimits withRequestArrival(Duration d) {
        return new HttpLimits(d, responseWrite, idle, maxConnections);
    }

    public HttpLimits withResponseWrite(Duration d) {
        return new HttpLimits(requestArrival, d, idle, maxConnections);
    }

    public HttpLimits withIdle(Duration d) {
        return new HttpLimits(requestArrival, responseWrite, d, maxConnections);
    }

    public HttpLimits withMaxConnections(int n) {
        return new HttpLimits(requestArrival, responseWrite, idle, n);
    }
}
