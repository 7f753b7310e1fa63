package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.rotation.RandomValueFunction;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** RotateSecret and CancelRotateSecret through the SDK, with the store's own rotation functions. */
class RotateSecretTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass(c -> c.withRotationCommands(Map.of(
            "team-fails", List.of("/bin/sh", "-c", "echo 'target refused the new password' >&2; exit 3"),
            "team-ok", List.of("/bin/sh", "-c", "exit 0"))));
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SecretsManagerClient sm;
    private static String account;

    @BeforeAll
    static void clients() {
        sm = store.secrets();
        account = store.adminKey(0).accountId();
    }

    static String function(String name) {
        return RotationFunctions.arn(RunningStore.REGION.id(), account, name);
    }

    static String secret(String value) {
        String name = "rotate/" + SEQ.incrementAndGet();
        sm.createSecret(b -> b.name(name).secretString(value));
        return name;
    }

    static void awaitRotations() throws InterruptedException {
        assertTrue(store.store().rotations().awaitIdle(Duration.ofSeconds(20)), "rotations still running");
    }

    static String current(String name) {
        return sm.getSecretValue(b -> b.secretId(name)).secretString();
    }

    static String versionAt(String name, String stage) {
        return sm.describeSecret(b -> b.secretId(name)).versionIdsToStages().entrySet().stream()
                .filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static List<Event> events(String name, String arn) {
        store.store().audit().flush();
        return store.cloudTrail().lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME)
                .attributeValue(arn))).events();
    }

    @Test
    void randomValueRotationMovesAwsCurrentToANewVersionAndTheOldOneToAwsPrevious() throws Exception {
        String name = secret("first-password");
        String before = versionAt(name, "AWSCURRENT");
        RotateSecretResponse r = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function(RandomValueFunction.NAME))
                .rotationRules(x -> x.automaticallyAfterDays(30L)));
        assertNotNull(r.versionId());
        awaitRotations();
        assertEquals(r.versionId(), versionAt(name, "AWSCURRENT"));
        assertEquals(before, versionAt(name, "AWSPREVIOUS"));
        assertNull(versionAt(name, "AWSPENDING"), "AWSPENDING is removed when rotation finishes");
        assertNotEquals("first-password", current(name));
        assertEquals(32, current(name).length());
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertTrue(d.rotationEnabled());
        assertEquals(function(RandomValueFunction.NAME), d.rotationLambdaARN());
        assertEquals(30L, d.rotationRules().automaticallyAfterDays());
        assertNotNull(d.lastRotatedDate());
        assertNotNull(d.nextRotationDate());
    }

    @Test
    void aRotationIsRecordedAsRotationStartedThenRotationSucceededServiceEvents() throws Exception {
        String name = secret("v");
        RotateSecretResponse r = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function(RandomValueFunction.NAME)));
        awaitRotations();
        List<String> names = events(name, r.arn()).stream().map(Event::eventName).toList();
        assertTrue(names.contains("RotationStarted") && names.contains("RotationSucceeded"), names.toString());
        Event succeeded = events(name, r.arn()).stream().filter(e -> e.eventName().equals("RotationSucceeded")).findFirst().orElseThrow();
        JsonNode record = JSON.readTree(succeeded.cloudTrailEvent());
        assertEquals("AwsServiceEvent", record.get("eventType").asText());
        assertEquals("secretsmanager.amazonaws.com", record.get("userIdentity").get("invokedBy").asText());
        assertEquals(r.arn(), record.get("additionalEventData").get("SecretId").asText());
        assertEquals("Rotation-" + r.arn() + "-" + r.versionId(), record.get("requestID").asText());
        assertFalse(succeeded.cloudTrailEvent().contains(current(name)), "no value in the event");
    }

    @Test
    void aFailingStepLeavesAwsPendingRecordsRotationFailedAndTheNextRotateSecretIsRefused() throws Exception {
        String name = secret("{\"username\":\"app\",\"password\":\"old-one\"}");
        RotateSecretResponse r = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function("team-fails")));
        awaitRotations();
        assertEquals(r.versionId(), versionAt(name, "AWSPENDING"), "AWSPENDING stays on the new version");
        assertEquals("{\"username\":\"app\",\"password\":\"old-one\"}", current(name), "AWSCURRENT did not move");
        Event failed = events(name, r.arn()).stream().filter(e -> e.eventName().equals("RotationFailed")).findFirst().orElseThrow();
        String message = JSON.readTree(failed.cloudTrailEvent()).get("errorMessage").asText();
        assertTrue(message.startsWith("Error when executing lambda " + function("team-fails") + " during setSecret step"), message);
        assertTrue(message.endsWith("target refused the new password"), message);
        InvalidRequestException again = assertThrows(InvalidRequestException.class, () -> sm.rotateSecret(b -> b.secretId(name)));
        assertEquals("A previous rotation isn't complete. That rotation will be reattempted.", again.awsErrorDetails().errorMessage());
    }

    @Test
    void aNewValueWrittenByHandAbandonsTheUnfinishedRotation() throws Exception {
        String name = secret("v1");
        RotateSecretResponse r = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function("team-fails")));
        awaitRotations();
        sm.putSecretValue(b -> b.secretId(name).secretString("fixed-by-hand"));
        assertNull(versionAt(name, "AWSPENDING"), "AWSPENDING comes off the unfinished version");
        assertTrue(events(name, r.arn()).stream().anyMatch(e -> e.eventName().equals("RotationAbandoned")));
        RotateSecretResponse next = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function("team-ok")));
        awaitRotations();
        assertEquals(next.versionId(), versionAt(name, "AWSCURRENT"));
    }

    @Test
    void cancelRotateSecretTurnsRotationOffKeepsTheRulesAndNamesTheUnfinishedVersion() throws Exception {
        String name = secret("v");
        RotateSecretResponse r = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function("team-fails"))
                .rotationRules(x -> x.automaticallyAfterDays(7L)));
        awaitRotations();
        CancelRotateSecretResponse c = sm.cancelRotateSecret(b -> b.secretId(name));
        assertEquals(r.versionId(), c.versionId());
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertFalse(d.rotationEnabled());
        assertNull(d.nextRotationDate());
        assertEquals(7L, d.rotationRules().automaticallyAfterDays());
        assertEquals(r.versionId(), versionAt(name, "AWSPENDING"), "AWS leaves AWSPENDING for the operator to clean up");
    }

    @Test
    void cancellingASecretThatIsNotRotatingNamesNoVersion() {
        String name = secret("v");
        assertNull(sm.cancelRotateSecret(b -> b.secretId(name)).versionId());
    }

    @Test
    void withoutAFunctionRotateSecretIsRefusedAsAwsRefusesIt() {
        String name = secret("v");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> sm.rotateSecret(b -> b.secretId(name)));
        assertEquals("No Lambda rotation function ARN is associated with this secret.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownFunctionCannotBeInvokedAndNothingIsConfigured() {
        String name = secret("v");
        SecretsManagerException e = assertThrows(SecretsManagerException.class,
                () -> sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function("no-such-function"))));
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertNull(sm.describeSecret(b -> b.secretId(name)).rotationEnabled());
    }

    @Test
    void aScheduleExpressionIsShownWithTheDaysAwsCalculatesFromIt() throws Exception {
        String name = secret("v");
        sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function(RandomValueFunction.NAME))
                .rotationRules(x -> x.scheduleExpression("cron(0 16 1,15 * ? *)").duration("2h")));
        awaitRotations();
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertEquals("cron(0 16 1,15 * ? *)", d.rotationRules().scheduleExpression());
        assertEquals("2h", d.rotationRules().duration());
        assertNotNull(d.rotationRules().automaticallyAfterDays());
        assertEquals(java.time.LocalTime.of(17, 59, 59), d.nextRotationDate().atZone(java.time.ZoneOffset.UTC).toLocalTime(),
                "the window opens at 16:00 and lasts two hours");
    }

    @Test
    void anInvalidScheduleIsRefusedAndNothingIsConfigured() {
        String name = secret("v");
        SecretsManagerException e = assertThrows(SecretsManagerException.class, () -> sm.rotateSecret(b -> b.secretId(name)
                .rotationLambdaARN(function(RandomValueFunction.NAME)).rotationRules(x -> x.scheduleExpression("rate(2 hours)"))));
        assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
        assertNull(sm.describeSecret(b -> b.secretId(name)).rotationEnabled());
    }

    @Test
    void bothAFrequencyAndAScheduleExpressionAreRefused() {
        String name = secret("v");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> sm.rotateSecret(b -> b.secretId(name)
                .rotationLambdaARN(function(RandomValueFunction.NAME))
                .rotationRules(x -> x.automaticallyAfterDays(3L).scheduleExpression("rate(3 days)"))));
        assertEquals("You cannot specify both rotation frequency and schedule expression together.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void theSchedulerRotatesWhenTheNextRotationDateComesOnTheStoresClock() throws Exception {
        String name = secret("scheduled");
        sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function(RandomValueFunction.NAME))
                .rotationRules(x -> x.automaticallyAfterDays(2L)));
        awaitRotations();
        String afterFirst = versionAt(name, "AWSCURRENT");
        store.store().runMaintenance();
        awaitRotations();
        assertEquals(afterFirst, versionAt(name, "AWSCURRENT"), "not due yet");
        java.time.Instant latest = sm.describeSecret(b -> b.secretId(name)).nextRotationDate();
        assertEquals(java.time.LocalTime.of(23, 59, 59), latest.atZone(java.time.ZoneOffset.UTC).toLocalTime(),
                "NextRotationDate is the last second of the due day, as AWS shows it");
        assertEquals(store.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(2),
                latest.atZone(java.time.ZoneOffset.UTC).toLocalDate());
        store.clock().advance(Duration.between(store.clock().instant(), latest.minus(Duration.ofHours(1))));
        java.time.Instant due = store.clock().instant();
        store.store().runMaintenance();
        awaitRotations();
        assertNotEquals(afterFirst, versionAt(name, "AWSCURRENT"), "rotated when due");
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertTrue(d.nextRotationDate().isAfter(store.clock().instant()));
        assertFalse(d.lastRotatedDate().isBefore(due.truncatedTo(ChronoUnit.SECONDS)), "LastRotatedDate is the store's time of the rotation");
    }
}
