package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.testing.RawAwsRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Response shapes as AWS gives them: which keys are present, and in what order lists come. */
class ShapeFidelityTest extends StoreTestCase {


    static String unique(String what) {
        return uniqueName("shapes/", what);
    }

    static JsonNode describeRaw(String secretId) {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0))
                .target("secretsmanager.DescribeSecret").body("{\"SecretId\":\"" + secretId + "\"}").send();
        assertEquals(200, reply.status());
        return reply.json();
    }

    @Test
    void aSecretNeverTaggedHasNoTagsKey() {
        String name = unique("never-tagged");
        sm.createSecret(b -> b.name(name).secretString("v"));
        assertFalse(describeRaw(name).has("Tags"));
    }

    @Test
    void aSecretWhoseLastTagWasRemovedShowsAnEmptyTagsList() {
        String name = unique("untagged");
        sm.createSecret(b -> b.name(name).secretString("v").tags(t -> t.key("team").value("payments")));
        sm.untagResource(b -> b.secretId(name).tagKeys("team"));
        JsonNode tags = describeRaw(name).get("Tags");
        assertNotNull(tags, "Tags: [] after the last tag is removed");
        assertTrue(tags.isArray() && tags.isEmpty(), tags.toString());
        sm.tagResource(b -> b.secretId(name).tags(t -> t.key("again").value("1")));
        assertEquals(List.of(Tag.builder().key("again").value("1").build()), sm.describeSecret(b -> b.secretId(name)).tags());
    }

    @Test
    void listSecretsShowsTagsTheWayDescribeSecretDoes() {
        String never = unique("list-never-tagged");
        String untagged = unique("list-untagged");
        sm.createSecret(b -> b.name(never).secretString("v"));
        sm.createSecret(b -> b.name(untagged).secretString("v").tags(t -> t.key("team").value("payments")));
        sm.untagResource(b -> b.secretId(untagged).tagKeys("team"));
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0))
                .target("secretsmanager.ListSecrets")
                .body("{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"shapes/list-\"]}]}").send();
        assertEquals(200, reply.status());
        JsonNode neverEntry = null;
        JsonNode untaggedEntry = null;
        for (JsonNode entry : reply.json().get("SecretList")) {
            if (entry.get("Name").asText().equals(never)) {
                neverEntry = entry;
            } else if (entry.get("Name").asText().equals(untagged)) {
                untaggedEntry = entry;
            }
        }
        assertNotNull(neverEntry);
        assertNotNull(untaggedEntry);
        assertFalse(neverEntry.has("Tags"), "a secret never tagged has no Tags in ListSecrets");
        assertTrue(untaggedEntry.has("Tags") && untaggedEntry.get("Tags").isEmpty(), "Tags: [] after the last tag is removed");
    }

    @Test
    void versionStagesGivenToPutSecretValueKeepTheCallersOrder() {
        String name = unique("stage-order");
        sm.createSecret(b -> b.name(name).secretString("v1"));
        List<String> order = List.of("ZULU", "AWSCURRENT", "ALPHA", "MIKE");
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("v2").versionStages(order));
        assertEquals(order, put.versionStages());
        assertEquals(order, sm.getSecretValue(b -> b.secretId(name)).versionStages());
        assertEquals(order, sm.describeSecret(b -> b.secretId(name)).versionIdsToStages().get(put.versionId()));
        SecretVersionsListEntry listed = sm.listSecretVersionIds(b -> b.secretId(name)).versions().stream()
                .filter(v -> v.versionId().equals(put.versionId())).findFirst().orElseThrow();
        assertEquals(order, listed.versionStages());
    }

    @Test
    void theFirstVersionOfASecretWithoutAValueGetsAwscurrentAfterTheCallersLabels() {
        String name = unique("first-order");
        sm.createSecret(b -> b.name(name));
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("v").versionStages("B", "A"));
        assertEquals(List.of("B", "A", "AWSCURRENT"), put.versionStages());
    }

    @Test
    void tagAndUntagMoveLastChangedDate() {
        String name = unique("tag-changed");
        sm.createSecret(b -> b.name(name).secretString("v"));
        Instant created = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        store.clock().advance(Duration.ofMinutes(3));
        sm.tagResource(b -> b.secretId(name).tags(t -> t.key("k").value("v")));
        Instant tagged = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        assertTrue(tagged.isAfter(created), created + " then " + tagged);
        store.clock().advance(Duration.ofMinutes(3));
        sm.untagResource(b -> b.secretId(name).tagKeys("k"));
        Instant untagged = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        assertTrue(untagged.isAfter(tagged), tagged + " then " + untagged);
    }
}
