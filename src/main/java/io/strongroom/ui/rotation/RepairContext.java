package io.strongroom.ui.rotation;

import io.strongroom.service.DatabaseCheck;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.feature.FeatureContext;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the stuck-rotation repair and the manual rotation wizard use, taken from the feature
 * context once: reads through {@code secrets} and {@code rotations}, every write through
 * {@code mutations} (journaled, refused in read-only mode), the journal the wizard resumes from,
 * and the login test of database credentials.
 *
 * @param texts the feature's texts: {@code texts.in(}{@link #BUNDLE}{@code )}
 */
public record RepairContext(SecretsService secrets, RotationService rotations, SecretMutations mutations,
                            Supplier<ActionJournal> journal, DatabaseCheck databases, UiExecutor ui, DialogService dialogs,
                            ClipboardService clipboard, Texts texts, Formats formats, Clock clock,
                            ObservableBooleanValue readOnly) {

    /** The texts of the repair view and the wizard, {@code io/strongroom/ui/rotation/rotation-repair.properties}. */
    public static final String BUNDLE = "io.strongroom.ui.rotation.rotation-repair";

    public RepairContext {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(rotations, "rotations");
        Objects.requireNonNull(mutations, "mutations");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(clipboard, "clipboard");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(readOnly, "readOnly");
    }

    /** From the composition root's feature context, with this bundle's texts. */
    public static RepairContext of(FeatureContext ctx) {
        return new RepairContext(ctx.secrets(), ctx.rotations(), ctx.mutations(), ctx.journal(), new DatabaseCheck(), ctx.ui(),
                ctx.dialogs(), ctx.clipboard(), ctx.texts().in(BUNDLE), ctx.formats(), ctx.clock(), ctx.readOnly());
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }
}
