package io.strongroom.local.secrets;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SecretsSmokeTest extends StoreTestCase {

    @Test
    void createGetPutAndRollBackAValue() {
        CreateSecretResponse created = sm.createSecret(b -> b.name("smoke/db").secretString("v1").description("Smoke"));
        assertTrue(created.arn().matches("arn:aws:secretsmanager:us-east-1:\\d{12}:secret:smoke/db-[A-Za-z0-9]{6}"));
        assertEquals("v1", sm.getSecretValue(b -> b.secretId("smoke/db")).secretString());
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(created.arn()).secretString("v2"));
        assertEquals(List.of("AWSCURRENT"), put.versionStages());
        assertEquals("v2", sm.getSecretValue(b -> b.secretId("smoke/db")).secretString());
        assertEquals("v1", sm.getSecretValue(b -> b.secretId("smoke/db").versionStage("AWSPREVIOUS")).secretString());
        sm.updateSecretVersionStage(b -> b.secretId("smoke/db").versionStage("AWSCURRENT")
                .moveToVersionId(created.versionId()).removeFromVersionId(put.versionId()));
        assertEquals("v1", sm.getSecretValue(b -> b.secretId("smoke/db")).secretString());
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId("smoke/db"));
        assertEquals("Smoke", d.description());
        assertEquals(List.of("AWSPREVIOUS"), d.versionIdsToStages().get(put.versionId()));
        assertEquals(1, sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values("smoke/"))).secretList().size());
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(b -> b.secretId("nope")));
        assertEquals(400, e.statusCode());
    }
}
