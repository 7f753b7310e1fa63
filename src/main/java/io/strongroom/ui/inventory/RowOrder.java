package io.strongroom.ui.inventory;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The table's sort order as a comparator that reads each column's value straight from the row.
 *
 * <p>A table's own comparator asks every sorted column for its cell value on every comparison,
 * and a cell value factory builds a new observable for each: merging a page of rows into 24,000
 * sorted ones costs thousands of those on the FX thread. This comparator orders rows exactly as
 * the table's does (same columns, same sort types, same value comparators, unsortable columns
 * skipped) without building anything per comparison.
 */
final class RowOrder {

    /** A column's value comparator as declared, and the row comparator built on it. */
    private record Declared(Comparator<?> values, Comparator<SecretRow> rows) {}

    private final Map<TableColumnBase<SecretRow, ?>, Declared> byColumn = new IdentityHashMap<>();

    /** Sorting by {@code column} compares {@code key} of each row with {@code order}, which becomes the column's comparator. */
    <T> void sortBy(TableColumn<SecretRow, T> column, Function<SecretRow, T> key, Comparator<T> order) {
        column.setComparator(order);
        byColumn.put(column, new Declared(order, Comparator.comparing(key, order)));
    }

    /**
     * The rows' order for the table's current sort order, or null when it has none. Falls back
     * to the table's own comparator when a sorted column was not declared with {@link #sortBy}
     * or has another comparator since.
     */
    Comparator<SecretRow> of(TableView<SecretRow> table) {
        Comparator<SecretRow> tableOrder = table.getComparator();
        if (tableOrder == null) {
            return null;
        }
        Comparator<SecretRow> order = null;
        for (TableColumn<SecretRow, ?> column : table.getSortOrder()) {
            if (column.getSortType() == null || !column.isSortable()) {
                continue;           // the table's comparator skips it too
            }
            Declared declared = byColumn.get(column);
            if (declared == null || declared.values() != column.getComparator()) {
                return tableOrder;
            }
            Comparator<SecretRow> byKey = declared.rows();
            Comparator<SecretRow> step = column.getSortType() == TableColumn.SortType.DESCENDING ? byKey.reversed() : byKey;
            order = order == null ? step : order.thenComparing(step);
        }
        return order == null ? tableOrder : order;
    }
}
