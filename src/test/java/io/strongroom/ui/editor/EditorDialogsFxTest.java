package io.strongroom.ui.editor;

import io.strongroom.ui.common.Texts;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.local.NamedThreads;
import atlantafx.base.theme.PrimerLight;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.FxUiExecutor;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.strongroom.ui.editor.StoreFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor dialogs driven like a user would, headless under Monocle, against a real embedded
 * store; service calls run on a background executor as in the console.
 */
@ExtendWith(ApplicationExtension.class)
class EditorDialogsFxTest {

    static StoreFixture fx;
    static ExecutorService background;
    Stage owner;
    RecordingMutations mutations;
    ScriptedDialogs dialogs;
    EditorContext ctx;

    @BeforeAll
    static void startStore() {
        fx = new StoreFixture();
        background = Executors.newFixedThreadPool(2, new NamedThreads("editor-fx-test"));
    }

    @AfterAll
    static void stopStore() {
        background.shutdownNow();
        fx.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        mutations = new RecordingMutations(SecretMutations.of(fx.secrets));
        dialogs = new ScriptedDialogs();
        ctx = new EditorContext(fx.secrets, fx.keys, mutations, new FxUiExecutor(background), dialogs, new SimpleBooleanProperty(false), Texts.load().in(EditorContext.MESSAGES));
    }

    private <D extends Dialog<?>> D open(FxRobot robot, java.util.function.Supplier<D> make) {
        @SuppressWarnings("unchecked")
        D[] holder = (D[]) new Dialog<?>[1];
        robot.interact(() -> {
            holder[0] = make.get();
            holder[0].initOwner(owner);
            holder[0].show();
            holder[0].setX(0);
            holder[0].setY(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return holder[0];
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void createRefusesAnInvalidNameInlineThenCreates(FxRobot robot) throws Exception {
        CreateSecretDialog dialog = open(robot, () -> new CreateSecretDialog(new CreateSecretViewModel(ctx, fx.scope)));
        assertTrue(dialog.getHeight() > 500, "the dialog opens at its full size, not squeezed: " + dialog.getHeight());
        Button create = robot.lookup("#dialog-primary").queryButton();
        assertTrue(create.isDisabled());

        robot.clickOn("#create-name").write("prod/payments key");
        Label problem = robot.lookup("#create-name-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("A space at position 14 is not allowed. Use letters, digits and / _ + = . @ -", problem.getText());
        assertTrue(create.isDisabled());

        String name = unique("prod/payments/typed");
        robot.interact(() -> robot.lookup("#create-name").queryAs(TextField.class).setText(name));
        assertFalse(problem.isVisible());
        robot.clickOn("#value-text-masked").write("fake-typed-value");
        assertFalse(create.isDisabled());
        robot.clickOn(create);
        waitUntil(() -> !dialog.isShowing());

        assertEquals(name, dialog.getResult().name());
        assertEquals("fake-typed-value", fx.currentText(name));
        assertEquals(1, mutations.applied().size());
    }

    @Test
    void malformedJsonIsMarkedAndNothingIsSent(FxRobot robot) throws Exception {
        CreateSecretDialog dialog = open(robot, () -> new CreateSecretDialog(new CreateSecretViewModel(ctx, fx.scope)));
        String name = unique("bad/json");
        robot.interact(() -> robot.lookup("#create-name").queryAs(TextField.class).setText(name));
        robot.clickOn("#kind-json");
        robot.clickOn("#value-json").write("{\"user\" \"app\"}");
        Label problem = robot.lookup("#value-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("Line 1, column 9: expected a colon after the key", problem.getText());
        assertTrue(robot.lookup("#dialog-primary").queryButton().isDisabled());

        robot.clickOn("#value-json-goto");
        assertEquals(8, robot.lookup("#value-json").queryAs(TextArea.class).getCaretPosition());

        robot.clickOn("#dialog-cancel");
        waitUntil(() -> !dialog.isShowing());
        assertTrue(mutations.applied().isEmpty());
        assertFalse(fx.exists(name));
    }

    @Test
    void newValueStartsFromTheCurrentValueOnRequest(FxRobot robot) throws Exception {
        String name = unique("prod/orders/db");
        SecretSummary s = fx.createDescribed(name, "{\"username\":\"orders\",\"password\":\"fake-1\"}");
        NewValueDialog dialog = open(robot, () -> new NewValueDialog(new NewValueViewModel(ctx, s)));
        assertEquals(0, fx.calls(s.arn(), "GetSecretValue"));

        robot.clickOn("#new-value-start");
        waitUntil(() -> dialog.viewModel().value().rows().size() == 2);
        robot.interact(() -> dialog.viewModel().value().rows().get(1).valueProperty().set("fake-2"));
        robot.clickOn("#dialog-primary");
        waitUntil(() -> !dialog.isShowing());

        assertNotNull(dialog.getResult().versionId());
        assertEquals("{\"username\":\"orders\",\"password\":\"fake-2\"}",
                fx.currentText(name));
    }

    @Test
    void forcedDeletionNeedsTheTypedName(FxRobot robot) throws Exception {
        String name = unique("prod/doomed");
        SecretSummary s = fx.createDescribed(name, "fake");
        DeleteSecretDialog dialog = open(robot, () -> new DeleteSecretDialog(new DeleteSecretViewModel(ctx, s)));
        Button delete = robot.lookup("#dialog-primary").queryButton();
        assertEquals("Schedule deletion", delete.getText());

        robot.clickOn("#delete-force");
        assertEquals("Delete permanently\u2026", delete.getText());
        dialogs.typed = name.substring(1);
        robot.clickOn(delete);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing());
        assertTrue(fx.exists(name));
        assertEquals(name, dialogs.typedExpectations.get(0));

        dialogs.typed = name;
        robot.clickOn(delete);
        waitUntil(() -> !dialog.isShowing());
        assertFalse(fx.exists(name));
    }

    @Test
    void scheduledDeletionThenRestoreFromTheList(FxRobot robot) throws Exception {
        String name = unique("prod/restorable");
        SecretSummary s = fx.createDescribed(name, "fake");
        DeleteSecretDialog dialog = open(robot, () -> new DeleteSecretDialog(new DeleteSecretViewModel(ctx, s)));
        robot.interact(() -> dialog.viewModel().recoveryDaysProperty().set(7));
        robot.clickOn("#dialog-primary");
        waitUntil(() -> !dialog.isShowing());
        assertNotNull(fx.secrets.describe(fx.scope, name).deletedDate());

        PlannedDeletionsViewModel planned = new PlannedDeletionsViewModel(ctx, java.util.List.of(fx.scope));
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.setScene(new Scene(new PlannedDeletionsView(planned), 860, 420));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            planned.load();
        });
        waitUntil(() -> planned.secrets().stream().anyMatch(p -> p.name().equals(name)));
        robot.interact(() -> {
            javafx.scene.control.TableView<?> table = robot.lookup("#planned-table").queryTableView();
            for (int i = 0; i < planned.secrets().size(); i++) {
                if (planned.secrets().get(i).name().equals(name)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        robot.clickOn("#planned-restore");
        waitUntil(() -> planned.secrets().stream().noneMatch(p -> p.name().equals(name)));
        assertEquals(null, fx.secrets.describe(fx.scope, name).deletedDate());
    }
}
