package io.strongroom.service.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.service.KeysService;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys and secrets of several scopes read from the embedded store over HTTP, each key with the
 * secrets that use it, its rotation detail, and the impact of a change to it.
 */
class KeyEstateLoaderTest {

    static ServiceStack stack;
    static KeysService keys;
    static Scope east;
    static Scope west;
    static String paymentsKeyId;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(3);
        RunningStore store = stack.store();
        east = stack.scope(0, "us-east-1");
        west = stack.scope(0, "eu-west-1");
        KmsClient kms = store.kms(store.adminKey(0), Region.US_EAST_1);
        SecretsManagerClient sm = store.secrets(store.adminKey(0), Region.US_EAST_1);
        SecretsManagerClient smWest = store.secrets(store.adminKey(0), Region.EU_WEST_1);
        paymentsKeyId = kms.createKey(b -> b.description("payments")).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName("alias/payments").targetKeyId(paymentsKeyId));
        kms.enableKeyRotation(b -> b.keyId(paymentsKeyId).rotationPeriodInDays(90));
        kms.rotateKeyOnDemand(b -> b.keyId(paymentsKeyId));
        sm.createSecret(b -> b.name("payments/db").kmsKeyId("alias/payments").secretString("x"));
        sm.createSecret(b -> b.name("payments/api").kmsKeyId(paymentsKeyId).secretString("x"));
        sm.createSecret(b -> b.name("orders/db").secretString("x"));
        smWest.createSecret(b -> b.name("payments/db").secretString("x"));
        keys = stack.keys(3);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyKeyCountsTheSecretsThatUseItAndCarriesItsRotation() throws Exception {
        KeyEstate estate = new KeyEstateLoader(keys, stack.secrets()).load(List.of(east, west));
        assertTrue(estate.problems().isEmpty(), estate.problems().toString());
        KeyInfo payments = estate.keys().stream().filter(k -> k.keyId().equals(paymentsKeyId)).findFirst().orElseThrow();
        assertEquals("alias/payments", payments.displayName());
        assertEquals(2, estate.secretsUsing(payments));
        assertEquals(90, payments.rotation().periodDays());
        assertNotNull(payments.rotation().nextRotation());
        assertNotNull(payments.rotation().lastRotation(), "the on-demand rotation, from ListKeyRotations");
        assertNull(payments.rotation().onDemandStarted());

        KeyInfo eastDefault = estate.keys().stream()
                .filter(k -> k.scope().equals(east) && k.aliases().contains(KeyUsage.SECRETS_MANAGER_ALIAS)).findFirst().orElseThrow();
        KeyInfo westDefault = estate.keys().stream()
                .filter(k -> k.scope().equals(west) && k.aliases().contains(KeyUsage.SECRETS_MANAGER_ALIAS)).findFirst().orElseThrow();
        assertTrue(eastDefault.isAwsManaged());
        assertEquals(1, estate.secretsUsing(eastDefault));
        assertEquals(1, estate.secretsUsing(westDefault));

        KeyImpact impact = estate.impactOf(payments);
        assertEquals(List.of("payments/api", "payments/db"), impact.unreadable().stream().map(s -> s.name()).toList());
        assertEquals(1, impact.regionCount());
    }

    @Test
    void aDisabledKeyIsListedAsDisabledAndEnabledAgain() throws Exception {
        String id = stack.store().kms(stack.store().adminKey(0), Region.EU_WEST_1).createKey(b -> b.description("west")).keyMetadata().keyId();
        keys.disable(west, id);
        assertEquals(KeyInfo.DISABLED, keys.describe(west, id).keyState());
        keys.enable(west, id);
        assertEquals(KeyInfo.ENABLED, keys.describe(west, id).keyState());
        keys.scheduleDeletion(west, id, 7);
        KeyInfo pending = keys.describe(west, id);
        assertEquals(KeyInfo.PENDING_DELETION, pending.keyState());
        assertNotNull(pending.deletionDate());
        keys.cancelDeletion(west, id);
        assertEquals(KeyInfo.DISABLED, keys.describe(west, id).keyState());
    }
}
