package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The secret's Rotation tab: where its rotation stands (the settings, the last and next rotation,
 * {@link RotationState} with the latest rotation event of the last 90 days), configuring it (a
 * function from the scope's Lambda functions and a {@link ScheduleModel schedule}), "Rotate now"
 * followed live ({@link RotationProgressModel}), turning it off, and the history
 * ({@link RotationHistoryModel}). Every write goes through the journaled mutations, and none is
 * offered or sent in read-only mode. Loading waits while the tab is not shown ({@link #setShown}),
 * since CloudTrail allows two event lookups a second.
 */
public final class RotationTabViewModel {

    /** How far back the state and the history look for rotation events. */
    public static final Duration EVENTS_SINCE = Duration.ofDays(90);

    private final ObservableBooleanValue readOnly;
    private final SecretsService secrets;
    private final RotationService rotations;
    private final SecretMutations mutations;
    private final DialogService dialogs;
    private final Texts texts;
    private final Clock clock;
    private final Runnable changed;
    private final LatestWins loading;
    private final LatestWins writing;

    private final ReadOnlyObjectWrapper<SecretSummary> secret = new ReadOnlyObjectWrapper<>(this, "secret");
    private final RotationTabHeader header;
    private final RotationTabFunctions functions;
    private final BooleanProperty rotateImmediately = new SimpleBooleanProperty(this, "rotateImmediately", true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ScheduleModel schedule;
    private final RotationProgressModel progress;
    private final RotationHistoryModel history = new RotationHistoryModel();
    private final BooleanBinding canConfigure;
    private final BooleanBinding canSave;
    private final BooleanBinding canTurnOff;
    private final BooleanBinding canRotateNow;
    private boolean shown = true;
    /** The secret's ARN whose events and versions are shown, or null when they need loading. */
    private String loadedArn;

    /**
     * @param secret  the secret shown by the detail (null when none)
     * @param changed tells the detail that this tab changed the secret
     */
    public RotationTabViewModel(ObservableObjectValue<SecretSummary> secret, ObservableBooleanValue readOnly, SecretsService secrets,
                                RotationService rotations, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                Texts texts, Clock clock, Runnable changed) {
        this(secret, readOnly, secrets, rotations, mutations, executor, dialogs, texts, clock, changed,
                new RotationProgressModel(secrets, rotations, mutations, executor, clock));
    }

    /** As above, with the progress model given (its polling pace chosen by the caller). */
    public RotationTabViewModel(ObservableObjectValue<SecretSummary> secret, ObservableBooleanValue readOnly, SecretsService secrets,
                                RotationService rotations, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                Texts texts, Clock clock, Runnable changed, RotationProgressModel progress) {
        Objects.requireNonNull(secret);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.secrets = Objects.requireNonNull(secrets);
        this.rotations = Objects.requireNonNull(rotations);
        this.mutations = Objects.requireNonNull(mutations);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.changed = Objects.requireNonNull(changed);
        this.progress = Objects.requireNonNull(progress);
        this.schedule = new ScheduleModel(texts);
        this.header = new RotationTabHeader(clock, progress);
        this.loading = new LatestWins(this, executor);
        this.functions = new RotationTabFunctions(rotations, executor);
        this.writing = new LatestWins(this, executor);
        canConfigure = Bindings.createBooleanBinding(() -> !readOnly.get() && this.secret.get() != null, readOnly, this.secret);
        canSave = Bindings.createBooleanBinding(() -> canConfigure.get() && functions.chosenProperty().get() != null
                        && schedule.problemProperty().get() == null && !writing.isBusy() && !progress.runningProperty().get(),
                canConfigure, functions.chosenProperty(), schedule.problemProperty(), writing.busyProperty(), progress.runningProperty());
        canTurnOff = Bindings.createBooleanBinding(() -> canConfigure.get() && this.secret.get().rotation().enabled() && !writing.isBusy(),
                canConfigure, this.secret, writing.busyProperty());
        canRotateNow = Bindings.createBooleanBinding(() -> canConfigure.get() && this.secret.get().rotation().lambdaArn() != null
                        && !writing.isBusy() && !progress.runningProperty().get(),
                canConfigure, this.secret, writing.busyProperty(), progress.runningProperty());
        rotateImmediately.addListener((o, was, now) -> previewFrom());
        secret.addListener((o, was, now) -> hostChanged(now));
        hostChanged(secret.get());
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The secret as last described (by the detail, or again by this tab after a change); null when none. */
    public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    /** Where rotation stands, with the latest event and the schedule in words. */
    public RotationTabHeader header() {
        return header;
    }

    /** The function picker: the scope's functions and the one chosen for Save. */
    public RotationTabFunctions functions() {
        return functions;
    }

    public ScheduleModel schedule() {
        return schedule;
    }

    /** Save rotates at once (RotateImmediately), else at the next window. */
    public BooleanProperty rotateImmediatelyProperty() {
        return rotateImmediately;
    }

    public RotationProgressModel progress() {
        return progress;
    }

    public RotationHistoryModel history() {
        return history;
    }

    /** What the last command did, in words; null when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding canConfigureProperty() {
        return canConfigure;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canTurnOffProperty() {
        return canTurnOff;
    }

    public BooleanBinding canRotateNowProperty() {
        return canRotateNow;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    /** Why the events or versions could not be read (scope, code, request ID), or null. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loading.errorProperty();
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.busyProperty();
    }

    public ReadOnlyStringProperty writeErrorProperty() {
        return writing.errorProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The view says whether the tab is on screen; events and versions load only then. */
    public void setShown(boolean shown) {
        this.shown = shown;
        SecretSummary s = secret.get();
        if (shown && s != null && !s.arn().equals(loadedArn)) {
            load(s, false);
        }
    }

    /** Reads the secret, its versions and its rotation events again. */
    public void refresh() {
        SecretSummary s = secret.get();
        if (s != null) {
            load(s, true);
        }
    }

    /** Configures rotation with the function and schedule chosen (RotateSecret); with "Rotate immediately", follows the rotation. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        SecretSummary s = secret.get();
        RotationSettings settings = new RotationSettings(functions.chosenProperty().get().arn(), schedule.automaticallyAfterDays(),
                schedule.scheduleExpression(), schedule.windowValue(), rotateImmediately.get());
        Instant started = clock.instant();
        notice.set(null);
        writing.run(p -> mutations.apply(new SecretMutation.Rotate(s.scope(), s.arn(), settings)), (String versionId) -> {
            notice.set(texts.format(versionId == null ? "notice.saved" : "notice.savedRotating"));
            if (versionId != null) {
                progress.watch(s, versionId, started, ended -> refresh());
            }
            written();
        });
    }

    /** Turns automatic rotation off (CancelRotateSecret) after asking; an unfinished rotation keeps AWSPENDING. */
    public void turnOff() {
        if (!canTurnOff.get()) {
            return;
        }
        SecretSummary s = secret.get();
        String pending = RotationState.pendingVersion(s.versionsToStages());
        String message = texts.format("turnOff.message", s.name())
                + (pending == null ? "" : "\n\n" + texts.format("turnOff.pending", pending));
        if (!dialogs.confirm(texts.format("turnOff.title"), message)) {
            return;
        }
        notice.set(null);
        writing.run(p -> mutations.apply(new SecretMutation.CancelRotation(s.scope(), s.arn())), (String versionId) -> {
            notice.set(versionId == null ? texts.format("notice.turnedOff") : texts.format("notice.turnedOffPending", versionId));
            written();
        });
    }

    /** Rotates now with what the secret has, following the four steps live. */
    public void rotateNow() {
        if (!canRotateNow.get()) {
            return;
        }
        notice.set(null);
        progress.rotateNow(secret.get(), ended -> {
            if (ended.outcome() != RotationProgressState.Outcome.REFUSED) {
                written();
            }
        });
    }

    /** Stops following the rotation shown (it goes on in AWS). */
    public void stopWatching() {
        progress.stop();
    }

    // ---- Loading -------------------------------------------------------------------------------

    private record Loaded(SecretSummary secret, List<SecretVersion> versions, List<RotationEvent> events) {}

    private void hostChanged(SecretSummary now) {
        SecretSummary was = secret.get();
        boolean other = was == null || now == null || !was.arn().equals(now.arn());
        if (other) {
            progress.clear();
            loading.cancel();
            writing.cancel();
            notice.set(null);
            loadedArn = null;
            header.latestEvent(null);
            history.clear();
        }
        show(now, other);
        if (now != null && shown && (other || changedForRotation(was, now))) {
            load(now, false);
        }
    }

    /** Shows {@code s} without reading anything; the configuration follows the secret's when {@code reset} or when its settings changed. */
    private void show(SecretSummary s, boolean reset) {
        SecretSummary was = secret.get();
        secret.set(s);
        header.show(s);
        if (s == null) {
            functions.show(null);
            return;
        }
        if (reset || was == null || !was.rotation().equals(s.rotation())) {
            schedule.load(s.rotation());
            functions.show(s);
        }
        previewFrom();
    }

    private void load(SecretSummary s, boolean describeAgain) {
        Instant since = clock.instant().minus(EVENTS_SINCE);
        loading.run(p -> {
            SecretSummary now = describeAgain ? secrets.describe(s.scope(), s.arn()) : s;
            return new Loaded(now, secrets.listVersions(s.scope(), s.arn(), true), rotations.events(s.scope(), s.arn(), since));
        }, (Loaded l) -> {
            loadedArn = s.arn();
            header.latestEvent(l.events().isEmpty() ? null : l.events().get(0));
            history.show(l.versions(), l.events());
            show(l.secret(), false);
            followRunning();
        });
    }

    /** A rotation running now (started by anyone) is followed, unless it already is. */
    private void followRunning() {
        RotationState st = header.stateProperty().get();
        RotationEvent last = header.latestEventProperty().get();
        if (st == null || st.status() != RotationState.Status.ROTATING || last == null) {
            return;
        }
        String version = st.pendingVersion() != null ? st.pendingVersion() : last.token();
        RotationProgressState p = progress.stateProperty().get();
        if (version != null && !(version.equals(p.versionId()) && st.secret().arn().equals(progress.secretArnProperty().get()))) {
            progress.watch(st.secret(), version, last.time(), ended -> refresh());
        }
    }

    private void written() {
        changed.run();
        refresh();
    }

    /** A preview of a schedule counted in days starts from the rotation Save makes, or from the last one. */
    private void previewFrom() {
        SecretSummary s = secret.get();
        Instant now = clock.instant();
        Instant last = s == null || s.rotation().lastRotated() == null ? now : s.rotation().lastRotated();
        schedule.nowProperty().set(now);
        schedule.lastRotationProperty().set(rotateImmediately.get() ? now : last);
    }

    private static boolean changedForRotation(SecretSummary was, SecretSummary now) {
        return !was.rotation().equals(now.rotation()) || !was.versionsToStages().equals(now.versionsToStages());
    }
}
