package io.strongroom.ui.common;

import io.strongroom.domain.SecretSummary;

import java.util.Comparator;

/**
 * A column a feature contributes to the inventory table (rotation: "next rotation"; replication:
 * "replicas"): the inventory adds it after its own columns, offers it in the column chooser and
 * keeps whether it shows with the other columns' settings. Read on the UI thread, once per shown
 * cell, so {@link #value} should be cheap (a field of the summary).
 *
 * @param <T> the cell's value
 */
public interface InventoryColumn<T> {

    /** Stable, as kept in settings and as the table column's node id ({@code col-<id>}); never a built-in column's. */
    String id();

    /** The column's title, in the feature's words. */
    String title(Texts texts);

    /** The cell's value for one secret (null: an empty cell). */
    T value(SecretSummary secret);

    /** How a non-null value reads in its cell. */
    default String text(T value, Formats formats) {
        return String.valueOf(value);
    }

    /** How the column sorts its values; null: not sortable. */
    default Comparator<T> comparator() {
        return null;
    }

    default boolean shownByDefault() {
        return true;
    }

    default double preferredWidth() {
        return 120;
    }
}
