package io.strongroom.ui.secret;

import static org.junit.jupiter.api.Assertions.assertNull;
import javafx.scene.control.Label;
import io.strongroom.ui.common.DetailTab;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import io.strongroom.local.NamedThreads;
import atlantafx.base.theme.PrimerLight;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.editor.RecordingClipboard;
import io.strongroom.ui.editor.RecordingMutations;
import io.strongroom.ui.editor.ScriptedDialogs;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.editor.StoreFixture;
import io.strongroom.ui.secret.ValueViewModel.ValueState;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane driven through its controls, headless, with service calls off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class SecretDetailViewFxTest {

    static StoreFixture fx;
    static ExecutorService background;
    SecretDetailViewModel vm;
    RecordingClipboard clipboard;
    ScriptedDialogs dialogs;
    RecordingMutations mutations;

    @BeforeAll
    static void startStore() {
        fx = new StoreFixture();
        background = Executors.newFixedThreadPool(2, new NamedThreads("detail-fx-test"));
    }

    @AfterAll
    static void stopStore() {
        background.shutdownNow();
        fx.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        clipboard = new RecordingClipboard();
        dialogs = new ScriptedDialogs();
        mutations = new RecordingMutations(SecretMutations.of(fx.secrets));
        FxUiExecutor executor = new FxUiExecutor(background);
        vm = new SecretDetailViewModel(fx.secrets, mutations, executor, dialogs, clipboard, Texts.load());
        SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
        readOnly.bind(vm.readOnlyProperty());
        SecretDialogs editors = new SecretDialogs(new EditorContext(fx.secrets, fx.keys, mutations, executor, dialogs, readOnly, Texts.load().in(EditorContext.MESSAGES)));
        stage.setScene(new Scene(new SecretDetailView(vm, editors), 780, 760));
        // the primary stage is shared across test classes: size it to this scene, not to an earlier one
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SecretSummary select(FxRobot robot, String name) throws Exception {
        SecretSummary s = fx.secrets.describe(fx.scope, name);
        robot.interact(() -> vm.secretProperty().set(s));
        waitUntil(() -> !vm.versionsPart().versions().isEmpty() && !vm.busyProperty().get());
        return s;
    }

    /** Clicks the header of the detail's tab {@code id}, as a user would. */
    private static void openTab(FxRobot robot, String id) {
        robot.clickOn("#" + SecretDetailView.TAB_ID_PREFIX + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCardsAreBuiltWhenTheFirstSecretShowsNotWithTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> vm.secretProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> vm.summaryProperty().get() == null);
        // a fresh pane (the one on the stage may have shown a secret in an earlier test)
        SecretDetailView[] pane = new SecretDetailView[1];
        robot.interact(() -> pane[0] = new SecretDetailView(vm, null));
        assertTrue(pane[0].lookup("#detail-edit") == null, "no header before a secret is shown");
        assertEquals(1, ((javafx.scene.Parent) pane[0].getCenter()).getChildrenUnmodifiable().size(), "only the placeholder before a secret is shown");

        String name = unique("prod/lazy");
        fx.createText(name, "fake-lazy");
        SecretSummary s = fx.secrets.describe(fx.scope, name);
        robot.interact(() -> vm.secretProperty().set(s));
        waitUntil(() -> !vm.versionsPart().versions().isEmpty() && !vm.busyProperty().get());
        assertTrue(pane[0].lookup("#detail-edit") != null, "the header once a secret shows");
        assertEquals(2, ((javafx.scene.Parent) pane[0].getCenter()).getChildrenUnmodifiable().size(), "and the cards beside the placeholder");
    }

    @Test
    void revealShowsTheGridCopyPutsOneKeyAndHideMasksAgain(FxRobot robot) throws Exception {
        String name = unique("prod/db");
        VersionWritten w = fx.createText(name, "{\"username\":\"app\",\"password\":\"fake-pw-0000\"}");
        select(robot, name);
        openTab(robot, "value");
        assertTrue(robot.lookup("#value-masked").query().isVisible());
        assertEquals(0, fx.calls(w.arn(), "GetSecretValue"));

        robot.clickOn("#value-reveal");
        waitUntil(() -> vm.value().valueStateProperty().get() == ValueState.REVEALED);
        TableView<?> grid = robot.lookup("#value-json-grid").queryTableView();
        assertTrue(grid.isVisible());
        assertEquals(2, grid.getItems().size());
        assertFalse(robot.lookup("#value-masked").query().isVisible());

        robot.clickOn("#copy-key-password");
        assertEquals(new RecordingClipboard.Put("fake-pw-0000", true, 30), clipboard.last());

        robot.clickOn("#value-hide");
        assertTrue(robot.lookup("#value-masked").query().isVisible());
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertTrue(vm.value().jsonEntries().isEmpty());
    }

    @Test
    void readOnlyModeDisablesEveryChangingControl(FxRobot robot) throws Exception {
        String name = unique("prod/audited");
        fx.createText(name, "fake-1");
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-2"), SecretsService.newRequestToken());
        select(robot, name);
        robot.interact(() -> vm.versionsPart().selectedVersionProperty().set(vm.versionsPart().versions().get(1)));
        List<String> changing = List.of("#detail-new-value", "#detail-edit", "#detail-delete", "#tags-add", "#versions-rollback");
        for (String id : changing) {
            assertFalse(robot.lookup(id).query().isDisabled(), id);
        }
        Node badge = robot.lookup("#detail-read-only").query();
        assertFalse(badge.isVisible());

        robot.interact(() -> vm.readOnlyProperty().set(true));
        for (String id : changing) {
            assertTrue(robot.lookup(id).query().isDisabled(), id + " must be disabled in read-only mode");
        }
        assertTrue(badge.isVisible());
        assertFalse(robot.lookup("#value-reveal").query().isDisabled(), "reading stays possible");
        assertTrue(mutations.applied().isEmpty());
    }

    @Test
    void rollbackFromTheVersionsTableAfterConfirmation(FxRobot robot) throws Exception {
        String name = unique("prod/rollback");
        VersionWritten v1 = fx.createText(name, "fake-good");
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-bad"), SecretsService.newRequestToken());
        select(robot, name);
        openTab(robot, "versions");
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#versions-table").queryTableView();
            table.getSelectionModel().select(1);
        });
        assertEquals(v1.versionId(), vm.versionsPart().selectedVersionProperty().get().versionId());
        Button rollback = robot.lookup("#versions-rollback").queryButton();
        assertFalse(rollback.isDisabled());

        dialogs.confirmAnswer = true;
        robot.clickOn(rollback);
        waitUntil(() -> v1.versionId().equals(vm.summaryProperty().get().currentVersionId()));
        assertEquals(1, dialogs.confirmations.size());
        assertEquals("fake-good", fx.secrets.getValue(fx.scope, name, VersionSelector.current()).payload().text());
    }

    @Test
    void addATagThroughTheInlineEditor(FxRobot robot) throws Exception {
        String name = unique("prod/tagged");
        fx.createText(name, "fake");
        select(robot, name);
        robot.clickOn("#tags-add");
        robot.clickOn("#tag-key").write("aws:nope");
        assertTrue(robot.lookup("#tag-save").query().isDisabled());
        robot.interact(() -> vm.tagsPart().tagKeyProperty().set("cost-center"));
        robot.clickOn("#tag-value").write("cc-1042");
        robot.clickOn("#tag-save");
        waitUntil(() -> vm.tagsPart().tags().contains(new TagRow("cost-center", "cc-1042")));
        assertEquals("cc-1042", fx.secrets.describe(fx.scope, name).tags().get("cost-center"));
    }

    @Test
    void theDetailsOwnTabsComeFirstThenTheContributedOnesWhichSeeTheSecretShown(FxRobot robot) throws Exception {
        String name = unique("prod/tabs");
        fx.createText(name, "fake-tabs");
        SecretSummary s = select(robot, name);
        ObjectProperty<SecretSummary> seen = new SimpleObjectProperty<>();
        DetailTab.Factory policy = host -> new DetailTab() {
            @Override
            public String id() {
                return "policy";
            }

            @Override
            public String title() {
                return "Policy";
            }

            @Override
            public Node content() {
                seen.bind(host.secretProperty());
                return new Label("policy of the secret");
            }
        };
        SecretDetailView[] pane = new SecretDetailView[1];
        robot.interact(() -> pane[0] = new SecretDetailView(vm, null, List.of(policy)));
        TabPane tabs = (TabPane) pane[0].lookup("#" + SecretDetailView.TABS_ID);
        assertEquals(List.of("detail-tab-overview", "detail-tab-value", "detail-tab-versions", "detail-tab-policy"),
                tabs.getTabs().stream().map(Tab::getId).toList());
        assertEquals(List.of("Overview", "Value", "Versions", "Policy"), tabs.getTabs().stream().map(Tab::getText).toList());
        assertEquals(s.arn(), seen.get().arn(), "a contributed tab sees the secret the detail shows");
        robot.interact(() -> vm.secretProperty().set(null));
        assertNull(seen.get(), "and nothing once none is");
    }

    @Test
    void viewingAVersionFromTheVersionsTabBringsTheValueTabToTheFront(FxRobot robot) throws Exception {
        String name = unique("prod/viewed");
        VersionWritten v1 = fx.createText(name, "fake-old");
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-new"), SecretsService.newRequestToken());
        select(robot, name);
        openTab(robot, "versions");
        TabPane tabs = robot.lookup("#" + SecretDetailView.TABS_ID).queryAs(TabPane.class);
        TableView<?> table = robot.lookup("#versions-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(1));
        assertEquals(v1.versionId(), vm.versionsPart().selectedVersionProperty().get().versionId());
        robot.clickOn("#versions-view");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("detail-tab-value", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals(v1.versionId(), vm.value().viewedVersionProperty().get().versionId());
        assertTrue(robot.lookup("#value-masked").query().isVisible(), "the earlier version, still masked");
    }
}
