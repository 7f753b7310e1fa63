package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SessionInfo;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.signin.MfaPrompt;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.SignInProfiles;
import io.strongroom.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role profiles through our own provider chain, real SDK over HTTP to the embedded store:
 * {@code source_profile} chains with {@code role_session_name}, {@code duration_seconds} and
 * {@code external_id}, {@code credential_process}, cycles, and {@code mfa_serial} with a prompt.
 */
class RoleProfileTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    static String account;
    static String roleArn;

    @TempDir
    Path dir;
    Path config;
    Path credentials;
    final List<ClientRegistry> registries = new ArrayList<>();
    ExecutorService executor;

    @BeforeAll
    static void estate() {
        AccessKey admin = store.adminKey(0);
        account = admin.accountId();
        IamClient iam = store.iam(admin);
        roleArn = iam.createRole(r -> r.roleName("profile-reader").maxSessionDuration(3600).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1"}}}]}""".formatted(account)))
                .role().arn();
        iam.putRolePolicy(r -> r.roleName("profile-reader").policyName("list").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}]}"""));
        store.secrets().createSecret(b -> b.name("role/visible").secretString("not printed"));
    }

    @BeforeEach
    void files() throws Exception {
        AccessKey admin = store.adminKey(0);
        credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[base]\naws_access_key_id = " + admin.accessKeyId() + "\naws_secret_access_key = "
                + admin.secretAccessKey() + "\n");
        Path process = dir.resolve("creds.sh");
        Files.writeString(process, "#!/bin/sh\ncat <<'JSON'\n{\"Version\": 1, \"AccessKeyId\": \"" + admin.accessKeyId()
                + "\", \"SecretAccessKey\": \"" + admin.secretAccessKey() + "\", \"Expiration\": \""
                + Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}\nJSON\n");
        process.toFile().setExecutable(true, true);
        config = SignInProfiles.writeConfig(dir, store.store().endpoint(), """
                [profile base]
                region = us-east-1
                services = local-store

                [profile reader]
                role_arn = %1$s
                source_profile = base
                role_session_name = reader-session
                duration_seconds = 900
                external_id = ext-1
                services = local-store

                [profile chained]
                role_arn = %1$s
                source_profile = process
                external_id = ext-1
                services = local-store

                [profile process]
                credential_process = %2$s
                services = local-store

                [profile no-external-id]
                role_arn = %1$s
                source_profile = base
                services = local-store

                [profile cycle-a]
                role_arn = %1$s
                source_profile = cycle-b

                [profile cycle-b]
                role_arn = %1$s
                source_profile = cycle-a
                """.formatted(roleArn, process));
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        registries.forEach(ClientRegistry::close);
        executor.shutdownNow();
    }

    ClientRegistry registry() {
        ClientRegistry r = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1), t -> false,
                dir.resolve("sso-cache"));
        registries.add(r);
        return r;
    }

    Account profile(String name) {
        return AccountSource.awsProfiles(config, credentials).accounts().stream().filter(a -> a.alias().equals(name))
                .findFirst().orElseThrow();
    }

    Collector<SecretSummary> list(ClientRegistry clients, Account account) throws Exception {
        SecretsService secrets = new SecretsService(clients, new FanOut(executor, 2, new RateLimiters(TimeSource.system())));
        Collector<SecretSummary> c = new Collector<>();
        secrets.list(List.of(account.in("us-east-1")), SecretQuery.all(), c).done().get();
        return c;
    }

    static List<String> names(Collector<SecretSummary> c) {
        return c.pages.values().stream().flatMap(List::stream).flatMap(List::stream).map(SecretSummary::name).toList();
    }

    SessionService sessions(ClientRegistry clients) {
        return new SessionService(clients, new IdentityService(clients, new RateLimiters(TimeSource.system())));
    }

    @Test
    void aSourceProfileChainAssumesTheRoleWithItsSessionNameDurationAndExternalId() throws Exception {
        ClientRegistry clients = registry();
        Collector<SecretSummary> listed = list(clients, profile("reader"));
        assertThat(listed.failed).isEmpty();
        assertThat(names(listed)).contains("role/visible");

        SessionInfo info = sessions(clients).status(profile("reader"));
        assertThat(info.state()).isEqualTo(SessionInfo.State.ACTIVE);
        assertThat(info.identity().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/profile-reader/reader-session");
        assertThat(info.expiresAt()).isBetween(Instant.now().plusSeconds(800), Instant.now().plusSeconds(901));
    }

    @Test
    void aCredentialProcessCanBeTheSourceOfARole() throws Exception {
        Collector<SecretSummary> listed = list(registry(), profile("chained"));
        assertThat(listed.failed).isEmpty();
        assertThat(names(listed)).contains("role/visible");
    }

    @Test
    void theTrustPolicysExternalIdIsEnforcedThroughTheProfile() throws Exception {
        ScopeError error = list(registry(), profile("no-external-id")).failed.values().iterator().next();
        assertThat(error.errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void aSourceProfileCycleIsACredentialsErrorNamingTheCycle() throws Exception {
        ScopeError error = list(registry(), profile("cycle-a")).failed.values().iterator().next();
        assertThat(error.errorCode()).isEqualTo(ScopeError.CREDENTIALS_UNAVAILABLE);
        assertThat(error.message()).contains("cycle-a -> cycle-b -> cycle-a");
    }

    /** A virtual MFA device of the admin user, its seed known to the test, and a profile naming it. */
    @Nested
    class Mfa {

        Totp device;
        String serial;

        @BeforeEach
        void device() throws Exception {
            device = Totp.enable(store.iam(store.adminKey(0)), "admin", "admin-" + System.nanoTime());
            serial = device.serial();
            Files.writeString(config, Files.readString(config) + """

                    [profile mfa]
                    role_arn = %s
                    source_profile = base
                    external_id = ext-1
                    mfa_serial = %s
                    services = local-store
                    """.formatted(roleArn, serial));
        }

        @AfterEach
        void removeDevice() {
            device.remove(store.iam(store.adminKey(0)), "admin");
        }

        @Test
        void theProfilePromptsForTheCodeThenListsAndOneCodeServesTheSession() throws Exception {
            ClientRegistry clients = registry();
            RecordingPrompt prompt = new RecordingPrompt(s -> device.code());
            clients.signIn().usePrompts(null, prompt);

            Collector<SecretSummary> first = list(clients, profile("mfa"));
            Collector<SecretSummary> second = list(clients, profile("mfa"));

            assertThat(first.failed).isEmpty();
            assertThat(second.failed).isEmpty();
            assertThat(names(first)).contains("role/visible");
            assertThat(prompt.asked).containsExactly("mfa " + serial);
        }

        @Test
        void aWrongCodeIsRefusedWithAwsMessage() throws Exception {
            ClientRegistry clients = registry();
            clients.signIn().usePrompts(null, new RecordingPrompt(s -> device.wrongCode()));

            ScopeError error = list(clients, profile("mfa")).failed.values().iterator().next();

            assertThat(error.errorCode()).isEqualTo("AccessDenied");
            assertThat(error.message()).containsIgnoringCase("MultiFactorAuthentication failed");
        }

        @Test
        void withNoPromptTheSessionNeedsSignIn() {
            SessionInfo info = sessions(registry()).status(profile("mfa"));
            assertThat(info.state()).isEqualTo(SessionInfo.State.NEEDS_SIGN_IN);
            assertThat(info.message()).contains("MFA code").contains(serial);
        }

        @Test
        void aCancelledPromptNeedsSignIn() throws Exception {
            ClientRegistry clients = registry();
            clients.signIn().usePrompts(null, (p, s) -> Optional.empty());
            ScopeError error = list(clients, profile("mfa")).failed.values().iterator().next();
            assertThat(error.errorCode()).isEqualTo(ScopeError.SIGN_IN_REQUIRED);
        }
    }

    /** An MFA prompt that answers with {@code code} and records who asked. */
    static final class RecordingPrompt implements MfaPrompt {
        final List<String> asked = new CopyOnWriteArrayList<>();
        private final Function<String, String> code;

        RecordingPrompt(Function<String, String> code) {
            this.code = code;
        }

        @Override
        public Optional<String> code(String profileName, String mfaSerial) {
            asked.add(profileName + " " + mfaSerial);
            return Optional.of(code.apply(mfaSerial));
        }
    }
}
