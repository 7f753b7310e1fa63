package io.strongroom.ui.rotation;

import io.strongroom.domain.VersionWritten;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a repair's calls in order through the journaled mutations, one background task for the
 * whole sequence, and publishes each call's outcome as it comes: the list the view shows beside
 * the command lines. The first failure stops the sequence; the calls after it are marked skipped,
 * so a half-done repair is plain to see.
 */
public final class RepairSteps {

    private final SecretMutations mutations;
    private final UiExecutor executor;
    private final Texts texts;

    private final ObservableList<RepairStep> steps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public RepairSteps(SecretMutations mutations, UiExecutor executor, Texts texts) {
        this.mutations = Objects.requireNonNull(mutations);
        this.executor = Objects.requireNonNull(executor);
        this.texts = Objects.requireNonNull(texts);
    }

    /** The calls of the latest run with their outcomes; empty before the first. */
    public ObservableList<RepairStep> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether every call of the latest run was accepted. */
    public boolean allDone() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == RepairStep.Status.DONE);
    }

    /**
     * Sends {@code calls} in order; {@code finished} hears whether all of them were accepted. Does
     * nothing while a run is in flight.
     */
    public void run(List<RepairCall> calls, Consumer<Boolean> finished) {
        Objects.requireNonNull(finished, "finished");
        if (running.get()) {
            return;
        }
        steps.setAll(calls.stream().map(RepairStep::planned).toList());
        running.set(true);
        executor.submit(() -> {
            for (int i = 0; i < calls.size(); i++) {
                int at = i;
                executor.onUiThread(() -> update(at, RepairStep.Status.RUNNING, null, null));
                Answer answer;
                try {
                    answer = send(calls.get(i).mutation());
                } catch (RuntimeException e) {
                    String why = ErrorText.of(e);
                    executor.onUiThread(() -> {
                        update(at, RepairStep.Status.FAILED, why, null);
                        for (int j = at + 1; j < calls.size(); j++) {
                            update(j, RepairStep.Status.SKIPPED, texts.format("step.skipped"), null);
                        }
                    });
                    return false;
                }
                executor.onUiThread(() -> update(at, RepairStep.Status.DONE, answer.message(), answer.versionId()));
            }
            return true;
        }, ok -> {
            running.set(false);
            finished.accept(ok);
        }, e -> {
            running.set(false);
            finished.accept(false);
        });
    }

    /** Shows {@code calls} as refused without sending any (read-only mode): the first with {@code why}. */
    public void refuse(List<RepairCall> calls, String why) {
        steps.setAll(calls.stream().map(RepairStep::planned).toList());
        for (int i = 0; i < steps.size(); i++) {
            update(i, i == 0 ? RepairStep.Status.FAILED : RepairStep.Status.SKIPPED, i == 0 ? why : texts.format("step.skipped"), null);
        }
    }

    public void clear() {
        if (!running.get()) {
            steps.clear();
        }
    }

    /** What a call answered: in words, and the version it names. */
    private record Answer(String message, String versionId) {}

    private Answer send(SecretMutation<?> mutation) {
        Object answer = mutations.apply(mutation);
        if (mutation instanceof SecretMutation.Rotate) {
            return answer == null ? new Answer(texts.format("step.rotateConfigured"), null)
                    : new Answer(texts.format("step.rotateStarted", answer), answer.toString());
        }
        if (mutation instanceof SecretMutation.MoveStage m) {
            return new Answer(m.toVersionId() == null ? texts.format("step.stageRemoved", m.stage(), m.fromVersionId())
                    : texts.format("step.stageMoved", m.stage(), m.toVersionId()), m.toVersionId());
        }
        if (answer instanceof VersionWritten w) {
            return new Answer(texts.format("step.versionWritten", w.versionId(), String.join(", ", w.stages())), w.versionId());
        }
        return new Answer(texts.format("step.done"), null);
    }

    private void update(int at, RepairStep.Status status, String message, String versionId) {
        if (at < steps.size()) {
            steps.set(at, steps.get(at).with(status, message, versionId));
        }
    }
}
