package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo estate on a store of chosen account IDs: the demo's three account profiles go to the
 * first three accounts (by their aliases), so one ID gets the first profile's estate in all four
 * regions, and with five IDs the fourth and fifth accounts stay empty. Every ARN carries the chosen IDs.
 */
class DemoEstateAccountIdsTest {

    @TempDir
    Path dir;

    @Test
    void withOneIdTheOneAccountIsSeededInEveryDemoRegionUnderThatId() {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(List.of("000000000000")))) {
            DemoEstate.Summary seeded = DemoEstate.seed(store);
            assertEquals(DemoEstate.Outcome.SEEDED, seeded.outcome());
            assertEquals(1, seeded.accounts());
            assertEquals(DemoEstate.REGIONS.size(), seeded.regions());
            assertTrue(seeded.secrets() >= 40, "a populated account: " + seeded.secrets());
            assertEquals(Set.of("000000000000"), seeded.scopes().stream().map(DemoEstate.ScopeCounts::accountId).collect(java.util.stream.Collectors.toSet()));

            AccessKey admin = store.accounts().adminKeys().get(0);
            try (SecretsManagerClient sm = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), admin, Region.US_EAST_1);
                 KmsClient kms = RunningStore.client(KmsClient.builder(), store.endpoint(), admin, Region.US_EAST_1)) {
                List<SecretListEntry> listed = new ArrayList<>();
                sm.listSecretsPaginator(b -> b.includePlannedDeletion(true)).forEach(p -> listed.addAll(p.secretList()));
                assertFalse(listed.isEmpty());
                assertTrue(listed.stream().allMatch(s -> s.arn().startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:")));
                assertTrue(listed.stream().filter(s -> s.kmsKeyId() != null)
                        .allMatch(s -> s.kmsKeyId().startsWith("arn:aws:kms:us-east-1:000000000000:") || s.kmsKeyId().startsWith("alias/")));
                assertTrue(kms.listKeys().keys().stream().allMatch(k -> k.keyArn().startsWith("arn:aws:kms:us-east-1:000000000000:key/")));
            }
        }
    }

    @Test
    void withFiveIdsTheFirstThreeAccountsAreSeededAndTheOthersStayEmpty() {
        List<String> five = List.of("000000000000", "111111111111", "222222222222", "333333333333", "444444444444");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(five))) {
            DemoEstate.Summary seeded = DemoEstate.seed(store);
            assertEquals(DemoEstate.Outcome.SEEDED, seeded.outcome());
            assertEquals(Set.copyOf(five.subList(0, 3)),
                    seeded.scopes().stream().map(DemoEstate.ScopeCounts::accountId).collect(java.util.stream.Collectors.toSet()));
            assertEquals(Set.of(), store.regionsInUse("333333333333"));
            assertEquals(Set.of(), store.regionsInUse("444444444444"));
            assertEquals(DemoEstate.Outcome.REMOVED, DemoEstate.remove(store).outcome());
        }
    }
}
