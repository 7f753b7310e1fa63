package io.strongroom.ui.editor;

import io.strongroom.ui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dialog service that answers for the user as a test scripts it: yes or no to confirmations,
 * a typed name for typed confirmations (accepted only when it is exactly the expected text, as
 * the real dialog does), a file for file choosers.
 */
public final class ScriptedDialogs implements DialogService {

    public boolean confirmAnswer = true;
    /** What the user types into a typed confirmation; null cancels it. */
    public String typed;
    public Path fileToOpen;

    public final List<String> confirmations = new ArrayList<>();
    /** The text each typed confirmation expected. */
    public final List<String> typedExpectations = new ArrayList<>();
    public final List<Throwable> errors = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title);
        return confirmAnswer;
    }

    @Override
    public boolean confirmByTyping(String title, String message, String expected) {
        typedExpectations.add(expected);
        return typed != null && typed.equals(expected);
    }

    @Override
    public void showError(String title, Throwable error) {
        errors.add(error);
    }

    @Override
    public void showInfo(String title, String message) {
        // nothing to answer
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return Optional.ofNullable(fileToOpen);
    }
}
