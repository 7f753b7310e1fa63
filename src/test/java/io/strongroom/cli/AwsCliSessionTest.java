package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A session with the AWS CLI, a client nobody here wrote, against {@code strongroom serve}
 * started as its own process. Debian's awscli lives at /usr/bin/aws; CI installs it and sets
 * {@code strongroom.requireAwsCli=true} so this cannot silently skip there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliSessionTest {

    static final Path AWS = Path.of("/usr/bin/aws");
    static final ObjectMapper JSON = new ObjectMapper();
    static ServeProcess serve;
    static Path home;
    static String versionId1;

    @BeforeAll
    static void startServe() throws IOException {
        boolean required = Boolean.getBoolean("strongroom.requireAwsCli");
        if (!Files.isExecutable(AWS)) {
            if (required) {
                fail("/usr/bin/aws is required (strongroom.requireAwsCli=true): install Debian's awscli");
            }
            assumeTrue(false, "/usr/bin/aws is not installed; the AWS CLI session is skipped outside CI");
        }
        home = Files.createTempDirectory("strongroom-awscli-home-");
        serve = new ServeProcess(ServeProcess.tempDir());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    static JsonNode aws(String... args) {
        Result r = run(args);
        if (r.exit != 0) {
            fail("aws " + String.join(" ", args) + " exited " + r.exit + ": " + r.stderr);
        }
        try {
            return r.stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout);
        } catch (IOException e) {
            throw new AssertionError("aws printed something that is not JSON", e);
        }
    }

    record Result(int exit, String stdout, String stderr) {}

    static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", serve.endpoint(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(serve.environment());
        env.put("HOME", home.toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        try {
            Path out = Files.createTempFile(home, "out", ".json");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("aws " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void createAndListWithFilters() {
        JsonNode created = aws("secretsmanager", "create-secret", "--name", "prod/payments/stripe-api-key",
                "--secret-string", "{\"key\":\"sk_live_1\"}", "--description", "Stripe live key",
                "--tags", "Key=env,Value=prod", "Key=owner,Value=payments");
        assertTrue(created.path("ARN").asText().contains(":secret:prod/payments/stripe-api-key-"));
        versionId1 = created.path("VersionId").asText();
        aws("secretsmanager", "create-secret", "--name", "dev/analytics/etl-user", "--secret-string", "pw",
                "--tags", "Key=env,Value=dev");

        JsonNode prod = aws("secretsmanager", "list-secrets", "--filters", "Key=tag-value,Values=prod");
        assertEquals(1, prod.path("SecretList").size());
        assertEquals("prod/payments/stripe-api-key", prod.path("SecretList").get(0).path("Name").asText());

        JsonNode notProd = aws("secretsmanager", "list-secrets", "--filters", "Key=name,Values=!prod");
        assertEquals(List.of("dev/analytics/etl-user"), names(notProd));
    }

    @Test
    @Order(2)
    void describeAndGet() {
        JsonNode d = aws("secretsmanager", "describe-secret", "--secret-id", "prod/payments/stripe-api-key");
        assertEquals("Stripe live key", d.path("Description").asText());
        assertEquals("AWSCURRENT", d.path("VersionIdsToStages").path(versionId1).get(0).asText());
        JsonNode v = aws("secretsmanager", "get-secret-value", "--secret-id", "prod/payments/stripe-api-key");
        assertEquals("{\"key\":\"sk_live_1\"}", v.path("SecretString").asText());
    }

    @Test
    @Order(3)
    void putThenMoveTheCurrentStageBack() {
        JsonNode put = aws("secretsmanager", "put-secret-value", "--secret-id", "prod/payments/stripe-api-key",
                "--secret-string", "{\"key\":\"sk_live_2\"}");
        String v2 = put.path("VersionId").asText();
        assertEquals("{\"key\":\"sk_live_2\"}", aws("secretsmanager", "get-secret-value", "--secret-id",
                "prod/payments/stripe-api-key").path("SecretString").asText());
        aws("secretsmanager", "update-secret-version-stage", "--secret-id", "prod/payments/stripe-api-key",
                "--version-stage", "AWSCURRENT", "--move-to-version-id", versionId1, "--remove-from-version-id", v2);
        JsonNode back = aws("secretsmanager", "get-secret-value", "--secret-id", "prod/payments/stripe-api-key");
        assertEquals(versionId1, back.path("VersionId").asText());
        JsonNode versions = aws("secretsmanager", "list-secret-version-ids", "--secret-id", "prod/payments/stripe-api-key");
        assertEquals(2, versions.path("Versions").size());
    }

    @Test
    @Order(4)
    void deleteThenRestore() {
        JsonNode del = aws("secretsmanager", "delete-secret", "--secret-id", "dev/analytics/etl-user", "--recovery-window-in-days", "7");
        assertFalse(del.path("DeletionDate").isMissingNode());
        Result refused = run("secretsmanager", "get-secret-value", "--secret-id", "dev/analytics/etl-user");
        assertTrue(refused.exit != 0 && refused.stderr.contains("InvalidRequestException"), refused.stderr);
        assertEquals(List.of("prod/payments/stripe-api-key"), names(aws("secretsmanager", "list-secrets")));
        aws("secretsmanager", "restore-secret", "--secret-id", "dev/analytics/etl-user");
        assertEquals("pw", aws("secretsmanager", "get-secret-value", "--secret-id", "dev/analytics/etl-user")
                .path("SecretString").asText());
    }

    @Test
    @Order(5)
    void errorsComeBackAsAwsErrorCodes() {
        Result missing = run("secretsmanager", "describe-secret", "--secret-id", "no/such/secret");
        assertTrue(missing.exit != 0 && missing.stderr.contains("ResourceNotFoundException"), missing.stderr);
    }

    @Test
    @Order(6)
    void callerIdentityNamesTheLocalAdmin() {
        JsonNode who = aws("sts", "get-caller-identity");
        assertTrue(who.path("Arn").asText().endsWith(":user/admin"));
    }

    @Test
    @Order(7)
    void kmsEncryptAndDecryptRoundTrip() throws IOException {
        JsonNode key = aws("kms", "create-key", "--description", "cli test key");
        String keyId = key.path("KeyMetadata").path("KeyId").asText();
        assertEquals("Enabled", key.path("KeyMetadata").path("KeyState").asText());
        aws("kms", "create-alias", "--alias-name", "alias/cli-test", "--target-key-id", keyId);
        Path plain = Files.writeString(home.resolve("plain.txt"), "attack at dawn");
        JsonNode enc = aws("kms", "encrypt", "--key-id", "alias/cli-test", "--plaintext", "fileb://" + plain,
                "--encryption-context", "purpose=test");
        Path blob = Files.write(home.resolve("blob.bin"), java.util.Base64.getDecoder().decode(enc.path("CiphertextBlob").asText()));
        JsonNode dec = aws("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob, "--encryption-context", "purpose=test");
        assertEquals("attack at dawn", new String(java.util.Base64.getDecoder().decode(dec.path("Plaintext").asText()), StandardCharsets.UTF_8));
        assertEquals(key.path("KeyMetadata").path("Arn").asText(), dec.path("KeyId").asText());
        Result wrongContext = run("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob, "--encryption-context", "purpose=other");
        assertTrue(wrongContext.exit != 0 && wrongContext.stderr.contains("InvalidCiphertextException"), wrongContext.stderr);
    }

    @Test
    @Order(8)
    void cloudTrailLookupEventsShowsTheSessionWithoutValues() {
        JsonNode events = aws("cloudtrail", "lookup-events", "--lookup-attributes",
                "AttributeKey=ResourceName,AttributeValue=" + aws("secretsmanager", "describe-secret", "--secret-id",
                        "prod/payments/stripe-api-key").path("ARN").asText(), "--max-results", "50");
        List<String> names = new ArrayList<>();
        events.path("Events").forEach(e -> names.add(e.path("EventName").asText()));
        assertTrue(names.containsAll(List.of("CreateSecret", "GetSecretValue", "PutSecretValue", "UpdateSecretVersionStage")), names.toString());
        assertFalse(events.toString().contains("sk_live_"), "a secret value reached the audit trail");
        JsonNode first = events.path("Events").get(0);
        assertEquals("secretsmanager.amazonaws.com", first.path("EventSource").asText());
        assertEquals("admin", first.path("Username").asText());
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("SecretList").forEach(s -> names.add(s.path("Name").asText()));
        return names;
    }
}
