package io.strongroom.ui.inventory;

import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes the inventory's rows to a file the user chooses: asks where (with a dated file name),
 * writes CSV or JSON ({@link InventoryExport}) in the background, and says how it went: the
 * notice on success, an error dialog on failure, nothing when the chooser is cancelled.
 * Called by the view with the rows the view model gives ({@link InventoryViewModel#exportRows()}).
 */
public final class InventoryFileExport {

    private final DialogService dialogs;
    private final UiExecutor ui;
    private final Texts texts;
    private final Clock clock;

    public InventoryFileExport(DialogService dialogs, UiExecutor ui, Texts texts, Clock clock) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.ui = Objects.requireNonNull(ui);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Asks where, then writes {@code rows} as CSV; {@code notice} gets the sentence to show once written. */
    public void csv(List<SecretRow> rows, Consumer<String> notice) {
        export(rows, notice, "csv", (snapshot, path) -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
                InventoryExport.csv(w, snapshot);
            }
        });
    }

    /** Asks where, then writes {@code rows} as JSON; {@code notice} gets the sentence to show once written. */
    public void json(List<SecretRow> rows, Consumer<String> notice) {
        export(rows, notice, "json", (snapshot, path) -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                InventoryExport.json(out, snapshot);
            }
        });
    }

    @FunctionalInterface
    private interface Writing {
        void write(List<SecretRow> rows, Path path) throws IOException;
    }

    private void export(List<SecretRow> rows, Consumer<String> notice, String extension, Writing writing) {
        List<SecretRow> snapshot = List.copyOf(rows);
        String suggested = "strongroom-secrets-" + LocalDate.now(clock) + "." + extension;
        dialogs.chooseFileToSave(texts.get("export.title"), suggested, extension).ifPresent(path -> ui.submit(() -> {
            writing.write(snapshot, path);
            return path;
        }, p -> notice.accept(texts.format("notice.exported", snapshot.size(), p.getFileName().toString())),
                e -> dialogs.showError(texts.get("export.failed"), e)));
    }
}
