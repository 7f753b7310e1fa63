package io.strongroom.ui.common;

import io.strongroom.domain.ScopeError;
import io.strongroom.service.ScopeException;

/**
 * User-facing text for a failure: which scope, which AWS error code, the message and the
 * request ID, so an operator can quote it to AWS support or find it in CloudTrail.
 */
public final class ErrorText {

    private ErrorText() {}

    public static String of(Throwable error) {
        Throwable t = error;
        while (t != null && !(t instanceof ScopeException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof ScopeException se) {
            return of(se.error());
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    public static String of(ScopeError e) {
        StringBuilder sb = new StringBuilder();
        if (e.scope() != null) {
            sb.append(e.scope().label()).append(": ");
        }
        sb.append(e.errorCode());
        if (e.message() != null && !e.message().isBlank()) {
            sb.append(" — ").append(e.message());
        }
        if (e.requestId() != null) {
            sb.append(" (request ID ").append(e.requestId()).append(')');
        }
        return sb.toString();
    }
}
