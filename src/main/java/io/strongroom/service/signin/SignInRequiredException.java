package io.strongroom.service.signin;

/**
 * Credentials need the user (an SSO device sign-in or an MFA code) and no prompt could ask, or
 * the user cancelled, denied or let the code expire. The message names the profile and what is
 * needed, never a token or a code.
 */
public final class SignInRequiredException extends RuntimeException {

    public SignInRequiredException(String message) {
        super(message);
    }

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
