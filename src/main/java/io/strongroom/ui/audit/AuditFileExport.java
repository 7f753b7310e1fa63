package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;

import java.io.BufferedWriter;
import java.io.IOException;
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
 * Writes events to a file the user chooses, as the inventory's export does: asks where (with a
 * dated file name), writes CSV or JSON Lines ({@link AuditExport}) in the background, and says how
 * it went: the notice on success, an error dialog on failure, nothing when the chooser is cancelled.
 */
final class AuditFileExport {

    private final DialogService dialogs;
    private final UiExecutor ui;
    private final Texts texts;
    private final Clock clock;

    AuditFileExport(DialogService dialogs, UiExecutor ui, Texts texts, Clock clock) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.ui = Objects.requireNonNull(ui);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
    }

    void csv(List<AuditRecord> records, Consumer<String> notice) {
        export(records, notice, "csv", AuditExport::csv);
    }

    void jsonLines(List<AuditRecord> records, Consumer<String> notice) {
        export(records, notice, "jsonl", AuditExport::jsonLines);
    }

    @FunctionalInterface
    private interface Writing {
        void write(Writer out, List<AuditRecord> records) throws IOException;
    }

    private void export(List<AuditRecord> records, Consumer<String> notice, String extension, Writing writing) {
        List<AuditRecord> snapshot = List.copyOf(records);
        String suggested = "strongroom-audit-" + LocalDate.now(clock) + "." + extension;
        dialogs.chooseFileToSave(texts.get("export.title"), suggested, extension).ifPresent(path -> ui.submit(() -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
                writing.write(w, snapshot);
            }
            return path;
        }, (Path p) -> notice.accept(texts.format("notice.exported", snapshot.size(), p.getFileName().toString())),
                e -> dialogs.showError(texts.get("export.failed"), e)));
    }
}
