package io.strongroom.ui.inventory;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static io.strongroom.ui.editor.Snapshots.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The rows' comparator against the table's own, on the same rows and sort orders. */
class RowOrderTest {

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by another test
        }
    }

    private static <T> TableColumn<SecretRow, T> column(Function<SecretRow, T> value) {
        TableColumn<SecretRow, T> c = new TableColumn<>();
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** A column of text declared to {@code order} as the inventory declares its text columns. */
    private static TableColumn<SecretRow, String> textColumn(RowOrder order, Function<SecretRow, String> value) {
        TableColumn<SecretRow, String> c = column(value);
        order.sortBy(c, value, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        return c;
    }

    /** A table of {@code columns} that leaves sorting to its items' owner, as the inventory's does. */
    private static TableView<SecretRow> table(List<TableColumn<SecretRow, ?>> columns) {
        TableView<SecretRow> table = new TableView<>();
        table.getColumns().addAll(columns);
        table.setSortPolicy(t -> true);
        return table;
    }

    /** Names differing in case, equal names in several regions, missing dates. */
    private static List<SecretRow> rows() {
        List<SecretRow> all = new ArrayList<>(InventoryScaleTest.rows().subList(0, 300));
        all.sort(Comparator.comparing(SecretRow::arn).reversed());
        return all;
    }

    private static List<SecretRow> sorted(List<SecretRow> rows, Comparator<SecretRow> order) {
        List<SecretRow> copy = new ArrayList<>(rows);
        copy.sort(order);
        return copy;
    }

    @Test
    void ordersRowsExactlyAsTheTableWouldInEverySortOrder() throws Exception {
        onFx(() -> {
            RowOrder order = new RowOrder();
            TableColumn<SecretRow, String> name = textColumn(order, SecretRow::name);
            TableColumn<SecretRow, String> region = textColumn(order, SecretRow::region);
            TableColumn<SecretRow, Instant> accessed = column(SecretRow::lastAccessed);
            TableColumn<SecretRow, Boolean> rotation = column(SecretRow::rotationEnabled);
            order.sortBy(accessed, SecretRow::lastAccessed, Comparator.nullsFirst(Comparator.naturalOrder()));
            order.sortBy(rotation, SecretRow::rotationEnabled, Comparator.nullsFirst(Comparator.naturalOrder()));
            TableView<SecretRow> table = table(List.of(name, region, accessed, rotation));
            List<SecretRow> rows = rows();

            List<List<TableColumn<SecretRow, ?>>> orders = List.of(List.of(name), List.of(region, name), List.of(accessed, name),
                    List.of(rotation, region, accessed, name));
            for (List<TableColumn<SecretRow, ?>> sortOrder : orders) {
                for (TableColumn.SortType type : TableColumn.SortType.values()) {
                    sortOrder.get(0).setSortType(type);
                    table.getSortOrder().setAll(sortOrder);
                    assertEquals(sorted(rows, table.getComparator()), sorted(rows, order.of(table)),
                            "sorted by " + sortOrder.size() + " columns, first " + type);
                }
            }
            region.setSortable(false);
            table.getSortOrder().setAll(List.of(region, name));
            assertEquals(sorted(rows, table.getComparator()), sorted(rows, order.of(table)), "an unsortable column is skipped");

            table.getSortOrder().clear();
            assertNull(order.of(table));
            return null;
        });
    }

    @Test
    void fallsBackToTheTablesComparatorForAColumnItDoesNotKnow() throws Exception {
        onFx(() -> {
            RowOrder order = new RowOrder();
            TableColumn<SecretRow, String> name = textColumn(order, SecretRow::name);
            TableColumn<SecretRow, String> tags = column(SecretRow::tagsText);
            TableView<SecretRow> table = table(List.of(name, tags));

            table.getSortOrder().setAll(List.of(name, tags));
            assertSame(table.getComparator(), order.of(table));

            name.setComparator(Comparator.reverseOrder());      // changed since it was declared
            table.getSortOrder().setAll(List.of(name));
            assertSame(table.getComparator(), order.of(table));
            return null;
        });
    }
}
