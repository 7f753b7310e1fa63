package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CallerIdentity;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SessionInfo;
import io.strongroom.service.signin.SignIn;
import io.strongroom.service.signin.SignInCredentials;
import io.strongroom.service.signin.SignInRequiredException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Instant;

/**
 * Who each account's session is and when it expires, for the scope picker: the credentials are
 * resolved without asking the user (a session that needs an SSO sign-in or an MFA code is
 * reported as {@link SessionInfo.State#NEEDS_SIGN_IN}), then STS GetCallerIdentity names the
 * caller. {@link #refresh} starts a new session, asking the user through the installed prompts.
 * Blocking: run off the UI thread. Nothing here throws for a failed session; it is reported.
 */
public final class SessionService {

    private final ClientRegistry clients;
    private final IdentityService identity;

    public SessionService(ClientRegistry clients, IdentityService identity) {
        this.clients = clients;
        this.identity = identity;
    }

    /** The account's session as it stands, never prompting. */
    public SessionInfo status(Account account) {
        return clients.signIn().withoutPrompts(() -> check(account));
    }

    /**
     * Drops the held session and starts a new one, prompting (SSO device flow, MFA code) when the
     * console or the CLI installed prompts on {@link ClientRegistry#signIn()}.
     */
    public SessionInfo refresh(Account account) {
        AwsCredentialsProvider p = clients.credentials(account.credentials());
        if (p instanceof SignInCredentials s) {
            s.forget();
        }
        return check(account);
    }

    private SessionInfo check(Account account) {
        SignIn signIn = clients.signIn();
        Instant signInExpiry = account.credentials() instanceof CredentialsRef.Profile p
                ? signIn.ssoTokenExpiry(p).orElse(null) : null;
        var scope = account.in(ClientRegistry.IAM_REGION);
        try {
            AwsCredentialsProvider p = clients.credentials(account.credentials());
            AwsCredentials c = p.resolveCredentials();
            CallerIdentity who = identity.callerIdentity(scope);
            Instant expiry = p instanceof SignInCredentials s ? s.expiry().orElse(c.expirationTime().orElse(null))
                    : c.expirationTime().orElse(null);
            if (account.credentials() instanceof CredentialsRef.Profile profile) {
                signInExpiry = signIn.ssoTokenExpiry(profile).orElse(null);
            }
            return new SessionInfo(account, SessionInfo.State.ACTIVE, who, expiry, signInExpiry, null, null);
        } catch (SignInRequiredException e) {
            return new SessionInfo(account, SessionInfo.State.NEEDS_SIGN_IN, null, null, signInExpiry,
                    ScopeError.SIGN_IN_REQUIRED, e.getMessage());
        } catch (RuntimeException e) {
            ScopeError error = ScopeErrors.of(scope, e);
            SessionInfo.State state = ScopeError.SIGN_IN_REQUIRED.equals(error.errorCode())
                    ? SessionInfo.State.NEEDS_SIGN_IN : SessionInfo.State.FAILED;
            return new SessionInfo(account, state, null, null, signInExpiry, error.errorCode(), error.message());
        }
    }
}
