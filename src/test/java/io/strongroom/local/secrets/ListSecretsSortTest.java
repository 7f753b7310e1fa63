package io.strongroom.local.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ListSecrets' SortBy with SortOrder, and paging under each sort. Names, creation, change and
 * access are arranged so each attribute gives a different order:
 *
 * <pre>
 *   created  name       changed (update)  accessed
 *   1st      "delta"    4th               day 3
 *   2nd      "Bravo"    1st               never
 *   3rd      "alpha"    3rd               day 2
 *   4th      "charlie"  2nd               never
 * </pre>
 */
class ListSecretsSortTest extends StoreTestCase {

    @BeforeAll
    static void start() {
        for (String name : List.of("delta", "Bravo", "alpha", "charlie")) {
            sm.createSecret(b -> b.name(name).secretString("v"));
            tick(Duration.ofMinutes(1));
        }
        for (String name : List.of("Bravo", "charlie", "alpha", "delta")) {
            sm.updateSecret(b -> b.secretId(name).description("changed"));
            tick(Duration.ofMinutes(1));
        }
        tick(Duration.ofDays(1));
        sm.getSecretValue(b -> b.secretId("alpha"));
        tick(Duration.ofDays(1));
        sm.getSecretValue(b -> b.secretId("delta"));
    }

    private static void tick(Duration d) {
        store.clock().advance(d);
    }

    private static List<String> names(Consumer<ListSecretsRequest.Builder> request) {
        return sm.listSecrets(request).secretList().stream().map(SecretListEntry::name).toList();
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    @Test
    void withoutSortBySecretsAreListedByCreatedDate() {
        assertEquals(List.of("delta", "Bravo", "alpha", "charlie"), names(b -> { }));
        assertEquals(names(b -> { }), names(b -> b.sortBy(SortByType.CREATED_DATE)));
        assertEquals(List.of("charlie", "alpha", "Bravo", "delta"), names(b -> b.sortBy(SortByType.CREATED_DATE).sortOrder(SortOrderType.DESC)));
    }

    @Test
    void sortByNameIsCaseSensitiveAscendingOrDescending() {
        List<String> asc = List.of("Bravo", "alpha", "charlie", "delta");
        assertEquals(asc, names(b -> b.sortBy(SortByType.NAME)));
        assertEquals(asc, names(b -> b.sortBy(SortByType.NAME).sortOrder(SortOrderType.ASC)));
        assertEquals(reversed(asc), names(b -> b.sortBy(SortByType.NAME).sortOrder(SortOrderType.DESC)));
    }

    @Test
    void sortByLastChangedDate() {
        List<String> asc = List.of("Bravo", "charlie", "alpha", "delta");
        assertEquals(asc, names(b -> b.sortBy(SortByType.LAST_CHANGED_DATE).sortOrder(SortOrderType.ASC)));
        assertEquals(reversed(asc), names(b -> b.sortBy(SortByType.LAST_CHANGED_DATE).sortOrder(SortOrderType.DESC)));
    }

    @Test
    void sortByLastAccessedDatePutsNeverAccessedSecretsLastEitherWay() {
        List<SecretListEntry> asc = sm.listSecrets(b -> b.sortBy(SortByType.LAST_ACCESSED_DATE).sortOrder(SortOrderType.ASC)).secretList();
        assertEquals("alpha", asc.get(0).name());
        assertEquals("delta", asc.get(1).name());
        assertNull(asc.get(2).lastAccessedDate());
        assertNull(asc.get(3).lastAccessedDate());
        List<SecretListEntry> desc = sm.listSecrets(b -> b.sortBy(SortByType.LAST_ACCESSED_DATE).sortOrder(SortOrderType.DESC)).secretList();
        assertEquals(List.of("delta", "alpha"), desc.subList(0, 2).stream().map(SecretListEntry::name).toList());
        assertNull(desc.get(2).lastAccessedDate());
        assertNull(desc.get(3).lastAccessedDate());
        assertEquals(reversed(asc.subList(2, 4).stream().map(SecretListEntry::name).toList()),
                desc.subList(2, 4).stream().map(SecretListEntry::name).toList(), "ties broken the same way, reversed");
    }

    @Test
    void sortAppliesAfterFilters() {
        assertEquals(List.of("charlie", "alpha"), names(b -> b.sortBy(SortByType.NAME).sortOrder(SortOrderType.DESC)
                .filters(f -> f.key(FilterNameStringType.NAME).values("alpha", "charlie"))));
    }

    @ParameterizedTest
    @EnumSource(value = SortByType.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
    void pagingOneAtATimeGivesTheSameOrderAsOnePage(SortByType sortBy) {
        for (SortOrderType order : List.of(SortOrderType.ASC, SortOrderType.DESC)) {
            List<String> whole = names(b -> b.sortBy(sortBy).sortOrder(order));
            List<String> paged = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                ListSecretsResponse page = sm.listSecrets(b -> b.sortBy(sortBy).sortOrder(order).maxResults(1).nextToken(token));
                page.secretList().forEach(e -> paged.add(e.name()));
                next = page.nextToken();
            } while (next != null && paged.size() <= 4);
            assertEquals(whole, paged, sortBy + " " + order);
        }
    }

    @Test
    void aNextTokenIsBoundToTheSortItWasIssuedFor() {
        String byName = sm.listSecrets(b -> b.sortBy(SortByType.NAME).maxResults(1)).nextToken();
        assertNotNull(byName);
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.sortBy(SortByType.LAST_CHANGED_DATE).maxResults(1).nextToken(byName)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.maxResults(1).nextToken(byName)));
    }

    @Test
    void anUnknownSortByIsAValidationExceptionListingTheEnum() {
        AwsServiceException e = refused("ValidationException", () -> sm.listSecrets(b -> b.sortBy("size")));
        assertEquals("1 validation error detected: Value 'size' at 'sortBy' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]",
                e.awsErrorDetails().errorMessage());
    }
}
