package io.strongroom.local.crypto;

/** A cipher failure. Its message names the operation only, never key or plaintext material. */
public final class CryptoException extends RuntimeException {
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
