package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;
import io.strongroom.service.ClientRegistry;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A contributed column's cells get everything the built-in ones use: empty text, semantic state,
 * tooltip on hover and a mark; an unsortable column cannot be sorted.
 */
@ExtendWith(ApplicationExtension.class)
class InventoryContributedCellFxTest {

    /** "prod" for the production secrets (warned of, marked, explained on hover); a dash for the others. */
    static final InventoryColumn<String> PRODUCTION = new InventoryColumnsTest.TextColumn("production", "Production",
            secret -> "prod".equals(secret.tags().get("env")) ? "prod" : null) {
        @Override
        public String text(String value, SecretSummary secret, Words words) {
            return value.toUpperCase();
        }

        @Override
        public String emptyText(Words words) {
            return "-";
        }

        @Override
        public String state(String value, SecretSummary secret) {
            return value == null ? null : Styles.CELL_WARNING;
        }

        @Override
        public String tooltip(String value, SecretSummary secret, Words words) {
            return value == null ? null : "Production: " + secret.name();
        }

        @Override
        public Mark mark(String value, SecretSummary secret) {
            return value == null ? null : new Mark(Icons.DELETION, Styles.DANGER);
        }
    };

    ClientRegistry clients;
    InventoryView view;

    @Start
    void start(Stage stage) {
        clients = new ClientRegistry(ClientRegistry.Settings.defaults());
        view = InventoryContributedColumnFxTest.show(stage, clients, List.of(PRODUCTION));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void itsCellsShowTextStateTooltipAndMarkAsTheColumnSays(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableColumn<SecretRow, ?>> columns = view.table().getColumns();
        TableColumn<SecretRow, ?> production = columns.get(columns.size() - 1);
        assertFalse(production.isSortable(), "no comparator: not sortable");
        List<TableCell<?, ?>> cells = WaitForAsyncUtils.asyncFx(() -> {
            List<TableCell<?, ?>> found = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                    .filter(c -> c.getTableColumn() == production && c.getIndex() >= 0 && c.getIndex() < view.table().getItems().size())
                    .sorted(Comparator.comparingInt(TableCell::getIndex)).toList();
            found.forEach(c -> c.fireEvent(new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, null, 0,
                    false, false, false, false, false, false, false, false, false, false, null)));
            return found;
        }).get();
        assertEquals(3, cells.size());
        PseudoClass warning = PseudoClass.getPseudoClass(Styles.CELL_WARNING);
        for (TableCell<?, ?> cell : cells) {
            SecretRow row = view.table().getItems().get(cell.getIndex());
            if ("prod".equals(row.tags().get("env"))) {
                assertEquals("PROD", cell.getText());
                assertTrue(cell.getPseudoClassStates().contains(warning), "warned of");
                assertEquals("Production: " + row.name(), cell.getTooltip().getText());
                assertNotNull(cell.getGraphic(), "marked");
                assertTrue(cell.getGraphic().getStyleClass().contains(Styles.DANGER));
            } else {
                assertEquals("-", cell.getText());
                assertFalse(cell.getPseudoClassStates().contains(warning));
                assertNull(cell.getTooltip());
                assertNull(cell.getGraphic());
            }
        }
        assertTrue(cells.stream().anyMatch(c -> "PROD".equals(c.getText())) && cells.stream().anyMatch(c -> "-".equals(c.getText())),
                "both kinds of rows are shown");
    }
}
