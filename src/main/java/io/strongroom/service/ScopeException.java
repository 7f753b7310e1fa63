package io.strongroom.service;

import io.strongroom.domain.ScopeError;

/**
 * A single-scope service call failed. Carries the {@link ScopeError} (scope, AWS error code,
 * message, request ID, HTTP status) that the console shows and the CLI prints; the SDK
 * exception, if any, is the cause.
 */
public final class ScopeException extends RuntimeException {

    private final transient ScopeError error;

    public ScopeException(ScopeError error, Throwable cause) {
        super(error.describe(), cause);
        this.error = error;
    }

    public ScopeError error() {
        return error;
    }

    public String errorCode() {
        return error.errorCode();
    }
}
