package io.strongroom.domain;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A secret's rotation status as the console works it out from labels and the latest rotation event. */
class RotationStateTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    static final Scope SCOPE = new Scope(new Account("111122223333", "prod", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.Profile("prod"), "profile"), "us-east-1");
    static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf";

    static SecretSummary secret(SecretSummary.Rotation rotation, Map<String, List<String>> stages) {
        return new SecretSummary(SCOPE, ARN, "db", null, null, rotation, null, null, NOW.minus(Duration.ofDays(400)), null,
                Map.of(), null, null, stages, List.of());
    }

    static SecretSummary.Rotation on(Instant next) {
        return new SecretSummary.Rotation(true, "arn:aws:lambda:us-east-1:111122223333:function:f", 30L, null, null,
                NOW.minus(Duration.ofDays(20)), next);
    }

    static RotationEvent event(RotationEvent.Kind kind, Duration ago, String message) {
        return new RotationEvent(SCOPE, ARN, NOW.minus(ago), kind, "tok", RotationEvent.stepIn(message), message, "e1");
    }

    static RotationState state(SecretSummary s, RotationEvent last) {
        return RotationState.of(s, last, NOW, RotationState.DEFAULT_STUCK_AFTER);
    }

    @Test
    void aSecretWithoutAFunctionIsNotConfiguredAndNeverRotated() {
        RotationState s = state(secret(SecretSummary.Rotation.NONE, Map.of("v1", List.of("AWSCURRENT"))), null);
        assertEquals(RotationState.Status.NOT_CONFIGURED, s.status());
        assertTrue(s.neverRotated());
        assertFalse(s.overdue());
    }

    @Test
    void pastItsNextRotationDateARotatingSecretIsOverdue() {
        RotationState s = state(secret(on(NOW.minus(Duration.ofHours(1))), Map.of("v1", List.of("AWSCURRENT"))), null);
        assertEquals(RotationState.Status.ENABLED, s.status());
        assertTrue(s.overdue());
    }

    @Test
    void awsPendingOnAnotherVersionAfterAFailureIsStuckAndNamesThatVersion() {
        String message = "Error when executing lambda arn:aws:lambda:us-east-1:111122223333:function:f during setSecret step: refused";
        RotationState s = state(secret(on(NOW.plus(Duration.ofDays(3))), Map.of("v1", List.of("AWSCURRENT"), "v2", List.of("AWSPENDING"))),
                event(RotationEvent.Kind.FAILED, Duration.ofMinutes(5), message));
        assertEquals(RotationState.Status.STUCK, s.status());
        assertEquals("v2", s.pendingVersion());
        assertEquals("setSecret", s.last().step());
        assertEquals("refused", s.last().reason());
    }

    @Test
    void aRotationStartedMomentsAgoWithItsPendingVersionIsRotatingAndAfterADayStuck() {
        Map<String, List<String>> stages = Map.of("v1", List.of("AWSCURRENT"), "v2", List.of("AWSPENDING"));
        assertEquals(RotationState.Status.ROTATING,
                state(secret(on(null), stages), event(RotationEvent.Kind.STARTED, Duration.ofSeconds(3), null)).status());
        assertEquals(RotationState.Status.STUCK,
                state(secret(on(null), stages), event(RotationEvent.Kind.STARTED, Duration.ofHours(25), null)).status());
    }

    @Test
    void aFailureThatLeftNothingHalfDoneIsFailedNotStuck() {
        RotationState s = state(secret(on(NOW.plus(Duration.ofDays(3))), Map.of("v1", List.of("AWSCURRENT"))),
                event(RotationEvent.Kind.FAILED, Duration.ofMinutes(5), "Error when executing lambda x during createSecret step"));
        assertEquals(RotationState.Status.FAILED, s.status());
        assertNull(s.pendingVersion());
    }

    @Test
    void awsPendingOnTheCurrentVersionIsNotAnUnfinishedRotation() {
        assertNull(RotationState.pendingVersion(Map.of("v1", List.of("AWSCURRENT", "AWSPENDING"))));
    }

    @Test
    void rotationTurnedOffWithAFunctionKeptIsDisabled() {
        SecretSummary.Rotation off = new SecretSummary.Rotation(false, "arn:aws:lambda:us-east-1:111122223333:function:f", 30L, null, null,
                null, null);
        assertEquals(RotationState.Status.DISABLED, state(secret(off, Map.of("v1", List.of("AWSCURRENT"))), null).status());
    }

    @Test
    void theTokenIsReadFromTheRequestIdOfARotationEvent() {
        assertEquals("5f2c", RotationEvent.tokenIn("Rotation-" + ARN + "-5f2c", ARN));
        assertNull(RotationEvent.tokenIn("0b8a-req", ARN));
    }
}
