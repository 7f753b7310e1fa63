package io.strongroom.local.secrets;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/** BatchGetSecretValue by ID list and by filters, with partial failures and paging. */
class BatchGetSecretValueTest extends StoreTestCase {

    @BeforeAll
    static void start() {
        for (int i = 0; i < 5; i++) {
            String name = "batch/app/" + i;
            String value = "value-" + i;
            sm.createSecret(b -> b.name(name).secretString(value).tags(t -> t.key("batch").value("yes")));
        }
        sm.createSecret(b -> b.name("batch/binary").secretBinary(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
        sm.createSecret(b -> b.name("batch/deleted").secretString("gone soon"));
        sm.deleteSecret(b -> b.secretId("batch/deleted").recoveryWindowInDays(7L));
        sm.createSecret(b -> b.name("batch/novalue"));
    }

    private static Map<String, SecretValueEntry> byName(BatchGetSecretValueResponse r) {
        Map<String, SecretValueEntry> out = new HashMap<>();
        r.secretValues().forEach(v -> assertNull(out.put(v.name(), v), "no duplicates"));
        return out;
    }

    private static Map<String, String> errorCodes(BatchGetSecretValueResponse r) {
        Map<String, String> out = new HashMap<>();
        r.errors().forEach(e -> out.put(e.secretId(), e.errorCode()));
        return out;
    }

    @Test
    void valuesComeBackForEveryIdByNameOrArn() {
        String arn = sm.describeSecret(b -> b.secretId("batch/app/1")).arn();
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.secretIdList("batch/app/0", arn, "batch/binary"));
        Map<String, SecretValueEntry> values = byName(r);
        assertEquals(3, values.size());
        assertTrue(r.errors().isEmpty());
        assertEquals("value-0", values.get("batch/app/0").secretString());
        assertEquals("value-1", values.get("batch/app/1").secretString());
        assertEquals(arn, values.get("batch/app/1").arn());
        assertEquals(List.of("AWSCURRENT"), values.get("batch/app/0").versionStages());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, values.get("batch/binary").secretBinary().asByteArray());
        assertNull(r.nextToken());
    }

    @Test
    void unknownScheduledAndValuelessSecretsComeBackAsErrorsBesideTheValues() {
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.secretIdList(
                "batch/app/2", "batch/nope", "batch/deleted", "batch/novalue"));
        assertEquals(List.of("value-2"), r.secretValues().stream().map(SecretValueEntry::secretString).toList());
        assertEquals(Map.of("batch/nope", "ResourceNotFoundException", "batch/deleted", "InvalidRequestException",
                "batch/novalue", "ResourceNotFoundException"), errorCodes(r));
        r.errors().forEach(e -> assertNotNull(e.message()));
    }

    @Test
    void twentyIdsAreAllowedAndTwentyOneAreRefused() {
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(i < 5 ? "batch/app/" + i : "batch/missing/" + i);
        }
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.secretIdList(twenty));
        assertEquals(5, r.secretValues().size());
        assertEquals(15, r.errors().size());
        List<String> twentyOne = new ArrayList<>(twenty);
        twentyOne.add("batch/missing/20");
        refused("ValidationException", () -> sm.batchGetSecretValue(b -> b.secretIdList(twentyOne)));
    }

    @Test
    void idsAndFiltersTogetherOrNeitherAreRefused() {
        refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.batchGetSecretValue(b -> b.secretIdList("batch/app/0")
                .filters(f -> f.key(FilterNameStringType.NAME).values("batch/"))));
        refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.batchGetSecretValue(b -> { }));
    }

    @Test
    void maxResultsAndNextTokenOnlyGoWithFilters() {
        refused(InvalidParameterException.class, "InvalidParameterException",
                () -> sm.batchGetSecretValue(b -> b.secretIdList("batch/app/0").maxResults(5)));
        refused("ValidationException", () -> sm.batchGetSecretValue(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("batch/"))
                .maxResults(21)));
    }

    @Test
    void filtersSelectTheSecretsAndPagesWalkThemAll() {
        Map<String, String> values = new HashMap<>();
        String next = null;
        int pages = 0;
        do {
            String token = next;
            BatchGetSecretValueResponse page = sm.batchGetSecretValue(b -> b.filters(f -> f.key(FilterNameStringType.TAG_KEY).values("batch"))
                    .maxResults(2).nextToken(token));
            assertTrue(page.secretValues().size() <= 2);
            assertTrue(page.errors().isEmpty());
            page.secretValues().forEach(v -> assertNull(values.put(v.name(), v.secretString()), "no duplicates"));
            next = page.nextToken();
            pages++;
        } while (next != null);
        assertEquals(3, pages);
        assertEquals(Map.of("batch/app/0", "value-0", "batch/app/1", "value-1", "batch/app/2", "value-2",
                "batch/app/3", "value-3", "batch/app/4", "value-4"), values);
    }

    @Test
    void filtersSkipSecretsScheduledForDeletion() {
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("batch/deleted")));
        assertTrue(r.secretValues().isEmpty());
    }

    @Test
    void readingValuesInABatchNeedsGetSecretValueOnEachSecret() {
        String account = store.adminKey(0).accountId();
        AccessKey batchOnly = store.store().accounts().createUser(account, "batch-only", List.of("secretsmanager:BatchGetSecretValue"));
        SecretsManagerClient limited = store.secrets(batchOnly, RunningStore.REGION);
        BatchGetSecretValueResponse r = limited.batchGetSecretValue(b -> b.secretIdList("batch/app/0", "batch/app/1"));
        assertTrue(r.secretValues().isEmpty(), "no value without secretsmanager:GetSecretValue");
        assertEquals(Map.of("batch/app/0", "AccessDeniedException", "batch/app/1", "AccessDeniedException"), errorCodes(r));
        refused("AccessDeniedException", () -> limited.batchGetSecretValue(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("batch/"))));

        AccessKey both = store.store().accounts().createUser(account, "batch-and-get",
                List.of("secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue", "secretsmanager:ListSecrets"));
        SecretsManagerClient allowed = store.secrets(both, RunningStore.REGION);
        assertEquals(2, allowed.batchGetSecretValue(b -> b.secretIdList("batch/app/0", "batch/app/1")).secretValues().size());
        assertEquals(5, allowed.batchGetSecretValue(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("batch/app/")))
                .secretValues().size());
    }

    @Test
    void anotherAccountsSecretsComeBackAsAccessDeniedErrors() {
        String arn = sm.describeSecret(b -> b.secretId("batch/app/3")).arn();
        SecretsManagerClient other = store.secrets(store.adminKey(1), RunningStore.REGION);
        BatchGetSecretValueResponse r = other.batchGetSecretValue(b -> b.secretIdList(arn));
        assertTrue(r.secretValues().isEmpty());
        assertEquals(Map.of(arn, "AccessDeniedException"), errorCodes(r));
    }
}
