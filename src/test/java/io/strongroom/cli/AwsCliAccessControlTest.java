package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control as the AWS CLI meets it against {@code strongroom serve --demo} on a fresh data
 * directory: cross-account reads that need the owner's resource policy and a customer managed key
 * whose policy lets the reader in, a deny-all lockdown that only the break-glass role passes
 * (through {@code aws sts assume-role} and the temporary credentials it prints), BlockPublicPolicy,
 * and temporary keys with a wrong or missing session token. The demo is there for its
 * {@code break-glass} role: the store serves no IAM API, so the CLI cannot create a role itself.
 * The secrets are the test's own, created with the CLI. Values are compared, never printed.
 */
class AwsCliAccessControlTest {

    private static final Pattern ADMIN_KEY = Pattern.compile("^ {2}(\\d{12}) {2}(\\S+) {2}(\\S+)$");
    private static final Pattern ROLE_ARN = Pattern.compile("--role-arn (\\S+)");

    static ServeProcess serve;
    static AwsCli aws;
    /** The first account (A, security-audit) and the second (B, payments-prod): their IDs and admin credentials. */
    static String a;
    static String b;
    static Map<String, String> adminA;
    static Map<String, String> adminB;
    static String breakGlassArn;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir(), "--demo");
        aws = new AwsCli(serve.endpoint());
        List<String[]> keys = new ArrayList<>();
        for (String line : serve.banner()) {
            Matcher key = ADMIN_KEY.matcher(line);
            if (key.matches()) {
                keys.add(new String[] {key.group(1), key.group(2), key.group(3)});
            }
            Matcher role = ROLE_ARN.matcher(line);
            if (line.startsWith("Demo roles:") && role.find()) {
                breakGlassArn = role.group(1);
            }
        }
        assertTrue(keys.size() >= 2, "the banner lists every account's admin key");
        a = keys.get(0)[0];
        b = keys.get(1)[0];
        adminA = AwsCli.credentials(keys.get(0)[1], keys.get(0)[2], null);
        adminB = AwsCli.credentials(keys.get(1)[1], keys.get(1)[2], null);
        assertEquals("arn:aws:iam::" + a + ":role/strongroom-demo/break-glass", breakGlassArn, "the banner's demo roles line");
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            int code = serve.stop();
            assertTrue(code == 0 || code == 143, "serve stops cleanly on SIGTERM, exit " + code);
        }
    }

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(aws.home().resolve(name), content);
    }

    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action + "\",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static AwsCli.Result refusedWith(String code, AwsCli.Result r) {
        assertTrue(!r.ok() && code.equals(r.errorCode()), "expected " + code + ", got exit " + r.exit() + ": " + r.stderr());
        return r;
    }

    /** The temporary credentials of a break-glass session, as {@code aws sts assume-role} prints them. */
    private static JsonNode assumeBreakGlass(String session) {
        JsonNode assumed = aws.ok(adminA, "sts", "assume-role", "--role-arn", breakGlassArn, "--role-session-name", session);
        assertEquals("arn:aws:sts::" + a + ":assumed-role/break-glass/" + session, assumed.path("AssumedRoleUser").path("Arn").asText());
        return assumed.path("Credentials");
    }

    @Test
    void anotherAccountReadsOnlyWithTheResourcePolicyAndACustomerKeyThatLetsItIn() throws IOException {
        String value = "{\"username\":\"reporting\",\"password\":\"cli-EXAMPLE-1\"}";
        String arn = aws.ok(adminA, "secretsmanager", "create-secret", "--name", "shared/reporting/db", "--secret-string", value)
                .path("ARN").asText();

        AwsCli.Result noPolicy = refusedWith("AccessDeniedException", aws.run(adminB, "secretsmanager", "get-secret-value", "--secret-id", arn));
        assertTrue(noPolicy.stderr().contains("User: arn:aws:iam::" + b + ":user/admin is not authorized to perform: "
                + "secretsmanager:GetSecretValue on resource: " + arn + " because no resource-based policy allows the "
                + "secretsmanager:GetSecretValue action"), noPolicy.stderr());

        aws.ok(adminA, "secretsmanager", "put-resource-policy", "--secret-id", "shared/reporting/db", "--resource-policy",
                policy(statement("Allow", "{\"AWS\":\"arn:aws:iam::" + b + ":root\"}", "secretsmanager:GetSecretValue", null)));
        AwsCli.Result defaultKey = refusedWith("AccessDeniedException", aws.run(adminB, "secretsmanager", "get-secret-value", "--secret-id", arn));
        assertTrue(defaultKey.stderr().contains("You can't access a secret from a different AWS account if you encrypt the secret "
                + "with the default KMS service key."), defaultKey.stderr());

        Path keyPolicy = file("shared-key-policy.json", policy(
                statement("Allow", "{\"AWS\":\"arn:aws:iam::" + a + ":root\"}", "kms:*", null),
                statement("Allow", "{\"AWS\":\"arn:aws:iam::" + b + ":root\"}", "kms:Decrypt",
                        "{\"StringEquals\":{\"kms:ViaService\":\"secretsmanager.us-east-1.amazonaws.com\"}}")));
        String key = aws.ok(adminA, "kms", "create-key", "--description", "shared with B", "--policy", "file://" + keyPolicy)
                .path("KeyMetadata").path("Arn").asText();
        aws.ok(adminA, "secretsmanager", "update-secret", "--secret-id", arn, "--kms-key-id", key);

        JsonNode read = aws.ok(adminB, "secretsmanager", "get-secret-value", "--secret-id", arn);
        assertTrue(value.equals(read.path("SecretString").asText()), "B reads A's value");
        assertEquals(arn, read.path("ARN").asText());
    }

    @Test
    void aDenyAllLockdownStopsTheOwnAdministratorAtOnceButNotTheBreakGlassSession() {
        String value = "incident-root-token-EXAMPLE";
        String arn = aws.ok(adminA, "secretsmanager", "create-secret", "--name", "security/incident/root-token", "--secret-string", value)
                .path("ARN").asText();
        aws.ok(adminA, "secretsmanager", "put-resource-policy", "--secret-id", arn, "--resource-policy",
                policy(statement("Deny", "\"*\"", "secretsmanager:*",
                        "{\"StringNotEquals\":{\"aws:PrincipalArn\":\"" + breakGlassArn + "\"}}")));

        AwsCli.Result locked = refusedWith("AccessDeniedException",
                aws.run(adminA, "secretsmanager", "get-secret-value", "--secret-id", arn));
        assertTrue(locked.stderr().contains("User: arn:aws:iam::" + a + ":user/admin is not authorized to perform: "
                + "secretsmanager:GetSecretValue on resource: " + arn + " with an explicit deny in a resource-based policy"), locked.stderr());

        JsonNode c = assumeBreakGlass("incident-42");
        Map<String, String> session = AwsCli.credentials(c.path("AccessKeyId").asText(), c.path("SecretAccessKey").asText(),
                c.path("SessionToken").asText());
        assertTrue(c.path("AccessKeyId").asText().startsWith("ASIA"));
        assertEquals("arn:aws:sts::" + a + ":assumed-role/break-glass/incident-42",
                aws.ok(session, "sts", "get-caller-identity").path("Arn").asText());
        assertTrue(value.equals(aws.ok(session, "secretsmanager", "get-secret-value", "--secret-id", arn).path("SecretString").asText()),
                "the break-glass session reads the locked-down value");
        refusedWith("AccessDeniedException", aws.run(adminA, "secretsmanager", "describe-secret", "--secret-id", arn));
    }

    @Test
    void blockPublicPolicyRefusesAPolicyOpenToEveryone() {
        String arn = aws.ok(adminA, "secretsmanager", "create-secret", "--name", "shared/public/attempt", "--secret-string", "pub-EXAMPLE")
                .path("ARN").asText();
        AwsCli.Result blocked = refusedWith("PublicPolicyException", aws.run(adminA, "secretsmanager", "put-resource-policy",
                "--secret-id", arn, "--block-public-policy", "--resource-policy",
                policy(statement("Allow", "\"*\"", "secretsmanager:GetSecretValue", null))));
        assertNotNull(blocked.errorCode());
        JsonNode after = aws.ok(adminA, "secretsmanager", "get-resource-policy", "--secret-id", arn);
        assertTrue(after.path("ResourcePolicy").isMissingNode(), "nothing was stored: " + after);
    }

    @Test
    void aTemporaryKeyWithAWrongOrMissingSessionTokenIsRefused() {
        JsonNode c = assumeBreakGlass("token-check");
        String keyId = c.path("AccessKeyId").asText();
        String secret = c.path("SecretAccessKey").asText();
        String token = c.path("SessionToken").asText();

        int middle = token.length() / 2;
        String other = token.charAt(middle) == 'A' ? "B" : "A";        // the same length, one character off
        Map<String, String> wrong = AwsCli.credentials(keyId, secret, token.substring(0, middle) + other + token.substring(middle + 1));
        refusedWith("UnrecognizedClientException", aws.run(wrong, "secretsmanager", "list-secrets"));
        refusedWith("InvalidClientTokenId", aws.run(wrong, "sts", "get-caller-identity"));

        Map<String, String> missing = AwsCli.credentials(keyId, secret, null);
        refusedWith("UnrecognizedClientException", aws.run(missing, "secretsmanager", "list-secrets"));
        refusedWith("InvalidClientTokenId", aws.run(missing, "sts", "get-caller-identity"));

        // The same key with its own token works: it is the token, not the key, that was refused.
        aws.ok(AwsCli.credentials(keyId, secret, token), "sts", "get-caller-identity");
    }
}
