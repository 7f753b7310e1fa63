package io.strongroom.local.rotation;

/**
 * A rotation step that failed. The message is recorded in the secret's rotation state and in
 * the RotationFailed audit event, so it must never carry a secret value: name the host, the user,
 * the JSON key that is missing, never the password.
 */
public final class RotationException extends Exception {

    public RotationException(String message) {
        super(message);
    }

    public RotationException(String message, Throwable cause) {
        super(message, cause);
    }
}
