package io.strongroom.local.iam;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.nio.file.Path;
import java.util.List;

import static io.strongroom.testing.AccountIdFixtures.FIXTURE_IDS;
import static io.strongroom.testing.AccountIdFixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store started with chosen account IDs: its accounts, keys and ARNs carry them, and its data directory keeps them. */
class ChosenAccountIdsTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreHasOneAccountPerChosenIdInOrderWithTheDefaultAliases() {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS))) {
            assertEquals(FIXTURE_IDS, ids(store));
            assertEquals(Accounts.DEFAULT_ALIASES, store.accounts().list().stream().map(LocalAccount::alias).toList());
            assertEquals(FIXTURE_IDS, store.accounts().adminKeys().stream().map(AccessKey::accountId).toList());
        }
    }

    @Test
    void getCallerIdentityAndSecretAndKeyArnsCarryTheChosenIds() {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS))) {
            for (AccessKey key : store.accounts().adminKeys()) {
                try (StsClient sts = RunningStore.client(StsClient.builder(), store.endpoint(), key, Region.US_EAST_1);
                     SecretsManagerClient sm = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key, Region.EU_WEST_1);
                     KmsClient kms = RunningStore.client(KmsClient.builder(), store.endpoint(), key, Region.EU_WEST_1)) {
                    GetCallerIdentityResponse me = sts.getCallerIdentity();
                    assertEquals(key.accountId(), me.account());
                    assertEquals("arn:aws:iam::" + key.accountId() + ":user/admin", me.arn());
                    String arn = sm.createSecret(b -> b.name("fixture/db").secretString("x")).arn();
                    assertTrue(arn.startsWith("arn:aws:secretsmanager:eu-west-1:" + key.accountId() + ":secret:fixture/db-"), arn);
                    String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
                    assertTrue(keyArn.startsWith("arn:aws:kms:eu-west-1:" + key.accountId() + ":key/"), keyArn);
                }
            }
        }
    }

    @Test
    void oneIdMakesOneAccountAndFiveMakeFiveWithNumberedAliasesPastTheDefaults() {
        try (LocalStore one = LocalStore.start(LocalStoreConfig.defaults(dir.resolve("one")).withAccountIds(List.of("123456789012")))) {
            assertEquals(List.of(new LocalAccount("123456789012", "security-audit")), one.accounts().list());
        }
        List<String> five = List.of("100000000001", "100000000002", "100000000003", "100000000004", "100000000005");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir.resolve("five")).withAccountIds(five))) {
            assertEquals(five, ids(store));
            assertEquals(List.of("security-audit", "payments-prod", "analytics-dev", "account-4", "account-5"),
                    store.accounts().list().stream().map(LocalAccount::alias).toList());
            assertEquals(five, store.accounts().adminKeys().stream().map(AccessKey::accountId).toList());
        }
    }

    @Test
    void aRestartWithoutIdsOrWithTheSameIdsInAnyOrderKeepsTheStoredAccountsAndKeys() {
        List<AccessKey> keys;
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS))) {
            keys = store.accounts().adminKeys();
        }
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            assertEquals(FIXTURE_IDS, ids(again));
            assertEquals(keys, again.accounts().adminKeys());
        }
        List<String> reordered = List.of(FIXTURE_IDS.get(2), FIXTURE_IDS.get(0), FIXTURE_IDS.get(1));
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(reordered))) {
            assertEquals(FIXTURE_IDS, ids(again), "the stored order and aliases stay");
            assertEquals(keys, again.accounts().adminKeys());
        }
    }

    @Test
    void aRestartWithOtherIdsIsRefusedNamingTheStoredOnesAndLosesNothing() {
        AccessKey key;
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS))) {
            key = store.accounts().adminKeys().get(0);
            try (SecretsManagerClient sm = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), key, Region.US_EAST_1)) {
                sm.createSecret(b -> b.name("kept/db").secretString("still here"));
            }
        }
        for (List<String> other : List.of(List.of("123456789012"), List.of("000000000000"),
                List.of("000000000000", "111111111111", "222222222222", "333333333333"))) {
            AccountIdsMismatchException refused = assertThrows(AccountIdsMismatchException.class,
                    () -> LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(other)).close(), other.toString());
            assertEquals(FIXTURE_IDS, refused.storedIds());
            assertEquals(other, refused.requestedIds());
            assertTrue(refused.getMessage().contains("created with account IDs 000000000000, 111111111111, 222222222222"),
                    refused.getMessage());
        }
        // the refused starts released the directory and changed nothing in it
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            assertEquals(FIXTURE_IDS, ids(again));
            try (SecretsManagerClient sm = RunningStore.client(SecretsManagerClient.builder(), again.endpoint(), key, Region.US_EAST_1)) {
                assertEquals("still here", sm.getSecretValue(b -> b.secretId("kept/db")).secretString());
            }
        }
    }

    @Test
    void aStoreCreatedWithRandomIdsRefusesChosenOnesLater() {
        List<String> random;
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir))) {
            random = ids(store);
        }
        AccountIdsMismatchException refused = assertThrows(AccountIdsMismatchException.class,
                () -> LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS)).close());
        assertEquals(random, refused.storedIds());
    }

    @Test
    void aConfigWithAnInvalidOrRepeatedIdIsRefused() {
        LocalStoreConfig config = LocalStoreConfig.defaults(dir);
        assertThrows(IllegalArgumentException.class, () -> config.withAccountIds(List.of("12345678901")));
        assertThrows(IllegalArgumentException.class, () -> config.withAccountIds(List.of("111111111111", "111111111111")));
    }
}
