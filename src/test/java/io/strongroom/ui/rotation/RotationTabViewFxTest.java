package io.strongroom.ui.rotation;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.RotationService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rotation tab's view on the FX thread: it reads events and versions only once its tab is
 * selected (the detail pane builds every tab up front, and CloudTrail allows two lookups a second),
 * and in read-only mode every command control is disabled while the state is still shown.
 */
class RotationTabViewFxTest {

    static ServiceStack stack;
    static Scope scope;
    static RotationService rotations;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, "us-east-1");
        rotations = stack.rotations(2);
        Snapshots.startFx();
        Snapshots.theme(false);             // the theme defines the colour tokens the stylesheets use
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private SecretSummary newSecret() {
        String name = "app/rotation-view-" + UUID.randomUUID().toString().substring(0, 8);
        return stack.secrets().describe(scope, stack.store().secrets().createSecret(b -> b.name(name).secretString("v")).arn());
    }

    private RotationTabViewModel viewModel(SimpleObjectProperty<SecretSummary> shown, boolean readOnly) {
        DirectUiExecutor executor = new DirectUiExecutor();
        return new RotationTabViewModel(shown, new SimpleBooleanProperty(readOnly), stack.secrets(), rotations,
                SecretMutations.of(new Writers(stack.secrets(), null, rotations)), executor, new RecordingDialogs(),
                Texts.load().in(RotationTab.BUNDLE), stack.store().clock(), () -> { });
    }

    @Test
    void eventsAndVersionsAreReadOnlyOnceTheTabIsSelected() throws Exception {
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
        RotationTabViewModel vm = viewModel(shown, false);
        TabPane tabs = Snapshots.onFx(() -> {
            TabPane t = new TabPane(new Tab("Overview", new Label("overview")),
                    new Tab("Rotation", new RotationTabView(vm, Texts.load().in(RotationTab.BUNDLE), ZoneOffset.UTC, stack.store().clock())));
            new Scene(t, 860, 700);
            t.applyCss();
            t.layout();
            shown.set(newSecret());
            return t;
        });
        Snapshots.settle();
        assertTrue(Snapshots.onFx(() -> vm.history().entries().isEmpty()), "not read while another tab is shown");
        assertEquals(io.strongroom.domain.RotationState.Status.NOT_CONFIGURED,
                Snapshots.onFx(() -> vm.header().stateProperty().get().status()), "the state comes from the secret alone");

        Snapshots.onFx(() -> {
            tabs.getSelectionModel().select(1);
            tabs.layout();
            return null;
        });
        Snapshots.settle();
        assertEquals(1, (int) Snapshots.onFx(() -> vm.history().entries().size()), "read once shown");

        Snapshots.onFx(() -> {
            tabs.getSelectionModel().select(0);
            shown.set(newSecret());
            return null;
        });
        Snapshots.settle();
        assertTrue(Snapshots.onFx(() -> vm.history().entries().isEmpty()), "another secret, hidden again: nothing read");
    }

    @Test
    void readOnlyModeDisablesEveryCommand() throws Exception {
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
        RotationTabViewModel vm = viewModel(shown, true);
        RotationTabView view = Snapshots.onFx(() -> {
            RotationTabView v = new RotationTabView(vm, Texts.load().in(RotationTab.BUNDLE), ZoneOffset.UTC, stack.store().clock());
            new Scene(v, 860, 1400);
            v.applyCss();
            v.layout();
            shown.set(newSecret());
            return v;
        });
        Snapshots.settle();
        Snapshots.onFx(() -> {
            for (String id : new String[] {"#rotation-rotate-now", "#rotation-save", "#rotation-turn-off"}) {
                Button b = (Button) view.lookup(id);
                assertTrue(b.isDisabled(), id);
            }
            Node function = view.lookup("#rotation-function");
            assertTrue(function.isDisabled(), "the configuration is disabled");
            assertTrue(view.lookup("#configure-read-only").isVisible(), "and says why");
            assertFalse(((Label) view.lookup("#rotation-status")).getText().isEmpty(), "the state is shown");
            return null;
        });
    }
}
