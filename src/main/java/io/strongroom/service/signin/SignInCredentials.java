package io.strongroom.service.signin;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Instant;
import java.util.Optional;

/**
 * A credentials provider that may need the user (SSO sign-in, MFA) and keeps its session until
 * near expiry. {@link #resolveCredentials()} prompts when prompts are installed.
 */
public interface SignInCredentials extends AwsCredentialsProvider {

    /**
     * The credentials: the cached session while it lasts, else a new one. When
     * {@code interactive} is false nothing asks the user and {@link SignInRequiredException} is
     * thrown where a prompt would be needed.
     */
    AwsCredentials resolve(boolean interactive);

    /** When the current session expires, if one is held and its expiry known. */
    Optional<Instant> expiry();

    /** Drops the held session, so the next resolve starts a new one. */
    void forget();
}
