package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.ui.common.DirectUiExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Keys view's models without the FX thread, over the embedded store through the real services. */
class KeysViewModelTest {

    static KeysFixture fx;
    KeysViewModel vm;
    KeyActionsModel actions;

    @BeforeAll
    static void estate() {
        fx = new KeysFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void load() {
        DirectUiExecutor ui = new DirectUiExecutor();
        vm = new KeysViewModel(fx.keys, new io.strongroom.service.keys.KeyEstateLoader(fx.keys, fx.stack.secrets()), ui,
                () -> java.util.List.of(fx.east, fx.west), KeysFixture.texts());
        actions = fx.actions(vm, ui);
        fx.readOnly.set(false);
        fx.prompted.clear();
        vm.refresh();
        assertEquals(null, vm.loadErrorProperty().get());
    }

    private KeyRow row(String keyId) {
        KeyRow r = vm.rows().stream().filter(x -> x.key().keyId().equals(keyId)).findFirst().orElseThrow();
        vm.selectedProperty().set(r);
        return r;
    }

    @Test
    void listsEveryKeyWithStateRotationAndTheSecretsUsingIt() {
        assertEquals(KeyInfo.PENDING_DELETION, vm.rows().get(0).key().keyState(), "pending deletion first");
        assertEquals(KeyInfo.DISABLED, vm.rows().get(1).key().keyState());
        KeyRow payments = row(fx.paymentsKeyId);
        assertEquals(3, payments.secretsUsing());
        assertEquals(180, payments.key().rotation().periodDays());
        assertNotNull(payments.key().rotation().lastRotation());
        assertEquals(3, vm.selectedSecrets().size());
        assertEquals(fx.east, vm.policyTargetProperty().get().scope());
        assertTrue(vm.rows().stream().anyMatch(r -> r.key().isAwsManaged() && r.secretsUsing() == 1), "each region's aws/secretsmanager");
    }

    @Test
    void disablingAsksWithTheImpactAndSendsNothingUnlessTheNameIsTyped() {
        row(fx.paymentsKeyId);
        fx.typeInPrompt = "alias/wrong";
        actions.disable();
        assertEquals(1, fx.prompted.size());
        KeyImpactViewModel impact = fx.prompted.get(0);
        assertEquals("These 3 secrets in 1 region would become unreadable", impact.headline());
        assertEquals("alias/payments", impact.expected());
        assertEquals(KeyInfo.ENABLED, fx.keys.describe(fx.east, fx.paymentsKeyId).keyState(), "nothing sent");

        fx.typeInPrompt = "alias/payments";
        actions.disable();
        assertEquals(KeyInfo.DISABLED, fx.keys.describe(fx.east, fx.paymentsKeyId).keyState());
        assertEquals(KeyInfo.DISABLED, vm.selectedProperty().get().key().keyState(), "the row is read again");
        var sm = fx.stack.store().secrets(fx.stack.store().adminKey(0), Region.US_EAST_1);
        assertThrows(DecryptionFailureException.class, () -> sm.getSecretValue(b -> b.secretId("prod/payments/ledger-db")));

        actions.enable();
        assertEquals(KeyInfo.ENABLED, vm.selectedProperty().get().key().keyState());
        assertEquals("demo", sm.getSecretValue(b -> b.secretId("prod/payments/ledger-db")).secretString());
    }

    @Test
    void rotationPeriodAndRotateNowGoThroughTheMutations() {
        String id = fx.stack.store().kms(fx.stack.store().adminKey(0), Region.US_EAST_1).createKey(b -> b.description("t")).keyMetadata().keyId();
        vm.refresh();
        row(id);
        actions.rotationDaysProperty().set(120);
        actions.enableRotation();
        assertEquals(120, vm.selectedProperty().get().key().rotation().periodDays());
        actions.rotateNow();
        assertNotNull(vm.selectedProperty().get().key().rotation().lastRotation());
        actions.disableRotation();
        assertFalse(vm.selectedProperty().get().key().rotationEnabled());
        fx.typeInPrompt = id;
        actions.deletionDaysProperty().set(7);
        actions.scheduleDeletion();
        assertEquals(KeyInfo.PENDING_DELETION, vm.selectedProperty().get().key().keyState());
        assertEquals("No listed secret uses this key", fx.prompted.get(fx.prompted.size() - 1).headline());
        actions.cancelDeletion();
        assertEquals(KeyInfo.DISABLED, vm.selectedProperty().get().key().keyState());
    }

    @Test
    void awsManagedKeysAndReadOnlyModeCannotBeChanged() {
        KeyRow managed = vm.rows().stream().filter(r -> r.key().isAwsManaged()).findFirst().orElseThrow();
        vm.selectedProperty().set(managed);
        assertFalse(actions.changeableProperty().get());
        assertTrue(actions.lockedReasonProperty().get().startsWith("AWS manages this key"));
        actions.disable();
        assertTrue(fx.prompted.isEmpty());
        assertEquals(KeyInfo.ENABLED, fx.keys.describe(managed.key().scope(), managed.key().keyId()).keyState());

        row(fx.paymentsKeyId);
        assertTrue(actions.changeableProperty().get());
        fx.readOnly.set(true);
        assertFalse(actions.changeableProperty().get());
        assertEquals("Read-only mode: keys cannot be changed.", actions.lockedReasonProperty().get());
    }
}
