package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.testing.RawAwsRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A secret created with neither SecretString nor SecretBinary, as AWS allows: it exists with no
 * version until a value is put, and every operation answers for it as AWS does.
 */
class SecretWithoutValueTest extends StoreTestCase {


    static String unique(String what) {
        return uniqueName("novalue/", what);
    }

    static JsonNode raw(String operation, String body) {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0))
                .target("secretsmanager." + operation).body(body).send();
        assertEquals(200, reply.status(), operation + " status");
        return reply.json();
    }

    @Test
    void createWithoutAValueAnswersWithoutAVersionIdEvenWithAClientRequestToken() {
        String name = unique("create");
        JsonNode created = raw("CreateSecret", "{\"Name\":\"" + name + "\",\"ClientRequestToken\":\"" + UUID.randomUUID() + "\"}");
        assertTrue(created.has("ARN"));
        assertEquals(name, created.get("Name").asText());
        assertFalse(created.has("VersionId"), "no VersionId without a value: " + created);
    }

    @Test
    void describeShowsNoVersionIdsToStagesAtAll() {
        String name = unique("describe");
        sm.createSecret(b -> b.name(name).description("filled in later"));
        JsonNode described = raw("DescribeSecret", "{\"SecretId\":\"" + name + "\"}");
        assertFalse(described.has("VersionIdsToStages"), "AWS leaves VersionIdsToStages out: " + described);
        assertEquals("filled in later", described.get("Description").asText());
    }

    @Test
    void getSecretValueIsResourceNotFoundForTheAwscurrentLabel() {
        String name = unique("get");
        sm.createSecret(b -> b.name(name));
        ResourceNotFoundException e = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> sm.getSecretValue(b -> b.secretId(name)));
        assertEquals("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void batchGetSecretValueListsItUnderErrors() {
        String empty = unique("batch-empty");
        String full = unique("batch-full");
        sm.createSecret(b -> b.name(empty));
        sm.createSecret(b -> b.name(full).secretString("v"));
        BatchGetSecretValueResponse got = sm.batchGetSecretValue(b -> b.secretIdList(empty, full));
        assertEquals(List.of(full), got.secretValues().stream().map(SecretValueEntry::name).toList());
        assertEquals(1, got.errors().size());
        APIErrorType error = got.errors().get(0);
        assertEquals(empty, error.secretId());
        assertEquals("ResourceNotFoundException", error.errorCode());
        assertEquals("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT", error.message());
    }

    @Test
    void listSecretVersionIdsIsEmpty() {
        String name = unique("versions");
        sm.createSecret(b -> b.name(name));
        ListSecretVersionIdsResponse versions = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true));
        assertTrue(versions.versions().isEmpty());
        assertEquals(name, versions.name());
    }

    @Test
    void updateWithoutAValueChangesOnlyMetadataAndAnswersWithoutAVersionId() {
        String name = unique("update");
        sm.createSecret(b -> b.name(name).description("before"));
        JsonNode updated = raw("UpdateSecret", "{\"SecretId\":\"" + name + "\",\"Description\":\"after\",\"ClientRequestToken\":\""
                + UUID.randomUUID() + "\"}");
        assertFalse(updated.has("VersionId"), "no VersionId without a value: " + updated);
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertEquals("after", d.description());
        assertFalse(d.hasVersionIdsToStages());
        assertTrue(sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true)).versions().isEmpty());
    }

    @Test
    void updateWithoutAValueOnASecretWithOneKeepsItsVersions() {
        String name = unique("update-valued");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v"));
        UpdateSecretResponse updated = sm.updateSecret(b -> b.secretId(name).description("metadata only"));
        assertNull(updated.versionId());
        assertEquals(Map.of(created.versionId(), List.of("AWSCURRENT")), sm.describeSecret(b -> b.secretId(name)).versionIdsToStages());
        assertEquals("v", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void theFirstValuePutBecomesAwscurrent() {
        String name = unique("first-put");
        sm.createSecret(b -> b.name(name));
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("now"));
        assertEquals(List.of("AWSCURRENT"), put.versionStages());
        assertEquals("now", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }
}
