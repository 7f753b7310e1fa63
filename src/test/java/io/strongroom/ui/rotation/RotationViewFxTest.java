package io.strongroom.ui.rotation;

import io.strongroom.domain.Scope;
import io.strongroom.service.RotationService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rotation view on the FX thread under headless Monocle, over the embedded store: it loads
 * when shown, the quick filters and their counts, the table's selection surviving a refresh,
 * Enter opening the secret beside the table, and Rotate selected… following read-only mode.
 */
class RotationViewFxTest {

    static ServiceStack stack;
    static RotationService rotations;
    static Scope scope;
    static ExecutorService background;

    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    RotationViewModel vm;
    RotationView view;
    Label detail;

    @BeforeAll
    static void estate() throws Exception {
        stack = ServiceStack.start(2);
        rotations = stack.rotations(2);
        scope = stack.scope(0, "us-east-1");
        background = Executors.newFixedThreadPool(2);
        SecretsManagerClient sm = stack.store().secrets();
        String fn = "arn:aws:lambda:us-east-1:" + scope.accountId() + ":function:";
        sm.createSecret(b -> b.name("fx/plain").secretString("v"));
        sm.createSecret(b -> b.name("fx/rotating").secretString("v"));
        sm.rotateSecret(b -> b.secretId("fx/rotating").rotationLambdaARN(fn + "strongroom-random-value"));
        sm.createSecret(b -> b.name("fx/stuck").secretString(RotationViewModelTest.CLOSED_PORT));
        sm.rotateSecret(b -> b.secretId("fx/stuck").rotationLambdaARN(fn + "strongroom-postgres-single-user"));
        assertTrue(stack.store().store().rotations().awaitIdle(Duration.ofSeconds(20)));
        Snapshots.startFx();
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
        stack.close();
    }

    @BeforeEach
    void show() throws Exception {
        vm = new RotationViewModel(stack.secrets(), rotations, SecretMutations.of(new Writers(stack.secrets(), null, rotations)),
                new FxUiExecutor(background), stack.store().clock(), () -> List.of(scope), readOnly);
        view = Snapshots.onFx(() -> {
            detail = new Label("detail");
            RotationView v = new RotationView(vm, Texts.load().in(RotationFeature.BUNDLE), new Formats(ZoneOffset.UTC), detail);
            new Scene(new StackPane(v), 1400, 600);
            return v;
        });
        waitFor(() -> vm.loadedAtProperty().get() != null && !vm.loadingProperty().get());
    }

    static void waitFor(Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Snapshots.onFx(done)) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(50);
        }
    }

    private <T extends Node> T find(String selector, Class<T> type) throws Exception {
        return Snapshots.onFx(() -> type.cast(view.lookup(selector)));
    }

    @Test
    void shownItLoadsStuckFirstAndAQuickFilterNarrowsTheTable() throws Exception {
        assertEquals(List.of("fx/stuck", "fx/plain", "fx/rotating"),
                Snapshots.onFx(() -> view.table().getItems().stream().map(RotationRow::name).toList()));
        ToggleButton stuck = find("#rotation-filter-STUCK", ToggleButton.class);
        assertEquals("1", Snapshots.onFx(() -> ((Label) stuck.getGraphic()).getText()));
        Snapshots.onFx(() -> {
            stuck.fire();
            return null;
        });
        assertEquals(RotationFilter.STUCK, vm.filterProperty().get());
        assertEquals(List.of("fx/stuck"), Snapshots.onFx(() -> view.table().getItems().stream().map(RotationRow::name).toList()));
        Snapshots.onFx(() -> {
            stuck.fire();           // clicking the filter that is on leaves it on
            return null;
        });
        assertTrue(Snapshots.onFx(stuck::isSelected));
        assertEquals(RotationFilter.STUCK, vm.filterProperty().get());
    }

    @Test
    void theSelectionSurvivesARefreshAndRotateSelectedFollowsReadOnlyMode() throws Exception {
        Button rotate = find("#" + RotationView.ROTATE_ID, Button.class);
        assertTrue(Snapshots.onFx(rotate::isDisabled), "nothing selected");
        Snapshots.onFx(() -> {
            view.table().getSelectionModel().select(0);
            view.table().getSelectionModel().select(2);
            return null;
        });
        assertEquals(2, vm.selection().size());
        assertFalse(Snapshots.onFx(rotate::isDisabled));
        Snapshots.onFx(vm::refresh);
        waitFor(() -> !vm.loadingProperty().get());
        Snapshots.settle();
        assertEquals(List.of("fx/stuck", "fx/rotating"),
                Snapshots.onFx(() -> view.table().getSelectionModel().getSelectedItems().stream().map(RotationRow::name).toList()));
        readOnly.set(true);
        assertTrue(Snapshots.onFx(rotate::isDisabled));
        readOnly.set(false);
    }

    @Test
    void enterOpensTheFocusedSecretBesideTheTableAndCloseHidesIt() throws Exception {
        SplitPane split = Snapshots.onFx(() -> (SplitPane) view.getCenter());
        assertEquals(1, Snapshots.onFx(() -> split.getItems().size()));
        Snapshots.onFx(() -> {
            view.table().getSelectionModel().select(1);
            view.table().getFocusModel().focus(1);
            Event.fireEvent(view.table(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return null;
        });
        assertEquals("fx/plain", vm.openedSecretProperty().get().name());
        assertEquals(2, Snapshots.onFx(() -> split.getItems().size()));
        assertTrue(Snapshots.onFx(() -> {
            view.applyCss();
            view.layout();
            return detail.getScene() != null;
        }), "the split pane shows the detail once laid out");
        Button close = find("#rotation-detail-close", Button.class);
        Snapshots.onFx(() -> {
            close.fire();
            return null;
        });
        assertEquals(1, Snapshots.onFx(() -> split.getItems().size()));
        assertEquals(null, vm.openedSecretProperty().get());
    }

    @Test
    void theBulkDialogRotatesOnItsPrimaryButtonAndItsCloseButtonCancelsStopsThenCloses() throws Exception {
        BulkRotateViewModel bulk = Snapshots.onFx(() -> {
            vm.select(view.table().getItems().stream().filter(r -> !r.name().equals("fx/stuck")).toList());
            return vm.rotateSelected();
        });
        BulkRotateDialog dialog = Snapshots.onFx(() -> new BulkRotateDialog(bulk, Texts.load().in(RotationFeature.BUNDLE)));
        Button confirm = Snapshots.onFx(dialog::confirmButton);
        Button close = Snapshots.onFx(dialog::closeButton);
        assertEquals("Cancel", Snapshots.onFx(close::getText));
        assertEquals("Rotate 1 secret", Snapshots.onFx(confirm::getText), "the one without a function is skipped");
        Snapshots.onFx(() -> {
            confirm.fire();
            return null;
        });
        waitFor(() -> bulk.phaseProperty().get() == BulkRotateViewModel.Phase.DONE);
        assertEquals("Close", Snapshots.onFx(close::getText));
        assertFalse(Snapshots.onFx(confirm::isVisible));
        assertEquals(List.of(BulkRotateItem.State.SKIPPED, BulkRotateItem.State.SUCCEEDED),
                bulk.items().stream().map(BulkRotateItem::state).toList());
    }
}
