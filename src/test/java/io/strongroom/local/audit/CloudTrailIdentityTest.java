package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamRole;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CloudTrail record of a call as AWS writes it: userIdentity by identity type (an IAM user, a
 * role session with its sessionContext, a user's session token), responseElements of Secrets
 * Manager changes (what they produced, never a value; none for reads), errors and resources.
 */
class CloudTrailIdentityTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    private static final String VALUE = "the-value-never-on-the-trail-91c2";

    private static String account() {
        return store.adminKey(0).accountId();
    }

    private static <C> C sessionClient(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, C> builder, Credentials creds,
                                       Region region) {
        return builder.endpointOverride(store.store().endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    /** The one event named {@code name} in {@code region}, as LookupEvents returns it. */
    private static Event only(Region region, String name) {
        return Lookups.only(store.cloudTrail(store.adminKey(0), region), name);
    }

    @Test
    void anIamUsersCallNamesTheUserAndNoSession() {
        Region region = Region.EU_NORTH_1;
        store.secrets(store.adminKey(0), region).listSecrets();

        JsonNode identity = Lookups.record(only(region, "ListSecrets")).path("userIdentity");

        assertEquals("IAMUser", identity.path("type").asText());
        assertEquals("arn:aws:iam::" + account() + ":user/admin", identity.path("arn").asText());
        assertTrue(identity.path("principalId").asText().startsWith("AIDA"), identity.toString());
        assertEquals(account(), identity.path("accountId").asText());
        assertEquals(store.adminKey(0).accessKeyId(), identity.path("accessKeyId").asText());
        assertEquals("admin", identity.path("userName").asText());
        assertTrue(identity.path("sessionContext").isMissingNode(), identity.toString());
    }

    @Test
    void aRoleSessionsCallCarriesItsSessionContextWithTheRoleAsIssuer() {
        Region region = Region.EU_WEST_3;
        IamRole role = store.store().accounts().iam().createRole(account(), "audit-reader", "/team/",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account()
                        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}", null, null, Map.of());
        store.store().accounts().iam().attach(role.arn(), AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        Instant before = store.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        AssumeRoleResponse assumed = store.sts(store.adminKey(0), region).assumeRole(r -> r.roleArn(role.arn()).roleSessionName("night-shift"));
        try (SecretsManagerClient asRole = sessionClient(SecretsManagerClient.builder(), assumed.credentials(), region)) {
            asRole.listSecrets();
        }

        Event event = only(region, "ListSecrets");
        JsonNode identity = Lookups.record(event).path("userIdentity");

        assertEquals("AssumedRole", identity.path("type").asText());
        assertEquals(assumed.assumedRoleUser().arn(), identity.path("arn").asText());
        assertEquals(assumed.assumedRoleUser().assumedRoleId(), identity.path("principalId").asText());
        assertEquals(account(), identity.path("accountId").asText());
        assertEquals(assumed.credentials().accessKeyId(), identity.path("accessKeyId").asText());
        assertTrue(identity.path("userName").isMissingNode(), "a role session has no userName of its own: " + identity);
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        assertEquals("Role", issuer.path("type").asText());
        assertEquals(role.roleId(), issuer.path("principalId").asText());
        assertEquals(role.arn(), issuer.path("arn").asText(), "the role's ARN, with its path");
        assertEquals(account(), issuer.path("accountId").asText());
        assertEquals("audit-reader", issuer.path("userName").asText());
        JsonNode attributes = identity.path("sessionContext").path("attributes");
        assertEquals("false", attributes.path("mfaAuthenticated").asText());
        Instant created = Instant.parse(attributes.path("creationDate").asText());
        assertFalse(created.isBefore(before), created + " is when the session was issued");
        assertEquals("night-shift", event.username(), "LookupEvents' Username of a role session is the session name");
        assertEquals(List.of("ListSecrets"), Lookups.all(store.cloudTrail(store.adminKey(0), region), LookupAttributeKey.USERNAME,
                "night-shift").stream().map(Event::eventName).toList());
    }

    @Test
    void aUsersSessionTokenIsAnIamUserWithSessionAttributes() {
        Region region = Region.CA_CENTRAL_1;
        Credentials creds = store.sts(store.adminKey(0), region).getSessionToken().credentials();
        try (SecretsManagerClient session = sessionClient(SecretsManagerClient.builder(), creds, region)) {
            session.listSecrets();
        }

        JsonNode identity = Lookups.record(only(region, "ListSecrets")).path("userIdentity");

        assertEquals("IAMUser", identity.path("type").asText());
        assertEquals(creds.accessKeyId(), identity.path("accessKeyId").asText());
        assertEquals("admin", identity.path("userName").asText());
        assertEquals("false", identity.path("sessionContext").path("attributes").path("mfaAuthenticated").asText());
        assertFalse(identity.path("sessionContext").path("attributes").path("creationDate").asText().isEmpty());
        assertTrue(identity.path("sessionContext").path("sessionIssuer").isMissingNode(), identity.toString());
    }

    @Test
    void changesRecordWhatTheyProducedAndReadsRecordNoResponse() {
        Region region = Region.AP_NORTHEAST_3;
        SecretsManagerClient sm = store.secrets(store.adminKey(0), region);
        CreateSecretResponse created = sm.createSecret(b -> b.name("fidelity/db").secretString(VALUE));
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId("fidelity/db").secretString(VALUE + "-2"));
        sm.getSecretValue(b -> b.secretId("fidelity/db"));

        JsonNode createElements = Lookups.record(only(region, "CreateSecret")).path("responseElements");
        assertEquals(created.arn(), createElements.path("arn").asText());
        assertEquals("fidelity/db", createElements.path("name").asText());
        assertEquals(created.versionId(), createElements.path("versionId").asText());
        JsonNode putElements = Lookups.record(only(region, "PutSecretValue")).path("responseElements");
        assertEquals(put.arn(), putElements.path("arn").asText());
        assertEquals(put.versionId(), putElements.path("versionId").asText());
        Event read = only(region, "GetSecretValue");
        assertTrue(Lookups.record(read).get("responseElements").isNull(), "AWS records no response of a read");

        JsonNode resources = Lookups.record(read).path("resources");
        assertEquals(1, resources.size(), resources.toString());
        assertEquals("AWS::SecretsManager::Secret", resources.get(0).path("type").asText());
        assertEquals(created.arn(), resources.get(0).path("ARN").asText());
        assertEquals(account(), resources.get(0).path("accountId").asText());
        assertEquals(created.arn(), read.resources().get(0).resourceName());
        for (String name : List.of("CreateSecret", "PutSecretValue", "GetSecretValue")) {
            assertFalse(only(region, name).cloudTrailEvent().contains(VALUE), name + " records no value");
        }
    }

    @Test
    void aFailedChangeRecordsItsErrorAndNoResponse() {
        Region region = Region.AP_SOUTH_2;
        SecretsManagerClient sm = store.secrets(store.adminKey(0), region);
        sm.createSecret(b -> b.name("fidelity/twice").secretString(VALUE));
        assertThrows(ResourceExistsException.class, () -> sm.createSecret(b -> b.name("fidelity/twice").secretString(VALUE)));

        JsonNode failed = Lookups.byName(store.cloudTrail(store.adminKey(0), region), "CreateSecret").stream()
                .map(Lookups::record).filter(r -> r.has("errorCode")).findFirst().orElseThrow();

        assertEquals("ResourceExistsException", failed.path("errorCode").asText());
        assertTrue(failed.path("errorMessage").asText().contains("fidelity/twice"), failed.toString());
        assertTrue(failed.get("responseElements").isNull());
        assertFalse(failed.toString().contains(VALUE));
    }

    @Test
    void anEventOfTheRootUserOrOfARoleSessionMadeWithoutTheCallerAtHandIsToldByItsArn() {
        String a = "111122223333";
        AuditEvent root = new AuditEvent("e1", a, "us-east-1", Instant.parse("2026-01-01T00:00:00Z"), "GetSecretValue",
                "secretsmanager.amazonaws.com", "root", "arn:aws:iam::" + a + ":root", null, "AKIAROOT", true, null, null,
                "198.51.100.1", "aws-cli/2", "r1", null, List.of());
        AuditEvent session = new AuditEvent("e2", a, "us-east-1", Instant.parse("2026-01-01T00:00:00Z"), "GetSecretValue",
                "secretsmanager.amazonaws.com", "batch", "arn:aws:sts::" + a + ":assumed-role/payments-app/batch", "AROAEXAMPLE:batch",
                "ASIAEXAMPLE", true, null, null, "10.0.0.5", "aws-sdk-java/2", "r2", null, List.of());

        JsonNode rootIdentity = Lookups.json(CloudTrailRecord.toJson(root)).path("userIdentity");
        JsonNode sessionIdentity = Lookups.json(CloudTrailRecord.toJson(session)).path("userIdentity");

        assertEquals("Root", rootIdentity.path("type").asText());
        assertEquals(a, rootIdentity.path("principalId").asText());
        assertEquals("AssumedRole", sessionIdentity.path("type").asText());
        assertEquals("arn:aws:iam::" + a + ":role/payments-app", sessionIdentity.path("sessionContext").path("sessionIssuer").path("arn").asText());
        assertEquals("AROAEXAMPLE", sessionIdentity.path("sessionContext").path("sessionIssuer").path("principalId").asText());
    }

    @Test
    void lookupEventsIsHeldToTwoCallsASecondPerAccountAndRegionWhenQuotasAreOn() throws Exception {
        try (RunningStore quoted = new RunningStore(c -> c.withQuotas(true))) {
            CloudTrailClient cloudTrail = quoted.cloudTrail();
            cloudTrail.lookupEvents(b -> b.maxResults(1));
            cloudTrail.lookupEvents(b -> b.maxResults(1));
            var throttled = assertThrows(software.amazon.awssdk.services.cloudtrail.model.CloudTrailException.class,
                    () -> cloudTrail.lookupEvents(b -> b.maxResults(1)));
            assertEquals("ThrottlingException", throttled.awsErrorDetails().errorCode());
            assertEquals(400, throttled.statusCode(), "CloudTrail throttles with a 400, as AWS does");
            // Another region is another quota.
            quoted.cloudTrail(quoted.adminKey(0), Region.EU_WEST_1).lookupEvents(b -> b.maxResults(1));

            Thread.sleep(Duration.ofMillis(600).toMillis());
            cloudTrail.lookupEvents(b -> b.maxResults(1));
        }
    }
}
