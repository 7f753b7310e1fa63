package io.strongroom.service.signin;

import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * An SSO profile's role credentials: SSO GetRoleCredentials for the profile's account and role
 * with the Identity Center token ({@link SsoSignIn}), held until five minutes before they expire.
 * A token the portal refuses (UnauthorizedException: revoked or expired on the server) is dropped
 * and the sign-in runs again once.
 */
final class SsoCredentials implements SignInCredentials {

    private final SignIn signIn;
    private final CredentialsRef.Profile ref;
    private final ProfileFile file;
    private final SsoProfile profile;
    private final Clock clock;
    private AwsSessionCredentials held;

    SsoCredentials(SignIn signIn, CredentialsRef.Profile ref, ProfileFile file, SsoProfile profile, Clock clock) {
        this.signIn = signIn;
        this.ref = ref;
        this.file = file;
        this.profile = profile;
        this.clock = clock;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return resolve(signIn.mayPrompt());
    }

    @Override
    public synchronized AwsCredentials resolve(boolean interactive) {
        if (held != null && Sessions.lasts(held, clock.instant())) {
            return held;
        }
        DevicePrompt prompt = interactive ? signIn.devicePrompt() : null;
        SsoClient sso = signIn.clients().sso(ref, file, profile.region());
        RoleCredentials rc;
        try {
            rc = roleCredentials(sso, signIn.sso().token(ref, file, profile, prompt));
        } catch (UnauthorizedException refused) {
            signIn.sso().forget(profile);
            if (prompt == null) {
                throw new SignInRequiredException("Profile " + profile.profileName()
                        + " needs an IAM Identity Center sign-in (the portal refused its token)", refused);
            }
            rc = roleCredentials(sso, signIn.sso().token(ref, file, profile, prompt));
        }
        held = AwsSessionCredentials.builder().accessKeyId(rc.accessKeyId()).secretAccessKey(rc.secretAccessKey())
                .sessionToken(rc.sessionToken()).expirationTime(Instant.ofEpochMilli(rc.expiration())).build();
        return held;
    }

    private RoleCredentials roleCredentials(SsoClient sso, SsoToken token) {
        return sso.getRoleCredentials(b -> b.accountId(profile.accountId()).roleName(profile.roleName())
                .accessToken(token.accessToken())).roleCredentials();
    }

    @Override
    public synchronized Optional<Instant> expiry() {
        return held == null ? Optional.empty() : held.expirationTime();
    }

    @Override
    public synchronized void forget() {
        held = null;
    }
}
