package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * IAM through the AWS CLI (Debian's awscli at /usr/bin/aws), a client nobody here wrote, against
 * {@code strongroom serve} as its own process. The CLI decodes the URL-encoded policy documents
 * IAM returns and prints them as JSON objects. Skipped where the CLI is not installed, unless
 * {@code strongroom.requireAwsCli=true} (CI).
 */
class AwsCliIamTest {

    static final Path AWS = Path.of("/usr/bin/aws");
    static final ObjectMapper JSON = new ObjectMapper();
    static ServeProcess serve;
    static Path home;

    @BeforeAll
    static void startServe() throws IOException {
        if (!Files.isExecutable(AWS)) {
            if (Boolean.getBoolean("strongroom.requireAwsCli")) {
                fail("/usr/bin/aws is required (strongroom.requireAwsCli=true): install Debian's awscli");
            }
            assumeTrue(false, "/usr/bin/aws is not installed; the AWS CLI IAM session is skipped outside CI");
        }
        home = Files.createTempDirectory("strongroom-awscli-iam-");
        serve = new ServeProcess(ServeProcess.tempDir());
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

        Result missing = run("iam", "get-role", "--role-name", "no-such-role");
        assertTrue(missing.exit != 0 && missing.stderr.contains("NoSuchEntity"), missing.stderr);
        Result conflict = run("iam", "delete-role", "--role-name", "cli-role");
        assertTrue(conflict.exit != 0 && conflict.stderr.contains("DeleteConflict"), conflict.stderr);
    }

    record Result(int exit, String stdout, String stderr) {}

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
}
