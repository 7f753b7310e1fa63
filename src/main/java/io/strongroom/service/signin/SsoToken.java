package io.strongroom.service.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * A cached IAM Identity Center access token, in the fields the AWS CLI and the SDKs keep in
 * {@code ~/.aws/sso/cache/<sha1>.json}. {@link #toString()} shows no secret.
 *
 * @param refreshToken           null when the token cannot be refreshed
 * @param clientId               the OIDC client registration the token was issued to (null in tokens the
 *                               legacy form wrote)
 * @param registrationExpiresAt  when that registration expires (refreshing needs it alive)
 */
record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String refreshToken,
                String clientId, String clientSecret, Instant registrationExpiresAt) {

    /** The SDK's token provider treats a token as stale one minute before it expires. */
    static final Duration STALE = Duration.ofMinutes(1);
    /** ... and refreshes it five minutes before. */
    static final Duration PREFETCH = Duration.ofMinutes(5);

    boolean usableAt(Instant now) {
        return expiresAt.isAfter(now.plus(STALE));
    }

    boolean freshAt(Instant now) {
        return expiresAt.isAfter(now.plus(PREFETCH));
    }

    boolean refreshableAt(Instant now) {
        return refreshToken != null && clientId != null && clientSecret != null
                && (registrationExpiresAt == null || registrationExpiresAt.isAfter(now));
    }

    @Override
    public String toString() {
        return "SsoToken[" + startUrl + ", " + region + ", expires " + expiresAt + ", token ****]";
    }
}
