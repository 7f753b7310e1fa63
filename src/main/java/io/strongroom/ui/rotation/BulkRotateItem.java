package io.strongroom.ui.rotation;

import io.strongroom.domain.SecretSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * One secret of a bulk rotation and how far it has got. Changed only by {@link BulkRotateViewModel},
 * in the UI executor; the dialog shows the properties as they change.
 */
public final class BulkRotateItem {

    /** Where one secret's rotation stands. */
    public enum State {
        /** Will be rotated once the user confirms. */
        READY,
        /** Left out before anything was sent; {@link #reasonProperty()} says why. */
        SKIPPED,
        /** Confirmed; waits for a free slot. */
        QUEUED,
        /** RotateSecret is being sent. */
        STARTING,
        /** RotateSecret answered with the new version; waiting for AWSCURRENT to move to it. */
        ROTATING,
        /** AWSCURRENT is on the new version. */
        SUCCEEDED,
        /** RotateSecret was refused ({@link #errorCodeProperty()} is AWS's code, e.g. a previous rotation not complete). */
        REFUSED,
        /** The rotation started and a step failed (from its RotationFailed event). */
        FAILED,
        /** The rotation started and was neither finished nor failed when the console stopped waiting. */
        STILL_RUNNING,
        /** The user stopped the bulk rotation before this one was sent, or stopped following it. */
        CANCELLED;

        /** No more change will come. */
        public boolean isFinal() {
            return this == SKIPPED || this == SUCCEEDED || this == REFUSED || this == FAILED || this == STILL_RUNNING || this == CANCELLED;
        }
    }

    /** Why a secret is left out before anything is sent. */
    public enum SkipReason {
        /** No rotation function is configured: RotateSecret would be refused. */
        NO_FUNCTION,
        /** The secret is scheduled for deletion: AWS refuses to rotate it. */
        PLANNED_FOR_DELETION
    }

    private final SecretSummary secret;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyObjectWrapper<SkipReason> reason = new ReadOnlyObjectWrapper<>(this, "reason");
    private final ReadOnlyStringWrapper versionId = new ReadOnlyStringWrapper(this, "versionId");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail");

    BulkRotateItem(SecretSummary secret) {
        this.secret = Objects.requireNonNull(secret);
        if (secret.isPlannedForDeletion()) {
            skip(SkipReason.PLANNED_FOR_DELETION);
        } else if (secret.rotation().lambdaArn() == null) {
            skip(SkipReason.NO_FUNCTION);
        }
    }

    public SecretSummary secret() {
        return secret;
    }

    /** The secret's rotation function, by name (it rotates with its own), or null. */
    public String functionName() {
        return RotationRow.functionName(secret.rotation().lambdaArn());
    }

    /**
     * True when RotateSecret will also turn automatic rotation back on: the secret has a function
     * but its rotation was turned off (AWS turns it on again with the rules it kept).
     */
    public boolean turnsRotationOn() {
        return secret.rotation().lambdaArn() != null && !secret.rotation().enabled();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<SkipReason> reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The version RotateSecret created (the rotation's token), once it answered. */
    public ReadOnlyStringProperty versionIdProperty() {
        return versionId.getReadOnlyProperty();
    }

    /** AWS's error code of a refusal ({@code InvalidRequestException}, {@code ReadOnlyMode}…), else null. */
    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    /** The step a failed rotation failed in ({@code setSecret}…), else null. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /**
     * What happened, as shown: for a refusal the scope, code, message and request ID; for a failure
     * the reason the rotation gave; else null.
     */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    // ---- changed by the view model -------------------------------------------------------------

    private void skip(SkipReason why) {
        reason.set(why);
        state.set(State.SKIPPED);
    }

    void queued() {
        state.set(State.QUEUED);
    }

    void starting() {
        state.set(State.STARTING);
    }

    void started(String version) {
        versionId.set(version);
        state.set(State.ROTATING);
    }

    void refused(String code, String text) {
        errorCode.set(code);
        detail.set(text);
        state.set(State.REFUSED);
    }

    void finished(State end, String failedStep, String text) {
        step.set(failedStep);
        detail.set(text);
        state.set(end);
    }

    void cancelled() {
        state.set(State.CANCELLED);
    }
}
