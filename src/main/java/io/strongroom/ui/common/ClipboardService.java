package io.strongroom.ui.common;

/**
 * The system clipboard as view models see it. Secret values placed here are cleared after a
 * delay unless the clipboard changed meanwhile (see {@link #putSensitive}).
 */
public interface ClipboardService {

    /** Copies ordinary text (ARNs, names). */
    void put(String text);

    /**
     * Copies a secret value, and clears the clipboard after {@code clearAfterSeconds} if it still
     * holds that value (a user who copied something else since keeps it).
     */
    void putSensitive(String text, int clearAfterSeconds);

    /** What the clipboard holds now, or null. */
    String current();
}
