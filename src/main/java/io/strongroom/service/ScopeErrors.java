package io.strongroom.service;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.signin.SignInRequiredException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps whatever a call threw onto a {@link ScopeError}. SDK messages carry no secret values. */
final class ScopeErrors {

    private ScopeErrors() {}

    static ScopeException exception(Scope scope, Throwable t) {
        if (t instanceof ScopeException se) {
            return se;
        }
        return new ScopeException(of(scope, t), t);
    }

    static ScopeError of(Scope scope, Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ScopeException se) {
            return se.error();
        }
        SignInRequiredException signIn = cause(t, SignInRequiredException.class);
        if (signIn != null) {
            return new ScopeError(scope, ScopeError.SIGN_IN_REQUIRED, signIn.getMessage(), null, 0);
        }
        if (t instanceof SdkClientException && cause(t, AwsServiceException.class) != null) {
            // a credentials provider's own call failed (AssumeRole refused a code, the SSO portal
            // refused a token) and the SDK wrapped it: AWS's code and message are what matter
            t = cause(t, AwsServiceException.class);
        }
        if (t instanceof AwsServiceException e) {
            AwsErrorDetails d = e.awsErrorDetails();
            String code = d != null && d.errorCode() != null ? d.errorCode() : "HTTP" + e.statusCode();
            String message = d != null && d.errorMessage() != null ? d.errorMessage() : e.getMessage();
            return new ScopeError(scope, code, message, e.requestId(), e.statusCode());
        }
        if (t instanceof SdkServiceException e) {
            return new ScopeError(scope, "HTTP" + e.statusCode(), e.getMessage(), e.requestId(), e.statusCode());
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return new ScopeError(scope, ScopeError.TIMEOUT, t.getMessage(), null, 0);
        }
        if (t instanceof AbortedException || t instanceof InterruptedException || t instanceof CancellationException) {
            return cancelled(scope);
        }
        if (t instanceof SdkClientException e) {
            if (hasCause(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class,
                    SocketTimeoutException.class, SSLException.class)) {
                String where = scope.endpoint() == null ? "the AWS endpoint for " + scope.region() : scope.endpoint().toString();
                return new ScopeError(scope, ScopeError.UNREACHABLE, "Cannot reach " + where + ": " + rootMessage(e), null, 0);
            }
            if (hasCause(e, InterruptedException.class)) {
                return cancelled(scope);
            }
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
                return new ScopeError(scope, ScopeError.CREDENTIALS_UNAVAILABLE, e.getMessage(), null, 0);
            }
            return new ScopeError(scope, ScopeError.CLIENT_ERROR, e.getMessage(), null, 0);
        }
        if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("must be on the class path")) {
            // the SDK's profile support met a credential kind whose module is not bundled (e.g. SSO)
            return new ScopeError(scope, ScopeError.CREDENTIALS_UNAVAILABLE, t.getMessage(), null, 0);
        }
        return new ScopeError(scope, ScopeError.INTERNAL_ERROR, t.getClass().getSimpleName() + ": " + t.getMessage(), null, 0);
    }

    static ScopeError cancelled(Scope scope) {
        return new ScopeError(scope, ScopeError.CANCELLED, "Cancelled before this scope finished", null, 0);
    }

    private static <E extends Throwable> E cause(Throwable t, Class<E> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @SafeVarargs
    private static boolean hasCause(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
