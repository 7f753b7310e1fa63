package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.ui.editor.PasswordGeneratorModel;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manual rotation wizard, for targets no rotation function reaches: (1) a new value written
 * as AWSPENDING (PutSecretValue with a fresh request token), (2) the operator changes the target
 * by hand, with the pending password shown only on explicit reveal and copied to a clipboard that
 * clears itself, (3) the pending value tested ({@link RepairTargetCheck}: a real login for a
 * PostgreSQL credential, the operator's word otherwise), (4) promoted: AWSCURRENT to the pending
 * version, then AWSPENDING off. Every write goes through the journaled mutations.
 *
 * <p>It survives a restart of the console: {@link #load()} finds a pending version this wizard
 * wrote in the action journal and reopens at step 2 with it. A pending version from anything else
 * (an automatic rotation that failed) blocks the wizard, which then offers the repair view.
 */
public final class ManualRotationViewModel {

    private final RepairContext ctx;
    private final Scope scope;
    private final String arn;
    private final String name;
    private final ManualRotationValueModel value;
    private final RepairTargetCheck check;
    private final RepairSteps steps;
    private final ManualRotationReveal reveal;
    private final LatestWins work;

    private final ReadOnlyObjectWrapper<SecretSummary> secret = new ReadOnlyObjectWrapper<>(this, "secret");
    private final ReadOnlyObjectWrapper<ManualRotationStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyStringWrapper pendingVersion = new ReadOnlyStringWrapper(this, "pendingVersion");
    private final ReadOnlyObjectWrapper<List<RepairCall>> promoteCalls = new ReadOnlyObjectWrapper<>(this, "promoteCalls", List.of());
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper(this, "blocked");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite");
    private final ReadOnlyBooleanWrapper canTest = new ReadOnlyBooleanWrapper(this, "canTest");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext");
    private final ReadOnlyBooleanWrapper canPromote = new ReadOnlyBooleanWrapper(this, "canPromote");
    private final ReadOnlyBooleanWrapper canDiscard = new ReadOnlyBooleanWrapper(this, "canDiscard");
    /** Held here: the console-wide read-only property must not keep a closed wizard alive. */
    private final InvalidationListener recompute = x -> updateCommands();
    private String requestToken;
    private long tokenRevision = -1;

    public ManualRotationViewModel(RepairContext ctx, SecretSummary secret) {
        this.ctx = Objects.requireNonNull(ctx);
        this.scope = secret.scope();
        this.arn = secret.arn();
        this.name = secret.name();
        this.secret.set(secret);
        PasswordGeneratorModel generator = new PasswordGeneratorModel(ctx.secrets(), scope, ctx.ui(), ctx.texts().in(EditorContext.MESSAGES));
        this.value = new ManualRotationValueModel(generator, ctx.texts());
        this.check = new RepairTargetCheck(ctx.secrets(), ctx.databases(), ctx.ui(), ctx.texts());
        this.steps = new RepairSteps(ctx.mutations(), ctx.ui(), ctx.texts());
        this.work = new LatestWins(this, ctx.ui());
        this.reveal = new ManualRotationReveal(ctx.secrets(), ctx.clipboard(), ctx.ui(), ctx.texts(), scope, arn);
        Observable[] inputs = {step, pendingVersion, promoteCalls, value.problemProperty(), work.busyProperty(), steps.runningProperty(),
                check.passedProperty(), check.busyProperty()};
        for (Observable o : inputs) {
            o.addListener(recompute);
        }
        ctx.readOnly().addListener(new WeakInvalidationListener(recompute));
        updateCommands();
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    /** The step shown; null until {@link #load()} answered. */
    public ReadOnlyObjectProperty<ManualRotationStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The version written as AWSPENDING (by this run, or by an earlier one being resumed), or null. */
    public ReadOnlyStringProperty pendingVersionProperty() {
        return pendingVersion.getReadOnlyProperty();
    }

    /** Step 1's new value. */
    public ManualRotationValueModel value() {
        return value;
    }

    /** Step 3's test of the pending value. */
    public RepairTargetCheck check() {
        return check;
    }

    /** Step 4's calls, as they will be sent (once the test passed). */
    public ReadOnlyObjectProperty<List<RepairCall>> promoteCallsProperty() {
        return promoteCalls.getReadOnlyProperty();
    }

    /** The calls of the latest write, promotion or discard, with their outcomes. */
    public ObservableList<RepairStep> steps() {
        return steps.steps();
    }

    /** What just happened (resumed, written, promoted), or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the wizard cannot start (AWSPENDING held by an unfinished automatic rotation…), or null. */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    /** Step 2's pending password: revealed or copied on request ({@link #reveal()}, {@link #copy()}). */
    public ManualRotationReveal pending() {
        return reveal;
    }

    public ReadOnlyBooleanProperty canWriteProperty() {
        return canWrite.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTestProperty() {
        return canTest.getReadOnlyProperty();
    }

    /** Step 3 may move on to step 4: the pending value passed its test. */
    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPromoteProperty() {
        return canPromote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDiscardProperty() {
        return canDiscard.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** Why the latest read or write failed (scope, AWS code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return work.errorProperty();
    }

    /** The console's read-only mode, for the view's banner. */
    public ObservableBooleanValue readOnlyProperty() {
        return ctx.readOnly();
    }

    /** The texts the view shows this model with. */
    public Texts texts() {
        return ctx.texts();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Reads the secret and decides where to start: step 1 when nothing is pending; step 2 with the
     * pending version when the journal shows this wizard wrote it; blocked otherwise.
     */
    public void load() {
        work.run(p -> {
            SecretSummary s = ctx.secrets().describe(scope, arn);
            SecretPayload current = ctx.secrets().getValue(scope, arn, VersionSelector.current()).payload();
            String pending = RotationState.pendingVersion(s.versionsToStages());
            Optional<JournalEntry> ours = pending == null ? Optional.empty()
                    : ManualRotationResume.writtenByWizard(ctx.journal().get(), scope, s.arn(), pending);
            boolean fromRotation = pending != null && ours.isEmpty() && startedByRotation(s.arn(), pending);
            return new Loaded(s, current, pending, ours.orElse(null), fromRotation);
        }, this::apply);
    }

    /** Step 1: writes the new value as AWSPENDING (PutSecretValue); on success the wizard moves to step 2. */
    public boolean writePending() {
        if (refusedInReadOnly("PutSecretValue") || !canWrite.get()) {
            return false;
        }
        if (requestToken == null || tokenRevision != value.revisionProperty().get()) {
            requestToken = SecretsService.newRequestToken();
            tokenRevision = value.revisionProperty().get();
        }
        String token = requestToken;
        String password = value.passwordProperty().get();
        work.run(p -> {
            SecretPayload current = ctx.secrets().getValue(scope, arn, VersionSelector.current()).payload();
            return ctx.mutations().apply(new SecretMutation.PutValue(scope, arn, value.build(current, password), token,
                    List.of(VersionSelector.AWSPENDING)));
        }, (VersionWritten w) -> {
            value.wipe();
            requestToken = null;
            pendingVersion.set(w.versionId());
            check.reset();
            notice.set(ctx.texts().format("manual.written", RepairDiagnosis.shortId(w.versionId())));
            step.set(ManualRotationStep.CHANGE_TARGET);
        });
        return true;
    }

    /** Step 2: shows the pending password until {@link #hide()}. */
    public void reveal() {
        reveal.reveal(pendingVersion.get());
    }

    public void hide() {
        reveal.hide();
    }

    /** Step 2: the pending password to the clipboard, cleared after {@value ManualRotationReveal#CLIPBOARD_CLEAR_SECONDS} s. */
    public void copy() {
        reveal.copy(pendingVersion.get());
    }

    /** Step 2 done: the operator changed the target; on to the test. */
    public void targetChanged() {
        if (step.get() == ManualRotationStep.CHANGE_TARGET) {
            hide();
            notice.set(null);
            step.set(ManualRotationStep.TEST);
        }
    }

    /** Step 3: tests the pending value against its target. */
    public void test() {
        if (canTest.get()) {
            check.run(scope, arn, pendingVersion.get());
        }
    }

    /** Step 3 passed: on to step 4, whose calls are worked out from the secret's current version. */
    public void next() {
        if (canNext.get()) {
            SecretSummary s = secret.get();
            promoteCalls.set(RepairPlan.promote(scope, arn, pendingVersion.get(), s.currentVersionId()).calls());
            notice.set(null);
            step.set(ManualRotationStep.PROMOTE);
        }
    }

    /** One step back: from the test to changing the target, from promote to the test. */
    public void back() {
        notice.set(null);
        if (step.get() == ManualRotationStep.TEST) {
            step.set(ManualRotationStep.CHANGE_TARGET);
        } else if (step.get() == ManualRotationStep.PROMOTE) {
            step.set(ManualRotationStep.TEST);
        }
    }

    /** Step 4: AWSCURRENT to the pending version, then AWSPENDING off, once the operator confirmed the calls. */
    public boolean promote() {
        if (refusedInReadOnly("UpdateSecretVersionStage") || !canPromote.get()) {
            return false;
        }
        List<RepairCall> calls = promoteCalls.get();
        if (!confirm("promote", calls)) {
            return false;
        }
        steps.run(calls, ok -> {
            if (ok) {
                notice.set(ctx.texts().format("manual.promoted", name));
                step.set(ManualRotationStep.DONE);
                pendingVersion.set(null);
            }
            check.reset();
            refresh();
        });
        return true;
    }

    /** Gives up: AWSPENDING off the pending version (which stays, unlabelled); back to step 1. */
    public boolean discard() {
        if (refusedInReadOnly("UpdateSecretVersionStage") || !canDiscard.get()) {
            return false;
        }
        List<RepairCall> calls = RepairPlan.discard(scope, arn, pendingVersion.get()).calls();
        if (!confirm("discard", calls)) {
            return false;
        }
        steps.run(calls, ok -> {
            if (ok) {
                notice.set(ctx.texts().format("manual.discarded", name));
                pendingVersion.set(null);
                check.reset();
                hide();
                load();
            }
        });
        return true;
    }

    /** Drops what the wizard holds (the typed password, a revealed one) when it is closed. */
    public void dispose() {
        work.cancel();
        value.wipe();
        hide();
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private record Loaded(SecretSummary secret, SecretPayload current, String pending, JournalEntry ours, boolean fromRotation) {}

    /** Whether a rotation of the last 90 days used {@code pending} as its token (false when the events cannot be read). */
    private boolean startedByRotation(String secretArn, String pending) {
        try {
            return ctx.rotations().events(scope, secretArn, ctx.clock().instant().minus(RepairViewModel.EVENTS_SINCE)).stream()
                    .anyMatch(e -> pending.equals(e.token()));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void apply(Loaded l) {
        secret.set(l.secret());
        value.inspect(l.current());
        blocked.set(null);
        if (l.pending() == null) {
            pendingVersion.set(null);
            step.set(ManualRotationStep.NEW_VALUE);
        } else if (l.ours() != null) {
            pendingVersion.set(l.pending());
            notice.set(ctx.texts().format("manual.resumed", RepairDiagnosis.shortId(l.pending()),
                    ctx.formats().dateTime(l.ours().startedAt()), l.ours().id()));
            step.set(ManualRotationStep.CHANGE_TARGET);
        } else {
            pendingVersion.set(null);
            blocked.set(ctx.texts().format(l.fromRotation() ? "manual.blocked.rotation" : "manual.blocked.other",
                    RepairDiagnosis.shortId(l.pending())));
            step.set(ManualRotationStep.BLOCKED);
        }
    }

    /** Re-reads the secret after a change, keeping the step. */
    private void refresh() {
        work.run(p -> ctx.secrets().describe(scope, arn), secret::set);
    }

    private boolean confirm(String what, List<RepairCall> calls) {
        String lines = String.join("\n\n", calls.stream().map(RepairCall::commandLine).toList());
        return ctx.dialogs().confirm(ctx.texts().format("manual.confirm.title." + what, name),
                ctx.texts().format("manual.confirm." + what, name) + "\n\n" + lines);
    }

    private boolean refusedInReadOnly(String action) {
        if (ctx.isReadOnly()) {
            work.fail(ctx.texts().format("readOnly.refused", action, name));
            return true;
        }
        return false;
    }

    private void updateCommands() {
        ManualRotationStep s = step.get();
        boolean idle = !ctx.isReadOnly() && !work.isBusy() && !steps.runningProperty().get();
        canWrite.set(idle && s == ManualRotationStep.NEW_VALUE && value.valid());
        canTest.set(!work.isBusy() && !check.busyProperty().get() && s == ManualRotationStep.TEST && pendingVersion.get() != null);
        boolean passed = check.passed() && !check.busyProperty().get() && pendingVersion.get() != null
                && pendingVersion.get().equals(check.testedVersion());
        canNext.set(s == ManualRotationStep.TEST && passed);
        canPromote.set(idle && s == ManualRotationStep.PROMOTE && passed && !promoteCalls.get().isEmpty());
        canDiscard.set(idle && pendingVersion.get() != null
                && (s == ManualRotationStep.CHANGE_TARGET || s == ManualRotationStep.TEST || s == ManualRotationStep.PROMOTE));
    }
}
