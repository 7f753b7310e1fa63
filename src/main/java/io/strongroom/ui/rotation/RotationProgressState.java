package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.VersionSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far one rotation has got, read from what any AWS client can see: the new version's staging
 * labels and the rotation events that name its token. The four steps run inside the rotation
 * function, so from outside: the version getting AWSPENDING ends createSecret; AWSCURRENT moving to
 * it ends finishSecret (success); a RotationFailed event for its token names the step that failed.
 * setSecret and testSecret end unseen between the two, so while AWSPENDING waits, setSecret is
 * shown running.
 *
 * @param versionId the rotation's version (its ClientRequestToken); null before RotateSecret answered
 * @param message   for a failure, the reason; for a refusal or an error, the error text; else null
 */
public record RotationProgressState(String versionId, List<Step> steps, Outcome outcome, String message) {

    /** The four steps, in the order a rotation function runs them. */
    public static final List<String> STEP_NAMES = List.of("createSecret", "setSecret", "testSecret", "finishSecret");

    public enum StepState { WAITING, RUNNING, DONE, FAILED }

    public record Step(String name, StepState state) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }
    }

    public enum Outcome {
        /** Nothing started (or watched) yet. */
        IDLE,
        /** RotateSecret was sent; no answer yet. */
        STARTING,
        /** Started and not finished as far as anyone can see. */
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** A new value written by hand took the rotation's place. */
        ABANDONED,
        /** RotateSecret was refused: nothing started. */
        REFUSED,
        /** No outcome was seen within the time the console watches. */
        TIMED_OUT,
        /** The user stopped watching (the rotation itself goes on). */
        STOPPED,
        /** The secret could not be read any more. */
        ERROR;

        /** Whether watching has ended. */
        public boolean finished() {
            return this != STARTING && this != RUNNING;
        }
    }

    public RotationProgressState {
        steps = List.copyOf(steps);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Nothing to show. */
    public static RotationProgressState idle() {
        return new RotationProgressState(null, all(StepState.WAITING), Outcome.IDLE, null);
    }

    /** RotateSecret sent, not yet answered. */
    public static RotationProgressState starting() {
        return new RotationProgressState(null, all(StepState.WAITING), Outcome.STARTING, null);
    }

    /** RotateSecret refused: {@code error} names the scope, the AWS error code, the message and the request ID. */
    public static RotationProgressState refused(String error) {
        return new RotationProgressState(null, all(StepState.WAITING), Outcome.REFUSED, error);
    }

    /** Rotation {@code versionId} just started: createSecret runs. */
    public static RotationProgressState started(String versionId) {
        return running(versionId, 0);
    }

    /**
     * Where rotation {@code versionId} stands, given the secret's labels now and its rotation events
     * (any order; those of other rotations are ignored).
     */
    public static RotationProgressState observe(String versionId, Map<String, List<String>> versionsToStages, List<RotationEvent> events) {
        Objects.requireNonNull(versionId, "versionId");
        List<String> stages = versionsToStages.getOrDefault(versionId, List.of());
        RotationEvent last = null;
        for (RotationEvent e : events) {
            if (versionId.equals(e.token()) && (last == null || e.time().isAfter(last.time()))) {
                last = e;
            }
        }
        if (stages.contains(VersionSelector.AWSCURRENT) || last != null && last.kind() == RotationEvent.Kind.SUCCEEDED) {
            return new RotationProgressState(versionId, all(StepState.DONE), Outcome.SUCCEEDED, null);
        }
        if (last != null && last.kind() == RotationEvent.Kind.FAILED) {
            int failed = last.step() == null ? firstUnfinished(stages) : STEP_NAMES.indexOf(last.step());
            return new RotationProgressState(versionId, upTo(failed, StepState.FAILED), Outcome.FAILED, last.reason());
        }
        if (last != null && last.kind() == RotationEvent.Kind.ABANDONED) {
            return new RotationProgressState(versionId, upTo(firstUnfinished(stages), StepState.WAITING), Outcome.ABANDONED, null);
        }
        return running(versionId, firstUnfinished(stages));
    }

    /** This state, no longer watched because of {@code outcome} ({@link Outcome#TIMED_OUT}, {@link Outcome#STOPPED}, {@link Outcome#ERROR}). */
    public RotationProgressState ended(Outcome outcome, String message) {
        return new RotationProgressState(versionId, steps, outcome, message);
    }

    public boolean finished() {
        return outcome.finished();
    }

    /** The step that failed, or null. */
    public Step failedStep() {
        return steps.stream().filter(s -> s.state() == StepState.FAILED).findFirst().orElse(null);
    }

    /** createSecret has ended once the version carries AWSPENDING; the steps after it end unseen. */
    private static int firstUnfinished(List<String> stages) {
        return stages.contains(VersionSelector.AWSPENDING) ? 1 : 0;
    }

    private static RotationProgressState running(String versionId, int current) {
        return new RotationProgressState(versionId, upTo(current, StepState.RUNNING), Outcome.RUNNING, null);
    }

    /** The steps before {@code index} done, that one in {@code state}, the rest waiting. */
    private static List<Step> upTo(int index, StepState state) {
        List<Step> out = new ArrayList<>(STEP_NAMES.size());
        for (int i = 0; i < STEP_NAMES.size(); i++) {
            out.add(new Step(STEP_NAMES.get(i), i < index ? StepState.DONE : i == index ? state : StepState.WAITING));
        }
        return out;
    }

    private static List<Step> all(StepState state) {
        return STEP_NAMES.stream().map(n -> new Step(n, state)).toList();
    }
}
