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
                // A slow machine acknowledges fewer calls in that time: kill once enough have been answered.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() < 50 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }

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

    /**
     * Every GetSecretValue answered before a SIGKILL has its event on the trail (read-only calls'
     * events are committed before the response, not moments after), the killed store's trail
     * verifies, read-only from the files it left, and the chain goes on intact after a restart.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAnsweredGetSecretValueIsOnAVerifiedTrailAfterAKillAndTheChainGoesOnAfterARestart() throws Exception {
        int calls = 200;
        Path dataDir = ServeProcess.tempDir();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        try {
            try (ServeProcess serve = new ServeProcess(dataDir);
                 SecretsManagerClient client = RunningStore.client(SecretsManagerClient.builder(), URI.create(serve.endpoint()),
                         key(serve.environment()), Region.of(serve.environment().get("AWS_DEFAULT_REGION")))) {
                client.createSecret(b -> b.name("read-before-kill").secretString("not on the trail"));
                List<Thread> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    Thread t = new Thread(() -> {
                        for (int i = 0; i < calls / 4; i++) {
                            answered.add(client.getSecretValue(b -> b.secretId("read-before-kill")).responseMetadata().requestId());
                        }
                    }, "reader-" + r);
                    readers.add(t);
                    t.start();
                }
                for (Thread t : readers) {
                    t.join(60_000);
                }
                assertEquals(calls, answered.size());

                serve.process().destroyForcibly();     // SIGKILL right after the last answer: no shutdown hook, no close
                assertTrue(serve.process().waitFor(30, TimeUnit.SECONDS), "serve did not die");
            }

            // The files as the kill left them (the WAL not checkpointed), read without starting the store.
            Set<String> recorded = requestIdsOfGetSecretValue(dataDir);
            Set<String> missing = new HashSet<>(answered);
            missing.removeAll(recorded);
            assertEquals(0, missing.size(), missing.size() + " of " + calls + " answered GetSecretValue calls have no event after the kill");
            assertEquals(0, verify(dataDir), "the killed store's trail verifies");

            try (ServeProcess restarted = new ServeProcess(dataDir);
                 SecretsManagerClient client = RunningStore.client(SecretsManagerClient.builder(), URI.create(restarted.endpoint()),
                         key(restarted.environment()), Region.of(restarted.environment().get("AWS_DEFAULT_REGION")))) {
                client.getSecretValue(b -> b.secretId("read-before-kill"));
                assertTrue(restarted.stop() == 0 || !restarted.process().isAlive());
            }
            assertEquals(0, verify(dataDir), "the chain goes on intact after the restart");
            assertEquals(calls + 1, requestIdsOfGetSecretValue(dataDir).size());
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static Set<String> requestIdsOfGetSecretValue(Path dataDir) {
        return io.strongroom.local.storage.Database.readOnly(dataDir.resolve("strongroom.db"), c -> {
            Set<String> ids = new HashSet<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT request_id FROM audit_events WHERE event_name = 'GetSecretValue'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** {@code strongroom audit verify}'s exit code for {@code dataDir}. */
    private static int verify(Path dataDir) {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = io.strongroom.cli.StrongroomCommand.run(null, new java.io.PrintWriter(out), new java.io.PrintWriter(out),
                "audit", "verify", "--data-dir", dataDir.toString());
        if (exit != 0) {
            System.err.println(out);      // names events and chains, never a value
        }
        return exit;
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
