package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.testing.FxThread;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Audit view in a window, headless under Monocle, over {@link AuditEstate}: it looks the events
 * up when shown, clicking a row shows the event's CloudTrail record beside the table, and clicking
 * a cell of who-read-what shows exactly its events with a chip that clears the drill-down.
 */
@ExtendWith(ApplicationExtension.class)
class AuditViewFxTest {

    static AuditEstate estate;
    static ExecutorService background;

    AuditViewModel vm;
    AuditView view;

    @BeforeAll
    static void estate() {
        estate = AuditEstate.start();
        background = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
        estate.close();
    }

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Texts texts = Texts.load(Locale.ROOT).in(AuditFeature.BUNDLE);
        vm = new AuditViewModel(estate.audit, new FxUiExecutor(background), new RecordingDialogs(), texts,
                java.time.Clock.offset(estate.stack.store().clock(), Duration.ofMinutes(5)), () -> List.of(estate.scope));
        vm.form().lookFor(AuditQuery.Attribute.EVENT_SOURCE, "secretsmanager.amazonaws.com");
        view = new AuditView(vm, texts, new Label("timeline"), new Label("anomalies"));
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    static <T> T onFx(Callable<T> work) {
        try {
            return FxThread.call(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(Callable<Boolean> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!onFx(done)) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(50);
        }
    }

    /** Whether {@code node} and every parent of it are visible. */
    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    TableView<AuditRecord> table(FxRobot robot) {
        return robot.lookup("#" + AuditEventsPane.TABLE_ID).queryAs(TableView.class);
    }

    @Test
    void shownItLooksTheEventsUpAndClickingARowShowsItsCloudTrailRecord(FxRobot robot) throws Exception {
        waitFor(() -> vm.loadedAtProperty().get() != null);
        TableView<AuditRecord> table = table(robot);
        assertEquals(AuditEstate.EVENTS, onFx(() -> table.getItems().size()));
        assertEquals("21 events from 1 scope", onFx(() -> robot.lookup("#" + AuditRunStatus.SUMMARY_ID).queryAs(Label.class)
                .getText()).split(" \u00b7 ")[0]);

        robot.clickOn("#audit-filter-ACCESS_DENIED");
        waitFor(() -> table.getItems().size() == 2);
        // the rendered row of a refused read (cells follow the items a pulse later)
        java.util.function.Predicate<TableRow<AuditRecord>> refusedRow = r -> r.getItem() != null && r.getItem().accessDenied()
                && showing(r);
        waitFor(() -> robot.lookup(".table-row-cell").match(refusedRow).tryQuery().isPresent());
        Node row = robot.lookup(".table-row-cell").match(refusedRow).query();
        robot.clickOn(row);
        waitFor(() -> vm.selectedProperty().get() != null);

        AuditRecord selected = onFx(() -> vm.selectedProperty().get());
        assertTrue(selected.accessDenied());
        String json = onFx(() -> robot.lookup("#" + AuditDetailPane.JSON_ID).queryAs(org.fxmisc.richtext.CodeArea.class).getText());
        assertTrue(json.contains("\"errorCode\": \"AccessDeniedException\""), json);
        assertTrue(json.contains("\"eventID\": \"" + selected.eventId() + "\""), json);
        assertTrue(onFx(() -> robot.lookup(".sr-audit-detail-title").queryAs(Label.class).getText()).startsWith("GetSecretValue \u00b7 "));
    }

    @Test
    void clickingACellOfWhoReadWhatShowsItsEventsUntilTheChipIsCleared(FxRobot robot) throws Exception {
        waitFor(() -> vm.loadedAtProperty().get() != null);
        robot.clickOn("Who read what");
        // principals by reads: the role's session (6), the reader (5), the admin (1); secrets: the Stripe key first
        Node cell = robot.lookup("#audit-cell-1-0").query();
        robot.clickOn(cell);

        TableView<AuditRecord> table = table(robot);
        waitFor(() -> table.getItems().size() == 2);
        assertTrue(onFx(() -> table.getItems().stream().allMatch(r -> r.accessDenied() && r.principal().equals(estate.readerArn))));
        assertTrue(onFx(table::isVisible), "the Events tab is shown");
        String chip = onFx(() -> robot.lookup("#" + AuditEventsPane.DRILL_ID).queryAs(Label.class).getText());
        assertTrue(onFx(() -> showing(robot.lookup("#" + AuditEventsPane.DRILL_ID).query())));
        assertEquals("Showing 2 of 21 events for " + AuditText.shortPrincipal(estate.readerArn) + " \u2192 " + AuditEstate.STRIPE, chip);

        robot.clickOn("#audit-drill-clear");
        waitFor(() -> table.getItems().size() == AuditEstate.EVENTS);
        assertFalse(onFx(() -> showing(robot.lookup("#" + AuditEventsPane.DRILL_ID).query())), "the chip is gone");
    }
}
