package io.strongroom.ui.shell;

import io.strongroom.ui.common.Theme;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.SecretRow;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the main window with the inventory populated, light and dark, to
 * {@code assets/screenshots/} (the README shows them). Look at them after a UI change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenshotTest {

    static final Path OUT = Path.of("assets", "screenshots");

    ConsoleHarness console;
    Stage stage;

    @BeforeAll
    void start() throws Exception {
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyRunning) {
            // another test started the toolkit
        }
        Platform.setImplicitExit(false);
        console = new ConsoleHarness(List.of("us-east-1", "eu-west-1"));
        onFx(() -> {
            ShellView view = console.build(false);
            stage = new Stage();
            stage.setScene(new Scene(view, 1440, 860));
            stage.show();
            console.context.shell().start();
            return null;
        });
        console.awaitLoaded();
    }

    @AfterAll
    void stop() {
        onFx(() -> {
            stage.close();
            Theme.LIGHT.apply();
            return null;
        });
        console.close();
    }

    @Test
    void inventoryLightAndDark() throws Exception {
        Files.createDirectories(OUT);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<SecretRow> table = (TableView<SecretRow>) stage.getScene().getRoot().lookup("#" + InventoryView.TABLE_ID);
            int i = 0;
            for (SecretRow r : table.getItems()) {
                if (r.name().equals("prod/payments/stripe-api-key") && r.region().equals("eu-west-1")) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.getFocusModel().focus(i);
                    table.requestFocus();
                }
                i++;
            }
            return null;
        });
        shoot(Theme.LIGHT, "inventory-light.png");
        shoot(Theme.DARK, "inventory-dark.png");
    }

    private void shoot(Theme theme, String file) throws IOException {
        WritableImage image = onFx(() -> {
            console.context.shell().themeProperty().set(theme);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        }) == null ? pulseAndSnap() : null;
        Path out = OUT.resolve(file);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, out + " looks empty");
    }

    /** Lets a pulse pass so CSS and layout settle, then snapshots the scene. */
    private WritableImage pulseAndSnap() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return onFx(() -> stage.getScene().snapshot(null));
    }
}
