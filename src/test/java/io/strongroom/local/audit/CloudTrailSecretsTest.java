package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit trail of real Secrets Manager calls on a running store. Tests keep apart by region.
 */
class CloudTrailSecretsTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @Test
    void secretCallsAreRecordedWithTheSecretAndWithoutItsValue() {
        Region region = Region.US_WEST_2;
        AccessKey key = store.adminKey(0);
        SecretsManagerClient secrets = store.secrets(key, region);
        String value = "correct-horse-" + UUID.randomUUID();
        String arn = secrets.createSecret(b -> b.name("audited/db").secretString(value)).arn();
        secrets.getSecretValue(b -> b.secretId("audited/db"));
        CloudTrailClient cloudTrail = store.cloudTrail(key, region);

        List<Event> events = Lookups.all(cloudTrail, LookupAttributeKey.RESOURCE_NAME, arn);

        assertEquals(List.of("GetSecretValue", "CreateSecret"), events.stream().map(Event::eventName).toList());
        assertEquals(List.of("true", "false"), events.stream().map(Event::readOnly).toList());
        for (Event e : events) {
            assertEquals("secretsmanager.amazonaws.com", e.eventSource());
            assertEquals(List.of(Resource.builder().resourceType("AWS::SecretsManager::Secret").resourceName(arn).build()), e.resources());
            assertFalse(e.cloudTrailEvent().contains(value), "the secret value appeared in a " + e.eventName() + " event");
        }
        JsonNode created = Lookups.record(events.get(1)).path("requestParameters");
        assertEquals("audited/db", created.path("name").asText());
        assertFalse(created.has("secretString"));
        assertEquals("audited/db", Lookups.record(events.get(0)).path("requestParameters").path("secretId").asText());
    }

    @Test
    void failedSecretCallIsRecordedWithItsErrorCode() {
        Region region = Region.AP_SOUTH_1;
        AccessKey key = store.adminKey(0);
        assertThrows(ResourceNotFoundException.class, () -> store.secrets(key, region).getSecretValue(b -> b.secretId("no/such/secret")));

        Event event = Lookups.only(store.cloudTrail(key, region), "GetSecretValue");
        assertEquals("ResourceNotFoundException", Lookups.record(event).path("errorCode").asText());
        assertEquals("no/such/secret", Lookups.record(event).path("requestParameters").path("secretId").asText());
    }

    @Test
    void batchGetSecretValueRecordsOneGetSecretValueEventPerSecretRetrieved() {
        Region region = Region.EU_CENTRAL_1;
        AccessKey key = store.adminKey(0);
        SecretsManagerClient secrets = store.secrets(key, region);
        String first = secrets.createSecret(b -> b.name("batch/one").secretString("1")).arn();
        String second = secrets.createSecret(b -> b.name("batch/two").secretString("2")).arn();

        BatchGetSecretValueResponse batch = secrets.batchGetSecretValue(b -> b.secretIdList("batch/one", "batch/two", "batch/missing"));
        assertEquals(2, batch.secretValues().size());

        CloudTrailClient cloudTrail = store.cloudTrail(key, region);
        List<Event> reads = Lookups.byName(cloudTrail, "GetSecretValue");
        assertEquals(Set.of(first, second),
                reads.stream().flatMap(e -> e.resources().stream()).map(Resource::resourceName).collect(Collectors.toSet()));
        for (Event read : reads) {
            assertEquals(batch.responseMetadata().requestId(), Lookups.record(read).path("requestID").asText());
            assertEquals("admin", read.username());
        }
        assertEquals(1, Lookups.byName(cloudTrail, "BatchGetSecretValue").size());
    }
}
