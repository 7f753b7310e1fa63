package io.strongroom.ui.common;

import io.strongroom.domain.SecretSummary;

import java.util.Comparator;
import java.util.List;

/**
 * A column of the inventory table. The inventory's own columns (name, account, region… in
 * {@code ui.inventory.InventoryBuiltInColumns}) are defined with it, and so is a column a feature
 * contributes (rotation: "next rotation"; replication: "replicas"): the inventory shows them in the
 * order they are contributed, its own first, offers each in the column chooser and keeps whether
 * it shows in the settings by its {@link #id()}.
 *
 * <p>A cell shows {@link #text} (or {@link #emptyText} for a null value), with an optional
 * semantic {@link #state}, {@link #tooltip} and {@link #mark}. Everything here is read on the UI
 * thread, once per shown cell, so it should be cheap (a field of the summary). It returns data
 * only: the inventory's cells turn it into nodes, so a column needs no JavaFX.
 *
 * <p>A column with {@link #nested()} columns is a header group (Rotation: on, last, next): chosen
 * and saved as one, its cells are its nested columns'.
 *
 * <p>In every cell method {@code secret} is the row's secret; it is null in the rare update
 * before a cell has its row.
 *
 * @param <T> the cell's value
 */
public interface InventoryColumn<T> {

    /** What a column words its cells with: the console's texts and its date formats. */
    record Words(Texts texts, Formats formats) {}

    /** An icon shown before a cell's text, with its style class (say {@link Styles#DANGER}). */
    record Mark(Icons icon, String styleClass) {}

    /**
     * Stable, as kept in settings and as the table column's node id ({@code col-<id>}); unique
     * among the top-level columns. A nested column's ID only names it in its group.
     */
    String id();

    /** The column's title, in the contributing feature's words. */
    String title(Texts texts);

    /** The cell's value for one secret (null: an empty cell). */
    T value(SecretSummary secret);

    /** How a non-null value reads in its cell. */
    default String text(T value, SecretSummary secret, Words words) {
        return String.valueOf(value);
    }

    /** How a null value reads in its cell ("Never"). */
    default String emptyText(Words words) {
        return "";
    }

    /** The cell's semantic state, one of {@code Styles.CELL_*}, for a value that may be null; null for none. */
    default String state(T value, SecretSummary secret) {
        return null;
    }

    /** The cell's tooltip for a value that may be null; null or empty for none. */
    default String tooltip(T value, SecretSummary secret, Words words) {
        return null;
    }

    /** The icon before the cell's text (a secret planned for deletion); null for none. */
    default Mark mark(T value, SecretSummary secret) {
        return null;
    }

    /** How the column sorts its non-null values; null: not sortable. */
    default Comparator<T> comparator() {
        return null;
    }

    /** Whether secrets without a value sort after the others (the default: before). */
    default boolean emptyLast() {
        return false;
    }

    /** Shown until the user chooses otherwise (and after "Default columns"). */
    default boolean shownByDefault() {
        return true;
    }

    /** Ignored for a header group, whose width is its nested columns'. */
    default double preferredWidth() {
        return 120;
    }

    /**
     * For a column whose values arrive after the rows (fetched per secret): it calls
     * {@code redraw}, on the UI thread, when some of them changed, and the inventory redraws its
     * cells. A column whose values are the secrets' own fields never calls it.
     */
    default void whenChanged(Runnable redraw) {
    }

    /**
     * The values the inventory's filters offer for this column (worded as its cells word them);
     * empty, as for most columns, when it is not filterable. Filtering on a column whose values
     * arrive late asks it for every row's value, not only the rows shown.
     */
    default List<T> filterChoices() {
        return List.of();
    }

    /** Whether a row whose value is {@code value} (null: not known yet) passes the filter {@code chosen}. */
    default boolean passes(T value, T chosen) {
        return java.util.Objects.equals(value, chosen);
    }

    /** The columns under this one's header, in order; empty for a column with cells of its own. */
    default List<InventoryColumn<?>> nested() {
        return List.of();
    }
}
