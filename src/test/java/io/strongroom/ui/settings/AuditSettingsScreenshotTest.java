package io.strongroom.ui.settings;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders Settings → Audit to {@link Snapshots#SCREENSHOTS} ({@code settings-audit-light.png},
 * {@code -dark.png}) under headless Monocle, with one threshold typed out of range.
 */
class AuditSettingsScreenshotTest {

    static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        Snapshots.startFx();
        Snapshots.theme(false);
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.onFx(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
        Snapshots.theme(false);
    }

    @Test
    void theThresholdsWithOneOutOfRange() throws Exception {
        AuditSettingsViewModel vm = new AuditSettingsViewModel(new DirectUiExecutor(), t -> { },
                new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT), new RecordingDialogs(), Texts.load());
        vm.restore(AnomalyThresholds.DEFAULT);
        AuditSettingsCard card = Snapshots.onFx(() -> {
            AuditSettingsCard c = new AuditSettingsCard(vm, Texts.load());
            c.setPrefWidth(820);
            javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(c);
            root.getStylesheets().add(Controls.STYLESHEET);
            root.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 16;");
            stage = new Stage();
            stage.setScene(new Scene(root, 860, 900));
            stage.show();
            vm.fields().get(3).textProperty().set("1");
            vm.fields().get(1).textProperty().set("3.5");
            return c;
        });
        Snapshots.settle();
        Path light = Snapshots.write(card, "settings-audit-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Path dark = Snapshots.write(card, "settings-audit-dark.png");
        assertTrue(Files.size(light) > 10_000 && Files.size(dark) > 10_000);
    }
}
