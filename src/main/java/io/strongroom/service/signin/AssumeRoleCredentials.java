package io.strongroom.service.signin;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A role session (STS AssumeRole) signed by a source's credentials, held until five minutes
 * before it expires, so one MFA code serves every call of the session. With an MFA device the
 * code is asked for before each new session; a wrong code fails with STS's own error
 * (AccessDenied and its message), and the next call asks again.
 */
final class AssumeRoleCredentials implements SignInCredentials, AutoCloseable {

    /** What one role session is asked for. {@code mfaSerial}, {@code externalId} and {@code durationSeconds} may be null. */
    record Role(String profileName, String roleArn, String sessionName, Integer durationSeconds, String externalId,
                String mfaSerial) {}

    private final SignIn signIn;
    private final StsClient sts;
    private final Role role;
    private final Clock clock;
    private final Object ownedSource;
    private AwsSessionCredentials held;

    /** {@code ownedSource}, when not null, is closed with this provider (a chain's inner provider). */
    AssumeRoleCredentials(SignIn signIn, StsClient sts, Role role, Clock clock, Object ownedSource) {
        this.signIn = signIn;
        this.sts = sts;
        this.role = role;
        this.clock = clock;
        this.ownedSource = ownedSource;
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
        AssumeRoleRequest.Builder req = AssumeRoleRequest.builder().roleArn(role.roleArn())
                .roleSessionName(role.sessionName()).durationSeconds(role.durationSeconds()).externalId(role.externalId());
        if (role.mfaSerial() != null) {
            MfaPrompt prompt = interactive ? signIn.mfaPrompt() : null;
            if (prompt == null) {
                throw new SignInRequiredException("Profile " + role.profileName() + " needs an MFA code for "
                        + role.mfaSerial());
            }
            String code = prompt.code(role.profileName(), role.mfaSerial()).map(String::strip).filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new SignInRequiredException("The MFA code for profile " + role.profileName()
                            + " was not given"));
            req.serialNumber(role.mfaSerial()).tokenCode(code);
        }
        Credentials c = sts.assumeRole(req.build()).credentials();
        held = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
        return held;
    }

    @Override
    public synchronized Optional<Instant> expiry() {
        return held == null ? Optional.empty() : held.expirationTime();
    }

    @Override
    public synchronized void forget() {
        held = null;
    }

    @Override
    public void close() throws Exception {
        sts.close();
        if (ownedSource instanceof AutoCloseable c) {
            c.close();
        }
    }
}
