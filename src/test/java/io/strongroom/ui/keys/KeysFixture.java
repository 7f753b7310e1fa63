package io.strongroom.ui.keys;

import io.strongroom.domain.Scope;
import io.strongroom.service.KeysService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An estate for the Keys view's tests and screenshots, in two regions of one account: a payments key
 * (alias, rotation every 180 days, rotated once on demand) used by three secrets, one a replica-like
 * secret naming a primary region; a disabled key; a key pending deletion; the AWS managed keys.
 */
final class KeysFixture implements AutoCloseable {

    final ServiceStack stack;
    final KeysService keys;
    final Scope east;
    final Scope west;
    final String paymentsKeyId;
    final String disabledKeyId;
    final String pendingKeyId;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    final List<KeyImpactViewModel> prompted = new ArrayList<>();
    /** What the test's user types in the impact dialog (null: cancels). */
    String typeInPrompt;

    KeysFixture() {
        stack = ServiceStack.start(3);
        RunningStore store = stack.store();
        east = stack.scope(0, "us-east-1");
        west = stack.scope(0, "eu-west-1");
        KmsClient kms = store.kms(store.adminKey(0), Region.US_EAST_1);
        KmsClient kmsWest = store.kms(store.adminKey(0), Region.EU_WEST_1);
        SecretsManagerClient sm = store.secrets(store.adminKey(0), Region.US_EAST_1);
        SecretsManagerClient smWest = store.secrets(store.adminKey(0), Region.EU_WEST_1);
        paymentsKeyId = kms.createKey(b -> b.description("Payments data")).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName("alias/payments").targetKeyId(paymentsKeyId));
        kms.enableKeyRotation(b -> b.keyId(paymentsKeyId).rotationPeriodInDays(180));
        kms.rotateKeyOnDemand(b -> b.keyId(paymentsKeyId));
        for (String name : List.of("prod/payments/stripe-api-key", "prod/payments/ledger-db", "prod/payments/webhook-signing-key")) {
            sm.createSecret(b -> b.name(name).kmsKeyId("alias/payments").secretString("demo"));
        }
        sm.createSecret(b -> b.name("prod/orders/db").secretString("demo"));
        disabledKeyId = kms.createKey(b -> b.description("Legacy reporting")).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName("alias/reporting-legacy").targetKeyId(disabledKeyId));
        sm.createSecret(b -> b.name("prod/reporting/warehouse").kmsKeyId(disabledKeyId).secretString("demo"));
        kms.disableKey(b -> b.keyId(disabledKeyId));
        pendingKeyId = kmsWest.createKey(b -> b.description("Old partner integration")).keyMetadata().keyId();
        kmsWest.createAlias(b -> b.aliasName("alias/partner-old").targetKeyId(pendingKeyId));
        smWest.createSecret(b -> b.name("partner/sftp-password").kmsKeyId("alias/partner-old").secretString("demo"));
        kmsWest.scheduleKeyDeletion(b -> b.keyId(pendingKeyId).pendingWindowInDays(14));
        smWest.createSecret(b -> b.name("prod/payments/ledger-db").secretString("demo"));
        keys = stack.keys(3);
    }

    static Texts texts() {
        return Texts.load(Locale.ROOT).in(KeysFeature.BUNDLE);
    }

    KeysViewModel viewModel(UiExecutor ui) {
        return new KeysViewModel(keys, new KeyEstateLoader(keys, stack.secrets()), ui, () -> List.of(east, west), texts());
    }

    KeyActionsModel actions(KeysViewModel vm, UiExecutor ui) {
        SecretMutations mutations = SecretMutations.of(new Writers(stack.secrets(), stack.policies(), null, null, keys));
        return new KeyActionsModel(vm, mutations, ui, readOnly, impact -> {
            prompted.add(impact);
            if (typeInPrompt == null) {
                return false;
            }
            impact.typedProperty().set(typeInPrompt);
            return impact.confirmableProperty().get();
        }, texts(), () -> { });
    }

    @Override
    public void close() {
        stack.close();
    }
}
