package io.strongroom.ui.shell;

import io.strongroom.ui.editor.Snapshots;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static io.strongroom.ui.shell.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scope picker on a first start, headless under Monocle: the regions where the store holds
 * resources ticked, "all regions" and "regions in use" one click each, rendered to
 * {@link Snapshots#SCREENSHOTS} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class ScopePickerScreenshotTest {

    static ConsoleHarness console;

    @BeforeAll
    static void seed() {
        console = new ConsoleHarness(List.of("us-east-1", "eu-west-1"));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Start
    void start(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        console.showIn(stage, 1280, 800);
    }

    @Test
    void theFirstStartsPickerTicksTheRegionsWithResourcesAndOffersAllRegionsInOneClick(FxRobot robot) throws Exception {
        console.awaitLoaded();
        robot.clickOn("#" + ShellView.SCOPE_BUTTON_ID);
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#scope-picker").tryQuery().isPresent());

        CheckBox allRegions = robot.lookup("#scope-all-regions").queryAs(CheckBox.class);
        assertFalse(onFx(allRegions::isSelected));
        assertEquals(List.of("eu-west-1", "us-east-1"), onFx(() -> console.context.scopePicker().regions().stream()
                .filter(RegionChoice::isSelected).map(RegionChoice::id).toList()));
        write(onFx(() -> robot.lookup("#scope-picker").query().snapshot(null, null)), "scope-picker-default.png");

        robot.clickOn(allRegions);
        assertTrue(onFx(() -> console.context.scopePicker().allRegionsProperty().get()), "all regions: one click");
        Button inUse = robot.lookup("#scope-regions-in-use").queryButton();
        robot.clickOn(inUse);
        assertFalse(onFx(() -> console.context.scopePicker().allRegionsProperty().get()), "and back in one click");
        assertEquals(List.of("eu-west-1", "us-east-1"), onFx(() -> console.context.scopePicker().regions().stream()
                .filter(RegionChoice::isSelected).map(RegionChoice::id).toList()));
        robot.clickOn("#scope-apply");
    }

    private static void write(WritableImage image, String file) throws Exception {
        Files.createDirectories(Snapshots.SCREENSHOTS);
        Path out = Snapshots.SCREENSHOTS.resolve(file);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, out + " looks empty");
    }
}
