package io.strongroom.cli;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.PolicyService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.SignInProfiles;
import io.strongroom.testing.SignInProfiles.PagePrompt;
import io.strongroom.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless commands with sign-in: an SSO profile without a token runs the device flow with
 * the code and address on stderr; {@code --organization} lists every member account's secrets;
 * usage errors for the new options.
 */
class SignInCommandTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @TempDir
    Path dir;
    Path config;
    Backends backends;
    final ExecutorService runner = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void estate() {
        String management = store.adminKey(0).accountId();
        IamClient iam0 = store.iam(store.adminKey(0));
        iam0.createRole(r -> r.roleName("cli-mfa").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(management)));
        iam0.putRolePolicy(r -> r.roleName("cli-mfa").policyName("list").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}]}"""));
        for (int i = 0; i < 3; i++) {
            int n = i;
            store.secrets(store.adminKey(i), Region.US_EAST_1).createSecret(b -> b.name("cli/secret-" + n).secretString("x"));
            if (i > 0) {
                IamClient iam = store.iam(store.adminKey(i));
                iam.createRole(r -> r.roleName("cli-audit").assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                         "Action":"sts:AssumeRole"}]}""".formatted(management)));
                iam.putRolePolicy(r -> r.roleName("cli-audit").policyName("list").policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}]}"""));
            }
        }
    }

    @BeforeEach
    void profiles() throws Exception {
        AccessKey admin = store.adminKey(0);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[management]\naws_access_key_id = " + admin.accessKeyId()
                + "\naws_secret_access_key = " + admin.secretAccessKey() + "\n");
        config = SignInProfiles.writeConfig(dir, store.store().endpoint(), """
                [profile management]
                region = us-east-1
                services = local-store

                [profile sso-dev]
                sso_session = local
                sso_account_id = %s
                sso_role_name = ReadOnlyAccess
                services = local-store

                [sso-session local]
                sso_start_url = https://strongroom-test.awsapps.com/start
                sso_region = us-east-1
                """.formatted(admin.accountId()));
        backends = new TestBackends(config, credentials, dir.resolve("sso-cache"));
    }

    @AfterEach
    void close() {
        backends.close();
        runner.shutdownNow();
    }

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StrongroomCommand.run(backends, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anSsoProfileWithoutATokenPrintsTheCodeAndAddressOnStderrAndListsOnceApproved() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> StrongroomCommand.run(backends,
                new PrintWriter(out, true), new PrintWriter(err, true), "inventory", "--profile", "sso-dev"), runner);

        Pattern code = Pattern.compile("enter the code ([A-Z]{4}-[A-Z]{4})");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !code.matcher(err.toString()).find()) {
            Thread.sleep(50);
        }
        Matcher m = code.matcher(err.toString());
        assertThat(m.find()).as("the code is printed on stderr").isTrue();
        assertThat(err.toString()).contains("open " + store.store().endpoint() + "/sso/device");
        PagePrompt.approving(store.store().endpoint()).show(new io.strongroom.service.signin.DevicePrompt.DeviceCode(
                "sso-dev", m.group(1), URI.create("http://unused"), null, null));

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(out.toString()).contains("cli/secret-0").doesNotContain("cli/secret-1");
        assertThat(err.toString()).contains("signed in");

        Run again = run("inventory", "--profile", "sso-dev");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).doesNotContain("enter the code");
    }

    @Test
    void anMfaProfileReadsTheCodeFromTheTerminalAndAWrongCodeEndsWithAwsMessage() throws Exception {
        IamClient iam = store.iam(store.adminKey(0));
        Totp device = Totp.enable(iam, "admin", "cli-" + System.nanoTime());
        java.io.InputStream stdin = System.in;
        try {
            Files.writeString(config, Files.readString(config) + """

                    [profile mfa]
                    role_arn = arn:aws:iam::%s:role/cli-mfa
                    source_profile = management
                    mfa_serial = %s
                    services = local-store
                    """.formatted(store.adminKey(0).accountId(), device.serial()));

            System.setIn(new java.io.ByteArrayInputStream((device.wrongCode() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            Run wrong = run("inventory", "--profile", "mfa");
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.err()).contains("MFA code for " + device.serial()).contains("AccessDenied")
                    .containsIgnoringCase("MultiFactorAuthentication failed");

            System.setIn(new java.io.ByteArrayInputStream((device.code() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            Run right = run("inventory", "--profile", "mfa");
            assertThat(right.exit()).isZero();
            assertThat(right.out()).contains("cli/secret-0");
        } finally {
            System.setIn(stdin);
            device.remove(iam, "admin");
        }
    }

    @Test
    void theOrganizationOptionListsEveryMemberAccountThroughTheRole() {
        Run r = run("inventory", "--organization", "management", "--org-role", "cli-audit");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("cli/secret-0", "cli/secret-1", "cli/secret-2");
    }

    @Test
    void orgRoleWithoutOrganizationIsAUsageError() {
        Run r = run("inventory", "--profile", "management", "--org-role", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--org-role applies with --organization");
    }

    @Test
    void organizationAndProfileExcludeEachOther() {
        Run r = run("inventory", "--profile", "management", "--organization", "management");
        assertThat(r.exit()).isEqualTo(2);
    }

    /** The CLI's backends over the test store, reading the test's AWS config and caching SSO tokens in the test's directory. */
    static final class TestBackends implements Backends {
        private final Path config;
        private final Path credentials;
        private final ClientRegistry clients;
        private final ExecutorService executor = Executors.newFixedThreadPool(2);
        private final SecretsService secrets;

        TestBackends(Path config, Path credentials, Path cache) {
            this.config = config;
            this.credentials = credentials;
            this.clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1), t -> false, cache);
            this.secrets = new SecretsService(clients, new FanOut(executor, 2, new RateLimiters(TimeSource.system())));
        }

        @Override
        public AccountSource embeddedStore(Path dataDir) {
            throw new UnsupportedOperationException("these tests read AWS profiles only");
        }

        @Override
        public AccountSource temporaryStore() {
            throw new UnsupportedOperationException("these tests read AWS profiles only");
        }

        @Override
        public AccountSource awsProfiles() {
            return AccountSource.awsProfiles(config, credentials);
        }

        @Override
        public SecretsService secrets() {
            return secrets;
        }

        @Override
        public Optional<ClientRegistry> clients() {
            return Optional.of(clients);
        }

        @Override
        public PolicyService policies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RotationService rotations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReplicationService replication() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            clients.close();
            executor.shutdownNow();
        }
    }

}
