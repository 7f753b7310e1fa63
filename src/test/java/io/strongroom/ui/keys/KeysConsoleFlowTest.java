package io.strongroom.ui.keys;

import io.strongroom.app.AppContext;
import io.strongroom.app.Composition;
import io.strongroom.app.FirstRun;
import io.strongroom.testing.Estate;
import io.strongroom.testing.FxThread;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.shell.ShellViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole console, headless under Monocle, over an embedded store seeded with {@link Estate}
 * (three accounts × two regions, a customer key in each): the Keys section lists every scope's keys.
 */
@ExtendWith(ApplicationExtension.class)
class KeysConsoleFlowTest {

    static RunningStore store;
    static Composition composition;
    static Path configDir;
    static AppContext context;

    @BeforeAll
    static void seed() throws Exception {
        store = new RunningStore();
        Estate.seed(store, List.of("us-east-1", "eu-west-1"), false);
        composition = new Composition(store.store());
        configDir = Files.createTempDirectory("strongroom-keys-flow-");
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        composition.close();
        store.close();
        try (var files = Files.walk(configDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        context = new AppContext(composition, new AppContext.Options(false, store.dataDir(), configDir, false), FirstRun.NONE,
                new FxUiExecutor(composition.uiBackground()), new RecordingDialogs(), new RecordingClipboard(), Texts.load(),
                Clock.systemDefaultZone());
        stage.setScene(new Scene(context.createView(), 1280, 800));
        stage.show();
        context.shell().start();
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return FxThread.call(work);
    }

    static void waitFor(Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!done.call()) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(50);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeysSectionListsEveryScopesKeysAndShowsTheSelectedOne(FxRobot robot) throws Exception {
        waitFor(() -> onFx(() -> context.shell().startupProperty().get() == ShellViewModel.Startup.READY));
        robot.clickOn("#nav-" + KeysFeature.SECTION.id());
        TableView<KeyRow> table = robot.lookup("#keys-table").queryAs(TableView.class);
        waitFor(() -> onFx(() -> table.getItems().size() >= 6));
        List<KeyRow> rows = onFx(() -> List.copyOf(table.getItems()));

        List<KeyRow> customer = rows.stream().filter(r -> !r.key().isAwsManaged()).toList();
        assertEquals(6, customer.size(), "a customer key in each account and region");
        assertEquals(Set.of("security-audit", "payments-prod", "analytics-dev"),
                customer.stream().map(r -> r.key().scope().accountAlias()).collect(Collectors.toSet()));
        assertEquals(Set.of("us-east-1", "eu-west-1"), customer.stream().map(r -> r.key().scope().region()).collect(Collectors.toSet()));
        assertTrue(customer.stream().allMatch(r -> r.secretsUsing() > 0 && r.key().description().endsWith(" secrets key")));

        KeyRow first = customer.get(0);
        robot.clickOn(robot.lookup(".table-row-cell").match((javafx.scene.control.TableRow<KeyRow> r) -> first.equals(r.getItem()))
                .<javafx.scene.Node>query());
        waitFor(() -> onFx(() -> first.equals(table.getSelectionModel().getSelectedItem())));
        Label name = robot.lookup("#key-detail-name").queryAs(Label.class);
        assertEquals(first.key().displayName(), onFx(name::getText));
        assertEquals(first.key().scope().label(), onFx(() -> robot.lookup("#key-detail-scope").queryAs(Label.class).getText()));
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.getId() != null && n.getId().equals(KeyDetailView.TAB_SECRETS))
                .<javafx.scene.Node>query());
        var secrets = robot.lookup("#key-secrets").queryListView();
        waitFor(() -> onFx(() -> secrets.isVisible() && secrets.getItems().size() == first.secretsUsing()));
    }
}
