package io.strongroom.ui.rotation;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.feature.FeatureContext;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The manual rotation wizard in a window of its own beside the console (not modal: the operator
 * works on the target system meanwhile). Closing it drops the typed and revealed passwords; a
 * rotation left at step 2 or later is picked up again the next time the wizard opens for the
 * secret, even after a restart. When AWSPENDING belongs to an unfinished automatic rotation, its
 * "Open repair…" opens {@link RepairDialog} for the secret. Call on the FX thread.
 */
public final class ManualRotationWizard {

    private ManualRotationWizard() {}

    /** Opens the wizard for {@code secret} with the console's services; returns the window, shown and loading. */
    public static Stage open(FeatureContext ctx, SecretSummary secret) {
        return open(ctx, secret, null);
    }

    /** As {@link #open(FeatureContext, SecretSummary)}, owned by {@code owner} (may be null). */
    public static Stage open(FeatureContext ctx, SecretSummary secret, Window owner) {
        return open(RepairContext.of(ctx), secret, owner);
    }

    /** Opens the wizard for {@code secret} over {@code ctx}. */
    public static Stage open(RepairContext ctx, SecretSummary secret, Window owner) {
        Objects.requireNonNull(secret, "secret");
        ManualRotationViewModel vm = new ManualRotationViewModel(ctx, secret);
        ManualRotationView view = new ManualRotationView(vm);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(ctx.texts().format("manual.title") + " \u2014 " + secret.name());
        stage.setScene(RepairDialog.scene(view));
        view.setOnClose(stage::close);
        view.setOnOpenRepair(() -> {
            stage.close();
            RepairDialog.open(ctx, vm.secretProperty().get(), owner);
        });
        stage.setOnHidden(e -> vm.dispose());
        stage.show();
        vm.load();
        return stage;
    }
}
