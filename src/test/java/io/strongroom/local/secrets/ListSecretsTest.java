package io.strongroom.local.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ListSecrets: every filter key, negation, OR within a filter and AND across filters, sort
 * order, planned deletions, page sizes, and paging over a few hundred secrets.
 *
 * <p>The filter fixture lives in us-east-1 and nothing else is created there, so each
 * expectation is the exact set of names. The paging fixture lives in its own region.
 */
class ListSecretsTest extends StoreTestCase {

    static SecretsManagerClient pagingRegion;
    static final int PAGING_SECRETS = 260;

    @BeforeAll
    static void start() {
        // Created a second apart, in this order, so CreatedDate gives one unambiguous order.
        create("prod/db/orders", "Orders database for Production", tag("env", "prod"), tag("team", "payments"));
        create("prod/api/stripe", "Stripe API key", tag("env", "prod"), tag("vendor", "stripe"));
        create("dev/db/orders", "orders database (dev)", tag("env", "dev"), tag("team", "payments"));
        create("dev/cache", null, tag("Env", "dev"));
        create("shared/ldap-bind", "LDAP bind password", tag("owner", "identity-team"));

        pagingRegion = store.secrets(store.adminKey(0), Region.EU_WEST_1);
        for (int i = 0; i < PAGING_SECRETS; i++) {
            String name = (i % 3 == 0 ? "page/third/" : "page/rest/") + i;
            pagingRegion.createSecret(b -> b.name(name));
        }
    }

    private static void create(String name, String description, Tag... tags) {
        sm.createSecret(b -> b.name(name).description(description).secretString("v").tags(tags));
        store.clock().advance(Duration.ofSeconds(1));
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static Set<String> names(Filter... filters) {
        List<SecretListEntry> list = sm.listSecrets(b -> b.filters(filters)).secretList();
        Set<String> names = list.stream().map(SecretListEntry::name).collect(Collectors.toSet());
        assertEquals(list.size(), names.size(), "no duplicates");
        return names;
    }

    // ---- filter keys

    @Test
    void nameMatchesACaseSensitivePrefix() {
        assertEquals(Set.of("prod/db/orders", "prod/api/stripe"), names(filter(FilterNameStringType.NAME, "prod/")));
        assertEquals(Set.of("prod/db/orders"), names(filter(FilterNameStringType.NAME, "prod/db")));
        assertEquals(Set.of(), names(filter(FilterNameStringType.NAME, "PROD/")));
        assertEquals(Set.of(), names(filter(FilterNameStringType.NAME, "db/")), "a prefix, not a substring");
    }

    @Test
    void descriptionMatchesWordsIgnoringCase() {
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.DESCRIPTION, "ORDERS database")));
        assertEquals(Set.of("prod/api/stripe"), names(filter(FilterNameStringType.DESCRIPTION, "stripe")));
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.DESCRIPTION, "database")),
                "any word, not only the first");
        assertEquals(Set.of(), names(filter(FilterNameStringType.DESCRIPTION, "base")), "a word's prefix, not a substring");
    }

    @Test
    void tagKeyMatchesACaseSensitivePrefixOfAnyTagKey() {
        assertEquals(Set.of("prod/db/orders", "prod/api/stripe", "dev/db/orders"), names(filter(FilterNameStringType.TAG_KEY, "env")));
        assertEquals(Set.of("dev/cache"), names(filter(FilterNameStringType.TAG_KEY, "Env")));
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.TAG_KEY, "te")));
    }

    @Test
    void tagValueMatchesACaseSensitivePrefixOfAnyTagValue() {
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.TAG_VALUE, "pay")));
        assertEquals(Set.of("dev/db/orders", "dev/cache"), names(filter(FilterNameStringType.TAG_VALUE, "dev")));
        assertEquals(Set.of(), names(filter(FilterNameStringType.TAG_VALUE, "Dev")));
    }

    @Test
    void primaryRegionAndOwningServiceMatchNothingUntilReplicationAndManagedSecretsExist() {
        // Only replicated secrets carry a PrimaryRegion, and only secrets another service
        // manages carry an OwningService; this store makes neither yet.
        assertEquals(Set.of(), names(filter(FilterNameStringType.PRIMARY_REGION, "us-east-1")));
        assertEquals(Set.of(), names(filter(FilterNameStringType.OWNING_SERVICE, "rds")));
        assertEquals(5, names(filter(FilterNameStringType.PRIMARY_REGION, "!us-east-1")).size());
        assertEquals(5, names(filter(FilterNameStringType.OWNING_SERVICE, "!rds")).size());
    }

    @Test
    void allMatchesEveryWordAgainstEveryAttributeIgnoringCase() {
        assertEquals(Set.of("prod/api/stripe"), names(filter(FilterNameStringType.ALL, "STRIPE")));
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.ALL, "orders")));
        assertEquals(Set.of("prod/db/orders", "dev/db/orders"), names(filter(FilterNameStringType.ALL, "payments")), "tag values count");
        assertEquals(Set.of("shared/ldap-bind"), names(filter(FilterNameStringType.ALL, "identity")), "tag values split into words");
        assertEquals(Set.of("prod/db/orders"), names(filter(FilterNameStringType.ALL, "orders production")), "every word must match");
    }

    // ---- combining

    @Test
    void aLeadingExclamationMarkNegatesAValue() {
        assertEquals(Set.of("dev/db/orders", "dev/cache", "shared/ldap-bind"), names(filter(FilterNameStringType.NAME, "!prod/")));
        assertEquals(Set.of("dev/cache", "shared/ldap-bind"), names(filter(FilterNameStringType.TAG_KEY, "!env")));
    }

    @Test
    void severalValuesOfOneFilterAreAlternatives() {
        assertEquals(Set.of("prod/api/stripe", "dev/cache", "shared/ldap-bind"),
                names(filter(FilterNameStringType.NAME, "prod/api", "dev/c", "shared/")));
    }

    @Test
    void severalFiltersMustAllHold() {
        assertEquals(Set.of("dev/db/orders"),
                names(filter(FilterNameStringType.TAG_VALUE, "payments"), filter(FilterNameStringType.NAME, "dev/")));
        assertEquals(Set.of("prod/db/orders"),
                names(filter(FilterNameStringType.TAG_KEY, "team"), filter(FilterNameStringType.NAME, "!dev/"),
                        filter(FilterNameStringType.DESCRIPTION, "orders")));
        assertEquals(Set.of(), names(filter(FilterNameStringType.NAME, "prod/"), filter(FilterNameStringType.NAME, "dev/")));
    }

    @Test
    void anUnknownFilterKeyOrAValueOutsideTheModelIsAValidationException() {
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(f -> f.key("colour").values("red"))));
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("semi;colon"))));
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(List.of()))));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("v" + i);
        }
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(eleven))));
        List<Filter> elevenFilters = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenFilters.add(filter(FilterNameStringType.NAME, "prod/"));
        }
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(elevenFilters)));
    }

    // ---- order, deletions, sizes

    @Test
    void sortOrderListsByCreatedDateAscendingOrDescending() {
        Filter mine = filter(FilterNameStringType.NAME, "prod/", "dev/", "shared/");
        List<String> expected = List.of("prod/db/orders", "prod/api/stripe", "dev/db/orders", "dev/cache", "shared/ldap-bind");
        List<String> asc = sm.listSecrets(b -> b.filters(mine).sortOrder(SortOrderType.ASC)).secretList().stream().map(SecretListEntry::name).toList();
        List<String> desc = sm.listSecrets(b -> b.filters(mine).sortOrder(SortOrderType.DESC)).secretList().stream().map(SecretListEntry::name).toList();
        assertEquals(expected, asc);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, desc);
    }

    @Test
    void anUnknownSortOrderIsRefused() {
        refused("ValidationException", () -> sm.listSecrets(b -> b.sortOrder("sideways")));
    }

    @Test
    void entriesCarryTheSecretsMetadata() {
        SecretListEntry e = sm.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "prod/db/orders"))).secretList().get(0);
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId("prod/db/orders"));
        assertEquals(d.arn(), e.arn());
        assertEquals(d.description(), e.description());
        assertEquals(d.createdDate(), e.createdDate());
        assertEquals(d.lastChangedDate(), e.lastChangedDate());
        assertEquals(d.tags(), e.tags());
        assertEquals(d.versionIdsToStages(), e.secretVersionsToStages());
    }

    @Test
    void plannedDeletionsAreListedOnlyWhenIncluded() {
        sm.createSecret(b -> b.name("doomed/one").secretString("v"));
        try {
            sm.deleteSecret(b -> b.secretId("doomed/one").recoveryWindowInDays(7L));
            Filter doomed = filter(FilterNameStringType.NAME, "doomed/");
            assertEquals(Set.of(), names(doomed));
            List<SecretListEntry> included = sm.listSecrets(b -> b.filters(doomed).includePlannedDeletion(true)).secretList();
            assertEquals(List.of("doomed/one"), included.stream().map(SecretListEntry::name).toList());
            assertNotNull(included.get(0).deletedDate());
        } finally {
            sm.deleteSecret(b -> b.secretId("doomed/one").forceDeleteWithoutRecovery(true));
        }
    }

    @Test
    void maxResultsIsOneToOneHundred() {
        assertEquals(100, pagingRegion.listSecrets(b -> b.maxResults(100)).secretList().size());
        assertEquals(1, pagingRegion.listSecrets(b -> b.maxResults(1)).secretList().size());
        refused("ValidationException", () -> pagingRegion.listSecrets(b -> b.maxResults(101)));
        refused("ValidationException", () -> pagingRegion.listSecrets(b -> b.maxResults(0)));
    }

    // ---- paging

    @Test
    void pagingOverHundredsOfSecretsSeesEachExactlyOnceInOrder() {
        for (SortOrderType order : List.of(SortOrderType.ASC, SortOrderType.DESC)) {
            List<SecretListEntry> all = pageAll(b -> b.sortOrder(order).maxResults(37));
            assertEquals(PAGING_SECRETS, all.size());
            assertEquals(PAGING_SECRETS, all.stream().map(SecretListEntry::arn).distinct().count(), "no duplicates");
            for (int i = 1; i < all.size(); i++) {
                Instant before = all.get(i - 1).createdDate();
                Instant after = all.get(i).createdDate();
                assertTrue(order == SortOrderType.ASC ? !after.isBefore(before) : !after.isAfter(before), "in " + order + " order");
            }
        }
        assertEquals(PAGING_SECRETS, pageAll(b -> { }).size(), "default page size");
    }

    @Test
    void pagingWithAFilterReturnsEveryMatchAndNothingElse() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < PAGING_SECRETS; i += 3) {
            expected.add("page/third/" + i);
        }
        List<SecretListEntry> all = pageAll(b -> b.maxResults(10).filters(filter(FilterNameStringType.NAME, "page/third/")));
        assertEquals(expected.size(), all.size());
        assertEquals(expected, all.stream().map(SecretListEntry::name).collect(Collectors.toSet()));
    }

    @Test
    void pagingStaysConsistentWhenSecretsAreAddedBehindTheCursor() {
        ListSecretsResponse first = pagingRegion.listSecrets(b -> b.maxResults(50).sortOrder(SortOrderType.ASC));
        pagingRegion.createSecret(b -> b.name("page/late"));
        try {
            List<SecretListEntry> rest = new ArrayList<>();
            String next = first.nextToken();
            while (next != null) {
                String token = next;
                ListSecretsResponse page = pagingRegion.listSecrets(b -> b.maxResults(50).sortOrder(SortOrderType.ASC).nextToken(token));
                rest.addAll(page.secretList());
                next = page.nextToken();
            }
            Set<String> seen = new HashSet<>();
            first.secretList().forEach(e -> assertTrue(seen.add(e.arn())));
            rest.forEach(e -> assertTrue(seen.add(e.arn()), "no duplicates"));
            assertEquals(PAGING_SECRETS + 1, seen.size(), "every secret, including the one added meanwhile (it sorts last)");
        } finally {
            pagingRegion.deleteSecret(b -> b.secretId("page/late").forceDeleteWithoutRecovery(true));
        }
    }

    @Test
    void aTamperedNextTokenIsRefused() {
        String token = pagingRegion.listSecrets(b -> b.maxResults(5)).nextToken();
        assertNotNull(token);
        for (int i = 0; i < token.length(); i++) {
            String tampered = token.substring(0, i) + (token.charAt(i) == 'x' ? 'y' : 'x') + token.substring(i + 1);
            refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                    () -> pagingRegion.listSecrets(b -> b.maxResults(5).nextToken(tampered)));
        }
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> pagingRegion.listSecrets(b -> b.maxResults(5).nextToken("not-a-token")));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> pagingRegion.listSecrets(b -> b.maxResults(5).nextToken(token + "A")));
    }

    @Test
    void aNextTokenFromAnotherRegionAccountOrSortOrderIsRefused() {
        String token = pagingRegion.listSecrets(b -> b.maxResults(5)).nextToken();
        refused(InvalidNextTokenException.class, "InvalidNextTokenException", () -> sm.listSecrets(b -> b.maxResults(5).nextToken(token)));
        SecretsManagerClient otherAccount = store.secrets(store.adminKey(1), Region.EU_WEST_1);
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> otherAccount.listSecrets(b -> b.maxResults(5).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> pagingRegion.listSecrets(b -> b.maxResults(5).sortOrder(SortOrderType.DESC).nextToken(token)));
    }

    private static List<SecretListEntry> pageAll(Consumer<ListSecretsRequest.Builder> request) {
        List<SecretListEntry> all = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String token = next;
            ListSecretsResponse page = pagingRegion.listSecrets(b -> {
                request.accept(b);
                b.nextToken(token);
            });
            all.addAll(page.secretList());
            next = page.nextToken();
            assertTrue(++pages < 1000, "paging terminates");
        } while (next != null);
        return all;
    }
}
