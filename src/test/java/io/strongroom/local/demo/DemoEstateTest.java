package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo estate, seeded into a real store and looked at through the real SDK over HTTP, as the
 * console will see it. Assertions on values compare them without ever putting one in a message.
 */
class DemoEstateTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ALIASES = List.of("security-audit", "payments-prod", "analytics-dev");

    static RunningStore running;
    static DemoEstate.Summary seeded;
    static Instant seededAt;
    /** Every secret right after seeding (IncludePlannedDeletion), by alias, then region; taken before any test reads a value. */
    static final Map<String, Map<String, List<SecretListEntry>>> estate = new LinkedHashMap<>();

    @BeforeAll
    static void seed() {
        running = new RunningStore();
        seededAt = running.clock().instant();
        seeded = DemoEstate.seed(running.store());
        System.out.printf(Locale.ROOT, "demo estate: %d secrets, %d versions, %d keys seeded in %d ms%n",
                seeded.secrets(), seeded.versions(), seeded.keys(), seeded.elapsed().toMillis());
        for (String alias : ALIASES) {
            for (String region : DemoEstate.REGIONS) {
                estate.computeIfAbsent(alias, a -> new LinkedHashMap<>()).put(region, list(running, alias, region, true));
            }
        }
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    // ---- Helpers ------------------------------------------------------------------------------

    /** Clients by store (RunningStore closes them), then by account alias and region. */
    static final Map<RunningStore, Map<String, SecretsManagerClient>> secretsClients = new HashMap<>();
    static final Map<RunningStore, Map<String, KmsClient>> kmsClients = new HashMap<>();

    static AccessKey key(RunningStore store, String alias) {
        LocalAccount account = store.store().accounts().find(alias).orElseThrow();
        return store.store().accounts().adminKey(account.accountId()).orElseThrow();
    }

    static SecretsManagerClient sm(RunningStore store, String alias, String region) {
        return secretsClients.computeIfAbsent(store, s -> new HashMap<>()).computeIfAbsent(alias + " " + region,
                k -> store.secrets(key(store, alias), Region.of(region)));
    }

    static KmsClient kms(RunningStore store, String alias, String region) {
        return kmsClients.computeIfAbsent(store, s -> new HashMap<>()).computeIfAbsent(alias + " " + region,
                k -> store.kms(key(store, alias), Region.of(region)));
    }

    /** The secrets of a scope but its replicas (those are {@link DemoReplication}'s, checked on their own). */
    static List<SecretListEntry> list(RunningStore store, String alias, String region, boolean includePlannedDeletion) {
        return listAll(store, alias, region, includePlannedDeletion).stream()
                .filter(s -> s.primaryRegion() == null || s.primaryRegion().equals(region)).toList();
    }

    static List<SecretListEntry> listAll(RunningStore store, String alias, String region, boolean includePlannedDeletion) {
        List<SecretListEntry> out = new ArrayList<>();
        sm(store, alias, region).listSecretsPaginator(b -> b.includePlannedDeletion(includePlannedDeletion).maxResults(100))
                .forEach(page -> out.addAll(page.secretList()));
        return out;
    }

    static List<SecretListEntry> all() {
        return estate.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream).toList();
    }

    static SecretListEntry named(String alias, String region, String name) {
        return estate.get(alias).get(region).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + alias + " " + region));
    }

    static boolean demoTagged(SecretListEntry s) {
        return s.hasTags() && s.tags().contains(Tag.builder().key("strongroom:demo").value("true").build());
    }

    static Map<String, String> tags(SecretListEntry s) {
        return s.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    static List<KeyMetadata> keys(RunningStore store, String alias, String region) {
        KmsClient kms = kms(store, alias, region);
        List<KeyMetadata> out = new ArrayList<>();
        for (KeyListEntry k : kms.listKeys().keys()) {
            out.add(kms.describeKey(b -> b.keyId(k.keyId())).keyMetadata());
        }
        return out;
    }

    static boolean keyDemoTagged(RunningStore store, String alias, String region, String keyId) {
        return kms(store, alias, region).listResourceTags(b -> b.keyId(keyId)).tags().stream()
                .anyMatch(t -> t.tagKey().equals("strongroom:demo") && t.tagValue().equals("true"));
    }

    // ---- The estate ---------------------------------------------------------------------------

    @Test
    void seedsEveryRegionOfEveryDefaultAccount() {
        assertEquals(DemoEstate.Outcome.SEEDED, seeded.outcome());
        assertEquals(3, seeded.accounts());
        assertEquals(4, seeded.regions());
        assertEquals(12, seeded.scopes().size());
        for (DemoEstate.ScopeCounts c : seeded.scopes()) {
            List<SecretListEntry> listed = estate.get(c.accountAlias()).get(c.region());
            assertFalse(listed.isEmpty(), c.accountAlias() + " " + c.region() + " is populated");
            assertEquals(c.secrets(), listed.size(), c.accountAlias() + " " + c.region() + ": the summary counts what is listed");
        }
    }

    /**
     * A sanity bound only, against an order-of-magnitude regression (such as one fsync per
     * operation on a slow disk): the figure itself (well under 3 s cold on two cores) is measured
     * by {@code io.strongroom.bench.DemoSeedBenchmark} in fresh JVMs, not by a test that shares
     * its machine with whatever else is running.
     */
    @Test
    void seedingIsFast() {
        assertTrue(seeded.elapsed().compareTo(Duration.ofSeconds(10)) < 0, "seeded in " + seeded.elapsed().toMillis() + " ms");
    }

    @Test
    void aFewHundredSecretsSpreadLikeARealEstate() {
        assertEquals(300, seeded.secrets());
        assertEquals(300, all().size());
        assertTrue(seeded.versions() > seeded.secrets() + 60, "plenty of secrets have history: " + seeded.versions() + " versions");
        assertEquals(11, seeded.keys());
        Map<String, Integer> byAccount = new HashMap<>();
        estate.forEach((alias, regions) -> byAccount.put(alias, regions.values().stream().mapToInt(List::size).sum()));
        assertTrue(byAccount.get("payments-prod") > byAccount.get("analytics-dev"), byAccount.toString());
        assertTrue(byAccount.get("analytics-dev") > byAccount.get("security-audit"), byAccount.toString());
        int largest = seeded.scopes().stream().mapToInt(DemoEstate.ScopeCounts::secrets).max().orElseThrow();
        int smallest = seeded.scopes().stream().mapToInt(DemoEstate.ScopeCounts::secrets).min().orElseThrow();
        assertEquals(estate.get("payments-prod").get("us-east-1").size(), largest, "payments-prod us-east-1 is the busiest scope");
        assertTrue(largest >= 4 * smallest, "uneven: " + largest + " vs " + smallest);
        Set<String> names = all().stream().map(SecretListEntry::name).collect(Collectors.toSet());
        assertTrue(names.size() > 150, "mostly different names, some shared across regions: " + names.size());
    }

    @Test
    void believableNames() {
        named("payments-prod", "us-east-1", "prod/payments/stripe-api-key");
        named("payments-prod", "us-east-1", "rds/orders-db/master");
        named("payments-prod", "us-east-1", "ci/github/deploy-token");
        named("payments-prod", "us-east-1", "third-party/datadog/api-key");
        named("analytics-dev", "us-east-1", "analytics/redshift/etl-user");
        named("security-audit", "us-east-1", "security/break-glass/root-credentials");
        for (SecretListEntry s : all()) {
            assertTrue(s.name().matches("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9][a-z0-9._-]*){2}"), s.name());
        }
        long described = all().stream().filter(s -> s.description() != null).count();
        assertTrue(described > 250, described + " secrets have a description");
        assertTrue(all().stream().filter(s -> s.description() != null).allMatch(s -> s.description().endsWith("(demo)")));
    }

    @Test
    void everyDemoSecretAndKeyIsTaggedAndMostCarryOwnershipTags() {
        assertTrue(all().stream().allMatch(DemoEstateTest::demoTagged));
        long owned = all().stream().filter(s -> tags(s).containsKey("owner")).count();
        long costed = all().stream().filter(s -> tags(s).containsKey("cost-center")).count();
        long envs = all().stream().filter(s -> tags(s).containsKey("env")).count();
        long teams = all().stream().filter(s -> tags(s).containsKey("team")).count();
        long bare = all().stream().filter(s -> s.tags().size() == 1).count();
        assertTrue(owned > 180 && costed > 150 && envs > 250 && teams > 200, owned + " " + costed + " " + envs + " " + teams);
        assertTrue(bare > 0 && bare < 40, "a few carry nothing but the demo tag: " + bare);
        for (String alias : ALIASES) {
            for (String region : DemoEstate.REGIONS) {
                for (KeyMetadata k : keys(running, alias, region)) {
                    if (k.keyManager() == KeyManagerType.CUSTOMER) {
                        assertTrue(keyDemoTagged(running, alias, region, k.keyId()), k.arn());
                    }
                }
            }
        }
    }

    @Test
    void severalSecretsHaveAPreviousVersion() {
        long withPrevious = all().stream().filter(s -> s.secretVersionsToStages().values().stream()
                .anyMatch(stages -> stages.contains("AWSPREVIOUS"))).count();
        assertTrue(withPrevious >= 40, withPrevious + " secrets have AWSPREVIOUS");
        SecretsManagerClient sm = sm(running, "payments-prod", "us-east-1");
        GetSecretValueResponse current = sm.getSecretValue(b -> b.secretId("prod/payments/stripe-api-key"));
        GetSecretValueResponse previous = sm.getSecretValue(b -> b.secretId("prod/payments/stripe-api-key").versionStage("AWSPREVIOUS"));
        assertFalse(current.versionId().equals(previous.versionId()));
        assertFalse(current.secretString().equals(previous.secretString()), "each version has its own value");
        assertTrue(previous.createdDate().isBefore(current.createdDate()));
        assertTrue(previous.versionStages().contains("AWSPREVIOUS"));
    }

    @Test
    void binarySecretsHoldKeystoreLookingBlobs() {
        for (String[] where : new String[][] {{"payments-prod", "us-east-1", "prod/card-vault/tls-keystore"},
                {"payments-prod", "eu-west-1", "prod/card-vault/tls-keystore"},
                {"security-audit", "us-east-1", "security/pki/intermediate-ca.p12"},
                {"analytics-dev", "us-west-2", "dev/airflow/kerberos.keytab"}}) {
            GetSecretValueResponse v = sm(running, where[0], where[1]).getSecretValue(b -> b.secretId(where[2]));
            assertNull(v.secretString(), where[2] + " is binary");
            SdkBytes bytes = v.secretBinary();
            assertNotNull(bytes, where[2]);
            assertTrue(bytes.asByteArray().length > 300, where[2]);
        }
        byte[] p12 = sm(running, "payments-prod", "us-east-1").getSecretValue(b -> b.secretId("prod/card-vault/tls-keystore"))
                .secretBinary().asByteArray();
        assertEquals(0x30, p12[0] & 0xFF, "a DER SEQUENCE, as PKCS#12 files start");
        assertTrue(new String(p12, java.nio.charset.StandardCharsets.ISO_8859_1).contains("DEMO-EXAMPLE"), "and says it is fake");
    }

    @Test
    void someAreScheduledForDeletionAndListedOnlyWithIncludePlannedDeletion() {
        int scheduled = 0;
        Set<Long> daysLeft = new TreeSet<>();
        for (String alias : ALIASES) {
            for (String region : DemoEstate.REGIONS) {
                List<SecretListEntry> withDeleted = estate.get(alias).get(region);
                List<SecretListEntry> live = list(running, alias, region, false);
                List<SecretListEntry> deleted = withDeleted.stream().filter(s -> s.deletedDate() != null).toList();
                assertTrue(live.stream().noneMatch(s -> s.deletedDate() != null), alias + " " + region);
                assertEquals(withDeleted.size() - deleted.size(), live.size(), alias + " " + region);
                for (SecretListEntry s : deleted) {
                    assertTrue(s.deletedDate().isAfter(seededAt), s.name() + " is still within its recovery window");
                    assertTrue(s.deletedDate().isBefore(seededAt.plus(Duration.ofDays(30))), s.name());
                    daysLeft.add(Duration.between(seededAt, s.deletedDate()).toDays());
                }
                scheduled += deleted.size();
            }
        }
        assertEquals(seeded.secretsScheduledForDeletion(), scheduled);
        assertTrue(scheduled >= 5 && scheduled <= 30, scheduled + " scheduled for deletion");
        assertTrue(daysLeft.size() >= 3, "various recovery windows: " + daysLeft);
    }

    @Test
    void accessAndCreationDatesAreSpreadOut() {
        List<SecretListEntry> all = all();
        long neverAccessed = all.stream().filter(s -> s.lastAccessedDate() == null).count();
        assertTrue(neverAccessed >= 15 && neverAccessed < 100, neverAccessed + " never accessed");
        List<Instant> accessed = all.stream().map(SecretListEntry::lastAccessedDate).filter(Objects::nonNull).toList();
        for (Instant a : accessed) {
            assertFalse(a.isAfter(seededAt), "no access in the future");
            assertTrue(a.isAfter(seededAt.minus(Duration.ofDays(122))), "accessed in the last ~120 days");
        }
        assertTrue(accessed.stream().anyMatch(a -> a.isBefore(seededAt.minus(Duration.ofDays(90)))), "some not read for 90+ days");
        assertTrue(accessed.stream().anyMatch(a -> a.isAfter(seededAt.minus(Duration.ofDays(7)))), "some read this week");

        List<Instant> created = all.stream().map(SecretListEntry::createdDate).toList();
        assertTrue(created.stream().allMatch(c -> c.isBefore(seededAt)));
        assertTrue(created.stream().anyMatch(c -> c.isBefore(seededAt.minus(Duration.ofDays(600)))), "some are nearly two years old");
        assertTrue(created.stream().anyMatch(c -> c.isAfter(seededAt.minus(Duration.ofDays(30)))), "some are new");
        Set<YearMonth> months = created.stream().map(c -> YearMonth.from(c.atZone(ZoneOffset.UTC))).collect(Collectors.toSet());
        assertTrue(months.size() >= 20, "created across " + months.size() + " months");
        for (SecretListEntry s : all) {
            assertFalse(s.lastChangedDate().isBefore(s.createdDate()), s.name());
            if (s.lastAccessedDate() != null) {
                assertFalse(s.lastAccessedDate().isBefore(s.createdDate().truncatedTo(java.time.temporal.ChronoUnit.DAYS)), s.name());
            }
        }
    }

    @Test
    void customerKeysWithAliasesProtectSomeSecrets() {
        for (String region : DemoEstate.REGIONS) {
            List<String> aliases = kms(running, "payments-prod", region).listAliases().aliases().stream()
                    .map(AliasListEntry::aliasName).toList();
            assertTrue(aliases.contains("alias/payments-prod-secrets"), region + ": " + aliases);
        }
        assertTrue(kms(running, "payments-prod", "us-east-1").listAliases().aliases().stream()
                .anyMatch(a -> a.aliasName().equals("alias/card-vault")));
        List<SecretListEntry> customer = all().stream().filter(s -> s.kmsKeyId() != null).toList();
        assertTrue(customer.size() >= 60, customer.size() + " secrets under customer keys");
        assertTrue(customer.stream().anyMatch(s -> s.kmsKeyId().startsWith("alias/")), "named by alias");
        assertTrue(customer.stream().anyMatch(s -> s.kmsKeyId().startsWith("arn:aws:kms:")), "and by key ARN");
        for (String alias : ALIASES) {
            for (String region : DemoEstate.REGIONS) {
                KmsClient kms = kms(running, alias, region);
                for (SecretListEntry s : estate.get(alias).get(region)) {
                    if (s.kmsKeyId() != null) {
                        KeyMetadata k = kms.describeKey(b -> b.keyId(s.kmsKeyId())).keyMetadata();
                        assertEquals(KeyManagerType.CUSTOMER, k.keyManager(), s.name());
                        assertEquals(KeyState.ENABLED, k.keyState(), s.name());
                        assertTrue(k.creationDate().isBefore(s.createdDate()), s.name() + ": the key predates the secret");
                    }
                }
            }
        }
        for (String region : List.of("us-east-1", "eu-west-1")) {
            KmsClient kms = kms(running, "payments-prod", region);
            String keyId = kms.describeKey(b -> b.keyId("alias/payments-prod-secrets")).keyMetadata().keyId();
            assertTrue(kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled(), region);
            assertTrue(kms.getKeyRotationStatus(b -> b.keyId(keyId)).nextRotationDate().isAfter(seededAt), "rotation is on schedule");
        }
        List<KeyState> states = keys(running, "payments-prod", "us-east-1").stream()
                .filter(k -> k.keyManager() == KeyManagerType.CUSTOMER).map(KeyMetadata::keyState).toList();
        assertTrue(states.contains(KeyState.PENDING_DELETION), "a retired key on its way out: " + states);
    }

    @Test
    void valuesAreReadableThroughTheSdkAndObviouslyFake() throws IOException {
        int read = 0;
        int json = 0;
        for (String alias : ALIASES) {
            for (String region : DemoEstate.REGIONS) {
                SecretsManagerClient sm = sm(running, alias, region);
                for (SecretListEntry s : estate.get(alias).get(region)) {
                    if (s.deletedDate() != null) {
                        continue;
                    }
                    GetSecretValueResponse v = sm.getSecretValue(b -> b.secretId(s.arn()));
                    read++;
                    if (v.secretString() == null) {
                        continue;
                    }
                    String value = v.secretString();
                    String lower = value.toLowerCase(Locale.ROOT);
                    assertTrue(value.contains("EXAMPLE") || lower.contains("demo"), s.name() + " looks fake");
                    if (value.startsWith("{")) {
                        JsonNode node = JSON.readTree(value);
                        json++;
                        if (s.name().startsWith("rds/") || s.name().startsWith("analytics/redshift/")) {
                            for (String field : List.of("username", "password", "host", "port", "dbname", "engine")) {
                                assertTrue(node.has(field), s.name() + " has " + field);
                            }
                            assertTrue(node.get("port").isInt(), s.name());
                        }
                    }
                }
            }
        }
        assertEquals(300 - seeded.secretsScheduledForDeletion(), read);
        assertTrue(json > 80, json + " JSON credential documents");
    }

    @Test
    void seedingAgainDoesNothing() {
        DemoEstate.Summary again = DemoEstate.seed(running.store());
        assertEquals(DemoEstate.Outcome.ALREADY_PRESENT, again.outcome());
        assertFalse(again.changed());
        assertEquals(0, again.secrets());
        assertTrue(DemoEstate.present(running.store()));
        assertEquals(estate.get("payments-prod").get("eu-west-1").size(), list(running, "payments-prod", "eu-west-1", true).size());
    }

    @Test
    void seedingWritesNoAuditEventsOfItsOwnOnlyTheLabelledHistory() {
        Set<String> writes = Set.of("CreateSecret", "PutSecretValue", "DeleteSecret", "CreateKey", "CreateAlias", "ScheduleKeyDeletion");
        for (LocalAccount account : running.store().accounts().list()) {
            for (String region : DemoEstate.REGIONS) {
                AuditLog.Cursor next = null;
                do {
                    AuditLog.Page page = running.store().audit().lookup(new AuditLog.Query(account.accountId(), region, null, null,
                            null, null, 5000, next));
                    assertTrue(page.events().stream().noneMatch(e -> writes.contains(e.event().eventName())
                                    && !DemoHistory.seeded(e.event().userAgent())),
                            account.alias() + " " + region + " has no seeding events but the history's");
                    next = page.next();
                } while (next != null);
            }
        }
        assertNotNull(seeded.history(), "the history came with the estate");
    }

    @Test
    void aFewPrimariesAreReplicatedAllInSyncButOneSameNameConflict() {
        int failed = 0;
        int inSync = 0;
        for (DemoReplication.Plan p : DemoReplication.PLANS) {
            var primary = sm(running, p.accountAlias(), "us-east-1").describeSecret(b -> b.secretId(p.name()));
            assertEquals("us-east-1", primary.primaryRegion(), p.name());
            assertEquals(p.regions(), primary.replicationStatus().stream().map(r -> r.region()).toList(), p.name());
            for (var status : primary.replicationStatus()) {
                boolean conflict = p.name().equals("prod/payments/stripe-api-key") && status.region().equals("eu-west-1");
                if (conflict) {
                    failed++;
                    assertEquals("Failed", status.statusAsString());
                    assertEquals("Secret with this name already exists in this region", status.statusMessage());
                } else {
                    inSync++;
                    assertEquals("InSync", status.statusAsString(), p.name() + " " + status.region() + ": " + status.statusMessage());
                    SecretListEntry replica = listAll(running, p.accountAlias(), status.region(), false).stream()
                            .filter(s -> s.name().equals(p.name()) && "us-east-1".equals(s.primaryRegion())).findFirst().orElseThrow();
                    assertEquals(primary.arn().replace(":us-east-1:", ":" + status.region() + ":"), replica.arn());
                    assertTrue(demoTagged(replica), "a replica carries its primary's tags, the demo's included");
                }
            }
        }
        assertEquals(1, failed);
        assertEquals(7, inSync);
        var single = sm(running, "payments-prod", "us-east-1").listSecrets(b -> b.maxResults(100)).secretList().stream()
                .filter(s -> s.primaryRegion() != null).count();
        assertEquals(4, single, "ListSecrets shows PrimaryRegion on the four multi-Region primaries of payments-prod us-east-1");
    }

    // ---- Stores of their own ------------------------------------------------------------------

    @Nested
    class WhenTheStoreIsNotEmpty {

        @Test
        void seedingRefusesWhenUserSecretsExistAnywhere() {
            try (RunningStore other = new RunningStore()) {
                // Outside the demo's regions: the guard looks at every region in use.
                SecretsManagerClient frankfurt = sm(other, "payments-prod", "eu-central-1");
                frankfurt.createSecret(b -> b.name("prod/real/thing").secretString("not a demo"));
                DemoEstate.Summary refused = DemoEstate.seed(other.store());
                assertEquals(DemoEstate.Outcome.STORE_NOT_EMPTY, refused.outcome());
                assertEquals(0, refused.secrets());
                assertFalse(DemoEstate.present(other.store()));
                for (String alias : ALIASES) {
                    assertTrue(list(other, alias, "us-east-1", true).isEmpty(), alias);
                }

                // Once the store is empty again, the demo estate seeds: the same one, name for name.
                frankfurt.deleteSecret(b -> b.secretId("prod/real/thing").forceDeleteWithoutRecovery(true));
                assertEquals(DemoEstate.Outcome.SEEDED, DemoEstate.seed(other.store()).outcome());
                for (String alias : ALIASES) {
                    for (String region : DemoEstate.REGIONS) {
                        Set<String> expected = estate.get(alias).get(region).stream().map(SecretListEntry::name).collect(Collectors.toSet());
                        Set<String> actual = list(other, alias, region, true).stream().map(SecretListEntry::name).collect(Collectors.toSet());
                        assertEquals(expected, actual, alias + " " + region + ": the estate is deterministic");
                    }
                }

                // Removed and seeded again: the demo's aliases are free again for its new keys.
                assertEquals(DemoEstate.Outcome.REMOVED, DemoEstate.remove(other.store()).outcome());
                assertFalse(DemoEstate.present(other.store()));
                DemoEstate.Summary reseeded = DemoEstate.seed(other.store());
                System.out.printf(Locale.ROOT, "demo estate seeded again in %d ms%n", reseeded.elapsed().toMillis());
                assertEquals(DemoEstate.Outcome.SEEDED, reseeded.outcome());
                assertEquals(300, reseeded.secrets());
                assertTrue(kms(other, "payments-prod", "eu-west-1").describeKey(b -> b.keyId("alias/payments-prod-secrets"))
                        .keyMetadata().enabled());
            }
        }

        @Test
        void removeDeletesExactlyTheDemoAndKeepsKeysThatUserSecretsNeed() {
            try (RunningStore other = new RunningStore()) {
                DemoEstate.Summary seededHere = DemoEstate.seed(other.store());
                SecretsManagerClient payments = sm(other, "payments-prod", "us-east-1");
                payments.createSecret(b -> b.name("prod/mine/plain").secretString("user value one"));
                payments.createSecret(b -> b.name("prod/mine/under-demo-key").secretString("user value two")
                        .kmsKeyId("alias/payments-prod-secrets"));
                // Tagged like a demo secret but not "true": not demo.
                sm(other, "security-audit", "eu-west-1").createSecret(b -> b.name("security/mine/tagged")
                        .secretString("user value three").tags(Tag.builder().key("strongroom:demo").value("no").build(), Tag.builder().key("owner").value("me").build()));
                String userKey = kms(other, "analytics-dev", "us-east-1").createKey(b -> b.description("mine")
                        .tags(software.amazon.awssdk.services.kms.model.Tag.builder().tagKey("team").tagValue("data").build()))
                        .keyMetadata().keyId();

                DemoEstate.Summary removed = DemoEstate.remove(other.store());
                assertEquals(DemoEstate.Outcome.REMOVED, removed.outcome());
                assertEquals(300, removed.secrets());
                assertEquals(seededHere.versions(), removed.versions());
                assertEquals(seededHere.secretsScheduledForDeletion(), removed.secretsScheduledForDeletion());
                assertEquals(11, removed.keys());
                assertEquals(1, removed.keysKept(), "the key under a user's secret stays");
                assertEquals(9, removed.keysScheduledForDeletion(), "all others but the one already pending deletion");

                Map<String, Set<String>> left = new LinkedHashMap<>();
                for (String alias : ALIASES) {
                    for (String region : DemoEstate.REGIONS) {
                        for (SecretListEntry s : listAll(other, alias, region, true)) {
                            left.computeIfAbsent(alias + " " + region, k -> new TreeSet<>()).add(s.name());
                        }
                    }
                }
                assertEquals(Map.of("payments-prod us-east-1", Set.of("prod/mine/plain", "prod/mine/under-demo-key"),
                        "security-audit eu-west-1", Set.of("security/mine/tagged")), left);
                assertTrue("user value one".equals(payments.getSecretValue(b -> b.secretId("prod/mine/plain")).secretString()));
                assertTrue("user value two".equals(payments.getSecretValue(b -> b.secretId("prod/mine/under-demo-key")).secretString()));
                assertTrue("user value three".equals(sm(other, "security-audit", "eu-west-1")
                        .getSecretValue(b -> b.secretId("security/mine/tagged")).secretString()));

                KeyMetadata kept = kms(other, "payments-prod", "us-east-1").describeKey(b -> b.keyId("alias/payments-prod-secrets")).keyMetadata();
                assertEquals(KeyState.ENABLED, kept.keyState());
                assertFalse(keyDemoTagged(other, "payments-prod", "us-east-1", kept.keyId()), "kept keys are no longer demo keys");
                assertThrows(software.amazon.awssdk.services.kms.model.NotFoundException.class,
                        () -> kms(other, "payments-prod", "eu-west-1").describeKey(b -> b.keyId("alias/payments-prod-secrets")));
                for (String alias : ALIASES) {
                    for (String region : DemoEstate.REGIONS) {
                        for (KeyMetadata k : keys(other, alias, region)) {
                            if (k.keyManager() == KeyManagerType.CUSTOMER && !k.keyId().equals(kept.keyId()) && !k.keyId().equals(userKey)) {
                                assertEquals(KeyState.PENDING_DELETION, k.keyState(), k.arn());
                            }
                        }
                    }
                }
                KeyMetadata mine = kms(other, "analytics-dev", "us-east-1").describeKey(b -> b.keyId(userKey)).keyMetadata();
                assertEquals(KeyState.ENABLED, mine.keyState());
                assertEquals("data", kms(other, "analytics-dev", "us-east-1").listResourceTags(b -> b.keyId(userKey)).tags().get(0).tagValue());

                assertFalse(DemoEstate.present(other.store()));
                assertEquals(DemoEstate.Outcome.NOTHING_TO_REMOVE, DemoEstate.remove(other.store()).outcome());
                assertEquals(DemoEstate.Outcome.STORE_NOT_EMPTY, DemoEstate.seed(other.store()).outcome());
            }
        }
    }
}
