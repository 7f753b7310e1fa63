package io.strongroom.ui.shell;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.endpoint.EndpointDialog;
import io.strongroom.ui.endpoint.EndpointPickerLinks;
import io.strongroom.ui.endpoint.EndpointViewModel;
import io.strongroom.ui.settings.SettingsView;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static io.strongroom.ui.shell.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings screen and the custom endpoint dialog in the whole console, headless under
 * Monocle in a 1280×800 window: reached from the navigation and from the scope picker, and
 * rendered to {@link Snapshots#SCREENSHOTS} (light and dark) to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsScreenshotTest {

    static ConsoleHarness console;
    Stage stage;

    @BeforeAll
    static void seed() {
        console = new ConsoleHarness(List.of("us-east-1", "eu-west-1"));
        console.freshSettings = false;      // the second test starts from what the first one saved
    }

    @AfterAll
    static void stop() {
        console.closeInLightTheme();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setX(0);
        stage.setY(0);
        console.showIn(stage, 1280, 800);
    }

    @Test
    @Order(1)
    void theSettingsScreenLightAndDark(FxRobot robot) throws Exception {
        console.awaitLoaded();
        onFx(() -> {
            // one endpoint from an earlier session (locked), one added in this one (usable)
            console.context.endpoints().restore(List.of(new CustomEndpoint("staging-emulator",
                    URI.create("https://secrets.staging.example:4566"), "AKIAIOSFODNN7EXAMPLE", "444455556666",
                    List.of("us-east-1", "eu-west-1"))));
            EndpointViewModel add = console.context.endpoints().startAdding();
            add.nameProperty().set("lab-proxy");
            add.urlProperty().set("http://127.0.0.1:4566");
            add.accessKeyIdProperty().set("AKIALABPROXYEXAMPLE");
            add.secretAccessKeyProperty().set("FAKE-demo-only-secret");
            add.accountIdProperty().set("000000000000");
            add.regionsProperty().set("us-east-1");
            add.save();
            return null;
        });
        waitFor(Duration.ofSeconds(10), () -> onFx(() -> console.context.endpoints().entries().size() == 2));

        robot.clickOn("#nav-settings");
        Node settings = robot.lookup("#settings").query();
        assertTrue(settings instanceof SettingsView);
        assertTrue(robot.lookup("#endpoint-remove-lab-proxy").tryQuery().isPresent());

        shoot(Theme.LIGHT, "settings-light.png");
        robot.clickOn("#" + SettingsView.THEME_DARK_ID);
        assertEquals(Theme.DARK, onFx(() -> console.context.shell().themeProperty().get()));
        shoot(Theme.DARK, "settings-dark.png");
        waitFor(Duration.ofSeconds(10), () -> console.context.settings().orElseThrow().current().theme()
                == io.strongroom.app.settings.Theme.DARK);

        onFx(() -> {
            console.context.shell().themeProperty().set(Theme.LIGHT);
            console.context.shell().sectionProperty().set(io.strongroom.app.InventoryFeature.SECTION);
            return null;
        });
    }

    /** After {@link #theSettingsScreenLightAndDark}: its locked endpoint shows in the picker, waiting for its secret. */
    @Test
    @Order(2)
    void anEndpointAddedFromTheScopePickerCanBeAppliedAtOnce(FxRobot robot) throws Exception {
        console.awaitLoaded();
        AccessKey key = console.store.adminKey(0);

        robot.clickOn("#" + ShellView.SCOPE_BUTTON_ID);
        robot.clickOn("#" + EndpointPickerLinks.ADD_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialogWindow = robot.window(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane);
        assertTrue(dialogWindow.getWidth() <= 1280 && dialogWindow.getHeight() <= 800);
        robot.clickOn("#" + EndpointDialog.NAME_ID).write("twin");
        robot.interact(() -> {
            robot.lookup("#" + EndpointDialog.URL_ID).queryAs(TextField.class).setText(console.store.store().endpoint().toString());
            robot.lookup("#" + EndpointDialog.KEY_ID_ID).queryAs(TextField.class).setText(key.accessKeyId());
            robot.lookup("#" + EndpointDialog.SECRET_ID).queryAs(PasswordField.class).setText(key.secretAccessKey());
            robot.lookup("#" + EndpointDialog.REGIONS_ID).queryAs(TextField.class).setText("eu-west-1");
        });
        robot.clickOn("#" + EndpointDialog.TEST_ID);
        waitFor(Duration.ofSeconds(20), () -> onFx(() -> robot.lookup("#endpoint-test-passed").query().isVisible()));
        write(onFx(() -> {
            DialogPane pane = (DialogPane) dialogWindow.getScene().getRoot();
            return pane.snapshot(null, null);
        }), "endpoint-dialog.png");

        robot.clickOn("#" + EndpointDialog.SAVE_ID);
        // the picker opens again with the new account ticked: applying lists it
        waitFor(Duration.ofSeconds(20), () -> onFx(() -> robot.lookup("#scope-apply").tryQuery().isPresent()));
        assertTrue(robot.lookup("#scope-unlock-staging-emulator").tryQuery().isPresent(), "a locked endpoint offers its unlock");
        Optional<CheckBox> twin = onFx(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(c -> "twin".equals(c.getUserData())).findFirst());
        assertTrue(twin.isPresent() && twin.get().isSelected(), "the endpoint's account is in the picker, ticked");
        write(onFx(() -> robot.lookup("#scope-picker").query().snapshot(null, null)), "scope-picker-endpoint.png");
        robot.clickOn("#scope-apply");
        waitFor(Duration.ofSeconds(30), () -> onFx(() -> !console.inventory().isLoading()
                && console.inventory().scopes().stream().anyMatch(s -> s.accountAlias().equals("twin"))));
        assertEquals(List.of("eu-west-1"), onFx(() -> console.inventory().scopes().stream()
                .filter(s -> s.accountAlias().equals("twin")).map(s -> s.region()).toList()),
                "looked at in its own region only");
    }

    @Test
    @Order(3)
    void theEndpointDialogShowsItsProblemsInline() throws Exception {
        Node pane = onFx(() -> {
            EndpointViewModel vm = console.context.endpoints().startAdding();
            EndpointDialog dialog = new EndpointDialog(vm, io.strongroom.ui.common.Texts.load());
            vm.nameProperty().set("Embedded store");
            vm.urlProperty().set("localhost:4566");
            vm.accessKeyIdProperty().set("AKIA EXAMPLE");
            vm.secretAccessKeyProperty().set("FAKE-demo-only");
            vm.accountIdProperty().set("12345");
            vm.regionsProperty().set("us-east-1, EU-WEST-1");
            DialogPane p = dialog.getDialogPane();
            dialog.setDialogPane(new DialogPane());
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(p);
            new Scene(root, 600, 720);
            return root;
        });
        Snapshots.theme(true);
        Snapshots.settle();
        Path out = Snapshots.write(pane, "endpoint-dialog-problems-dark.png");
        Snapshots.theme(false);
        assertTrue(Files.size(out) > 10_000);
    }

    private void shoot(Theme theme, String file) throws Exception {
        onFx(() -> {
            console.context.shell().themeProperty().set(theme);
            return null;
        });
        Thread.sleep(400);      // a few pulses: CSS and layout settle
        write(onFx(() -> stage.getScene().snapshot(null)), file);
    }

    private static void write(WritableImage image, String file) throws Exception {
        Files.createDirectories(Snapshots.SCREENSHOTS);
        Path out = Snapshots.SCREENSHOTS.resolve(file);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, out + " looks empty");
    }
}
