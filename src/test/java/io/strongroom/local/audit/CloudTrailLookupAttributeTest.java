package io.strongroom.local.audit;

import io.strongroom.local.http.Quotas;
import io.strongroom.local.iam.AccessKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each LookupEvents attribute finds exactly the events it names. Every case starts from a fresh
 * store with the same seven events:
 * <pre>
 *   admin    CreateSecret alpha          write, resource alpha
 *   admin    CreateSecret beta           write, resource beta
 *   auditor  BatchGetSecretValue [alpha] read
 *   auditor  GetSecretValue              read, resource alpha (one per secret the batch returned)
 *   admin    GetCallerIdentity           read, STS
 *   other    GetCallerIdentity           another account: never visible here
 *   admin    GetCallerIdentity           in another region: never visible here
 * </pre>
 */
class CloudTrailLookupAttributeTest {

    /** What a case's attribute value may depend on. */
    record Scenario(AccessKey admin, AccessKey auditor, String alphaArn, String betaCreateEventId) {}

    private StubbedStore store;
    private Scenario scenario;

    @BeforeEach
    void start() {
        store = new StubbedStore(Quotas.disabled(), StubSecretsManager.service());
        AccessKey admin = store.adminKey(0);
        AccessKey auditor = store.accounts().createUser(admin.accountId(), "auditor", List.of("*"));
        SecretsManagerClient secrets = store.secrets(admin);
        String alphaArn = secrets.createSecret(b -> b.name("alpha").secretString("a")).arn();
        secrets.createSecret(b -> b.name("beta").secretString("b"));
        store.secrets(auditor).batchGetSecretValue(b -> b.secretIdList("alpha"));
        store.sts(admin, StubbedStore.REGION).getCallerIdentity();
        store.sts(store.adminKey(1), StubbedStore.REGION).getCallerIdentity();
        store.sts(admin, Region.EU_WEST_1).getCallerIdentity();
        // Found without LookupEvents, so that the cases see no lookup of the scenario's own.
        String betaEventId = store.audit().lookup(new AuditLog.Query(admin.accountId(), StubbedStore.REGION.id(), "EventName",
                        "CreateSecret", null, null, 50, null)).events().stream()
                .filter(e -> e.event().resources().get(0).name().contains(":secret:beta-"))
                .findFirst().orElseThrow().event().eventId();
        scenario = new Scenario(admin, auditor, alphaArn, betaEventId);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                lookup(LookupAttributeKey.EVENT_NAME, s -> "CreateSecret", "CreateSecret", "CreateSecret"),
                lookup(LookupAttributeKey.EVENT_SOURCE, s -> "secretsmanager.amazonaws.com",
                        "BatchGetSecretValue", "CreateSecret", "CreateSecret", "GetSecretValue"),
                lookup(LookupAttributeKey.EVENT_SOURCE, s -> "sts.amazonaws.com", "GetCallerIdentity"),
                lookup(LookupAttributeKey.READ_ONLY, s -> "false", "CreateSecret", "CreateSecret"),
                lookup(LookupAttributeKey.READ_ONLY, s -> "true", "BatchGetSecretValue", "GetCallerIdentity", "GetSecretValue"),
                lookup(LookupAttributeKey.USERNAME, s -> "auditor", "BatchGetSecretValue", "GetSecretValue"),
                lookup(LookupAttributeKey.ACCESS_KEY_ID, s -> s.auditor().accessKeyId(), "BatchGetSecretValue", "GetSecretValue"),
                lookup(LookupAttributeKey.RESOURCE_TYPE, s -> StubSecretsManager.SECRET_TYPE, "CreateSecret", "CreateSecret", "GetSecretValue"),
                lookup(LookupAttributeKey.RESOURCE_NAME, s -> s.alphaArn(), "CreateSecret", "GetSecretValue"),
                lookup(LookupAttributeKey.EVENT_ID, s -> s.betaCreateEventId(), "CreateSecret"),
                lookup(LookupAttributeKey.EVENT_NAME, s -> "createsecret"),
                lookup(LookupAttributeKey.USERNAME, s -> "nobody"));
    }

    private static Arguments lookup(LookupAttributeKey key, Function<Scenario, String> value, String... expectedNames) {
        return Arguments.of(key, value, List.of(expectedNames));
    }

    @ParameterizedTest(name = "{0} finds {2}")
    @MethodSource("cases")
    void lookupAttributeFindsExactlyTheMatchingEvents(LookupAttributeKey key, Function<Scenario, String> value, List<String> expected) {
        CloudTrailClient cloudTrail = store.cloudTrail(scenario.admin());
        String v = value.apply(scenario);

        List<Event> found = Lookups.all(cloudTrail, key, v);

        assertEquals(expected, found.stream().map(Event::eventName).sorted().toList());
        for (Event e : found) {
            String matched = switch (key) {
                case EVENT_NAME -> e.eventName();
                case EVENT_SOURCE -> e.eventSource();
                case READ_ONLY -> e.readOnly();
                case USERNAME -> e.username();
                case ACCESS_KEY_ID -> e.accessKeyId();
                case RESOURCE_TYPE -> e.resources().get(0).resourceType();
                case RESOURCE_NAME -> e.resources().get(0).resourceName();
                case EVENT_ID -> e.eventId();
                default -> throw new AssertionError(key);
            };
            assertEquals(v, matched);
            assertTrue(Lookups.record(e).path("userIdentity").path("arn").asText().contains(":" + scenario.admin().accountId() + ":"),
                    "only the caller's account is searched");
        }
    }
}
