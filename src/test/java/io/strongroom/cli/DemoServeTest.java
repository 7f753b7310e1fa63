package io.strongroom.cli;

import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code strongroom serve --demo}: a populated store for the AWS CLI, and {@code --remove-demo} to empty it again. */
class DemoServeTest {

    @Test
    void serveDemoSeedsOnceAndRemoveDemoEmptiesTheStore() throws InterruptedException {
        Path dataDir = ServeProcess.tempDir();
        try (ServeProcess serve = new ServeProcess(dataDir, "--demo")) {
            assertTrue(line(serve, "Demo estate:").startsWith("Demo estate: seeded 300 secrets"), serve.banner().toString());
            List<SecretListEntry> listed = listSecrets(serve);
            assertTrue(listed.size() >= 20, "the first account's us-east-1 is populated: " + listed.size());
            assertTrue(listed.stream().allMatch(s -> s.tags().stream()
                    .anyMatch(t -> t.key().equals("strongroom:demo") && t.value().equals("true"))));
            serve.stop();
        }
        try (ServeProcess again = new ServeProcess(dataDir, "--demo")) {
            assertTrue(line(again, "Demo estate:").contains("already present"), again.banner().toString());
            again.stop();
        }
        try (ServeProcess removing = new ServeProcess(dataDir, "--remove-demo")) {
            assertTrue(line(removing, "Demo estate:").startsWith("Demo estate: removed 300 secrets"), removing.banner().toString());
            assertEquals(0, listSecrets(removing).size());
            removing.stop();
        }
    }

    private static String line(ServeProcess serve, String prefix) {
        return serve.banner().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static List<SecretListEntry> listSecrets(ServeProcess serve) {
        Map<String, String> env = serve.environment();
        try (SecretsManagerClient sm = SecretsManagerClient.builder()
                .endpointOverride(URI.create(serve.endpoint()))
                .region(Region.of(env.get("AWS_DEFAULT_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .build()) {
            List<SecretListEntry> out = new ArrayList<>();
            sm.listSecretsPaginator(b -> b.includePlannedDeletion(true)).forEach(p -> out.addAll(p.secretList()));
            return out;
        }
    }
}
