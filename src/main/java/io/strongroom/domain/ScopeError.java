package io.strongroom.domain;

import java.util.Objects;

/**
 * Why one scope failed, with everything a person needs to act on it or report it: the scope,
 * the AWS error code ({@code AccessDeniedException}, {@code ThrottlingException}…, or one of the
 * client-side codes below), the message, the request ID AWS support asks for, and the HTTP
 * status (0 when no response arrived).
 *
 * <p>Client-side codes: {@link #UNREACHABLE}, {@link #TIMEOUT}, {@link #CANCELLED},
 * {@link #CREDENTIALS_UNAVAILABLE}, {@link #SIGN_IN_REQUIRED}, {@link #CLIENT_ERROR}, {@link #INTERNAL_ERROR}.
 */
public record ScopeError(Scope scope, String errorCode, String message, String requestId, int status) {

    /** No connection could be made (refused, unknown host, TLS failure, connect timeout). */
    public static final String UNREACHABLE = "Unreachable";
    /** The call or one attempt ran past its configured timeout. */
    public static final String TIMEOUT = "Timeout";
    /** The user cancelled the operation before this scope finished. */
    public static final String CANCELLED = "Cancelled";
    /** The scope's credentials could not be resolved (missing profile, expired SSO session…). */
    public static final String CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";
    /**
     * The scope's credentials need the user: an SSO sign-in (no token, or one that expired and
     * cannot be refreshed) or an MFA code, and no prompt was available or the user cancelled it.
     */
    public static final String SIGN_IN_REQUIRED = "SignInRequired";
    /** Any other SDK-side failure. */
    public static final String CLIENT_ERROR = "ClientError";
    /** A bug on our side; the message names the exception. */
    public static final String INTERNAL_ERROR = "InternalError";

    public ScopeError {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(errorCode, "errorCode");
        message = message == null ? "" : message;
    }

    public boolean isAccessDenied() {
        return errorCode.equals("AccessDeniedException") || errorCode.equals("AccessDenied");
    }

    public boolean isCancelled() {
        return errorCode.equals(CANCELLED);
    }

    /** One line for a status bar or a log: scope, code, message and request ID. */
    public String describe() {
        return scope.label() + ": " + errorCode + (message.isEmpty() ? "" : " — " + message)
                + (requestId == null ? "" : " (request ID " + requestId + ")");
    }
}
