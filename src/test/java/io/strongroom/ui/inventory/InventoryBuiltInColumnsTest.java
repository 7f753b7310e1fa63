package io.strongroom.ui.inventory;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory's own columns through the column contract: IDs kept in settings, and what their cells say. */
class InventoryBuiltInColumnsTest {

    static final InventoryColumn.Words WORDS = new InventoryColumn.Words(Texts.load(), new Formats(ZoneOffset.UTC));
    static final Instant WHEN = Instant.parse("2025-11-01T10:30:00Z");

    /** A secret in eu-west-1 with two tags, in this order, and the optional fields given. */
    static SecretSummary secret(String kmsKeyId, Instant lastAccessed, Instant deletedDate, String primaryRegion) {
        Account account = new Account("111122223333", "payments-prod", URI.create("http://127.0.0.1:1"),
                new CredentialsRef.StaticKeys("AKIA", "x"), "embedded store");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("owner", "payments");
        return new SecretSummary(account.in("eu-west-1"), "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf", "app",
                null, kmsKeyId, null, lastAccessed, WHEN, WHEN, deletedDate, tags, null,
                primaryRegion, null, null);
    }

    /** What a cell of {@code column} reads for {@code secret}: text (or empty text), state, tooltip. */
    static <T> List<String> cell(InventoryColumn<T> column, SecretSummary secret) {
        T value = column.value(secret);
        String text = value == null ? column.emptyText(WORDS) : column.text(value, secret, WORDS);
        return Arrays.asList(text, column.state(value, secret), column.tooltip(value, secret, WORDS));
    }

    @Test
    void theBuiltInColumnsKeepTheIdsSavedSettingsName() {
        assertEquals(List.of("name", "account", "region", "rotation", "lastAccessed", "lastChanged", "kmsKey", "tags", "description",
                        "created", "owningService", "deletionDate"),
                InventoryBuiltInColumns.ALL.stream().map(InventoryColumn::id).toList());
        assertEquals(Arrays.stream(InventoryColumns.Column.values()).map(InventoryColumns.Column::id).toList(),
                InventoryBuiltInColumns.ALL.stream().map(InventoryColumn::id).toList(), "the settings' names, in table order");
    }

    @Test
    void rotationIsAHeaderOverItsStateAndDates() {
        assertEquals(List.of("State", "Last", "Next"),
                InventoryBuiltInColumns.ROTATION.nested().stream().map(c -> c.title(WORDS.texts())).toList());
        assertEquals("Rotation", InventoryBuiltInColumns.ROTATION.title(WORDS.texts()));
        InventoryColumn<?> state = InventoryBuiltInColumns.ROTATION.nested().get(0);
        assertEquals(Arrays.asList("Off", Styles.CELL_MUTED, null), cell(state, secret(null, null, null, null)));
    }

    @Test
    void aDateWithoutValueIsMutedAndLastAccessedSaysNever() {
        assertEquals(Arrays.asList("Never", Styles.CELL_MUTED, null), cell(InventoryBuiltInColumns.LAST_ACCESSED, secret(null, null, null, null)));
        assertEquals(Arrays.asList("2025-11-01", null, "2025-11-01T10:30:00Z"),
                cell(InventoryBuiltInColumns.LAST_ACCESSED, secret(null, WHEN, null, null)));
        assertEquals(Arrays.asList("2025-11-01 10:30", null, "2025-11-01T10:30:00Z"),
                cell(InventoryBuiltInColumns.LAST_CHANGED, secret(null, null, null, null)));
    }

    @Test
    void aDeletionDateIsADangerAndNoneIsNotMuted() {
        assertEquals(Arrays.asList("2025-11-01 10:30", Styles.CELL_DANGER, "2025-11-01T10:30:00Z"),
                cell(InventoryBuiltInColumns.DELETION_DATE, secret(null, null, WHEN, null)));
        assertEquals(Arrays.asList("", null, null), cell(InventoryBuiltInColumns.DELETION_DATE, secret(null, null, null, null)));
    }

    @Test
    void theManagedKeyIsMutedAndACustomerKeyShowsItsIdOnHover() {
        assertEquals(Arrays.asList(SecretRow.DEFAULT_KMS_KEY, Styles.CELL_MUTED, null),
                cell(InventoryBuiltInColumns.KMS_KEY, secret(null, null, null, null)));
        String arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd";
        assertEquals(Arrays.asList("key/1234abcd", null, arn), cell(InventoryBuiltInColumns.KMS_KEY, secret(arn, null, null, null)));
    }

    @Test
    void aSecretPlannedForDeletionIsMarkedByItsName() {
        assertNull(InventoryBuiltInColumns.NAME.mark("app", secret(null, null, null, null)));
        assertEquals(new InventoryColumn.Mark(Icons.DELETION, Styles.DANGER),
                InventoryBuiltInColumns.NAME.mark("app", secret(null, null, WHEN, null)));
    }

    @Test
    void tagsReadAsSentences() {
        assertEquals(Arrays.asList("env=prod, owner=payments", null, "env=prod\nowner=payments"),
                cell(InventoryBuiltInColumns.TAGS, secret(null, null, null, null)));
    }

    @Test
    void textColumnsSortIgnoringCaseWithEmptyOnesLastAndTheRestEmptyFirst() {
        assertTrue(InventoryBuiltInColumns.NAME.emptyLast());
        assertTrue(InventoryBuiltInColumns.NAME.comparator().compare("alpha", "Beta") < 0, "ignoring case");
        assertEquals(false, InventoryBuiltInColumns.CREATED.emptyLast());
        assertEquals(List.of("created", "owningService"), InventoryBuiltInColumns.ALL.stream()
                .filter(c -> !c.shownByDefault()).map(InventoryColumn::id).toList(), "the rarer ones are hidden until chosen");
    }
}
