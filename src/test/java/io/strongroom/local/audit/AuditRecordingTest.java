package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.http.Quotas;
import io.strongroom.local.iam.AccessKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the request pipeline writes to the audit trail, seen through LookupEvents, for calls
 * whose operations are stand-ins (see {@link StubSecretsManager}).
 */
class AuditRecordingTest {

    private StubbedStore store;
    private AccessKey admin;
    private SecretsManagerClient secrets;
    private CloudTrailClient cloudTrail;

    @BeforeEach
    void start() {
        store = new StubbedStore(new Quotas(true, Map.of(StubSecretsManager.SCARCE_QUOTA, 1.0)), StubSecretsManager.service());
        admin = store.adminKey(0);
        secrets = store.secrets(admin);
        cloudTrail = store.cloudTrail(admin);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private String arn(String name) {
        return "arn:aws:secretsmanager:" + StubbedStore.REGION.id() + ":" + admin.accountId() + ":secret:" + name + "-AbCdEf";
    }

    @Test
    void batchGetSecretValueRecordsOneGetSecretValueEventPerSecretReturned() {
        BatchGetSecretValueResponse response = secrets.batchGetSecretValue(b -> b.secretIdList("alpha", "missing-one", "beta"));
        assertEquals(List.of("alpha", "beta"), response.secretValues().stream().map(SecretValueEntry::name).toList());

        Event batch = Lookups.only(cloudTrail, "BatchGetSecretValue");
        List<Event> reads = Lookups.byName(cloudTrail, "GetSecretValue");
        assertEquals(Set.of(arn("alpha"), arn("beta")),
                reads.stream().flatMap(e -> e.resources().stream()).map(Resource::resourceName).collect(Collectors.toSet()));
        String requestId = response.responseMetadata().requestId();
        assertEquals(requestId, Lookups.record(batch).path("requestID").asText());
        for (Event read : reads) {
            assertEquals(List.of(StubSecretsManager.SECRET_TYPE), read.resources().stream().map(Resource::resourceType).toList());
            assertEquals("true", read.readOnly());
            assertEquals("admin", read.username());
            assertEquals(admin.accessKeyId(), read.accessKeyId());
            assertEquals("secretsmanager.amazonaws.com", read.eventSource());
            assertEquals(batch.eventTime(), read.eventTime());
            JsonNode record = Lookups.record(read);
            assertEquals(requestId, record.path("requestID").asText());
            assertEquals(admin.principalArn(), record.path("userIdentity").path("arn").asText());
            assertFalse(record.has("errorCode"));
        }
        assertEquals(3, Set.of(batch.eventId(), reads.get(0).eventId(), reads.get(1).eventId()).size(), "each event has its own ID");
    }

    @Test
    void perSecretEventsFollowTheirBatchEventInTheTrail() {
        secrets.batchGetSecretValue(b -> b.secretIdList("alpha", "beta"));

        List<String> newestFirst = Lookups.all(cloudTrail, LookupAttributeKey.EVENT_SOURCE, "secretsmanager.amazonaws.com")
                .stream().map(Event::eventName).toList();
        assertEquals(List.of("GetSecretValue", "GetSecretValue", "BatchGetSecretValue"), newestFirst);
    }

    @Test
    void failedBatchGetSecretValueRecordsNoGetSecretValueEvents() {
        assertThrows(InvalidRequestException.class,
                () -> secrets.batchGetSecretValue(b -> b.secretIdList("alpha", StubSecretsManager.POISON)));

        assertEquals(List.of(), Lookups.byName(cloudTrail, "GetSecretValue"));
        assertEquals("InvalidRequestException", Lookups.record(Lookups.only(cloudTrail, "BatchGetSecretValue")).path("errorCode").asText());
    }

    @Test
    void secretValueNeverReachesTheAuditTrail() {
        String value = "correct-horse-" + UUID.randomUUID();
        secrets.createSecret(b -> b.name("gamma").secretString(value));

        JsonNode record = Lookups.record(Lookups.only(cloudTrail, "CreateSecret"));
        assertEquals("gamma", record.path("requestParameters").path("name").asText());
        assertFalse(record.path("requestParameters").has("secretString"));
        for (Event e : Lookups.all(cloudTrail, LookupAttributeKey.ACCESS_KEY_ID, admin.accessKeyId())) {
            assertFalse(e.cloudTrailEvent().contains(value), "the secret value appeared in a " + e.eventName() + " event");
        }
    }

    @Test
    void writeIsRecordedAsNotReadOnlyWithTheSecretItCreated() {
        secrets.createSecret(b -> b.name("delta").secretString("x"));

        Event created = Lookups.only(cloudTrail, "CreateSecret");
        assertEquals("false", created.readOnly());
        assertEquals(List.of(Resource.builder().resourceType(StubSecretsManager.SECRET_TYPE).resourceName(arn("delta")).build()),
                created.resources());
        assertFalse(Lookups.record(created).path("readOnly").asBoolean());
    }

    @Test
    void accessDeniedCallIsRecordedWithWhatWasAskedFor() {
        AccessKey limited = store.accounts().createUser(admin.accountId(), "limited", List.of("sts:GetCallerIdentity"));

        SecretsManagerException denied = assertThrows(SecretsManagerException.class,
                () -> store.secrets(limited).createSecret(b -> b.name("epsilon").secretString("x")));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());

        Event event = Lookups.only(cloudTrail, "CreateSecret");
        JsonNode record = Lookups.record(event);
        assertEquals("limited", event.username());
        assertEquals(limited.accessKeyId(), event.accessKeyId());
        assertEquals("AccessDeniedException", record.path("errorCode").asText());
        assertTrue(record.path("errorMessage").asText().contains("secretsmanager:CreateSecret"));
        assertEquals("epsilon", record.path("requestParameters").path("name").asText());
        assertEquals(List.of(), event.resources(), "the handler never ran, so nothing was touched");
    }

    @Test
    void throttledCallIsRecordedWithThrottlingException() {
        int throttled = 0;
        for (int i = 0; i < 5; i++) {
            try {
                secrets.listSecrets();
            } catch (SecretsManagerException e) {
                assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
                throttled++;
            }
        }
        assertTrue(throttled > 0, "a quota of one call a second let five calls through");

        List<Event> events = Lookups.byName(cloudTrail, "ListSecrets");
        assertEquals(5, events.size());
        assertEquals(throttled, events.stream().filter(e -> "ThrottlingException".equals(Lookups.record(e).path("errorCode").asText(null))).count());
    }

    @Test
    void handlerFailureIsRecordedAsInternalFailure() {
        SecretsManagerException e = assertThrows(SecretsManagerException.class, () -> secrets.describeSecret(b -> b.secretId("zeta")));
        assertEquals(500, e.statusCode());

        JsonNode record = Lookups.record(Lookups.only(cloudTrail, "DescribeSecret"));
        assertEquals("InternalFailure", record.path("errorCode").asText());
        assertEquals("zeta", record.path("requestParameters").path("secretId").asText());
    }

    @Test
    void lookupOfTheTrailIsItselfRecorded() {
        cloudTrail.lookupEvents(b -> b.maxResults(5));

        Event lookup = Lookups.only(cloudTrail, "LookupEvents");
        assertEquals("cloudtrail.amazonaws.com", lookup.eventSource());
        assertEquals("true", lookup.readOnly());
        assertEquals(5, Lookups.record(lookup).path("requestParameters").path("maxResults").asInt());
        assertNull(Lookups.record(lookup).get("errorCode"));
    }
}
