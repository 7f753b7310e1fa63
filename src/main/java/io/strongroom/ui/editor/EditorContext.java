package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.KeysService;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.DialogCommand;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;

/**
 * What every editor view model needs, built once by the composition root.
 *
 * @param secrets   reads (describe, values, random passwords, listing planned deletions)
 * @param keys      the KMS key picker's listing
 * @param mutations every write; the composition root passes the journaled, read-only-guarded gateway
 * @param readOnly  the console's read-only mode: while true every command refuses and every
 *                  {@code can…} property is false
 * @param texts     the editor's texts: {@code texts.in(}{@link #MESSAGES}{@code )}
 */
public record EditorContext(SecretsService secrets, KeysService keys, SecretMutations mutations, UiExecutor executor,
                            DialogService dialogs, ObservableBooleanValue readOnly, Texts texts) {

    /** The editor's own bundle, {@code io/strongroom/ui/editor/messages.properties}. */
    public static final String MESSAGES = "io.strongroom.ui.editor.messages";

    public EditorContext {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(mutations, "mutations");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(readOnly, "readOnly");
        Objects.requireNonNull(texts, "texts");
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    /** What the dialogs' commands share: this executor, read-only mode and texts. */
    public DialogCommand.Context commands() {
        return new DialogCommand.Context(executor, readOnly, texts);
    }
}
