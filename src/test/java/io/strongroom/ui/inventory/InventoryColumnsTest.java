package io.strongroom.ui.inventory;

import io.strongroom.ui.inventory.InventoryColumns.Column;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which columns show: defaults, a saved choice restored, unknown IDs ignored, one change per restore. */
class InventoryColumnsTest {

    static final List<String> DEFAULTS = List.of("name", "account", "region", "rotation", "lastAccessed", "lastChanged", "kmsKey",
            "tags", "description", "deletionDate");

    @Test
    void theDefaultsLeaveTheRarerColumnsOut() {
        InventoryColumns columns = new InventoryColumns();
        assertEquals(DEFAULTS, columns.visibleIds());
        assertFalse(columns.visibleProperty(Column.CREATED).get());
    }

    @Test
    void aSavedChoiceComesBackInTableOrderAndUnknownIdsAreIgnored() {
        InventoryColumns columns = new InventoryColumns();
        List<String> ignored = columns.restore(List.of("tags", "created", "sparkline", "name"));
        assertEquals(List.of("name", "tags", "created"), columns.visibleIds());
        assertEquals(List.of("sparkline"), ignored);
        assertTrue(columns.visibleProperty(Column.CREATED).get());
        assertFalse(columns.visibleProperty(Column.ACCOUNT).get());
    }

    @Test
    void nothingKnownMeansTheDefaults() {
        InventoryColumns columns = new InventoryColumns();
        columns.restore(List.of("name"));
        columns.restore(List.of("sparkline", ""));
        assertEquals(DEFAULTS, columns.visibleIds());
        columns.restore(List.of("name"));
        columns.restore(null);
        assertEquals(DEFAULTS, columns.visibleIds());
    }

    @Test
    void aRestoreIsOneChangeAndEachToggleIsOne() {
        InventoryColumns columns = new InventoryColumns();
        List<List<String>> seen = new ArrayList<>();
        columns.visibleIdsProperty().addListener((o, was, now) -> seen.add(now));
        columns.restore(List.of("name", "region"));
        columns.visibleProperty(Column.TAGS).set(true);
        columns.showDefaults();
        assertEquals(List.of(List.of("name", "region"), List.of("name", "region", "tags")), seen.subList(0, 2));
        assertEquals(DEFAULTS, seen.get(seen.size() - 1));
    }
}
