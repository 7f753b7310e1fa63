package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IAM through the AWS CLI (Debian's awscli at /usr/bin/aws), a client nobody here wrote, against
 * {@code strongroom serve} as its own process. The CLI decodes the URL-encoded policy documents
 * IAM returns and prints them as JSON objects. Skipped where the CLI is not installed, unless
 * {@code strongroom.requireAwsCli=true} (CI).
 */
class AwsCliIamTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ServeProcess serve;
    static AwsCli cli;
    static Path home;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir());
        cli = new AwsCli(serve.endpoint());
        home = cli.home();
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    @Test
    void rolesPoliciesUsersAndKeysThroughTheCli() throws IOException {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        Path trustFile = Files.writeString(home.resolve("trust.json"), trust);
        JsonNode role = aws("iam", "create-role", "--role-name", "cli-role", "--path", "/cli/",
                "--assume-role-policy-document", "file://" + trustFile).path("Role");
        assertTrue(role.path("Arn").asText().matches("arn:aws:iam::\\d{12}:role/cli/cli-role"), role.toString());
        assertEquals(JSON.readTree(trust), role.path("AssumeRolePolicyDocument"), "the CLI decodes the trust policy");
        assertTrue(role.path("CreateDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|\\+00:00)"), role.toString());

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"arn:aws:secretsmanager:*:*:secret:app/*\"}]}";
        Path policyFile = Files.writeString(home.resolve("policy.json"), policy);
        aws("iam", "put-role-policy", "--role-name", "cli-role", "--policy-name", "read-app-secrets",
                "--policy-document", "file://" + policyFile);
        JsonNode got = aws("iam", "get-role-policy", "--role-name", "cli-role", "--policy-name", "read-app-secrets");
        assertEquals("read-app-secrets", got.path("PolicyName").asText());
        assertEquals(JSON.readTree(policy), got.path("PolicyDocument"), "get-role-policy shows the decoded document");

        JsonNode user = aws("iam", "create-user", "--user-name", "cli-user").path("User");
        assertEquals("cli-user", user.path("UserName").asText());
        JsonNode key = aws("iam", "create-access-key", "--user-name", "cli-user").path("AccessKey");
        assertTrue(key.path("AccessKeyId").asText().startsWith("AKIA"), key.toString());
        assertEquals(40, key.path("SecretAccessKey").asText().length());
        JsonNode listed = aws("iam", "list-access-keys", "--user-name", "cli-user");
        assertEquals(key.path("AccessKeyId").asText(), listed.path("AccessKeyMetadata").get(0).path("AccessKeyId").asText());
        assertTrue(listed.path("AccessKeyMetadata").get(0).path("SecretAccessKey").isMissingNode());

        List<String> roles = new ArrayList<>();
        aws("iam", "list-roles").path("Roles").forEach(r -> roles.add(r.path("RoleName").asText()));
        assertTrue(roles.contains("cli-role"), roles.toString());

        AwsCli.Result missing = run("iam", "get-role", "--role-name", "no-such-role");
        assertTrue(missing.exit() != 0 && missing.stderr().contains("NoSuchEntity"), missing.stderr());
        AwsCli.Result conflict = run("iam", "delete-role", "--role-name", "cli-role");
        assertTrue(conflict.exit() != 0 && conflict.stderr().contains("DeleteConflict"), conflict.stderr());
    }

    private static JsonNode aws(String... args) {
        return cli.ok(serve.environment(), args);
    }

    private static AwsCli.Result run(String... args) {
        return cli.run(serve.environment(), args);
    }
}
