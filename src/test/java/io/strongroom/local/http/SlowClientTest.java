package io.strongroom.local.http;

import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RawHttp;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Callers that send part of a request and stall never keep the store from answering others,
 * and are dropped once their request has taken longer than its bound to arrive.
 */
class SlowClientTest {

    static final Duration ARRIVAL = Duration.ofSeconds(2);
    static final byte[] HEALTH = "GET /strongroom/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    @RegisterExtension
    static final RunningStore store = RunningStore.perClass(c -> c.withHttpLimits(HttpLimits.defaults().withRequestArrival(ARRIVAL).withResponseWrite(ARRIVAL)));

    @BeforeAll
    static void start() {
        store.secrets().createSecret(b -> b.name("slow/probe").secretString("v"));
    }

    @Test
    void twoHundredStalledConnectionsNeitherStallASignedCallNorOutliveTheirBound() throws Exception {
        SecretsManagerClient sm = store.secrets();
        sm.describeSecret(b -> b.secretId("slow/probe"));            // a connection of its own, kept alive
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", store.store().port()), 2_000);
                String partial = i % 2 == 0
                        // headers whole, body cut short
                        ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                          + "X-Amz-Target: secretsmanager.ListSecrets\r\nContent-Length: 1000\r\n\r\n{\"Max"
                        // headers cut short
                        : "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar";
                s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            long opened = System.nanoTime();

            long start = System.nanoTime();
            sm.describeSecret(b -> b.secretId("slow/probe"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis < 1_000, "a signed call took " + tookMillis + " ms behind 200 stalled connections");

            try (SecretsManagerClient fresh = store.secrets(store.adminKey(1), RunningStore.REGION)) {
                start = System.nanoTime();
                fresh.listSecrets(b -> { });
                tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMillis < 1_000, "a call on a new connection took " + tookMillis + " ms");
            }

            for (Socket s : stalled) {
                long leftMillis = ARRIVAL.toMillis() + 1_500 - (System.nanoTime() - opened) / 1_000_000;
                s.setSoTimeout((int) Math.max(1, leftMillis));
                assertTrue(closedByStore(s.getInputStream()), "a stalled connection was still open "
                        + (System.nanoTime() - opened) / 1_000_000 + " ms after it opened");
            }
            long elapsed = (System.nanoTime() - opened) / 1_000_000;
            assertTrue(elapsed >= ARRIVAL.toMillis() - 500, "closed only after the bound, not before: " + elapsed + " ms");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aCallerThatDoesNotTakeItsResponseIsDroppedWithinTheBound() throws Exception {
        SecretsManagerClient sm = store.secrets();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "slow/large-" + i;
            sm.createSecret(b -> b.name(name).secretString("x".repeat(65_536)));
            ids.add(name);
        }
        RawAwsRequest.Signed signed = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0))
                .target("secretsmanager.BatchGetSecretValue")
                .body("{\"SecretIdList\":[\"" + String.join("\",\"", ids) + "\"]}")
                .sign();
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + store.store().port() + "\r\n");
        signed.headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                request.append(k).append(": ").append(v.get(0)).append("\r\n");
            }
        });
        request.append("Content-Length: ").append(signed.body.length).append("\r\n\r\n");
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", store.store().port()), 2_000);
            // pipelined, twelve times: 16 MB of answers, more than the kernel buffers between the two sockets hold
            for (int i = 0; i < 12; i++) {
                s.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().write(signed.body);
            }
            s.getOutputStream().flush();
            long sent = System.nanoTime();
            Thread.sleep(ARRIVAL.toMillis() + 1_000);          // takes nothing while the store writes
            s.setSoTimeout(3_000);
            long received = 0;
            boolean closed;
            try {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = s.getInputStream().read(buffer)) >= 0) {
                    received += n;
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            assertTrue(closed, received + " bytes received; still open " + (System.nanoTime() - sent) / 1_000_000 + " ms after the response began");
            assertTrue(received < 12L * 20 * 65_536, "the store gave up before the whole response: " + received + " bytes arrived");
        }
    }

    @Test
    void aConnectionThatNeverSendsIsClosedWithinTheBound() throws Exception {
        try (Socket s = connected((int) ARRIVAL.toMillis() + 1_500)) {
            long start = System.nanoTime();
            assertTrue(closedByStore(s.getInputStream()));
            assertTrue((System.nanoTime() - start) / 1_000_000 >= ARRIVAL.toMillis() - 500);
        }
    }

    @Test
    void aRequestThatArrivesWithinTheBoundIsServedEvenWhenSentSlowly() throws Exception {
        try (Socket s = connected(5_000)) {
            byte[] request = HEALTH.clone();
            for (byte b : request) {
                s.getOutputStream().write(b);
                s.getOutputStream().flush();
                Thread.sleep(ARRIVAL.toMillis() / (request.length * 2L));
            }
            RawHttp.Response response = RawHttp.read(s.getInputStream());
            assertEquals(200, response.status());
            assertEquals("ok\n", response.body());
        }
    }

    @Test
    void keptAliveConnectionsServeOneRequestAfterAnother() throws Exception {
        try (Socket s = connected(5_000)) {
            byte[] request = HEALTH.clone();
            // two requests in one write (pipelined), then a third after the answers
            s.getOutputStream().write((new String(request, StandardCharsets.US_ASCII) + new String(request, StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            s.getOutputStream().write(request);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
    }

    @Test
    void malformedRequestLinesAndOversizeHeadersAreClientErrors() {
        RawHttp.Response garbage = RawHttp.exchange(store.store().endpoint(), "\u0001\u0002 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(garbage.status() >= 400 && garbage.status() < 500, "status " + garbage.status());

        String huge = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "a".repeat(40_000) + "\r\nContent-Length: 0\r\n\r\n";
        RawHttp.Response tooLarge = RawHttp.exchange(store.store().endpoint(), huge.getBytes(StandardCharsets.US_ASCII));
        assertEquals(431, tooLarge.status());

        String smuggled = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        assertEquals(400, RawHttp.exchange(store.store().endpoint(), smuggled.getBytes(StandardCharsets.US_ASCII)).status());
    }

    /** True once the store closes the connection (end of stream or reset); false if it is still open at the socket's timeout. */
    /** A connection to the store that waits up to {@code readTimeoutMillis} for each read. */
    private static Socket connected(int readTimeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", store.store().port()), 2_000);
            s.setSoTimeout(readTimeoutMillis);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static boolean closedByStore(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // whatever the store sends before closing, it is not kept waiting for
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
