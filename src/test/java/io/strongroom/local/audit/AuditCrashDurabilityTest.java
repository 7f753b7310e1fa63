package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code strongroom serve} killed with SIGKILL while writers are busy: once it is started again
 * on the same data directory, every PutSecretValue that was answered with a 200 is on the audit
 * trail. Request IDs match the acknowledged calls to their events (CloudTrail's requestID).
 */
class AuditCrashDurabilityTest {

    private static final int WRITERS = 8;
    private static final long LOAD_MILLIS = 3_000;
    /** Versions per secret stay under Secrets Manager's limit of 100 within 24 hours. */
    private static final int PUTS_PER_SECRET = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedPutSecretValueIsOnTheTrailAfterAKill() throws Exception {
        Path dataDir = ServeProcess.tempDir();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<SecretsManagerClient> clients = new ArrayList<>();
        try {
            ServeProcess serve = new ServeProcess(dataDir);
            Region region;
            try {
                AccessKey key = key(serve.environment());
                region = Region.of(serve.environment().get("AWS_DEFAULT_REGION"));
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    SecretsManagerClient client = RunningStore.client(SecretsManagerClient.builder(), URI.create(serve.endpoint()), key, region);
                    clients.add(client);
                    String prefix = "crash-" + w + "-";
                    Thread t = new Thread(() -> write(client, prefix, acknowledged), "crash-writer-" + w);
                    t.setDaemon(true);
                    writers.add(t);
                }
                writers.forEach(Thread::start);
                Thread.sleep(LOAD_MILLIS);

                serve.process().destroyForcibly();     // SIGKILL on Linux: no shutdown hook, no close
                assertTrue(serve.process().waitFor(30, TimeUnit.SECONDS), "serve did not die");
                for (Thread t : writers) {
                    t.join(30_000);
                    assertTrue(!t.isAlive(), t.getName() + " kept running after the store died");
                }
            } finally {
                serve.close();
                clients.forEach(SecretsManagerClient::close);
            }
            assertTrue(acknowledged.size() >= 50, "too little load to mean anything: " + acknowledged.size() + " calls acknowledged");

            Set<String> recorded = new HashSet<>();
            try (ServeProcess restarted = new ServeProcess(dataDir);
                 CloudTrailClient cloudTrail = RunningStore.client(CloudTrailClient.builder(), URI.create(restarted.endpoint()),
                         key(restarted.environment()), region)) {
                for (Event e : cloudTrail.lookupEventsPaginator(LookupEventsRequest.builder()
                        .lookupAttributes(Lookups.attribute(LookupAttributeKey.EVENT_NAME, "PutSecretValue")).build()).events()) {
                    recorded.add(JSON.readTree(e.cloudTrailEvent()).path("requestID").asText());
                }
            }

            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(recorded);
            assertEquals(0, missing.size(), missing.size() + " of " + acknowledged.size()
                    + " acknowledged PutSecretValue calls have no audit event after the kill");
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /** PutSecretValue until the store stops answering; the request ID of every 200 goes into {@code acknowledged}. */
    private static void write(SecretsManagerClient client, String prefix, Set<String> acknowledged) {
        try {
            for (int n = 0; ; n++) {
                String name = prefix + (n / PUTS_PER_SECRET);
                if (n % PUTS_PER_SECRET == 0) {
                    client.createSecret(b -> b.name(name).secretString("first"));
                }
                int version = n;
                PutSecretValueResponse put = client.putSecretValue(b -> b.secretId(name).secretString("value-" + version));
                acknowledged.add(put.responseMetadata().requestId());
            }
        } catch (RuntimeException storeGone) {
            // the kill: calls in flight fail, and that ends this writer
        }
    }

    private static AccessKey key(Map<String, String> environment) {
        return new AccessKey(null, null, environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
