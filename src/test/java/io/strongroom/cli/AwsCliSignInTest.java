package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.iam.Totp;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through the AWS CLI (Debian's awscli 2.9, which knows sso-oidc, sso, organizations and
 * MFA for STS) against {@code strongroom serve}: the device flow with register-client,
 * start-device-authorization, the approval page and create-token, then the portal; the
 * organization's accounts; get-session-token with a virtual MFA device's code. Skipped where
 * the CLI is not installed, unless {@code strongroom.requireAwsCli=true} (CI).
 */
class AwsCliSignInTest {

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

    @Test
    void theDeviceFlowAndThePortalThroughTheCli() throws Exception {
        JsonNode client = cli.ok(Map.of(), "sso-oidc", "register-client", "--client-name", "cli-test", "--client-type", "public");
        String id = client.path("clientId").asText();
        String secret = client.path("clientSecret").asText();
        JsonNode device = cli.ok(Map.of(), "sso-oidc", "start-device-authorization", "--client-id", id, "--client-secret", secret,
                "--start-url", "https://strongroom-cli.awsapps.com/start");
        AwsCli.Result pending = cli.run(Map.of(), "sso-oidc", "create-token", "--client-id", id, "--client-secret", secret,
                "--grant-type", "urn:ietf:params:oauth:grant-type:device_code", "--device-code", device.path("deviceCode").asText());
        assertEquals("AuthorizationPendingException", pending.errorCode(), pending.stderr());
        HttpResponse<String> approved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(device.path("verificationUri").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_code=" + device.path("userCode").asText() + "&decision=approve")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, approved.statusCode());
        Thread.sleep(1100);
        JsonNode token = cli.ok(Map.of(), "sso-oidc", "create-token", "--client-id", id, "--client-secret", secret,
                "--grant-type", "urn:ietf:params:oauth:grant-type:device_code", "--device-code", device.path("deviceCode").asText());
        String accessToken = token.path("accessToken").asText();
        JsonNode accounts = cli.ok(Map.of(), "sso", "list-accounts", "--access-token", accessToken);
        assertEquals(3, accounts.path("accountList").size(), accounts.toString());
        String account = accounts.path("accountList").get(0).path("accountId").asText();
        JsonNode credentials = cli.ok(Map.of(), "sso", "get-role-credentials", "--access-token", accessToken, "--account-id", account,
                "--role-name", "AdministratorAccess").path("roleCredentials");
        JsonNode me = cli.ok(AwsCli.credentials(credentials.path("accessKeyId").asText(), credentials.path("secretAccessKey").asText(),
                credentials.path("sessionToken").asText()), "sts", "get-caller-identity");
        assertTrue(me.path("Arn").asText().endsWith("/admin"), me.toString());
        AwsCli.Result bad = cli.run(Map.of(), "sso", "list-accounts", "--access-token", "not-a-token");
        assertEquals("UnauthorizedException", bad.errorCode(), bad.stderr());
    }

    @Test
    void theManagementAccountListsTheOrganization() {
        JsonNode accounts = cli.ok(serve.environment(), "organizations", "list-accounts");
        assertEquals(3, accounts.path("Accounts").size(), accounts.toString());
        JsonNode organization = cli.ok(serve.environment(), "organizations", "describe-organization").path("Organization");
        assertTrue(organization.path("Id").asText().startsWith("o-"), organization.toString());
    }

    @Test
    void getSessionTokenWithAVirtualMfaDevice() throws Exception {
        Map<String, String> admin = serve.environment();
        cli.ok(admin, "iam", "create-user", "--user-name", "mfa-user");
        JsonNode key = cli.ok(admin, "iam", "create-access-key", "--user-name", "mfa-user").path("AccessKey");
        Path seedFile = cli.home().resolve("seed.txt");
        String serial = cli.ok(admin, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "mfa-user",
                "--outfile", seedFile.toString(), "--bootstrap-method", "Base32StringSeed").path("VirtualMFADevice").path("SerialNumber").asText();
        byte[] seed = Totp.fromBase32(Files.readString(seedFile).trim());
        Files.delete(seedFile);
        long now = Totp.step(Instant.now());
        cli.ok(admin, "iam", "enable-mfa-device", "--user-name", "mfa-user", "--serial-number", serial,
                "--authentication-code1", Totp.code(seed, now - 1), "--authentication-code2", Totp.code(seed, now));
        Map<String, String> user = AwsCli.credentials(key.path("AccessKeyId").asText(), key.path("SecretAccessKey").asText(), null);
        AwsCli.Result wrong = cli.run(user, "sts", "get-session-token", "--serial-number", serial, "--token-code",
                Totp.code(seed, now + 1).equals("000000") ? "111111" : "000000");
        assertEquals("AccessDenied", wrong.errorCode(), wrong.stderr());
        assertTrue(wrong.stderr().contains("MultiFactorAuthentication failed with invalid MFA one time pass code."), wrong.stderr());
        JsonNode session = cli.ok(user, "sts", "get-session-token", "--serial-number", serial, "--token-code", Totp.code(seed, now + 1));
        assertTrue(session.path("Credentials").path("AccessKeyId").asText().startsWith("ASIA"));
    }
}
