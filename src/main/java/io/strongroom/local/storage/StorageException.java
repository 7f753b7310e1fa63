package io.strongroom.local.storage;

/** A database failure: the store's own fault, answered as a 5xx and worth a bug report. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
