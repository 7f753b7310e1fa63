package io.strongroom.local.identitycenter;

import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.ssooidc.model.UnsupportedGrantTypeException;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IAM Identity Center sign-in through the real SDK's {@code ssooidc} and {@code sso} clients
 * over HTTP, unsigned as the SDK sends them: the device flow with the approval page, tokens,
 * the portal, and role credentials used against the store's other services.
 */
class SsoSignInTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static final String START_URL = "https://strongroom-test.awsapps.com/start";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SsoOidcClient oidc;
    private static SsoClient portal;

    @BeforeAll
    static void clients() {
        ClientOverrideConfiguration once = ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build();
        oidc = SsoOidcClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                .overrideConfiguration(once).build();
        portal = SsoClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                .overrideConfiguration(once).build();
    }

    private static RegisterClientResponse register() {
        return oidc.registerClient(r -> r.clientName("strongroom-test").clientType("public").scopes("sso:account:access"));
    }

    private static StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(START_URL));
    }

    private static CreateTokenResponse poll(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(device.deviceCode()));
    }

    static HttpResponse<String> decide(String userCode, String decision, String origin) {
        HttpRequest.Builder post = HttpRequest.newBuilder(store.store().endpoint().resolve("/sso/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_code=" + userCode + "&user_name=admin&decision=" + decision));
        if (origin != null) {
            post.header("Origin", origin);
        }
        try {
            return HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole device flow for the demo's admin: a live access token (and refresh token). */
    static CreateTokenResponse signIn() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(decide(device.userCode(), "approve", null).statusCode()).isEqualTo(200);
        return poll(client, device);
    }

    @Test
    void deviceFlowApprovedOnThePageThenPortalAndRoleCredentialsWorkAgainstSecretsManager() throws Exception {
        RegisterClientResponse client = register();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecretExpiresAt()).isGreaterThan(client.clientIdIssuedAt());
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(device.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(device.verificationUriComplete())
                .isEqualTo(store.store().endpoint() + "/sso/device?user_code=" + device.userCode());
        assertThat(device.interval()).isEqualTo(1);
        assertThat(device.expiresIn()).isEqualTo(600);

        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(AuthorizationPendingException.class)
                .satisfies(e -> assertThat(((AuthorizationPendingException) e).error()).isEqualTo("authorization_pending"));
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(SlowDownException.class);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(device.verificationUriComplete())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(device.userCode()).contains("Approve").contains("Deny").contains(START_URL)
                .doesNotContain("<script");
        assertThat(decide(device.userCode(), "approve", null).body()).contains("Request approved");

        store.clock().advance(Duration.ofSeconds(2));
        CreateTokenResponse token = poll(client, device);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(8 * 3600);
        assertThat(token.refreshToken()).isNotBlank();
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(InvalidGrantException.class);

        ListAccountsResponse accounts = portal.listAccounts(r -> r.accessToken(token.accessToken()));
        List<String> local = store.store().accounts().list().stream().map(LocalAccount::accountId).toList();
        assertThat(accounts.accountList()).extracting(AccountInfo::accountId).containsExactlyElementsOf(local);
        assertThat(accounts.accountList().get(0).accountName()).isEqualTo(store.store().accounts().list().get(0).alias());

        String account = local.get(1);
        List<RoleInfo> roles = portal.listAccountRoles(r -> r.accessToken(token.accessToken()).accountId(account)).roleList();
        assertThat(roles).extracting(RoleInfo::roleName).containsExactly("AdministratorAccess", "ReadOnlyAccess");

        RoleCredentials credentials = portal.getRoleCredentials(r -> r.accessToken(token.accessToken()).accountId(account)
                .roleName("AdministratorAccess")).roleCredentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        long inAnHour = store.clock().millis() + 3_600_000L;
        assertThat(credentials.expiration()).isBetween(inAnHour - 120_000L, inAnHour + 120_000L);

        StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
        try (StsClient sts = StsClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(session).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(store.store().endpoint())
                     .region(Region.EU_WEST_1).credentialsProvider(session).build()) {
            assertThat(sts.getCallerIdentity().arn()).matches("arn:aws:sts::" + account
                    + ":assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/admin");
            secrets.createSecret(r -> r.name("sso/created-by-admin").secretString("v"));
            assertThat(secrets.getSecretValue(r -> r.secretId("sso/created-by-admin")).secretString()).isEqualTo("v");
        }
    }

    @Test
    void theSdkSsoCredentialsProviderSignsRequestsWithThePortalsCredentials() {
        CreateTokenResponse token = signIn();
        String account = store.store().accounts().list().get(2).accountId();
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        try (SsoCredentialsProvider provider = builder.ssoClient(portal)
                .refreshRequest(software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest.builder()
                        .accessToken(token.accessToken()).accountId(account).roleName("ReadOnlyAccess").build()).build();
             StsClient sts = StsClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(provider).build()) {
            assertThat(sts.getCallerIdentity().arn()).contains(":assumed-role/AWSReservedSSO_ReadOnlyAccess_").endsWith("/admin");
        }
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenOnceAndTheOldAccessTokenStaysUntilItExpires() {
        RegisterClientResponse client = register();
        CreateTokenResponse first = signInWith(client);
        CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken()));
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(portal.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(3);
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken()))).isInstanceOf(InvalidGrantException.class);
        RegisterClientResponse other = register();
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(other.clientId()).clientSecret(other.clientSecret())
                .grantType("refresh_token").refreshToken(refreshed.refreshToken()))).isInstanceOf(InvalidGrantException.class);
    }

    private static CreateTokenResponse signInWith(RegisterClientResponse client) {
        StartDeviceAuthorizationResponse device = start(client);
        decide(device.userCode(), "approve", null);
        return poll(client, device);
    }

    @Test
    void anExpiredDeviceCodeIsExpiredTokenExceptionAndCannotBeApprovedAnyMore() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        store.clock().advance(Duration.ofSeconds(601));
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(ExpiredTokenException.class)
                .satisfies(e -> assertThat(((ExpiredTokenException) e).statusCode()).isEqualTo(400));
        assertThat(decide(device.userCode(), "approve", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aDeniedRequestIsAccessDeniedException() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(decide(device.userCode(), "deny", null).body()).contains("Request denied");
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((AccessDeniedException) e).error()).isEqualTo("access_denied"));
    }

    @Test
    void anotherSitesPageCannotApproveACode() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(decide(device.userCode(), "approve", "https://evil.example").statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(AuthorizationPendingException.class);
        String self = "http://127.0.0.1:" + store.store().port();
        assertThat(decide(device.userCode(), "approve", self).statusCode()).isEqualTo(200);
    }

    @Test
    void badClientsAndGrantsGetTheOidcErrors() {
        RegisterClientResponse client = register();
        assertThatThrownBy(() -> oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret("wrong")
                .startUrl(START_URL))).isInstanceOf(InvalidClientException.class)
                .satisfies(e -> assertThat(((InvalidClientException) e).statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("password"))).isInstanceOf(UnsupportedGrantTypeException.class);
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode("not-a-code")))
                .isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> oidc.registerClient(r -> r.clientName("x").clientType("confidential")))
                .isInstanceOf(software.amazon.awssdk.services.ssooidc.model.InvalidClientMetadataException.class);
    }

    @Test
    void aBadOrLoggedOutTokenIsUnauthorizedAndAnUnassignedRoleIsForbidden() {
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken("not-a-token"))).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Session token not found or invalid")
                .satisfies(e -> assertThat(((UnauthorizedException) e).statusCode()).isEqualTo(401));
        CreateTokenResponse token = signIn();
        String account = store.store().accounts().list().get(0).accountId();
        assertThatThrownBy(() -> portal.getRoleCredentials(r -> r.accessToken(token.accessToken()).accountId(account)
                .roleName("SecurityAudit"))).isInstanceOf(SsoException.class)
                .satisfies(e -> {
                    SsoException sso = (SsoException) e;
                    assertThat(sso.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
                    assertThat(sso.statusCode()).isEqualTo(403);
                });
        assertThatThrownBy(() -> portal.listAccountRoles(r -> r.accessToken(token.accessToken()).accountId("12")))
                .isInstanceOf(software.amazon.awssdk.services.sso.model.InvalidRequestException.class);
        portal.logout(r -> r.accessToken(token.accessToken()));
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token.accessToken()))).isInstanceOf(UnauthorizedException.class);
        store.clock().advance(Duration.ZERO);
        CreateTokenResponse expiring = signIn();
        store.clock().advance(Duration.ofHours(8).plusSeconds(1));
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(expiring.accessToken()))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void portalListingsArePaged() {
        CreateTokenResponse token = signIn();
        ListAccountsResponse first = portal.listAccounts(r -> r.accessToken(token.accessToken()).maxResults(2));
        assertThat(first.accountList()).hasSize(2);
        ListAccountsResponse second = portal.listAccounts(r -> r.accessToken(token.accessToken()).maxResults(2).nextToken(first.nextToken()));
        assertThat(second.accountList()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token.accessToken()).nextToken("garbage!")))
                .isInstanceOf(software.amazon.awssdk.services.sso.model.InvalidRequestException.class);
    }

    @Test
    void portalCallsAreOnTheManagementAccountsTrailNamingTheUserAndNoToken() {
        CreateTokenResponse token = signIn();
        String account = store.store().accounts().list().get(1).accountId();
        portal.getRoleCredentials(r -> r.accessToken(token.accessToken()).accountId(account).roleName("AdministratorAccess"));
        LookupEventsResponse events = store.cloudTrail().lookupEvents(r -> r.lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue("sso.amazonaws.com").build()));
        assertThat(events.events()).anySatisfy(e -> {
            assertThat(e.eventName()).isEqualTo("GetRoleCredentials");
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.cloudTrailEvent()).contains("\"account_id\":\"" + account + "\"").doesNotContain(token.accessToken());
        });
        LookupEventsResponse oauth = store.cloudTrail().lookupEvents(r -> r.lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue("sso-oauth.amazonaws.com").build()));
        assertThat(oauth.events()).extracting(e -> e.eventName()).contains("CreateToken", "StartDeviceAuthorization", "RegisterClient");
        assertThat(oauth.events()).allSatisfy(e -> assertThat(e.cloudTrailEvent()).doesNotContain(token.accessToken())
                .doesNotContain(token.refreshToken()).doesNotContain("clientSecret"));
    }
}
