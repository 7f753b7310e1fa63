package io.strongroom.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SessionInfo;
import io.strongroom.domain.SourceKind;
import io.strongroom.service.signin.SignInRequiredException;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.SignInProfiles;
import io.strongroom.testing.SignInProfiles.PagePrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.internal.OnDiskTokenManager;
import software.amazon.awssdk.services.ssooidc.internal.SsoOidcToken;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An {@code sso_session} profile pointed at the embedded store through a {@code services}
 * section, signed in with the device flow through the real SDK over HTTP, the code approved on
 * the store's page with one form POST; its token cached in the AWS CLI's format and reused.
 */
class SsoProfileSignInTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config;
    private Path cache;
    private final List<ClientRegistry> registries = new ArrayList<>();
    private ExecutorService executor;

    @BeforeAll
    static void aSecret() {
        store.secrets().createSecret(b -> b.name("sso/visible").secretString("not printed"));
    }

    @BeforeEach
    void profile() {
        String account = store.store().accounts().list().get(0).accountId();
        config = SignInProfiles.writeConfig(dir, store.store().endpoint(), """
                [profile sso-dev]
                sso_session = local
                sso_account_id = %s
                sso_role_name = AdministratorAccess
                region = us-east-1
                services = local-store

                [sso-session local]
                sso_start_url = https://strongroom-test.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """.formatted(account));
        cache = dir.resolve("sso-cache");
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        registries.forEach(ClientRegistry::close);
        executor.shutdownNow();
    }

    private ClientRegistry registry() {
        ClientRegistry r = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1), t -> false, cache);
        registries.add(r);
        return r;
    }

    private Account account() {
        return AccountSource.awsProfiles(config, dir.resolve("credentials")).accounts().stream()
                .filter(a -> a.alias().equals("sso-dev")).findFirst().orElseThrow();
    }

    private Collector<SecretSummary> list(ClientRegistry clients) throws Exception {
        SecretsService secrets = new SecretsService(clients, new FanOut(executor, 2, new RateLimiters(TimeSource.system())));
        Collector<SecretSummary> c = new Collector<>();
        secrets.list(List.of(account().in("us-east-1")), SecretQuery.all(), c).done().get();
        return c;
    }

    private static List<String> names(Collector<SecretSummary> c) {
        return c.pages.values().stream().flatMap(List::stream).flatMap(List::stream).map(SecretSummary::name).toList();
    }

    private Path tokenFile() throws Exception {
        return cache.resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("local".getBytes(StandardCharsets.UTF_8))) + ".json");
    }

    private void editToken(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(tokenFile().toFile());
        edit.accept(n);
        Files.write(tokenFile(), JSON.writeValueAsBytes(n));
    }

    @Test
    void theDeviceFlowSignsInAndTheProfileListsItsAccountsSecrets() throws Exception {
        ClientRegistry clients = registry();
        PagePrompt prompt = PagePrompt.approving(store.store().endpoint());
        clients.signIn().usePrompts(prompt, null);

        Collector<SecretSummary> listed = list(clients);

        assertThat(listed.failed).isEmpty();
        assertThat(names(listed)).contains("sso/visible");
        assertThat(prompt.shown).hasSize(1);
        assertThat(prompt.shown.get(0).profileName()).isEqualTo("sso-dev");
        assertThat(prompt.shown.get(0).verificationUriComplete().toString()).startsWith(store.store().endpoint().toString());
        assertThat(prompt.pageStatus).containsExactly(200);
        assertThat(prompt.finished).containsExactly(true);
        assertThat(account().source()).isEqualTo(SourceKind.SSO);
    }

    @Test
    void theTokenIsCachedInTheAwsCliFormatOwnerOnlyAndTheSdkReadsIt() throws Exception {
        ClientRegistry clients = registry();
        Instant expires = clients.signIn().signIn((CredentialsRef.Profile) account().credentials(),
                PagePrompt.approving(store.store().endpoint()));

        assertThat(expires).isAfter(Instant.now().plus(Duration.ofHours(7)));
        Path file = tokenFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode n = JSON.readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("startUrl", "region", "accessToken", "expiresAt", "refreshToken",
                "clientId", "clientSecret", "registrationExpiresAt");
        assertThat(n.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(n.get("registrationExpiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(n.get("startUrl").asText()).isEqualTo("https://strongroom-test.awsapps.com/start");

        // the SDK's own token cache reader (what ProfileCredentialsProvider uses) takes it as is
        SsoOidcToken sdk = OnDiskTokenManager.create(cache, "local").loadToken().orElseThrow();
        assertThat(sdk.token()).isEqualTo(n.get("accessToken").asText());
        assertThat(sdk.expirationTime()).contains(Instant.parse(n.get("expiresAt").asText()));
        assertThat(sdk.refreshToken()).isEqualTo(n.get("refreshToken").asText());
        assertThat(sdk.clientId()).isEqualTo(n.get("clientId").asText());
        assertThat(sdk.region()).isEqualTo("us-east-1");

        // and the client registration is cached beside it, as botocore caches it
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(2).allMatch(s -> s.matches("[0-9a-f]{40}\\.json"));
        }
    }

    @Test
    void aSecondStartReusesTheCachedTokenWithNoNewDeviceAuthorization() throws Exception {
        registry().signIn().signIn((CredentialsRef.Profile) account().credentials(), PagePrompt.approving(store.store().endpoint()));
        String token = JSON.readTree(tokenFile().toFile()).get("accessToken").asText();

        ClientRegistry second = registry();
        PagePrompt prompt = PagePrompt.approving(store.store().endpoint());
        second.signIn().usePrompts(prompt, null);
        Collector<SecretSummary> listed = list(second);

        assertThat(listed.failed).isEmpty();
        assertThat(names(listed)).contains("sso/visible");
        assertThat(prompt.shown).isEmpty();
        assertThat(JSON.readTree(tokenFile().toFile()).get("accessToken").asText()).isEqualTo(token);
    }

    @Test
    void anExpiredTokenThatCannotBeRefreshedStartsTheFlowAgain() throws Exception {
        registry().signIn().signIn((CredentialsRef.Profile) account().credentials(), PagePrompt.approving(store.store().endpoint()));
        String old = JSON.readTree(tokenFile().toFile()).get("accessToken").asText();
        editToken(n -> {
            n.put("expiresAt", "2020-01-01T00:00:00Z");
            n.remove("refreshToken");
        });

        ClientRegistry next = registry();
        PagePrompt prompt = PagePrompt.approving(store.store().endpoint());
        next.signIn().usePrompts(prompt, null);
        Collector<SecretSummary> listed = list(next);

        assertThat(listed.failed).isEmpty();
        assertThat(prompt.shown).hasSize(1);
        JsonNode now = JSON.readTree(tokenFile().toFile());
        assertThat(now.get("accessToken").asText()).isNotEqualTo(old);
        assertThat(Instant.parse(now.get("expiresAt").asText())).isAfter(Instant.now());
    }

    @Test
    void anExpiredTokenWithARefreshTokenIsRefreshedWithoutAPrompt() throws Exception {
        registry().signIn().signIn((CredentialsRef.Profile) account().credentials(), PagePrompt.approving(store.store().endpoint()));
        String old = JSON.readTree(tokenFile().toFile()).get("accessToken").asText();
        editToken(n -> n.put("expiresAt", "2020-01-01T00:00:00Z"));

        ClientRegistry next = registry();
        PagePrompt prompt = PagePrompt.approving(store.store().endpoint());
        next.signIn().usePrompts(prompt, null);
        Collector<SecretSummary> listed = list(next);

        assertThat(listed.failed).isEmpty();
        assertThat(prompt.shown).isEmpty();
        assertThat(JSON.readTree(tokenFile().toFile()).get("accessToken").asText()).isNotEqualTo(old);
    }

    @Test
    void withNoPromptAProfileWithoutATokenNeedsSignInNeverAStackTrace() throws Exception {
        ClientRegistry clients = registry();
        Collector<SecretSummary> listed = list(clients);

        ScopeError error = listed.failed.values().iterator().next();
        assertThat(error.errorCode()).isEqualTo(ScopeError.SIGN_IN_REQUIRED);
        assertThat(error.message()).contains("sso-dev").contains("sign-in");

        SessionService sessions = new SessionService(clients, new IdentityService(clients, new RateLimiters(TimeSource.system())));
        SessionInfo info = sessions.status(account());
        assertThat(info.state()).isEqualTo(SessionInfo.State.NEEDS_SIGN_IN);
        assertThat(info.identity()).isNull();
    }

    @Test
    void theSessionNamesTheCallerAndItsExpiry() {
        ClientRegistry clients = registry();
        clients.signIn().usePrompts(PagePrompt.approving(store.store().endpoint()), null);
        SessionService sessions = new SessionService(clients, new IdentityService(clients, new RateLimiters(TimeSource.system())));

        assertThat(sessions.status(account()).state()).isEqualTo(SessionInfo.State.NEEDS_SIGN_IN);
        SessionInfo info = sessions.refresh(account());

        assertThat(info.state()).isEqualTo(SessionInfo.State.ACTIVE);
        assertThat(info.identity().accountId()).isEqualTo(store.store().accounts().list().get(0).accountId());
        assertThat(info.identity().arn()).contains("AWSReservedSSO_AdministratorAccess");
        assertThat(info.expiresAt()).isAfter(Instant.now());
        assertThat(info.signInExpiresAt()).isAfter(info.expiresAt().minusSeconds(1));
        assertThat(sessions.status(account()).state()).isEqualTo(SessionInfo.State.ACTIVE);
    }

    @Test
    void aDeniedRequestIsRefusedWithTheReason() {
        ClientRegistry clients = registry();
        PagePrompt deny = PagePrompt.denying(store.store().endpoint());
        assertThatThrownBy(() -> clients.signIn().signIn((CredentialsRef.Profile) account().credentials(), deny))
                .isInstanceOf(SignInRequiredException.class).hasMessageContaining("denied");
        assertThat(deny.finished).containsExactly(false);
        assertThat(Files.exists(cache)).isTrue();
    }

}
