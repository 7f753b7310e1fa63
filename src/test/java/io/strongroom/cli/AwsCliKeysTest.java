package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer managed key's state and rotation through the AWS CLI against {@code strongroom serve}
 * as its own process: {@code aws kms disable-key} makes {@code get-secret-value} of a secret under the
 * key fail with Secrets Manager's DecryptionFailure, {@code enable-key} gives it back;
 * describe-key shows the state; rotation turned on and off shows in get-key-rotation-status, and the
 * secret still reads. Rotation periods, RotateKeyOnDemand and ListKeyRotations (2024 additions that
 * Debian's awscli 2.9 does not know) are covered through the SDK in {@code KeyStateForSecretsTest}
 * and {@code KmsFidelityTest}.
 * Skipped without the CLI, unless {@code strongroom.requireAwsCli=true}. Values are compared, never printed.
 */
class AwsCliKeysTest {

    static ServeProcess serve;
    static AwsCli cli;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir());
        cli = new AwsCli(serve.endpoint());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    private static JsonNode aws(String... args) {
        return cli.ok(serve.environment(), args);
    }

    private static String keyState(String keyId) {
        return aws("kms", "describe-key", "--key-id", keyId).path("KeyMetadata").path("KeyState").asText();
    }

    private static boolean readsAs(String secretId, String expected) {
        return expected.equals(aws("secretsmanager", "get-secret-value", "--secret-id", secretId).path("SecretString").asText());
    }

    /** A timestamp as the CLI prints it: ISO 8601 (v2) or epoch seconds (v1). */

    @Test
    void disablingTheKeyMakesGetSecretValueFailAndEnablingItRestoresAccess() {
        JsonNode key = aws("kms", "create-key", "--description", "cli payments key").path("KeyMetadata");
        String keyId = key.path("KeyId").asText();
        assertEquals("CUSTOMER", key.path("KeyManager").asText());
        assertEquals("AWS_KMS", key.path("Origin").asText());
        assertFalse(key.path("MultiRegion").asBoolean(true));
        aws("kms", "create-alias", "--alias-name", "alias/cli-payments", "--target-key-id", keyId);
        aws("secretsmanager", "create-secret", "--name", "cli/payments/db", "--kms-key-id", "alias/cli-payments",
                "--secret-string", "cli-EXAMPLE-keys-1");
        assertTrue(readsAs("cli/payments/db", "cli-EXAMPLE-keys-1"));

        aws("kms", "disable-key", "--key-id", keyId);
        assertEquals("Disabled", keyState(keyId));
        AwsCli.Result refused = cli.run(serve.environment(), "secretsmanager", "get-secret-value", "--secret-id", "cli/payments/db");
        assertFalse(refused.ok());
        assertEquals("DecryptionFailure", refused.errorCode(), refused.stderr());
        assertTrue(refused.stderr().contains("Secrets Manager can't decrypt the protected secret text using the provided KMS key."),
                refused.stderr());
        assertFalse(refused.stderr().contains("cli-EXAMPLE"), "no value in the error");
        AwsCli.Result write = cli.run(serve.environment(), "secretsmanager", "put-secret-value", "--secret-id", "cli/payments/db",
                "--secret-string", "cli-EXAMPLE-keys-2");
        assertEquals("EncryptionFailure", write.errorCode(), write.stderr());

        aws("kms", "enable-key", "--key-id", key.path("Arn").asText());
        assertEquals("Enabled", keyState("alias/cli-payments"));
        assertTrue(readsAs("cli/payments/db", "cli-EXAMPLE-keys-1"));
    }

    @Test
    void rotationCanBeTurnedOnAndOffAndTheSecretStillReads() {
        String keyId = aws("kms", "create-key", "--description", "cli rotated key").path("KeyMetadata").path("KeyId").asText();
        aws("secretsmanager", "create-secret", "--name", "cli/rotating-key/api", "--kms-key-id", keyId,
                "--secret-string", "cli-EXAMPLE-keys-3");
        JsonNode off = aws("kms", "get-key-rotation-status", "--key-id", keyId);
        assertFalse(off.path("KeyRotationEnabled").asBoolean(true), off.toString());
        aws("kms", "enable-key-rotation", "--key-id", keyId);
        assertTrue(aws("kms", "get-key-rotation-status", "--key-id", keyId).path("KeyRotationEnabled").asBoolean());
        aws("kms", "disable-key-rotation", "--key-id", keyId);
        assertFalse(aws("kms", "get-key-rotation-status", "--key-id", keyId).path("KeyRotationEnabled").asBoolean(true));
        assertTrue(readsAs("cli/rotating-key/api", "cli-EXAMPLE-keys-3"));
    }
}
