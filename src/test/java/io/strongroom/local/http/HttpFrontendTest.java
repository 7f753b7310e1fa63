package io.strongroom.local.http;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The loopback listener itself: latency on kept-alive connections, and bodies too large to serve. */
class HttpFrontendTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @Test
    void requestsOnAKeptAliveConnectionAreNotHeldBackByDelayedAcks() {
        SecretsManagerClient sm = store.secrets();
        sm.createSecret(b -> b.name("latency/probe").secretString("v"));
        for (int i = 0; i < 5; i++) {
            sm.describeSecret(b -> b.secretId("latency/probe"));        // warm up
        }
        long[] micros = new long[31];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            sm.describeSecret(b -> b.secretId("latency/probe"));
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        long median = micros[micros.length / 2];
        // Nagle's algorithm against a delayed ACK costs 40 ms per request; a local call takes a few.
        assertTrue(median < 30_000, "median DescribeSecret round trip " + median + " µs");
    }

    @Test
    void anOversizeBodyWithoutContentLengthIsRefusedWith413() throws Exception {
        byte[] big = new byte[(1 << 20) + 1];
        Arrays.fill(big, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(store.store().endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager.ListSecrets")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))    // sent chunked
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("RequestEntityTooLargeException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }
}
