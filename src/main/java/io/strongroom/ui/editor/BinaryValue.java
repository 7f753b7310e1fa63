package io.strongroom.ui.editor;

import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The binary part of {@link ValueEditorModel}: the bytes of a file the user chose (read off the UI
 * thread, refused by size before reading), its name and why it cannot be used. The bytes are
 * overwritten whenever they are replaced or dropped.
 */
final class BinaryValue {

    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Texts texts;
    private final SecretRules rules;
    /** Runs after every change of the bytes, the name or the problem. */
    private final Runnable changed;

    private byte[] bytes;
    private final ReadOnlyStringWrapper fileName;
    private final ReadOnlyStringWrapper problem;
    private final ReadOnlyBooleanWrapper busy;

    BinaryValue(Object bean, UiExecutor executor, DialogService dialogs, Texts texts, Runnable changed) {
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.rules = new SecretRules(texts);
        this.changed = Objects.requireNonNull(changed);
        this.fileName = new ReadOnlyStringWrapper(bean, "binaryFileName");
        this.problem = new ReadOnlyStringWrapper(bean, "binaryProblem");
        this.busy = new ReadOnlyBooleanWrapper(bean, "busy");
    }

    /** The chosen file's name (never its content), or null. */
    ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** True while a file is being read. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The bytes as they are (not a copy), or null. */
    byte[] bytes() {
        return bytes;
    }

    int size() {
        return bytes == null ? 0 : bytes.length;
    }

    /** Why the value cannot be sent (the file's problem, none chosen, its size), or null. */
    String problem() {
        if (problem.get() != null) {
            return problem.get();
        }
        return bytes == null ? texts.format("value.binary.none") : rules.sizeProblem(bytes.length).orElse(null);
    }

    /** Asks the user for a file; {@code load} reads the chosen one. */
    void choose(java.util.function.Consumer<Path> load) {
        dialogs.chooseFileToOpen(texts.format("value.binary.choose")).ifPresent(load);
    }

    /** Reads {@code file} off the UI thread; a file over 65,536 bytes is refused by its size, without being read. */
    void load(Path file) {
        String name = String.valueOf(file.getFileName());
        busy.set(true);
        executor.submit(() -> {
            Optional<String> tooBig = rules.sizeProblem(Files.size(file));
            return tooBig.isPresent() ? new Loaded(null, tooBig.get()) : new Loaded(Files.readAllBytes(file), null);
        }, loaded -> {
            busy.set(false);
            set(loaded.bytes, name, loaded.problem == null ? null : texts.format("value.binary.fileProblem", name, loaded.problem));
        }, e -> {
            busy.set(false);
            set(null, name, e instanceof IOException ? texts.format("value.binary.unreadable", name, ErrorText.of(e)) : ErrorText.of(e));
        });
    }

    /** Uses {@code next} (kept as it is) as the bytes, overwriting the old ones. */
    void set(byte[] next, String name, String fileProblem) {
        overwrite();
        bytes = next;
        fileName.set(name);
        problem.set(fileProblem);
        changed.run();
    }

    /** Drops the bytes (overwritten), the name and the problem, without reporting a change. */
    void wipe() {
        overwrite();
        bytes = null;
        fileName.set(null);
        problem.set(null);
    }

    private void overwrite() {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private record Loaded(byte[] bytes, String problem) {}
}
