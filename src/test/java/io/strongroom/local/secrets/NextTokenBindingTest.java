package io.strongroom.local.secrets;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets Manager's NextTokens are good only for the request that issued them: the same
 * operation, caller account and region, and the same parameters that define the result set
 * (filters, planned deletions, sort order; the secret and IncludeDeprecated for versions). The
 * page size is not part of that: a client may change MaxResults between pages.
 */
class NextTokenBindingTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static SecretsManagerClient sm;
    static final Region REGION = Region.CA_CENTRAL_1;
    static final int SECRETS = 8;
    static final String VERSIONED = "tokens/versioned";
    static final String OTHER_VERSIONED = "tokens/versioned-too";

    @BeforeAll
    static void start() {
        sm = store.secrets(store.adminKey(0), REGION);
        for (int i = 0; i < SECRETS; i++) {
            String name = "tokens/" + (i % 2 == 0 ? "even/" : "odd/") + i;
            sm.createSecret(b -> b.name(name).secretString("v").tags(Tag.builder().key("env").value("test").build()));
            store.clock().advance(Duration.ofSeconds(1));
        }
        for (String name : List.of(VERSIONED, OTHER_VERSIONED)) {
            sm.createSecret(b -> b.name(name).secretString("v0"));
            for (int v = 1; v <= 4; v++) {
                String value = "v" + v;
                sm.putSecretValue(b -> b.secretId(name).secretString(value));
            }
        }
        // The same name in another account: a token must not carry over even where names match.
        store.secrets(store.adminKey(1), REGION).createSecret(b -> b.name(VERSIONED).secretString("theirs"));
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static final Filter ALL_TOKENS = filter(FilterNameStringType.NAME, "tokens/even/", "tokens/odd/");

    // ---- ListSecrets ----------------------------------------------------------------------------

    @Test
    void aListSecretsTokenIsRefusedWithOtherFiltersOrPlannedDeletionSetting() {
        String token = sm.listSecrets(b -> b.filters(ALL_TOKENS).maxResults(2)).nextToken();
        assertNotNull(token);

        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "tokens/even/")).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(ALL_TOKENS, filter(FilterNameStringType.TAG_KEY, "env")).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(ALL_TOKENS).includePlannedDeletion(true).maxResults(2).nextToken(token)));
        // A negated value selects a different set than the plain one.
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "!tokens/even/", "tokens/odd/"))
                        .maxResults(2).nextToken(token)));
    }

    @Test
    void aFilterlessTokenIsRefusedOnceFiltersAreAdded() {
        String token = sm.listSecrets(b -> b.maxResults(2)).nextToken();
        assertNotNull(token);
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(token)));
    }

    @Test
    void theSameFiltersInAnotherOrderAndAnotherPageSizeContinueTheListing() {
        Filter names = filter(FilterNameStringType.NAME, "tokens/even/", "tokens/odd/");
        Filter namesReordered = filter(FilterNameStringType.NAME, "tokens/odd/", "tokens/even/");
        Filter tagKey = filter(FilterNameStringType.TAG_KEY, "env");
        ListSecretsResponse first = sm.listSecrets(b -> b.filters(names, tagKey).maxResults(3));
        assertEquals(3, first.secretList().size());
        assertNotNull(first.nextToken());

        // Filters are a conjunction of alternatives: their order, and the order of values, select the same secrets.
        List<SecretListEntry> all = new ArrayList<>(first.secretList());
        String next = first.nextToken();
        int pageSize = 1;
        while (next != null) {
            String token = next;
            int size = pageSize;
            ListSecretsResponse page = sm.listSecrets(b -> b.filters(tagKey, namesReordered).maxResults(size).nextToken(token));
            assertTrue(page.secretList().size() <= size);
            all.addAll(page.secretList());
            next = page.nextToken();
            pageSize++;
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < SECRETS; i++) {
            expected.add("tokens/" + (i % 2 == 0 ? "even/" : "odd/") + i);
        }
        assertEquals(SECRETS, all.size(), "no secret twice");
        assertEquals(expected, all.stream().map(SecretListEntry::name).collect(Collectors.toSet()));
    }

    @Test
    void aListSecretsTokenIsRefusedByBatchGetSecretValueAndTheOtherWayRound() {
        String listToken = sm.listSecrets(b -> b.filters(ALL_TOKENS).maxResults(2)).nextToken();
        assertNotNull(listToken);
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(listToken)));

        BatchGetSecretValueResponse batch = sm.batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2));
        assertNotNull(batch.nextToken());
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(batch.nextToken())));
    }

    @Test
    void aBatchGetSecretValueTokenIsBoundToItsFiltersButNotToMaxResults() {
        BatchGetSecretValueResponse first = sm.batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2));
        String token = first.nextToken();
        assertNotNull(token);
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.batchGetSecretValue(b -> b.filters(filter(FilterNameStringType.NAME, "tokens/odd/")).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> store.secrets(store.adminKey(1), REGION).batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> store.secrets(store.adminKey(0), Region.EU_NORTH_1).batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(token)));

        BatchGetSecretValueResponse rest = sm.batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(20).nextToken(token));
        assertNull(rest.nextToken());
        assertEquals(SECRETS - 2, rest.secretValues().size());
        Set<String> names = new HashSet<>();
        first.secretValues().forEach(v -> names.add(v.name()));
        rest.secretValues().stream().map(SecretValueEntry::name).forEach(names::add);
        assertEquals(SECRETS, names.size());
    }

    // ---- ListSecretVersionIds -------------------------------------------------------------------

    @Test
    void aVersionTokenIsBoundToItsSecretAndIncludeDeprecatedButNotToMaxResults() {
        ListSecretVersionIdsResponse first = sm.listSecretVersionIds(b -> b.secretId(VERSIONED).includeDeprecated(true).maxResults(2));
        String token = first.nextToken();
        assertNotNull(token);

        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecretVersionIds(b -> b.secretId(OTHER_VERSIONED).includeDeprecated(true).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecretVersionIds(b -> b.secretId(VERSIONED).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> store.secrets(store.adminKey(1), REGION)
                        .listSecretVersionIds(b -> b.secretId(VERSIONED).includeDeprecated(true).maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecrets(b -> b.maxResults(2).nextToken(token)));
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.batchGetSecretValue(b -> b.filters(ALL_TOKENS).maxResults(2).nextToken(token)));

        // The same secret named by its ARN, with a larger page: the rest of the versions, each once.
        String arn = first.arn();
        ListSecretVersionIdsResponse rest = sm.listSecretVersionIds(b -> b.secretId(arn).includeDeprecated(true).maxResults(50).nextToken(token));
        assertNull(rest.nextToken());
        Set<String> ids = new HashSet<>();
        first.versions().forEach(v -> ids.add(v.versionId()));
        rest.versions().stream().map(SecretVersionsListEntry::versionId).forEach(ids::add);
        assertEquals(5, ids.size());
    }

    @Test
    void aListSecretsTokenIsRefusedByListSecretVersionIds() {
        String token = sm.listSecrets(b -> b.filters(ALL_TOKENS).maxResults(2)).nextToken();
        refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                () -> sm.listSecretVersionIds(b -> b.secretId(VERSIONED).includeDeprecated(true).maxResults(2).nextToken(token)));
    }
}
