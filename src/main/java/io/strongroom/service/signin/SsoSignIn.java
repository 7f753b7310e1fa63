package io.strongroom.service.signin;

import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * IAM Identity Center tokens for SSO profiles: the token the AWS CLI or an earlier sign-in cached
 * is used while it lasts; near expiry it is refreshed (CreateToken with the refresh token, for
 * {@code sso_session} profiles); otherwise the device authorization flow runs with a
 * {@link DevicePrompt}. One sign-in at a time per token: concurrent callers wait for it.
 */
final class SsoSignIn {

    private final SsoTokenCache cache;
    private final SignInClients clients;
    private final DeviceAuthorization device;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    SsoSignIn(SsoTokenCache cache, SignInClients clients, Clock clock) {
        this.cache = cache;
        this.clients = clients;
        this.device = new DeviceAuthorization(cache, clock);
        this.clock = clock;
    }

    /** A usable token for the profile; {@code prompt} null means none may be asked for. */
    SsoToken token(CredentialsRef.Profile ref, ProfileFile file, SsoProfile p, DevicePrompt prompt) {
        synchronized (locks.computeIfAbsent(p.tokenCacheKey(), k -> new Object())) {
            Instant now = clock.instant();
            Optional<SsoToken> cached = cache.token(p);
            if (cached.isPresent() && cached.get().freshAt(now)) {
                return cached.get();
            }
            SsoOidcClient oidc = clients.oidc(ref, file, p.region());
            if (cached.isPresent() && p.refreshable() && cached.get().refreshableAt(now)) {
                try {
                    return device.refresh(p, oidc, cached.get());
                } catch (SsoOidcException refreshRefused) {
                    // an expired or revoked refresh token: sign in again below
                }
            }
            if (cached.isPresent() && cached.get().usableAt(now)) {
                return cached.get();
            }
            if (prompt == null) {
                throw new SignInRequiredException("Profile " + p.profileName() + " needs an IAM Identity Center sign-in"
                        + (cached.isPresent() ? " (its session expired)" : ""));
            }
            return device.run(p, oidc, prompt);
        }
    }

    /** Drops a token the portal refused (revoked), so the next call signs in again. */
    void forget(SsoProfile p) {
        cache.removeToken(p);
    }

    /** When the profile's cached token expires, if one is cached. */
    Optional<Instant> expiry(SsoProfile p) {
        return cache.token(p).map(SsoToken::expiresAt);
    }
}
