package io.strongroom.service.journal;

import io.strongroom.domain.SecretPayload;

/**
 * Whether an action wrote a value, and of which kind. This is all the journal ever learns about a
 * value: not its bytes, not its size (a size narrows a password down), not a hash.
 */
public enum ValueKind {
    NONE, TEXT, BINARY;

    public static ValueKind of(SecretPayload value) {
        if (value == null) {
            return NONE;
        }
        return value.isBinary() ? BINARY : TEXT;
    }
}
