package io.strongroom.ui.editor;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionWritten;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the editor dialogs, each modal to {@code owner}, and answers what was done (empty when
 * cancelled). The inventory's "New secret" and "Scheduled deletions" ({@link InventoryActions})
 * open them through one built from the composition root's {@link EditorContext}; the secret
 * detail pane uses it for New value, Edit and Delete.
 *
 * <p>In read-only mode nothing is opened: the dialogs would only refuse.
 */
public final class SecretDialogs {

    private final EditorContext ctx;

    public SecretDialogs(EditorContext ctx) {
        this.ctx = Objects.requireNonNull(ctx);
    }

    public EditorContext context() {
        return ctx;
    }

    /** Create a secret in {@code scope}. */
    public Optional<VersionWritten> createSecret(Window owner, Scope scope) {
        return show(owner, () -> new CreateSecretDialog(new CreateSecretViewModel(ctx, scope)));
    }

    /** A new value (version) for {@code secret}. */
    public Optional<VersionWritten> newValue(Window owner, SecretSummary secret) {
        return show(owner, () -> new NewValueDialog(new NewValueViewModel(ctx, secret)));
    }

    /** Edit {@code secret}'s description and KMS key. */
    public Optional<VersionWritten> edit(Window owner, SecretSummary secret) {
        return show(owner, () -> new EditSecretDialog(new EditSecretViewModel(ctx, secret)));
    }

    /** Delete {@code secret}, scheduled or forced. */
    public Optional<SecretDeletion> delete(Window owner, SecretSummary secret) {
        return show(owner, () -> new DeleteSecretDialog(new DeleteSecretViewModel(ctx, secret)));
    }

    /**
     * A window listing the secrets of {@code scopes} that are scheduled for deletion, with Restore.
     * Returns at once; the window stays open beside the console. (In read-only mode it opens too,
     * listing only: Restore is disabled.)
     */
    public Stage plannedDeletions(Window owner, Collection<Scope> scopes) {
        return plannedDeletions(owner, scopes, () -> { });
    }

    /** As {@link #plannedDeletions(Window, Collection)}; {@code restored} runs after each successful Restore. */
    public Stage plannedDeletions(Window owner, Collection<Scope> scopes, Runnable restored) {
        Objects.requireNonNull(restored, "restored");
        PlannedDeletionsViewModel vm = new PlannedDeletionsViewModel(ctx, scopes);
        vm.restoredNameProperty().addListener((o, was, now) -> {
            if (now != null) {
                restored.run();
            }
        });
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(ctx.texts().format("planned.title"));
        stage.setScene(new Scene(new PlannedDeletionsView(vm), 860, 480));
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        vm.load();
        return stage;
    }

    /** Builds and shows the dialog modally, unless the console is read-only: then nothing is opened. */
    private <R> Optional<R> show(Window owner, Supplier<? extends Dialog<R>> build) {
        if (ctx.isReadOnly()) {
            return Optional.empty();
        }
        Dialog<R> dialog = build.get();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }
}
