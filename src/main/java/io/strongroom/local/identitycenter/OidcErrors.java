package io.strongroom.local.identitycenter;

import io.strongroom.local.wire.AwsException;

/** The OIDC service's errors, with the codes and statuses of the {@code sso-oidc} model. */
final class OidcErrors {

    private OidcErrors() {}

    static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequestException", 400, message);
    }

    static AwsException invalidClient() {
        return new AwsException("InvalidClientException", 401, "Invalid client credentials.");
    }

    static AwsException invalidClientMetadata(String message) {
        return new AwsException("InvalidClientMetadataException", 400, message);
    }

    static AwsException invalidGrant(String message) {
        return new AwsException("InvalidGrantException", 400, message);
    }

    static AwsException unsupportedGrantType(String grantType) {
        return new AwsException("UnsupportedGrantTypeException", 400, "Unsupported grant type: " + grantType);
    }

    static AwsException authorizationPending() {
        return new AwsException("AuthorizationPendingException", 400, "Authorization is still pending.");
    }

    static AwsException slowDown() {
        return new AwsException("SlowDownException", 400, "Polling too fast: wait the interval between requests.");
    }

    static AwsException expiredToken() {
        return new AwsException("ExpiredTokenException", 400, "The device code has expired.");
    }

    static AwsException accessDenied() {
        return new AwsException("AccessDeniedException", 400, "The user denied the authorization request.");
    }
}
