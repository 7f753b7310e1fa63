package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.inventory.InventoryColumns.Column;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** A column of text another feature contributes, with its ID, title and values; a subclass says more. */
    static class TextColumn implements InventoryColumn<String> {
        private final String id;
        private final String title;
        private final Function<SecretSummary, String> value;

        TextColumn(String id, String title, Function<SecretSummary, String> value) {
            this.id = id;
            this.title = title;
            this.value = value;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title(Texts texts) {
            return title;
        }

        @Override
        public String value(SecretSummary secret) {
            return value.apply(secret);
        }
    }

    /** A column another feature contributes, as rotation's "next rotation" would be. */
    static final InventoryColumn<String> OWNER = new TextColumn("owner", "Owner", secret -> secret.tags().get("owner")) {
        @Override
        public Comparator<String> comparator() {
            return Comparator.naturalOrder();
        }
    };

    @Test
    void aContributedColumnComesAfterTheBuiltInOnesAndIsRestoredWithThem() {
        InventoryColumns columns = new InventoryColumns(List.of(OWNER));
        List<String> withOwner = new ArrayList<>(DEFAULTS);
        withOwner.add("owner");
        assertEquals(withOwner, columns.visibleIds(), "shown by default, last");
        assertEquals(List.of(), columns.restore(List.of("owner", "name")));
        assertEquals(List.of("name", "owner"), columns.visibleIds());
        columns.visibleProperty("owner").set(false);
        assertEquals(List.of("name"), columns.visibleIds());
        assertEquals(List.of("owner"), new InventoryColumns().restore(List.of("owner", "name")), "unknown without the feature");
    }

    @Test
    void aContributedColumnMayNotTakeABuiltInId() {
        InventoryColumn<String> clash = new TextColumn(Column.TAGS.id(), "Tags again", secret -> null);
        assertThrows(IllegalArgumentException.class, () -> new InventoryColumns(List.of(clash)));
    }

    @Test
    void aColumnIncludedAfterARestoreShowsAsTheSavedChoiceSays() {
        InventoryColumns saidYes = new InventoryColumns();
        assertEquals(List.of("owner"), saidYes.restore(List.of("name", "owner")), "not known yet");
        List<List<String>> seen = new ArrayList<>();
        saidYes.visibleIdsProperty().addListener((o, was, now) -> seen.add(now));
        saidYes.include(List.of(OWNER));
        assertEquals(List.of("name", "owner"), saidYes.visibleIds());
        assertEquals(List.of(List.of("name", "owner")), seen, "one change");
        assertEquals(OWNER, saidYes.all().get(saidYes.all().size() - 1), "after the built-in ones");

        InventoryColumns saidNo = new InventoryColumns();
        saidNo.restore(List.of("name"));
        saidNo.include(List.of(OWNER));
        assertFalse(saidNo.visibleProperty("owner").get(), "the saved choice left it out, although it shows by default");
        assertEquals(List.of("name"), saidNo.visibleIds());
    }

    @Test
    void aColumnIncludedWithoutARestoreShowsByDefaultAndIncludingTheBuiltInOnesAgainChangesNothing() {
        InventoryColumns columns = new InventoryColumns();
        List<List<String>> seen = new ArrayList<>();
        columns.visibleIdsProperty().addListener((o, was, now) -> seen.add(now));
        columns.include(InventoryBuiltInColumns.ALL);
        assertEquals(List.of(), seen);
        assertEquals(InventoryBuiltInColumns.ALL, columns.all());
        columns.include(List.of(OWNER));
        assertTrue(columns.visibleProperty("owner").get());
        List<InventoryColumn<?>> twice = List.of(OWNER);
        columns.include(twice);
        assertEquals(InventoryBuiltInColumns.ALL.size() + 1, columns.all().size());
    }

    @Test
    void anIncludedColumnMayNotTakeATakenId() {
        InventoryColumns columns = new InventoryColumns(List.of(OWNER));
        InventoryColumn<String> otherOwner = new TextColumn("owner", "Owner again", secret -> null);
        assertThrows(IllegalArgumentException.class, () -> columns.include(List.of(otherOwner)));
    }
}
