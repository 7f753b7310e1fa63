package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.strongroom.testing.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Multi-Region secrets through the AWS CLI against {@code strongroom serve} as its own process
 * (started with {@code --fail-replication-to ap-northeast-1}): replicate-secret-to-regions answers
 * InProgress and describe-secret then shows InSync; the replica region reads the primary's value
 * and gets every put-secret-value; a write on the replica is refused with AWS's error; a
 * same-name secret in the target region, or a failing region, ends Failed with the message;
 * stop-replication-to-replica leaves a writable standalone secret. Skipped without the CLI,
 * unless {@code strongroom.requireAwsCli=true}.
 */
class AwsCliReplicationTest {

    static ServeProcess serve;
    static AwsCli cli;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir(), "--fail-replication-to", "ap-northeast-1");
        cli = new AwsCli(serve.endpoint());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    @Test
    void aReplicaGoesInSyncReadsThePrimarysValueGetsItsChangesAndRefusesWrites() {
        String arn = aws("secretsmanager", "create-secret", "--name", "cli/multi", "--secret-string", "first-value").path("ARN").asText();
        JsonNode replicated = aws("secretsmanager", "replicate-secret-to-regions", "--secret-id", "cli/multi",
                "--add-replica-regions", "Region=eu-west-1");
        assertEquals(arn, replicated.path("ARN").asText());
        JsonNode started = replicated.path("ReplicationStatus").get(0);
        assertEquals("eu-west-1", started.path("Region").asText());
        assertEquals("InProgress", started.path("Status").asText(), replicated.toString());

        JsonNode described = await(() -> aws("secretsmanager", "describe-secret", "--secret-id", "cli/multi"),
                d -> "InSync".equals(d.path("ReplicationStatus").path(0).path("Status").asText()), "InSync in describe-secret");
        assertEquals("us-east-1", described.path("PrimaryRegion").asText());
        assertEquals("Replication succeeded", described.path("ReplicationStatus").path(0).path("StatusMessage").asText());
        assertEquals("alias/aws/secretsmanager", described.path("ReplicationStatus").path(0).path("KmsKeyId").asText());

        JsonNode replica = aws("--region", "eu-west-1", "secretsmanager", "get-secret-value", "--secret-id", "cli/multi");
        assertEquals("first-value", replica.path("SecretString").asText());
        assertEquals(arn.replace(":us-east-1:", ":eu-west-1:"), replica.path("ARN").asText());

        aws("secretsmanager", "put-secret-value", "--secret-id", "cli/multi", "--secret-string", "second-value");
        await(() -> "second-value".equals(aws("--region", "eu-west-1", "secretsmanager", "get-secret-value", "--secret-id", "cli/multi")
                .path("SecretString").asText()), Boolean::booleanValue, "the new value in the replica region");

        AwsCli.Result refused = cli.run(serve.environment(), "--region", "eu-west-1", "secretsmanager", "put-secret-value",
                "--secret-id", "cli/multi", "--secret-string", "written-on-replica");
        assertTrue(refused.exit() != 0, refused.stdout());
        assertTrue(refused.stderr().contains("InvalidParameterException") && refused.stderr()
                .contains("Operation not permitted on a replica secret. Call must be made in primary secret's region."), refused.stderr());

        List<String> names = await(() -> eventNames(arn), n -> n.contains("ReplicationSucceeded"), "ReplicationSucceeded in lookup-events");
        assertTrue(names.contains("ReplicationStarted") && names.contains("ReplicateSecretToRegions"), names.toString());
    }

    @Test
    void aReplicaRegionHoldingASecretOfTheSameNameEndsFailedWithAwsMessage() {
        aws("--region", "eu-central-1", "secretsmanager", "create-secret", "--name", "cli/taken", "--secret-string", "local");
        aws("secretsmanager", "create-secret", "--name", "cli/taken", "--secret-string", "primary");
        aws("secretsmanager", "replicate-secret-to-regions", "--secret-id", "cli/taken", "--add-replica-regions", "Region=eu-central-1");
        JsonNode status = await(() -> aws("secretsmanager", "describe-secret", "--secret-id", "cli/taken").path("ReplicationStatus").path(0),
                s -> "Failed".equals(s.path("Status").asText()), "Failed in describe-secret");
        assertEquals("Secret with this name already exists in this region", status.path("StatusMessage").asText());
        assertEquals("local", aws("--region", "eu-central-1", "secretsmanager", "get-secret-value", "--secret-id", "cli/taken")
                .path("SecretString").asText());
    }

    @Test
    void aRegionMadeToFailByServeEndsFailed() {
        aws("secretsmanager", "create-secret", "--name", "cli/faulty", "--secret-string", "f");
        aws("secretsmanager", "replicate-secret-to-regions", "--secret-id", "cli/faulty", "--add-replica-regions", "Region=ap-northeast-1");
        JsonNode status = await(() -> aws("secretsmanager", "describe-secret", "--secret-id", "cli/faulty").path("ReplicationStatus").path(0),
                s -> "Failed".equals(s.path("Status").asText()), "Failed in describe-secret");
        assertTrue(status.path("StatusMessage").asText().contains("ap-northeast-1"), status.toString());
    }

    @Test
    void stopReplicationToReplicaLeavesAWritableStandaloneSecret() {
        aws("secretsmanager", "create-secret", "--name", "cli/promoted", "--secret-string", "shared");
        aws("secretsmanager", "replicate-secret-to-regions", "--secret-id", "cli/promoted", "--add-replica-regions", "Region=us-west-2");
        await(() -> aws("secretsmanager", "describe-secret", "--secret-id", "cli/promoted").path("ReplicationStatus").path(0).path("Status")
                .asText(), "InSync"::equals, "InSync in describe-secret");

        JsonNode stopped = aws("--region", "us-west-2", "secretsmanager", "stop-replication-to-replica", "--secret-id", "cli/promoted");
        assertTrue(stopped.path("ARN").asText().contains(":us-west-2:"), stopped.toString());
        JsonNode standalone = aws("--region", "us-west-2", "secretsmanager", "describe-secret", "--secret-id", "cli/promoted");
        assertTrue(standalone.path("PrimaryRegion").isMissingNode(), standalone.toString());
        aws("--region", "us-west-2", "secretsmanager", "put-secret-value", "--secret-id", "cli/promoted", "--secret-string", "own-value");
        assertEquals("own-value", aws("--region", "us-west-2", "secretsmanager", "get-secret-value", "--secret-id", "cli/promoted")
                .path("SecretString").asText());
        JsonNode primary = aws("secretsmanager", "describe-secret", "--secret-id", "cli/promoted");
        assertFalse(primary.path("ReplicationStatus").toString().contains("us-west-2"), primary.toString());
        assertEquals("shared", aws("secretsmanager", "get-secret-value", "--secret-id", "cli/promoted").path("SecretString").asText());
    }

    private static List<String> eventNames(String arn) {
        List<String> names = new ArrayList<>();
        aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=" + arn)
                .path("Events").forEach(e -> names.add(e.path("EventName").asText()));
        return names;
    }

    private static JsonNode aws(String... args) {
        return cli.ok(serve.environment(), args);
    }
}
