package io.strongroom.local.replication;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replication a stopped store left unfinished resumes when it starts again; its service events are in the audit trail. */
class ReplicationRestartTest {

    @TempDir
    Path dir;

    @Test
    void anInProgressReplicationResumesAfterARestart() throws Exception {
        String name = "restart/db";
        try (LocalStore first = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            SecretsManagerClient sm = client(first, Region.US_EAST_1);
            sm.createSecret(b -> b.name(name).secretString("survives"));
            first.replication().faults().delayRegion("eu-central-1", Duration.ofSeconds(30));
            sm.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region("eu-central-1")));
            assertEquals("InProgress", status(sm, name).statusAsString());
        }
        try (LocalStore second = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            SecretsManagerClient sm = client(second, Region.US_EAST_1);
            assertTrue(second.replication().awaitIdle(Duration.ofSeconds(20)), "the resumed replication finishes");
            ReplicationStatusType status = status(sm, name);
            assertEquals("InSync", status.statusAsString(), String.valueOf(status));
            assertEquals("survives", client(second, Region.EU_CENTRAL_1).getSecretValue(b -> b.secretId(name)).secretString());

            CloudTrailClient trail = RunningStore.client(CloudTrailClient.builder(), second.endpoint(), key(second), Region.US_EAST_1);
            List<String> names = trail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey("EventSource")
                    .attributeValue("secretsmanager.amazonaws.com"))).events().stream().map(Event::eventName).toList();
            assertTrue(names.contains("ReplicationStarted"), names.toString());
            assertTrue(names.contains("ReplicationSucceeded"), names.toString());
        }
    }

    static ReplicationStatusType status(SecretsManagerClient sm, String name) {
        return sm.describeSecret(b -> b.secretId(name)).replicationStatus().get(0);
    }

    static AccessKey key(LocalStore store) {
        return store.accounts().adminKeys().get(0);
    }

    static SecretsManagerClient client(LocalStore store, Region region) {
        return RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key(store), region);
    }
}
