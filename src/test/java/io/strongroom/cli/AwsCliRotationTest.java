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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rotation through the AWS CLI against {@code strongroom serve} as its own process: rotate-secret
 * with the store's random-value function, the labels it moves and the CloudTrail events it leaves;
 * a failing rotation (the PostgreSQL function pointed at a closed port) and AWS's refusal of the
 * next one; cancel-rotate-secret. Skipped without the CLI, unless {@code strongroom.requireAwsCli=true}.
 */
class AwsCliRotationTest {

    static ServeProcess serve;
    static AwsCli cli;
    static String account;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir());
        cli = new AwsCli(serve.endpoint());
        account = aws("sts", "get-caller-identity").path("Account").asText();
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    static String function(String name) {
        return "arn:aws:lambda:us-east-1:" + account + ":function:" + name;
    }

    @Test
    void rotateSecretWithTheRandomValueFunctionMovesTheLabelsAndIsOnTheAuditTrail() {
        JsonNode created = aws("secretsmanager", "create-secret", "--name", "cli/rotated", "--secret-string", "before-rotation");
        String arn = created.path("ARN").asText();
        String first = created.path("VersionId").asText();
        List<String> functions = new ArrayList<>();
        aws("lambda", "list-functions").path("Functions").forEach(f -> functions.add(f.path("FunctionName").asText()));
        assertTrue(functions.contains("strongroom-random-value"), functions.toString());

        JsonNode rotated = aws("secretsmanager", "rotate-secret", "--secret-id", "cli/rotated",
                "--rotation-lambda-arn", function("strongroom-random-value"), "--rotation-rules", "AutomaticallyAfterDays=30");
        String next = rotated.path("VersionId").asText();
        JsonNode described = await(() -> aws("secretsmanager", "describe-secret", "--secret-id", "cli/rotated"),
                d -> d.path("VersionIdsToStages").path(next).toString().contains("AWSCURRENT"), "AWSCURRENT on the new version");
        assertTrue(described.path("VersionIdsToStages").path(first).toString().contains("AWSPREVIOUS"), described.toString());
        assertFalse(described.path("VersionIdsToStages").toString().contains("AWSPENDING"), described.toString());
        assertTrue(described.path("RotationEnabled").asBoolean());
        assertEquals(30, described.path("RotationRules").path("AutomaticallyAfterDays").asInt());
        assertFalse(described.path("LastRotatedDate").isMissingNode(), described.toString());
        assertNotEquals("before-rotation", aws("secretsmanager", "get-secret-value", "--secret-id", "cli/rotated").path("SecretString").asText());

        List<String> names = await(() -> eventNames(arn), n -> n.contains("RotationSucceeded"), "RotationSucceeded in lookup-events");
        assertTrue(names.contains("RotationStarted") && names.contains("RotateSecret"), names.toString());

        aws("secretsmanager", "cancel-rotate-secret", "--secret-id", "cli/rotated");
        JsonNode cancelled = aws("secretsmanager", "describe-secret", "--secret-id", "cli/rotated");
        assertFalse(cancelled.path("RotationEnabled").asBoolean(), cancelled.toString());
        assertTrue(cancelled.path("NextRotationDate").isMissingNode(), "cancel-rotate-secret clears the schedule: " + cancelled);
    }

    @Test
    void aFailingRotationLeavesAwsPendingARotationFailedEventAndTheNextRotateSecretIsRefused() {
        String value = "{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":1,\"username\":\"app\",\"password\":\"p\",\"dbname\":\"d\"}";
        String arn = aws("secretsmanager", "create-secret", "--name", "cli/db", "--secret-string", value).path("ARN").asText();
        String pending = aws("secretsmanager", "rotate-secret", "--secret-id", "cli/db",
                "--rotation-lambda-arn", function("strongroom-postgres-single-user")).path("VersionId").asText();
        await(() -> eventNames(arn), n -> n.contains("RotationFailed"), "RotationFailed in lookup-events");
        JsonNode described = aws("secretsmanager", "describe-secret", "--secret-id", "cli/db");
        assertTrue(described.path("VersionIdsToStages").path(pending).toString().contains("AWSPENDING"), described.toString());
        assertEquals(value, aws("secretsmanager", "get-secret-value", "--secret-id", "cli/db").path("SecretString").asText(),
                "AWSCURRENT still has the old value");

        AwsCli.Result again = cli.run(serve.environment(), "secretsmanager", "rotate-secret", "--secret-id", "cli/db");
        assertTrue(again.exit() != 0, again.stdout());
        assertTrue(again.stderr().contains("InvalidRequestException")
                && again.stderr().contains("A previous rotation isn't complete. That rotation will be reattempted."), again.stderr());
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
