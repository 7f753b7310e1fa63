package io.strongroom.testing;

import io.strongroom.ui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A user who answers dialogs as told, and a record of what was shown. For view-model tests. */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public final List<Throwable> errors = new ArrayList<>();
    public boolean answer = true;
    public Path saveTo;
    public Path open;

    @Override
    public boolean confirm(String title, String message) {
        shown.add("confirm: " + title);
        return answer;
    }

    @Override
    public boolean confirmByTyping(String title, String message, String expected) {
        shown.add("confirmByTyping: " + title);
        return answer;
    }

    @Override
    public void showError(String title, Throwable error) {
        shown.add("error: " + title);
        errors.add(error);
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add("info: " + title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        shown.add("save: " + suggestedName);
        return Optional.ofNullable(saveTo);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return Optional.ofNullable(open);
    }
}
