package io.strongroom.service.journal;

/**
 * The journal could not be written or read. When it cannot record that an action is starting, the
 * action is not performed: an unjournaled mutation is worse than a refused one.
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
