package io.strongroom.ui.inventory;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the inventory's columns are shown. The column chooser and the table bind to
 * {@link #visibleProperty}; the composition root hands the saved IDs over with {@link #restore}
 * and then saves {@link #visibleIdsProperty()} as it changes. IDs are stable strings,
 * independent of the column titles' language.
 */
public final class InventoryColumns {

    /** The table's top-level columns, in table order, with whether they show by default. */
    public enum Column {
        NAME("name", true),
        ACCOUNT("account", true),
        REGION("region", true),
        ROTATION("rotation", true),
        LAST_ACCESSED("lastAccessed", true),
        LAST_CHANGED("lastChanged", true),
        KMS_KEY("kmsKey", true),
        TAGS("tags", true),
        DESCRIPTION("description", true),
        CREATED("created", false),
        OWNING_SERVICE("owningService", false),
        REPLICA("replica", false),
        DELETION_DATE("deletionDate", true);

        private final String id;
        private final boolean shownByDefault;

        Column(String id, boolean shownByDefault) {
            this.id = id;
            this.shownByDefault = shownByDefault;
        }

        /** As kept in settings. */
        public String id() {
            return id;
        }

        public boolean shownByDefault() {
            return shownByDefault;
        }
    }

    private final Map<Column, BooleanProperty> visible = new EnumMap<>(Column.class);
    private final ReadOnlyObjectWrapper<List<String>> visibleIds = new ReadOnlyObjectWrapper<>(this, "visibleIds");
    private boolean restoring;

    public InventoryColumns() {
        for (Column c : Column.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, c.id(), c.shownByDefault());
            p.addListener((o, was, now) -> {
                if (!restoring) {
                    visibleIds.set(currentIds());
                }
            });
            visible.put(c, p);
        }
        visibleIds.set(currentIds());
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** Whether {@code column} is shown: the table column and its chooser item bind to this. */
    public BooleanProperty visibleProperty(Column column) {
        return visible.get(column);
    }

    /** IDs of the shown columns in table order; a new list on every change (what is saved). */
    public ReadOnlyObjectProperty<List<String>> visibleIdsProperty() {
        return visibleIds.getReadOnlyProperty();
    }

    public List<String> visibleIds() {
        return visibleIds.get();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /**
     * Shows exactly the known columns among {@code ids}. Unknown IDs (a column a later version
     * added, a typo in a hand-edited file) are ignored; when none is known, or the list is empty,
     * the default columns show.
     *
     * @return the IDs that were ignored
     */
    public List<String> restore(Collection<String> ids) {
        Set<Column> chosen = new HashSet<>();
        List<String> ignored = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                Column c = byId(id);
                if (c == null) {
                    ignored.add(String.valueOf(id));
                } else {
                    chosen.add(c);
                }
            }
        }
        restoring = true;
        try {
            for (Column c : Column.values()) {
                visible.get(c).set(chosen.isEmpty() ? c.shownByDefault() : chosen.contains(c));
            }
        } finally {
            restoring = false;
        }
        // one change for the whole restore, not one per column
        visibleIds.set(currentIds());
        return List.copyOf(ignored);
    }

    /** Back to the default columns (a change, so it is saved). */
    public void showDefaults() {
        for (Column c : Column.values()) {
            visible.get(c).set(c.shownByDefault());
        }
    }

    private List<String> currentIds() {
        return Arrays.stream(Column.values()).filter(c -> visible.get(c).get()).map(Column::id).toList();
    }

    private static Column byId(String id) {
        for (Column c : Column.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
