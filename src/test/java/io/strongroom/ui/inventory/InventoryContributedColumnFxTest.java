package io.strongroom.ui.inventory;

import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Texts;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A column another feature contributes shows in the table after the built-in ones, in the chooser, with its cells. */
@ExtendWith(ApplicationExtension.class)
class InventoryContributedColumnFxTest {

    ClientRegistry clients;
    InventoryView view;

    @Start
    void start(Stage stage) {
        clients = new ClientRegistry(ClientRegistry.Settings.defaults());
        view = show(stage, clients, List.of(InventoryColumnsTest.OWNER));
    }

    /** An inventory of three rows with {@code contributed} columns after the built-in ones, shown in {@code stage}. */
    static InventoryView show(Stage stage, ClientRegistry clients, List<? extends InventoryColumn<?>> contributed) {
        SecretsService unused = new SecretsService(clients, new FanOut(Runnable::run, 1, new RateLimiters(TimeSource.system())));
        Texts texts = Texts.load();
        InventoryViewModel vm = new InventoryViewModel(unused, new DirectUiExecutor(), new RecordingClipboard(), texts,
                Clock.systemUTC(), contributed);
        InventoryView view = new InventoryView(vm, new InventoryFileExport(new RecordingDialogs(), new DirectUiExecutor(), texts, Clock.systemUTC()),
                texts, new Formats(ZoneOffset.UTC), null);
        vm.addRows(InventoryScaleTest.rows(3));
        stage.setScene(new Scene(view, 1280, 600));
        stage.show();
        return view;
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void theContributedColumnIsLastWithItsIdTitleAndCells(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableColumn<SecretRow, ?>> columns = view.table().getColumns();
        TableColumn<SecretRow, ?> last = columns.get(columns.size() - 1);
        assertEquals("col-owner", last.getId());
        assertEquals("Owner", last.getText());
        assertEquals("col-deletionDate", columns.get(columns.size() - 2).getId(), "after the built-in columns");
        SecretRow first = view.table().getItems().get(0);
        assertEquals(first.tags().get("owner"), last.getCellData(0));
        assertTrue(robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .anyMatch(c -> c.getTableColumn() == last && first.tags().get("owner").equals(c.getText())), "its cells show the value");
        MenuButton chooser = robot.lookup(".menu-button").queryAllAs(MenuButton.class).stream()
                .filter(b -> b.getItems().stream().anyMatch(i -> "Owner".equals(i.getText()))).findFirst().orElse(null);
        assertTrue(chooser != null, "the column chooser offers it");
    }
}
