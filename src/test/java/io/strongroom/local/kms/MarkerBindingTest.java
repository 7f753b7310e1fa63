package io.strongroom.local.kms;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KMS's Marker/NextMarker values are good only for the request that issued them: the same
 * operation, caller account and region, and the same key for per-key listings. A client may
 * change Limit between pages. Anything else is refused with {@code InvalidMarkerException}.
 */
class MarkerBindingTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static KmsClient kms;
    static final Region REGION = Region.SA_EAST_1;
    static List<String> keyIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        kms = store.kms(store.adminKey(0), REGION);
        for (int i = 0; i < 4; i++) {
            String keyId = kms.createKey(b -> b.description("marker test")).keyMetadata().keyId();
            keyIds.add(keyId);
            kms.tagResource(b -> b.keyId(keyId).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
        }
        for (String alias : List.of("alias/m1", "alias/m2", "alias/m3")) {
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyIds.get(0)));
        }
        // The other account and region have keys of their own, so a marker that were accepted would page something.
        KmsClient other = store.kms(store.adminKey(1), REGION);
        KmsClient elsewhere = store.kms(store.adminKey(0), Region.AP_SOUTH_1);
        for (int i = 0; i < 3; i++) {
            other.createKey(b -> { });
            elsewhere.createKey(b -> { });
        }
    }

    static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    static void refusedMarker(Executable call) {
        KmsException e = assertThrows(KmsException.class, call);
        assertEquals("InvalidMarkerException", e.awsErrorDetails().errorCode(), () -> "message was: " + e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void aMarkerIsRefusedByAnotherOperation() {
        String keysMarker = kms.listKeys(b -> b.limit(1)).nextMarker();
        String aliasesMarker = kms.listAliases(b -> b.limit(1)).nextMarker();
        String tagsMarker = kms.listResourceTags(b -> b.keyId(keyIds.get(0)).limit(1)).nextMarker();
        assertNotNull(keysMarker);
        assertNotNull(aliasesMarker);
        assertNotNull(tagsMarker);

        refusedMarker(() -> kms.listKeys(b -> b.limit(1).marker(aliasesMarker)));
        refusedMarker(() -> kms.listKeys(b -> b.limit(1).marker(tagsMarker)));
        refusedMarker(() -> kms.listAliases(b -> b.limit(1).marker(keysMarker)));
        refusedMarker(() -> kms.listAliases(b -> b.limit(1).marker(tagsMarker)));
        refusedMarker(() -> kms.listResourceTags(b -> b.keyId(keyIds.get(0)).limit(1).marker(keysMarker)));
        refusedMarker(() -> kms.listResourceTags(b -> b.keyId(keyIds.get(0)).limit(1).marker(aliasesMarker)));
        // ListKeyPolicies hands out no markers, so none is good for it.
        refusedMarker(() -> kms.listKeyPolicies(b -> b.keyId(keyIds.get(0)).marker(tagsMarker)));
    }

    @Test
    void aMarkerIsRefusedInAnotherAccountOrRegion() {
        String keysMarker = kms.listKeys(b -> b.limit(1)).nextMarker();
        String aliasesMarker = kms.listAliases(b -> b.limit(1)).nextMarker();
        KmsClient otherAccount = store.kms(store.adminKey(1), REGION);
        KmsClient otherRegion = store.kms(store.adminKey(0), Region.AP_SOUTH_1);
        refusedMarker(() -> otherAccount.listKeys(b -> b.limit(1).marker(keysMarker)));
        refusedMarker(() -> otherRegion.listKeys(b -> b.limit(1).marker(keysMarker)));
        refusedMarker(() -> otherAccount.listAliases(b -> b.limit(1).marker(aliasesMarker)));
        refusedMarker(() -> otherRegion.listAliases(b -> b.limit(1).marker(aliasesMarker)));
    }

    @Test
    void aPerKeyMarkerIsRefusedForAnotherKey() {
        String tagsMarker = kms.listResourceTags(b -> b.keyId(keyIds.get(0)).limit(1)).nextMarker();
        refusedMarker(() -> kms.listResourceTags(b -> b.keyId(keyIds.get(1)).limit(1).marker(tagsMarker)));

        String aliasesOfKey = kms.listAliases(b -> b.keyId(keyIds.get(0)).limit(1)).nextMarker();
        assertNotNull(aliasesOfKey);
        refusedMarker(() -> kms.listAliases(b -> b.limit(1).marker(aliasesOfKey)));
        refusedMarker(() -> kms.listAliases(b -> b.keyId(keyIds.get(1)).limit(1).marker(aliasesOfKey)));
        String allAliases = kms.listAliases(b -> b.limit(1)).nextMarker();
        refusedMarker(() -> kms.listAliases(b -> b.keyId(keyIds.get(0)).limit(1).marker(allAliases)));
    }

    @Test
    void theSameKeyNamedByItsArnContinuesItsListing() {
        String keyId = keyIds.get(0);
        ListResourceTagsResponse first = kms.listResourceTags(b -> b.keyId(keyId).limit(1));
        String arn = "arn:aws:kms:" + REGION.id() + ":" + store.adminKey(0).accountId() + ":key/" + keyId;
        ListResourceTagsResponse rest = kms.listResourceTags(b -> b.keyId(arn).limit(10).marker(first.nextMarker()));
        assertEquals(List.of(tag("b", "2"), tag("c", "3")), rest.tags());
        assertNull(rest.nextMarker());
    }

    @Test
    void aMarkerMadeUpFromAListingPositionIsRefused() {
        // A marker that names a position but was not handed out: the old unauthenticated encoding, for example.
        String position = "1|alias/m1";
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
        refusedMarker(() -> kms.listAliases(b -> b.limit(1).marker(forged)));
        String real = kms.listAliases(b -> b.limit(1)).nextMarker();
        for (int i = 0; i < real.length(); i++) {
            char c = real.charAt(i);
            String tampered = real.substring(0, i) + (c == 'A' ? 'B' : 'A') + real.substring(i + 1);
            refusedMarker(() -> kms.listAliases(b -> b.limit(1).marker(tampered)));
        }
    }

    @Test
    void theLimitMayChangeBetweenPages() {
        List<String> seen = new ArrayList<>();
        ListKeysResponse page = kms.listKeys(b -> b.limit(1));
        page.keys().stream().map(KeyListEntry::keyId).forEach(seen::add);
        int limit = 2;
        while (page.nextMarker() != null) {
            String marker = page.nextMarker();
            int size = limit++;
            page = kms.listKeys(b -> b.limit(size).marker(marker));
            assertTrue(page.keys().size() <= size);
            page.keys().stream().map(KeyListEntry::keyId).forEach(seen::add);
        }
        assertEquals(keyIds, seen.stream().filter(keyIds::contains).toList());
        assertEquals(seen.size(), seen.stream().distinct().count());

        ListAliasesResponse first = kms.listAliases(b -> b.limit(1));
        ListAliasesResponse rest = kms.listAliases(b -> b.limit(100).marker(first.nextMarker()));
        List<String> names = new ArrayList<>();
        first.aliases().stream().map(AliasListEntry::aliasName).forEach(names::add);
        rest.aliases().stream().map(AliasListEntry::aliasName).forEach(names::add);
        assertEquals(List.of("alias/aws/secretsmanager", "alias/m1", "alias/m2", "alias/m3"), names);
    }
}
