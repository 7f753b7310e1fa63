package io.strongroom.local.identitycenter;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.RestJsonService;
import io.strongroom.local.iam.Caller;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationRequest;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * IAM Identity Center's OIDC service ({@code sso-oidc}, signing name {@code awsssooidc}, served
 * unsigned): RegisterClient, StartDeviceAuthorization and CreateToken with the device code and
 * refresh token grants. Errors are OAuth 2.0's ({@code {"error": ..., "error_description": ...}}).
 * Calls are recorded in the instance account's trail with CloudTrail's event source
 * {@code sso-oauth.amazonaws.com}.
 */
public final class OidcApi {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";

    private final IdentityCenter center;
    private final Supplier<URI> endpoint;

    /** @param endpoint the store's own address, for the approval page's verification URI */
    public OidcApi(IdentityCenter center, Supplier<URI> endpoint) {
        this.center = center;
        this.endpoint = endpoint;
    }

    public RestJsonService service() {
        return RestJsonService.unsignedBuilder("awsssooidc", "sso-oauth.amazonaws.com", RestJsonService.ErrorBody.OAUTH)
                .write("POST", "/client/register", "RegisterClient", RegisterClientRequest::builder, this::registerClient)
                .write("POST", "/device_authorization", "StartDeviceAuthorization", StartDeviceAuthorizationRequest::builder,
                        this::startDeviceAuthorization)
                .write("POST", "/token", "CreateToken", CreateTokenRequest::builder, this::createToken)
                .build();
    }

    private RegisterClientResponse registerClient(RequestContext context, RegisterClientRequest request) {
        context.recordAs(Caller.anonymous(center.instanceAccount()));
        String name = required(request.clientName(), "clientName");
        String type = required(request.clientType(), "clientType");
        if (name.length() > 128) {
            throw OidcErrors.invalidClientMetadata("Client name is longer than 128 characters.");
        }
        if (!"public".equals(type)) {
            throw OidcErrors.invalidClientMetadata("Invalid client type: only public clients are supported.");
        }
        List<String> scopes = request.hasScopes() ? request.scopes() : List.of();
        OidcClients.Registered registered = center.clients().register(name, type, scopes, context.now());
        return RegisterClientResponse.builder()
                .clientId(registered.clientId())
                .clientSecret(registered.clientSecret())
                .clientIdIssuedAt(registered.issuedAt().getEpochSecond())
                .clientSecretExpiresAt(registered.expiresAt().getEpochSecond())
                .build();
    }

    private StartDeviceAuthorizationResponse startDeviceAuthorization(RequestContext context, StartDeviceAuthorizationRequest request) {
        context.recordAs(Caller.anonymous(center.instanceAccount()));
        OidcClients.Client client = authenticate(request.clientId(), request.clientSecret(), context.now());
        String startUrl = required(request.startUrl(), "startUrl");
        if (!startUrl.startsWith("https://") && !startUrl.startsWith("http://")) {
            throw OidcErrors.invalidRequest("Invalid start URL.");
        }
        DeviceCodes.Started started = center.devices().start(client.clientId(), startUrl, context.now());
        String page = endpoint.get() + DeviceApprovalPage.PATH;
        return StartDeviceAuthorizationResponse.builder()
                .deviceCode(started.deviceCode())
                .userCode(started.userCode())
                .verificationUri(page)
                .verificationUriComplete(page + "?user_code=" + started.userCode())
                .expiresIn((int) DeviceCodes.LIFETIME.toSeconds())
                .interval(DeviceCodes.INTERVAL_SECONDS)
                .build();
    }

    private CreateTokenResponse createToken(RequestContext context, CreateTokenRequest request) {
        context.recordAs(Caller.anonymous(center.instanceAccount()));
        String grantType = required(request.grantType(), "grantType");
        OidcClients.Client client = authenticate(request.clientId(), request.clientSecret(), context.now());
        SsoTokens.Issued issued = switch (grantType) {
            case DEVICE_CODE_GRANT -> deviceCodeGrant(context, client, required(request.deviceCode(), "deviceCode"));
            case REFRESH_GRANT -> refreshGrant(context, client, required(request.refreshToken(), "refreshToken"));
            default -> throw OidcErrors.unsupportedGrantType(grantType);
        };
        return CreateTokenResponse.builder()
                .accessToken(issued.accessToken())
                .tokenType("Bearer")
                .expiresIn((int) SsoTokens.ACCESS_LIFETIME.toSeconds())
                .refreshToken(issued.refreshToken())
                .build();
    }

    private SsoTokens.Issued deviceCodeGrant(RequestContext context, OidcClients.Client client, String deviceCode) {
        Instant now = context.now();
        DeviceCodes.Authorization authorization = center.devices().byDeviceCode(deviceCode)
                .filter(a -> a.clientId().equals(client.clientId()))
                .orElseThrow(() -> OidcErrors.invalidGrant("Invalid device code provided."));
        if (authorization.state() == DeviceCodes.State.USED) {
            throw OidcErrors.invalidGrant("The device code has been used already.");
        }
        if (authorization.expired(now)) {
            throw OidcErrors.expiredToken();
        }
        switch (authorization.state()) {
            case DENIED -> throw OidcErrors.accessDenied();
            case PENDING -> {
                Instant last = authorization.lastPollAt();
                center.devices().polled(deviceCode, now);
                // A little slack below the interval: a client sleeping exactly the interval must not be told to slow down.
                if (last != null && now.isBefore(last.plusSeconds(DeviceCodes.INTERVAL_SECONDS).minusMillis(250))) {
                    throw OidcErrors.slowDown();
                }
                throw OidcErrors.authorizationPending();
            }
            default -> { }
        }
        if (!center.devices().redeem(deviceCode)) {
            throw OidcErrors.invalidGrant("The device code has been used already.");
        }
        context.recordAs(signedIn(authorization.userName()));
        return center.tokens().issue(client.clientId(), authorization.userName(), client.scopes(), !client.scopes().isEmpty(), now);
    }

    private SsoTokens.Issued refreshGrant(RequestContext context, OidcClients.Client client, String refreshToken) {
        SsoTokens.Refreshable grant = center.tokens().redeemRefresh(refreshToken, client.clientId(), context.now())
                .orElseThrow(() -> OidcErrors.invalidGrant("Invalid refresh token provided."));
        context.recordAs(signedIn(grant.userName()));
        return center.tokens().issue(client.clientId(), grant.userName(), grant.scopes(), true, context.now());
    }

    private OidcClients.Client authenticate(String clientId, String clientSecret, Instant now) {
        required(clientId, "clientId");
        required(clientSecret, "clientSecret");
        return center.clients().authenticate(clientId, clientSecret, now);
    }

    /** The trail identity of an Identity Center user: CloudTrail's {@code Unknown} type with the user's name. */
    private Caller signedIn(String userName) {
        return new Caller(center.instanceAccount(), null, userName, null, null, null, Caller.Kind.ANONYMOUS, Map.of(), null);
    }

    private static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw OidcErrors.invalidRequest("Missing required parameter: " + member);
        }
        return value;
    }
}
