package io.strongroom.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Windows a view model may need to open, behind an interface so view models stay free of
 * JavaFX scene classes and tests can answer for the user.
 */
public interface DialogService {

    /** A yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message);

    /**
     * Confirmation for destructive actions: the user must type {@code expected} (a secret's
     * name) exactly before the action is allowed.
     */
    boolean confirmByTyping(String title, String message, String expected);

    /** Shows an error; {@code error} may be a ScopeException, whose scope, code and request ID are shown. */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    Optional<Path> chooseFileToSave(String title, String suggestedName, String extension);

    Optional<Path> chooseFileToOpen(String title);
}
