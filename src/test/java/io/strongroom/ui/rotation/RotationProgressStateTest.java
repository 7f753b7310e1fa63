package io.strongroom.ui.rotation;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.Scope;
import io.strongroom.ui.rotation.RotationProgressState.Outcome;
import io.strongroom.ui.rotation.RotationProgressState.StepState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.strongroom.ui.rotation.RotationProgressState.StepState.DONE;
import static io.strongroom.ui.rotation.RotationProgressState.StepState.FAILED;
import static io.strongroom.ui.rotation.RotationProgressState.StepState.RUNNING;
import static io.strongroom.ui.rotation.RotationProgressState.StepState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each look at a rotation means, from labels and events alone. */
class RotationProgressStateTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf";
    static final String OLD = "11111111-0000-0000-0000-000000000000";
    static final String NEW = "22222222-0000-0000-0000-000000000000";
    static final Instant T = Instant.parse("2025-03-01T04:00:00Z");

    static RotationEvent event(RotationEvent.Kind kind, String token, Instant at, String message) {
        Scope scope = new Account("111122223333", "test", null, new CredentialsRef.StaticKeys("AKIAEXAMPLE", "not-a-secret"), "test")
                .in("us-east-1");
        return new RotationEvent(scope, ARN, at, kind, token, RotationEvent.stepIn(message), message, "e-" + at);
    }

    static List<StepState> states(RotationProgressState s) {
        return s.steps().stream().map(RotationProgressState.Step::state).toList();
    }

    @Test
    void beforeTheVersionAppearsCreateSecretRuns() {
        RotationProgressState s = RotationProgressState.observe(NEW, Map.of(OLD, List.of("AWSCURRENT")), List.of());
        assertEquals(Outcome.RUNNING, s.outcome());
        assertEquals(List.of(RUNNING, WAITING, WAITING, WAITING), states(s));
    }

    @Test
    void awsPendingOnTheNewVersionEndsCreateSecretAndSetSecretIsShownRunning() {
        RotationProgressState s = RotationProgressState.observe(NEW,
                Map.of(OLD, List.of("AWSCURRENT"), NEW, List.of("AWSPENDING")), List.of(event(RotationEvent.Kind.STARTED, NEW, T, null)));
        assertEquals(Outcome.RUNNING, s.outcome());
        assertEquals(List.of(DONE, RUNNING, WAITING, WAITING), states(s));
        assertFalse(s.finished());
    }

    @Test
    void awsCurrentOnTheNewVersionIsSuccessWithEveryStepDone() {
        RotationProgressState s = RotationProgressState.observe(NEW,
                Map.of(OLD, List.of("AWSPREVIOUS"), NEW, List.of("AWSCURRENT")), List.of());
        assertEquals(Outcome.SUCCEEDED, s.outcome());
        assertEquals(List.of(DONE, DONE, DONE, DONE), states(s));
        assertTrue(s.finished());
    }

    @Test
    void aRotationFailedEventForTheTokenNamesTheFailedStepTheOnesBeforeAreDone() {
        String message = "Error when executing lambda arn:aws:lambda:us-east-1:111122223333:function:f during testSecret step: "
                + "could not log in with the pending password";
        RotationProgressState s = RotationProgressState.observe(NEW,
                Map.of(OLD, List.of("AWSCURRENT"), NEW, List.of("AWSPENDING")),
                List.of(event(RotationEvent.Kind.STARTED, NEW, T, null), event(RotationEvent.Kind.FAILED, NEW, T.plusSeconds(3), message),
                        event(RotationEvent.Kind.FAILED, OLD, T.plusSeconds(9), "… during setSecret step: an older rotation")));
        assertEquals(Outcome.FAILED, s.outcome());
        assertEquals(List.of(DONE, DONE, FAILED, WAITING), states(s));
        assertEquals("testSecret", s.failedStep().name());
        assertEquals("could not log in with the pending password", s.message());
    }

    @Test
    void aRetryStartedAfterAFailureIsRunningAgain() {
        RotationProgressState s = RotationProgressState.observe(NEW, Map.of(NEW, List.of("AWSPENDING")),
                List.of(event(RotationEvent.Kind.FAILED, NEW, T, "x during setSecret step: y"), event(RotationEvent.Kind.STARTED, NEW, T.plusSeconds(60), null)));
        assertEquals(Outcome.RUNNING, s.outcome());
    }

    @Test
    void anAbandonedRotationEndsWatching() {
        RotationProgressState s = RotationProgressState.observe(NEW, Map.of(NEW, List.of()),
                List.of(event(RotationEvent.Kind.ABANDONED, NEW, T, null)));
        assertEquals(Outcome.ABANDONED, s.outcome());
        assertTrue(s.finished());
        assertNull(s.failedStep());
    }

    @Test
    void aRefusalStartsNothingAndAnEndKeepsTheStepsSeen() {
        RotationProgressState refused = RotationProgressState.refused("us-east-1: InvalidRequestException — A previous rotation isn't complete.");
        assertEquals(Outcome.REFUSED, refused.outcome());
        assertEquals(List.of(WAITING, WAITING, WAITING, WAITING), states(refused));
        RotationProgressState seen = RotationProgressState.observe(NEW, Map.of(NEW, List.of("AWSPENDING")), List.of());
        RotationProgressState timedOut = seen.ended(Outcome.TIMED_OUT, null);
        assertEquals(states(seen), states(timedOut));
        assertTrue(timedOut.finished());
    }
}
