package io.strongroom.cli;

/**
 * What the bare {@code strongroom} command was asked for when it opens the console.
 *
 * @param readOnly nothing in the window may change a secret (auditors)
 * @param dataDir  the embedded store's data directory, or null for the default
 */
public record ConsoleOptions(boolean readOnly, String dataDir) {

    /** Opens the console and returns the exit code once its window closes. */
    @FunctionalInterface
    public interface Opener {
        int open(ConsoleOptions options) throws Exception;
    }
}
