package io.strongroom.ui.editor;

import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ValueKind;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.editor.ValueEditorModel.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.strongroom.ui.editor.StoreFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New value, edit, delete, planned deletions and restore, against a real embedded store. */
class ChangeSecretViewModelsTest extends EditorStoreTest {

    static KeyMetadata customerKey;

    @BeforeAll
    static void createKey() {
        customerKey = fx.customerKey("orders key", "alias/orders");
    }

    SecretSummary secret(String value) {
        String name = unique("prod/orders/db");
        return fx.createDescribed(name, value);
    }

    String current(SecretSummary s) {
        return fx.currentText(s.arn());
    }

    // ---- New value -----------------------------------------------------------------------------

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        SecretSummary s = secret("fake-old");
        NewValueViewModel vm = new NewValueViewModel(fakes.ctx(), s);
        assertFalse(vm.canSaveProperty().get());
        vm.value().textProperty().set("fake-new");
        assertTrue(vm.save());
        assertNotNull(vm.savedProperty().get());
        assertEquals("fake-new", current(s));
        assertEquals("fake-old", fx.secrets.getValue(fx.scope, s.arn(), VersionSelector.stage("AWSPREVIOUS")).payload().text());
        assertEquals(List.of("PutSecretValue"), fakes.mutations().actions());
    }

    @Test
    void startingFromTheCurrentValueIsAnExplicitRead() {
        SecretSummary s = secret("{\"username\":\"orders\",\"password\":\"fake-1\"}");
        NewValueViewModel vm = new NewValueViewModel(fakes.ctx(), s);
        assertEquals(0, fx.calls(s.arn(), "GetSecretValue"));
        vm.startFromCurrent();
        assertEquals(1, fx.calls(s.arn(), "GetSecretValue"));
        assertEquals(Kind.KEY_VALUE, vm.value().kindProperty().get());
        assertEquals(2, vm.value().rows().size());
        vm.value().rows().get(1).valueProperty().set("fake-2");
        assertTrue(vm.save());
        assertEquals("{\"username\":\"orders\",\"password\":\"fake-2\"}", current(s));
    }

    @Test
    void anInvalidNewValueIsNotSent() {
        SecretSummary s = secret("fake-keep");
        NewValueViewModel vm = new NewValueViewModel(fakes.ctx(), s);
        vm.value().kindProperty().set(Kind.JSON);
        vm.value().jsonProperty().set("{\"a\": }");
        assertFalse(vm.save());
        vm.value().kindProperty().set(Kind.TEXT);
        vm.value().textProperty().set("x".repeat(70_000));
        assertFalse(vm.save());
        assertTrue(fakes.mutations().applied().isEmpty());
        assertEquals("fake-keep", current(s));
        assertEquals(1, fx.secrets.listVersions(fx.scope, s.arn(), true).size());
    }

    // ---- Edit description and KMS key ---------------------------------------------------------

    @Test
    void editSendsOnlyWhatChanged() {
        SecretSummary s = secret("fake");
        EditSecretViewModel vm = new EditSecretViewModel(fakes.ctx(), s);
        assertFalse(vm.canSaveProperty().get(), "nothing changed yet");
        vm.descriptionProperty().set("Orders database, read/write user");
        assertTrue(vm.save());
        SecretSummary after = fx.secrets.describe(fx.scope, s.arn());
        assertEquals("Orders database, read/write user", after.description());
        assertNull(after.kmsKeyId());
        assertEquals(new ActionDetails.Update(true, null, ValueKind.NONE), fakes.mutations().applied().get(0).details());
    }

    @Test
    void editChangesTheKmsKeyAndBack() {
        SecretSummary s = secret("fake-encrypted");
        EditSecretViewModel vm = new EditSecretViewModel(fakes.ctx(), s);
        vm.loadKeys();
        KmsKeyChoice orders = vm.kmsKey().choices().stream().filter(c -> c.label().equals("orders")).findFirst().orElseThrow();
        vm.kmsKey().selectedProperty().set(orders);
        assertTrue(vm.keyChangedProperty().get());
        assertTrue(vm.save());
        SecretSummary after = fx.secrets.describe(fx.scope, s.arn());
        assertEquals(customerKey.arn(), after.kmsKeyId());
        assertEquals("fake-encrypted", current(s));

        EditSecretViewModel again = new EditSecretViewModel(fakes.ctx(), after);
        again.loadKeys();
        assertEquals("orders", again.kmsKey().selectedProperty().get().label(), "the current key is preselected");
        assertFalse(again.keyChangedProperty().get());
        again.kmsKey().selectedProperty().set(KmsKeyChoice.DEFAULT);
        assertTrue(again.save());
        SecretSummary back = fx.secrets.describe(fx.scope, s.arn());
        assertTrue(KmsKeyChoice.DEFAULT.matches(back.kmsKeyId()), back.kmsKeyId());
    }

    @Test
    void anOverlongDescriptionIsBlocked() {
        SecretSummary s = secret("fake");
        EditSecretViewModel vm = new EditSecretViewModel(fakes.ctx(), s);
        vm.descriptionProperty().set("d".repeat(2049));
        assertNotNull(vm.descriptionProblemProperty().get());
        assertFalse(vm.save());
        assertTrue(fakes.mutations().applied().isEmpty());
    }

    // ---- Delete, planned deletions, restore ----------------------------------------------------

    @Test
    void deleteWithARecoveryWindowThenRestore() {
        SecretSummary s = secret("fake-restorable");
        DeleteSecretViewModel vm = new DeleteSecretViewModel(fakes.ctx(), s, fx.store.clock());
        Instant before = fx.store.clock().instant();
        vm.recoveryDaysProperty().set(7);
        assertTrue(vm.canDeleteProperty().get());
        Instant until = vm.recoverableUntilProperty().get();
        assertFalse(until.isBefore(before.plus(Duration.ofDays(7))));
        assertFalse(until.isAfter(fx.store.clock().instant().plus(Duration.ofDays(7))));
        assertTrue(vm.delete());
        assertTrue(fakes.dialogs().typedExpectations.isEmpty(), "a recoverable deletion needs no typed name");
        Instant deletion = vm.deletedProperty().get().deletionDate();
        assertFalse(deletion.isBefore(before.plus(Duration.ofDays(7))), "deleted in 7 days, not sooner");
        assertFalse(deletion.isAfter(fx.store.clock().instant().plus(Duration.ofDays(7))));
        assertNotNull(fx.secrets.describe(fx.scope, s.arn()).deletedDate());

        PlannedDeletionsViewModel planned = new PlannedDeletionsViewModel(fakes.ctx(), List.of(fx.scope));
        planned.load();
        SecretSummary row = planned.secrets().stream().filter(p -> p.arn().equals(s.arn())).findFirst().orElseThrow();
        assertTrue(planned.secrets().stream().allMatch(SecretSummary::isPlannedForDeletion));
        planned.selectedProperty().set(row);
        assertTrue(planned.canRestoreProperty().get());
        assertTrue(planned.restoreSelected());
        assertFalse(planned.secrets().contains(row));
        assertEquals(s.name(), planned.restoredNameProperty().get());

        assertNull(fx.secrets.describe(fx.scope, s.arn()).deletedDate());
        assertEquals("fake-restorable", current(s));
        assertEquals(List.of("DeleteSecret", "RestoreSecret"), fakes.mutations().actions());
    }

    @Test
    void theRecoveryWindowIsSevenToThirtyDays() {
        SecretSummary s = secret("fake");
        DeleteSecretViewModel vm = new DeleteSecretViewModel(fakes.ctx(), s);
        assertEquals(30, vm.recoveryDaysProperty().get());
        for (int days : new int[]{0, 6, 31, 365}) {
            vm.recoveryDaysProperty().set(days);
            assertEquals("The recovery window is 7 to 30 days.", vm.problemProperty().get());
            assertFalse(vm.delete());
        }
        assertTrue(fakes.mutations().applied().isEmpty());
        assertNull(fx.secrets.describe(fx.scope, s.arn()).deletedDate());
    }

    @Test
    void forcedDeletionNeedsTheExactTypedName() {
        SecretSummary s = secret("fake-doomed");
        DeleteSecretViewModel vm = new DeleteSecretViewModel(fakes.ctx(), s);
        vm.forceProperty().set(true);
        assertTrue(vm.canDeleteProperty().get());

        for (String typed : new String[]{null, "", s.name().toUpperCase(), s.name() + " ", s.arn()}) {
            fakes.dialogs().typed = typed;
            assertFalse(vm.delete(), "typed " + typed);
        }
        assertTrue(fakes.dialogs().typedExpectations.stream().allMatch(s.name()::equals), "the exact name is asked for");
        assertTrue(fakes.mutations().applied().isEmpty());
        assertTrue(fx.exists(s.name()));

        fakes.dialogs().typed = s.name();
        assertTrue(vm.delete());
        assertFalse(fx.exists(s.name()));
        assertEquals(new ActionDetails.Delete(0, true), fakes.mutations().applied().get(0).details());
    }

    @Test
    void readOnlyModeRefusesEveryChange() {
        StoreFixture.Fakes ro = fx.fakes(true);
        SecretSummary s = secret("fake-protected");
        NewValueViewModel put = new NewValueViewModel(ro.ctx(), s);
        put.value().textProperty().set("fake-other");
        EditSecretViewModel edit = new EditSecretViewModel(ro.ctx(), s);
        edit.descriptionProperty().set("changed");
        DeleteSecretViewModel delete = new DeleteSecretViewModel(ro.ctx(), s);
        delete.forceProperty().set(true);
        ro.dialogs().typed = s.name();

        assertFalse(put.canSaveProperty().get());
        assertFalse(edit.canSaveProperty().get());
        assertFalse(delete.canDeleteProperty().get());
        assertFalse(put.save());
        assertFalse(edit.save());
        assertFalse(delete.delete());
        assertTrue(ro.dialogs().typedExpectations.isEmpty(), "not even asked");

        fx.secrets.delete(fx.scope, s.arn(), DeletionMode.withRecovery(7));
        PlannedDeletionsViewModel planned = new PlannedDeletionsViewModel(ro.ctx(), List.of(fx.scope));
        planned.load();
        SecretSummary row = planned.secrets().stream().filter(p -> p.arn().equals(s.arn())).findFirst().orElseThrow();
        planned.selectedProperty().set(row);
        assertFalse(planned.canRestoreProperty().get());
        assertFalse(planned.restoreSelected());

        assertTrue(ro.mutations().applied().isEmpty());
        assertNotNull(fx.secrets.describe(fx.scope, s.arn()).deletedDate(), "still scheduled");
        fx.secrets.restore(fx.scope, s.arn());
        assertEquals("fake-protected", current(s));
        assertEquals("", fx.secrets.describe(fx.scope, s.arn()).description().replace("test secret " + s.name(), ""));
    }
}
