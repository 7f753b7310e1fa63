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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inventory's columns and which of them are shown. The column chooser and the table bind to
 * {@link #visibleProperty}; the composition root hands the saved IDs over with {@link #restore}
 * and then saves {@link #visibleIdsProperty()} as it changes. IDs are stable strings,
 * independent of the column titles' language. The inventory's own columns
 * ({@link InventoryBuiltInColumns}, named here by {@link Column}) are known from the start, for
 * the saved choice is restored before any view is built; the ones other features contribute
 * ({@link InventoryColumn}) come after them, given at construction or {@link #include included}
 * when the table is built, and are kept the same way.
 */
public final class InventoryColumns {

    /** The inventory's own top-level columns, in table order, by the settings' name for them. */
    public enum Column {
        NAME(InventoryBuiltInColumns.NAME),
        ACCOUNT(InventoryBuiltInColumns.ACCOUNT),
        REGION(InventoryBuiltInColumns.REGION),
        ROTATION(InventoryBuiltInColumns.ROTATION),
        LAST_ACCESSED(InventoryBuiltInColumns.LAST_ACCESSED),
        LAST_CHANGED(InventoryBuiltInColumns.LAST_CHANGED),
        KMS_KEY(InventoryBuiltInColumns.KMS_KEY),
        TAGS(InventoryBuiltInColumns.TAGS),
        DESCRIPTION(InventoryBuiltInColumns.DESCRIPTION),
        CREATED(InventoryBuiltInColumns.CREATED),
        OWNING_SERVICE(InventoryBuiltInColumns.OWNING_SERVICE),
        DELETION_DATE(InventoryBuiltInColumns.DELETION_DATE);

        private final InventoryColumn<?> definition;

        Column(InventoryColumn<?> definition) {
            this.definition = definition;
        }

        /** As kept in settings. */
        public String id() {
            return definition.id();
        }

        public boolean shownByDefault() {
            return definition.shownByDefault();
        }
    }

    /** Every column's visibility by ID, in table order: the built-in columns, then the contributed ones. */
    private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();
    private final Map<String, Boolean> defaults = new LinkedHashMap<>();
    private final List<InventoryColumn<?>> columns = new ArrayList<>();
    private final ReadOnlyObjectWrapper<List<String>> visibleIds = new ReadOnlyObjectWrapper<>(this, "visibleIds");
    /** The IDs of the last restore that knew one of them (null: none, or the defaults): a column included later follows it. */
    private Set<String> restoredIds;
    private boolean restoring;

    public InventoryColumns() {
        this(List.of());
    }

    /** @param contributed columns other features add after the built-in ones, in this order */
    public InventoryColumns(List<? extends InventoryColumn<?>> contributed) {
        InventoryBuiltInColumns.ALL.forEach(this::add);
        contributed.forEach(this::add);
        visibleIds.set(currentIds());
    }

    private void add(InventoryColumn<?> column) {
        if (visible.containsKey(column.id())) {
            throw new IllegalArgumentException("a column with ID " + column.id() + " is already in the inventory");
        }
        boolean shownByDefault = column.shownByDefault();
        boolean shown = restoredIds == null ? shownByDefault : restoredIds.contains(column.id());
        BooleanProperty p = new SimpleBooleanProperty(this, column.id(), shown);
        p.addListener((o, was, now) -> {
            if (!restoring) {
                visibleIds.set(currentIds());
            }
        });
        columns.add(column);
        visible.put(column.id(), p);
        defaults.put(column.id(), shownByDefault);
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

    /** Every top-level column, in table order: the built-in ones, then the contributed ones. */
    public List<InventoryColumn<?>> all() {
        return List.copyOf(columns);
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
        restoredIds = chosen.isEmpty() ? null : ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
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

    /**
     * Adds the contributed columns not here yet, after the others, shown as the last restore
     * chose (or by default); the ones already here (the built-in columns, contributed too) stay
     * as they are. One change if any is added.
     *
     * @throws IllegalArgumentException when another column already has one's ID
     */
    public void include(List<? extends InventoryColumn<?>> contributed) {
        int before = columns.size();
        for (InventoryColumn<?> column : contributed) {
            if (!columns.contains(column)) {
                add(column);
            }
        }
        if (columns.size() > before) {
            visibleIds.set(currentIds());
        }
    }

    private List<String> currentIds() {
        return visible.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }
}
