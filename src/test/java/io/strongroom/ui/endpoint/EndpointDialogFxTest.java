package io.strongroom.ui.endpoint;

import io.strongroom.local.NamedThreads;
import atlantafx.base.theme.PrimerLight;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint dialog driven like a user would, headless under Monocle, against a real embedded
 * store: inline validation, a connection test off the FX thread, saving, entering a saved
 * endpoint's secret.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointDialogFxTest {

    static ExecutorService background;

    Stage owner;
    EndpointViewModelTest.RecordingStore saved;
    EndpointViewModelTest.RecordingSources sources;
    EndpointsViewModel endpoints;

    @BeforeAll
    static void startStore() {
        EndpointViewModelTest.startStore();
        background = Executors.newFixedThreadPool(2, new NamedThreads("endpoint-fx-test"));
    }

    @AfterAll
    static void stopStore() {
        background.shutdownNow();
        EndpointViewModelTest.stopStore();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        saved = new EndpointViewModelTest.RecordingStore();
        sources = new EndpointViewModelTest.RecordingSources();
        endpoints = new EndpointsViewModel(new FxUiExecutor(background), saved, EndpointViewModelTest.identity, sources,
                new RecordingDialogs(), Texts.load());
        endpoints.restore(List.of());
    }

    private EndpointDialog open(FxRobot robot, Callable<EndpointViewModel> model) {
        EndpointDialog[] holder = new EndpointDialog[1];
        robot.interact(() -> {
            try {
                holder[0] = new EndpointDialog(model.call(), Texts.load());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            holder[0].initOwner(owner);
            holder[0].show();
            holder[0].setX(0);
            holder[0].setY(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return holder[0];
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
    }

    @Test
    void addAnEndpointWithInlineValidationATestAndSave(FxRobot robot) throws Exception {
        EndpointDialog dialog = open(robot, endpoints::startAdding);
        assertTrue(dialog.getWidth() <= 1280 && dialog.getHeight() <= 800, dialog.getWidth() + "x" + dialog.getHeight());
        Button save = robot.lookup("#" + EndpointDialog.SAVE_ID).queryButton();
        Button test = robot.lookup("#" + EndpointDialog.TEST_ID).queryButton();
        assertTrue(save.isDisabled());
        assertTrue(test.isDisabled());

        robot.clickOn("#" + EndpointDialog.URL_ID).write("localhost:4566");
        Label urlProblem = robot.lookup("#" + EndpointDialog.URL_ID + "-problem").queryAs(Label.class);
        assertTrue(urlProblem.isVisible());
        assertEquals("Use an http:// or https:// URL.", urlProblem.getText());

        set(robot, EndpointDialog.URL_ID, EndpointViewModelTest.store.store().endpoint().toString());
        assertFalse(urlProblem.isVisible());
        robot.clickOn("#" + EndpointDialog.KEY_ID_ID).write(EndpointViewModelTest.admin.accessKeyId());
        robot.clickOn("#" + EndpointDialog.SECRET_ID).write(EndpointViewModelTest.admin.secretAccessKey());
        PasswordField secret = robot.lookup("#" + EndpointDialog.SECRET_ID).queryAs(PasswordField.class);
        assertFalse(robot.lookup(".text").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.text.Text t
                && EndpointViewModelTest.admin.secretAccessKey().equals(t.getText())), "the secret shows masked");
        assertFalse(test.isDisabled(), "a test needs no name");
        assertTrue(save.isDisabled(), "saving does");

        robot.clickOn(test);
        Node passed = robot.lookup("#endpoint-test-passed").query();
        waitUntil(passed::isVisible);
        assertEquals(EndpointViewModelTest.admin.accountId(),
                robot.lookup("#" + EndpointDialog.ACCOUNT_ID).queryAs(TextField.class).getText(), "filled in from STS");

        robot.clickOn("#" + EndpointDialog.NAME_ID).write("local twin");
        assertFalse(save.isDisabled());
        robot.clickOn(save);
        waitUntil(() -> !dialog.isShowing());
        CustomEndpoint endpoint = dialog.getResult();
        assertEquals("local twin", endpoint.name());
        assertEquals(List.of(List.of(endpoint)), saved.saves);
        assertEquals(1, sources.opened.size());
        assertEquals("", secret.getText(), "the field is cleared with the dialog");
    }

    @Test
    void aFailedTestShowsTheAwsErrorAndKeepsTheDialogOpen(FxRobot robot) throws Exception {
        EndpointDialog dialog = open(robot, endpoints::startAdding);
        set(robot, EndpointDialog.NAME_ID, "wrong secret");
        set(robot, EndpointDialog.URL_ID, EndpointViewModelTest.store.store().endpoint().toString());
        set(robot, EndpointDialog.KEY_ID_ID, EndpointViewModelTest.admin.accessKeyId());
        robot.interact(() -> robot.lookup("#" + EndpointDialog.SECRET_ID).queryAs(PasswordField.class).setText("not-the-secret"));
        robot.clickOn("#" + EndpointDialog.TEST_ID);
        Node failed = robot.lookup("#endpoint-test-failed").query();
        waitUntil(failed::isVisible);
        String text = robot.from(failed).lookup(".label").queryAs(Label.class).getText();
        assertTrue(text.startsWith("wrong secret / us-east-1: SignatureDoesNotMatch"), text);
        assertTrue(text.contains("request ID"), text);
        Button save = robot.lookup("#" + EndpointDialog.SAVE_ID).queryButton();
        double[] bottomAndHeight = WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> new double[] {save.localToScene(save.getBoundsInLocal()).getMaxY(), save.getScene().getHeight()});
        assertTrue(bottomAndHeight[0] <= bottomAndHeight[1], "the window grew with the answer: the buttons are still in it");

        robot.clickOn("#" + EndpointDialog.SAVE_ID);     // no account ID: saving asks STS, which refuses
        Node error = robot.lookup("#endpoint-error").query();
        waitUntil(error::isVisible);
        assertTrue(dialog.isShowing(), "a failed save leaves the input in place");
        assertEquals(List.of(), saved.saves);
        robot.interact(dialog::close);
    }

    @Test
    void aSavedEndpointAsksOnlyForItsSecret(FxRobot robot) throws Exception {
        robot.interact(() -> endpoints.restore(List.of(new CustomEndpoint("staging", URI.create("http://127.0.0.1:9"),
                "AKIDSTAGING", "444455556666", List.of("eu-west-1")))));
        EndpointsViewModel.Entry entry = endpoints.entries().get(0);
        EndpointDialog dialog = open(robot, () -> endpoints.startUnlocking(entry));
        assertFalse(robot.lookup("#" + EndpointDialog.URL_ID).queryAs(TextField.class).isEditable());
        assertFalse(robot.lookup("#" + EndpointDialog.NAME_ID).queryAs(TextField.class).isEditable());
        robot.clickOn("#" + EndpointDialog.SECRET_ID).write("staging-secret");
        robot.clickOn("#" + EndpointDialog.SAVE_ID);
        waitUntil(() -> !dialog.isShowing());
        assertTrue(entry.isOpen());
        assertEquals(List.of(), saved.saves);
    }
}
