package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The demo estate's database secrets really rotate: without the demo's cluster a production
 * master's rotation is left stuck at setSecret with a message that says why; with it, the
 * single-user function changes the role's password on the real server.
 */
class DemoDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutTheClusterTheRotationIsStuckAndSaysWhyWithItTheNextRotationChangesThePassword() throws Exception {
        TestPostgres.requireAvailable();
        try (RunningStore store = new RunningStore()) {
            DemoEstate.seed(store.store());
            SecretsManagerClient sm = null;
            SecretListEntry stuck = null;
            String accountId = null;
            for (var account : store.store().accounts().list()) {
                for (String region : DemoEstate.REGIONS) {
                    SecretsManagerClient client = RunningStore.client(SecretsManagerClient.builder(), store.store().endpoint(),
                            store.store().accounts().adminKey(account.accountId()).orElseThrow(), Region.of(region));
                    Optional<SecretListEntry> found = client.listSecretsPaginator(b -> b.maxResults(100)).stream().flatMap(p -> p.secretList().stream())
                            .filter(e -> e.name().endsWith("/master") && e.secretVersionsToStages().values().stream()
                                    .anyMatch(l -> l.contains("AWSPENDING")))
                            .findFirst();
                    if (stuck == null && found.isPresent()) {
                        sm = client;
                        stuck = found.get();
                        accountId = account.accountId();
                    }
                }
            }
            assertNotNull(stuck, "a database master is stuck after seeding");
            SecretsManagerClient sm0 = sm;
            SecretListEntry stuck0 = stuck;
            Optional<DemoDatabase> db = DemoDatabase.start(store.store(), TestPostgres.parentDirectory());
            assertTrue(db.isPresent(), "the demo cluster starts where PostgreSQL can run");
            try (DemoDatabase cluster = db.get()) {
                assertTrue(cluster.roles() > 5, "a login role per demo database user: " + cluster.roles());
                String pending = stuck0.secretVersionsToStages().entrySet().stream()
                        .filter(e -> e.getValue().contains("AWSPENDING")).map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
                // The operator's repair: discard the unfinished version, rotate again.
                sm0.updateSecretVersionStage(b -> b.secretId(stuck0.arn()).versionStage("AWSPENDING").removeFromVersionId(pending));
                sm0.rotateSecret(b -> b.secretId(stuck0.arn()));
                assertTrue(store.store().rotations().awaitIdle(Duration.ofSeconds(30)));
                JsonNode now = JSON.readTree(sm0.getSecretValue(b -> b.secretId(stuck0.arn())).secretString());
                Properties login = new Properties();
                login.setProperty("user", now.get("username").asText());
                login.setProperty("password", now.get("password").asText());
                try (var c = DriverManager.getConnection("jdbc:postgresql://" + DemoDatabase.HOST + ":" + cluster.port() + "/"
                        + now.get("dbname").asText(), login)) {
                    assertTrue(c.isValid(5), "the rotated password logs in to the demo's database");
                }
                assertNotNull(sm0.describeSecret(b -> b.secretId(stuck0.arn())).lastRotatedDate());
            }
            assertEquals(RotationFunctions.arn(stuck0.arn().split(":")[3], accountId, "strongroom-postgres-single-user"),
                    sm0.describeSecret(b -> b.secretId(stuck0.arn())).rotationLambdaARN());
        }
    }
}
