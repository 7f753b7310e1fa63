package io.strongroom.service.signin;

import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth 2.0 device authorization grant against IAM Identity Center's OIDC service, as the
 * AWS CLI runs it for {@code aws sso login}: a client registration (RegisterClient, public client,
 * cached until it expires), StartDeviceAuthorization, then CreateToken polled every
 * {@code interval} seconds (5 when not stated) while AuthorizationPendingException answers,
 * five seconds slower after each SlowDownException, until a token, AccessDeniedException (the
 * user denied), ExpiredTokenException (the code ran out), the code's own expiry, or cancellation.
 */
final class DeviceAuthorization {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";
    private static final int DEFAULT_INTERVAL = 5;
    private static final int SLOW_DOWN_DELAY = 5;
    private static final long POLL_SLICE_MILLIS = 100;

    private final SsoTokenCache cache;
    private final Clock clock;

    DeviceAuthorization(SsoTokenCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** Runs the flow and caches the token; throws {@link SignInRequiredException} when it ends without one. */
    SsoToken run(SsoProfile p, SsoOidcClient oidc, DevicePrompt prompt) {
        SsoTokenCache.Registration reg = registration(p, oidc);
        StartDeviceAuthorizationResponse auth = oidc.startDeviceAuthorization(b -> b.clientId(reg.clientId())
                .clientSecret(reg.clientSecret()).startUrl(p.startUrl()));
        Instant started = clock.instant();
        Instant codeExpires = started.plusSeconds(auth.expiresIn() == null ? 600 : auth.expiresIn());
        long interval = auth.interval() == null || auth.interval() < 1 ? DEFAULT_INTERVAL : auth.interval();
        boolean signedIn = false;
        try {
            prompt.show(new DevicePrompt.DeviceCode(p.profileName(), auth.userCode(), uri(auth.verificationUri()),
                    uri(auth.verificationUriComplete()), codeExpires));
            while (true) {
                waitFor(Duration.ofSeconds(interval), prompt);
                if (!clock.instant().isBefore(codeExpires)) {
                    throw new SignInRequiredException("The sign-in code for profile " + p.profileName()
                            + " expired before it was approved");
                }
                try {
                    CreateTokenResponse t = oidc.createToken(b -> b.grantType(DEVICE_GRANT).clientId(reg.clientId())
                            .clientSecret(reg.clientSecret()).deviceCode(auth.deviceCode()));
                    SsoToken token = token(p, reg, t, clock.instant());
                    cache.writeToken(p, token);
                    signedIn = true;
                    return token;
                } catch (AuthorizationPendingException pending) {
                    // not approved yet
                } catch (SlowDownException slow) {
                    interval += SLOW_DOWN_DELAY;
                } catch (AccessDeniedException denied) {
                    throw new SignInRequiredException("The sign-in for profile " + p.profileName() + " was denied: "
                            + message(denied), denied);
                } catch (ExpiredTokenException expired) {
                    throw new SignInRequiredException("The sign-in code for profile " + p.profileName()
                            + " expired before it was approved", expired);
                }
            }
        } finally {
            prompt.finished(signedIn);
        }
    }

    /** CreateToken with the refresh token; the new token keeps the old refresh token unless a new one comes. */
    SsoToken refresh(SsoProfile p, SsoOidcClient oidc, SsoToken old) {
        CreateTokenResponse t = oidc.createToken(b -> b.grantType(REFRESH_GRANT).clientId(old.clientId())
                .clientSecret(old.clientSecret()).refreshToken(old.refreshToken()));
        SsoTokenCache.Registration reg = new SsoTokenCache.Registration(old.clientId(), old.clientSecret(),
                old.registrationExpiresAt(), p.scopes());
        SsoToken token = token(p, reg, t, clock.instant());
        if (token.refreshToken() == null) {
            token = new SsoToken(token.startUrl(), token.region(), token.accessToken(), token.expiresAt(),
                    old.refreshToken(), token.clientId(), token.clientSecret(), token.registrationExpiresAt());
        }
        cache.writeToken(p, token);
        return token;
    }

    private SsoTokenCache.Registration registration(SsoProfile p, SsoOidcClient oidc) {
        Instant now = clock.instant();
        var cached = cache.registration(p).filter(r -> r.expiresAt() != null && r.expiresAt().isAfter(now.plusSeconds(900)));
        if (cached.isPresent()) {
            return cached.get();
        }
        String name = "strongroom-" + (p.sessionName() != null ? p.sessionName() : String.valueOf(now.getEpochSecond()));
        RegisterClientResponse r = oidc.registerClient(b -> {
            b.clientName(name).clientType("public");
            if (!p.scopes().isEmpty()) {
                b.scopes(p.scopes());
            }
        });
        SsoTokenCache.Registration reg = new SsoTokenCache.Registration(r.clientId(), r.clientSecret(),
                Instant.ofEpochSecond(r.clientSecretExpiresAt() == null ? 0 : r.clientSecretExpiresAt()), p.scopes());
        cache.writeRegistration(p, reg);
        return reg;
    }

    private static SsoToken token(SsoProfile p, SsoTokenCache.Registration reg, CreateTokenResponse t, Instant now) {
        return new SsoToken(p.startUrl(), p.region(), t.accessToken(),
                now.plusSeconds(t.expiresIn() == null ? 0 : t.expiresIn()), t.refreshToken(), reg.clientId(),
                reg.clientSecret(), reg.expiresAt());
    }

    /** Sleeps in short slices so a cancel or an interrupt ends the wait at once. */
    private static void waitFor(Duration d, DevicePrompt prompt) {
        long end = System.nanoTime() + d.toNanos();
        while (true) {
            if (prompt.cancelled()) {
                throw new SignInRequiredException("The sign-in was cancelled");
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(POLL_SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInRequiredException("The sign-in was cancelled", e);
            }
        }
    }

    private static URI uri(String s) {
        return s == null ? null : URI.create(s);
    }

    static String message(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        var d = e.awsErrorDetails();
        return d != null && d.errorMessage() != null ? d.errorMessage() : e.getClass().getSimpleName();
    }
}
