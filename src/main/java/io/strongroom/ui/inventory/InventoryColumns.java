package io.strongroom.ui.inventory;

import io.strongroom.ui.common.InventoryColumn;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the inventory's columns are shown. The column chooser and the table bind to
 * {@link #visibleProperty}; the composition root hands the saved IDs over with {@link #restore}
 * and then saves {@link #visibleIdsProperty()} as it changes. IDs are stable strings,
 * independent of the column titles' language. Besides its own columns ({@link Column}) the table
 * shows the ones other features contribute ({@link InventoryColumn}), after them, kept the same way.
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

    /** Every column's visibility by ID, in table order: the built-in columns, then the contributed ones. */
    private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();
    private final Map<String, Boolean> defaults = new LinkedHashMap<>();
    private final List<InventoryColumn<?>> contributed;
    private final ReadOnlyObjectWrapper<List<String>> visibleIds = new ReadOnlyObjectWrapper<>(this, "visibleIds");
    private boolean restoring;

    public InventoryColumns() {
        this(List.of());
    }

    /** @param contributed columns other features add after the built-in ones, in this order */
    public InventoryColumns(List<? extends InventoryColumn<?>> contributed) {
        this.contributed = List.copyOf(contributed);
        for (Column c : Column.values()) {
            add(c.id(), c.shownByDefault());
        }
        for (InventoryColumn<?> c : this.contributed) {
            if (visible.containsKey(c.id())) {
                throw new IllegalArgumentException("a column with ID " + c.id() + " is already in the inventory");
            }
            add(c.id(), c.shownByDefault());
        }
        visibleIds.set(currentIds());
    }

    private void add(String id, boolean shownByDefault) {
        BooleanProperty p = new SimpleBooleanProperty(this, id, shownByDefault);
        p.addListener((o, was, now) -> {
            if (!restoring) {
                visibleIds.set(currentIds());
            }
        });
        visible.put(id, p);
        defaults.put(id, shownByDefault);
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** Whether {@code column} is shown: the table column and its chooser item bind to this. */
    public BooleanProperty visibleProperty(Column column) {
        return visible.get(column.id());
    }

    /** Whether the column with {@code id} (built-in or contributed) is shown; null for an unknown ID. */
    public BooleanProperty visibleProperty(String id) {
        return visible.get(id);
    }

    /** The columns other features contributed, in table order after the built-in ones. */
    public List<InventoryColumn<?>> contributed() {
        return contributed;
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
        Set<String> chosen = new HashSet<>();
        List<String> ignored = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                if (id != null && visible.containsKey(id)) {
                    chosen.add(id);
                } else {
                    ignored.add(String.valueOf(id));
                }
            }
        }
        restoring = true;
        try {
            visible.forEach((id, p) -> p.set(chosen.isEmpty() ? defaults.get(id) : chosen.contains(id)));
        } finally {
            restoring = false;
        }
        // one change for the whole restore, not one per column
        visibleIds.set(currentIds());
        return List.copyOf(ignored);
    }

    /** Back to the default columns (a change, so it is saved). */
    public void showDefaults() {
        visible.forEach((id, p) -> p.set(defaults.get(id)));
    }

    private List<String> currentIds() {
        return visible.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }
}
