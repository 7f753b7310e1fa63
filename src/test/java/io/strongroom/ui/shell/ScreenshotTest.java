package io.strongroom.ui.shell;

import io.strongroom.ui.common.Theme;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.SecretRow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the main window with the inventory populated, light and dark, to
 * {@link io.strongroom.ui.editor.Snapshots#SCREENSHOTS} ({@code -Dstrongroom.screenshots=assets/screenshots} refreshes
 * the README's images). Look at them after a UI change.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    static final Path OUT = io.strongroom.ui.editor.Snapshots.SCREENSHOTS;

    static ConsoleHarness console;
    Stage stage;

    @BeforeAll
    static void seed() {
        console = new ConsoleHarness(List.of("us-east-1", "eu-west-1"));
    }

    @AfterAll
    static void stop() {
        console.closeInLightTheme();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console.showIn(stage, 1440, 860);
    }

    @Test
    void inventoryLightAndDark() throws Exception {
        console.awaitLoaded();
        Files.createDirectories(OUT);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<SecretRow> table = (TableView<SecretRow>) stage.getScene().getRoot().lookup("#" + InventoryView.TABLE_ID);
            for (int i = 0; i < table.getItems().size(); i++) {
                SecretRow r = table.getItems().get(i);
                if (r.name().equals("prod/payments/stripe-api-key") && r.region().equals("eu-west-1")) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.getFocusModel().focus(i);
                }
            }
            table.requestFocus();
            return null;
        });
        shoot(Theme.LIGHT, "inventory-light.png");
        shoot(Theme.DARK, "inventory-dark.png");
    }

    private void shoot(Theme theme, String file) throws IOException, InterruptedException {
        onFx(() -> {
            console.context.shell().themeProperty().set(theme);
            return null;
        });
        Thread.sleep(400);      // a few pulses: CSS and layout settle
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        Path out = OUT.resolve(file);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, out + " looks empty");
    }
}
