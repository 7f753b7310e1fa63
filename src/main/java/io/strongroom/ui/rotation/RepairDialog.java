package io.strongroom.ui.rotation;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.feature.FeatureContext;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The repair of one secret's rotation in a window of its own beside the console (not modal: the
 * operator may look things up meanwhile). It opens in read-only mode too, where it explains and
 * shows the calls but runs none. Call on the FX thread.
 */
public final class RepairDialog {

    static final double WIDTH = 900;
    static final double HEIGHT = 820;

    private RepairDialog() {}

    /** Opens the repair of {@code secret} with the console's services; returns the window, shown and loading. */
    public static Stage open(FeatureContext ctx, SecretSummary secret) {
        return open(ctx, secret, null);
    }

    /** As {@link #open(FeatureContext, SecretSummary)}, owned by {@code owner} (may be null). */
    public static Stage open(FeatureContext ctx, SecretSummary secret, Window owner) {
        return open(RepairContext.of(ctx), secret, owner);
    }

    /** Opens the repair of {@code secret} over {@code ctx}. */
    public static Stage open(RepairContext ctx, SecretSummary secret, Window owner) {
        Objects.requireNonNull(secret, "secret");
        RepairViewModel vm = new RepairViewModel(ctx, secret);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(ctx.texts().format("repair.title") + " \u2014 " + secret.name());
        RepairView view = new RepairView(vm);
        view.setOnOpenWizard(() -> {
            stage.close();
            ManualRotationWizard.open(ctx, vm.secretProperty().get(), owner);
        });
        stage.setScene(scene(view));
        stage.setOnHidden(e -> vm.dispose());
        stage.show();
        vm.load();
        return stage;
    }

    /** A scene for one of this package's windows, with the console's stylesheet on top of the theme. */
    static Scene scene(javafx.scene.Parent root) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(RepairDialog.class.getResource(Styles.STYLESHEET)).toExternalForm());
        return scene;
    }
}
