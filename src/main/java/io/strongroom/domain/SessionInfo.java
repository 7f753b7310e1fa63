package io.strongroom.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who an account's session is and how long its credentials last, for the scope picker.
 *
 * @param account   the account asked about
 * @param state     whether the session works, has to be signed in, or failed
 * @param identity  who the credentials sign as (STS GetCallerIdentity); null unless ACTIVE
 * @param expiresAt when the credentials expire; null for long-term keys or when unknown
 * @param signInExpiresAt when the sign-in behind them expires (an SSO profile's token); null otherwise
 * @param errorCode AWS's error code or a client-side one when not ACTIVE; null otherwise
 * @param message   what went wrong, for display; null when ACTIVE
 */
public record SessionInfo(Account account, State state, CallerIdentity identity, Instant expiresAt,
                          Instant signInExpiresAt, String errorCode,
                          String message) {

    /** A session's state. */
    public enum State {
        /** Credentials resolved and STS answered. */
        ACTIVE,
        /** No valid sign-in (SSO token missing or expired, MFA code needed): ask the user. */
        NEEDS_SIGN_IN,
        /** Anything else (unreachable, access denied, a broken profile). */
        FAILED
    }

    public SessionInfo {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
    }
}
