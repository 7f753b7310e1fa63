package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationFunctionInfo;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.rotation.RepairPlan.Repair;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Diagnosis and repair of one secret's unfinished or failed rotation. {@link #load()} reads the
 * secret, its versions (deprecated ones too) and its rotation events of the last 90 days, works
 * out the {@link RotationState} and explains it ({@link RepairDiagnosis}). The three repairs an
 * operator would otherwise do by hand are offered as {@link RepairPlan}s, each the exact calls it
 * makes as AWS CLI lines: Retry, Promote (after {@link RepairTargetCheck} passed) and Discard. A
 * repair runs only after the operator confirmed its calls; each call goes through the journaled
 * mutations and its outcome is shown ({@link RepairSteps}). Read-only mode disables them all.
 */
public final class RepairViewModel {

    /** How far back the rotation events are read. */
    public static final Duration EVENTS_SINCE = Duration.ofDays(90);

    private final RepairContext ctx;
    private final Scope scope;
    private final String arn;
    private final String name;
    private final LatestWins loading;
    private final RepairTargetCheck check;
    private final RepairSteps steps;

    private final ReadOnlyObjectWrapper<SecretSummary> secret = new ReadOnlyObjectWrapper<>(this, "secret");
    private final ReadOnlyObjectWrapper<RotationState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<RepairDiagnosis> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    private final ReadOnlyStringWrapper eventsProblem = new ReadOnlyStringWrapper(this, "eventsProblem");
    private final ObservableList<SecretVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<RepairPlan> plans = FXCollections.observableArrayList();
    private final ObservableList<String> functions = FXCollections.observableArrayList();
    private final ObjectProperty<String> retryFunction = new SimpleObjectProperty<>(this, "retryFunction");
    private final ReadOnlyObjectWrapper<Repair> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper manualInProgress = new ReadOnlyBooleanWrapper(this, "manualInProgress");
    private final Map<Repair, ReadOnlyBooleanWrapper> can = new EnumMap<>(Repair.class);
    /** Held here: the console-wide read-only property must not keep a closed repair window alive. */
    private final InvalidationListener replan = x -> updatePlans();
    /** The rotation a Retry started, until CloudTrail shows its RotationStarted event. */
    private String startedByRetry;

    public RepairViewModel(RepairContext ctx, SecretSummary secret) {
        this.ctx = Objects.requireNonNull(ctx);
        Objects.requireNonNull(secret, "secret");
        this.scope = secret.scope();
        this.arn = secret.arn();
        this.name = secret.name();
        this.secret.set(secret);
        this.loading = new LatestWins(this, ctx.ui());
        this.check = new RepairTargetCheck(ctx.secrets(), ctx.databases(), ctx.ui(), ctx.texts());
        this.steps = new RepairSteps(ctx.mutations(), ctx.ui(), ctx.texts());
        for (Repair r : Repair.values()) {
            can.put(r, new ReadOnlyBooleanWrapper(this, "can" + r.name()));
        }
        Observable[] inputs = {state, retryFunction, loading.busyProperty(), steps.runningProperty(),
                check.passedProperty(), check.busyProperty()};
        for (Observable o : inputs) {
            o.addListener(replan);
        }
        ctx.readOnly().addListener(new WeakInvalidationListener(replan));
        updatePlans();
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The secret as last read. */
    public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    /** Where the rotation stands, once loaded. */
    public ReadOnlyObjectProperty<RotationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What happened, in words, once loaded. */
    public ReadOnlyObjectProperty<RepairDiagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    /** Why the rotation events could not be read (the explanation then rests on the versions alone), or null. */
    public ReadOnlyStringProperty eventsProblemProperty() {
        return eventsProblem.getReadOnlyProperty();
    }

    /** The versions that carry a staging label, newest first, once loaded. */
    public ObservableList<SecretVersion> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    /** Retry, Promote and Discard, in that order, each with its calls (or why it does not apply). */
    public ObservableList<RepairPlan> plans() {
        return FXCollections.unmodifiableObservableList(plans);
    }

    public RepairPlan plan(Repair repair) {
        return plans.stream().filter(p -> p.repair() == repair).findFirst().orElseThrow();
    }

    /** The rotation functions of the secret's scope (ARNs), for a Retry with another function. */
    public ObservableList<String> functions() {
        return FXCollections.unmodifiableObservableList(functions);
    }

    /** The function a Retry rotates with; null keeps the secret's own. */
    public ObjectProperty<String> retryFunctionProperty() {
        return retryFunction;
    }

    /** The test of the pending value that Promote waits for. */
    public RepairTargetCheck check() {
        return check;
    }

    /** The calls of the latest repair with their outcomes. */
    public ObservableList<RepairStep> steps() {
        return steps.steps();
    }

    /** Which repair {@link #steps()} belong to, or null before the first. */
    public ReadOnlyObjectProperty<Repair> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** What the latest repair achieved, in words, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether AWSPENDING is a manual rotation this console's wizard started (it can be finished there). */
    public ReadOnlyBooleanProperty manualInProgressProperty() {
        return manualInProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty(Repair repair) {
        return can.get(repair).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return steps.runningProperty();
    }

    /** Why the secret could not be read (scope, AWS code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return loading.errorProperty();
    }

    public boolean isReadOnly() {
        return ctx.isReadOnly();
    }

    /** The console's read-only mode, for the view's banner. */
    public ObservableBooleanValue readOnlyProperty() {
        return ctx.readOnly();
    }

    /** The texts and date formats the view shows this model with. */
    public Texts texts() {
        return ctx.texts();
    }

    public Formats formats() {
        return ctx.formats();
    }

    /** Where the calls go, as the plans' heading says: account, region, and profile or endpoint. */
    public String scopeNote() {
        return RepairCommandLine.scopeNote(scope, ctx.texts());
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Reads the secret, its versions and its rotation events, and explains where its rotation stands. */
    public void load() {
        Instant now = ctx.clock().instant();
        String expected = startedByRetry;
        loading.run(p -> {
            SecretSummary s = ctx.secrets().describe(scope, arn);
            List<SecretVersion> versions = ctx.secrets().listVersions(scope, arn, true);
            List<RotationEvent> events = new ArrayList<>();
            String problem = null;
            try {
                events.addAll(ctx.rotations().events(scope, s.arn(), now.minus(EVENTS_SINCE)));
            } catch (RuntimeException e) {
                problem = ctx.texts().format("events.unreadable", ErrorText.of(e));
            }
            List<String> arns;
            try {
                arns = ctx.rotations().functions(scope).stream().map(RotationFunctionInfo::arn).toList();
            } catch (RuntimeException e) {
                arns = List.of();
            }
            String pending = RotationState.pendingVersion(s.versionsToStages());
            Instant wizard = null;
            if (pending != null && events.stream().noneMatch(e -> pending.equals(e.token()))) {
                try {
                    wizard = ManualRotationResume.writtenByWizard(ctx.journal().get(), scope, s.arn(), pending)
                            .map(JournalEntry::startedAt).orElse(null);
                } catch (RuntimeException unreadable) {
                    // the journal is only a hint here: without it the version is explained as written by hand
                }
            }
            return new Loaded(s, versions, withRetry(events, s, expected, now), problem, arns, wizard);
        }, this::apply);
    }

    /** Tests the pending value (a real login for a PostgreSQL credential); Promote waits for it to pass. */
    public void testPending() {
        RotationState st = state.get();
        if (st != null && st.pendingVersion() != null) {
            check.run(scope, arn, st.pendingVersion());
        }
    }

    /** Puts one command line on the clipboard (it holds no value), to run it by hand or keep it in a ticket. */
    public void copyCommand(RepairCall call) {
        ctx.clipboard().put(call.commandLine());
        notice.set(ctx.texts().format("repair.copied"));
    }

    public boolean retry() {
        return run(Repair.RETRY);
    }

    public boolean promote() {
        return run(Repair.PROMOTE);
    }

    public boolean discard() {
        return run(Repair.DISCARD);
    }

    /**
     * Runs {@code repair} once the operator confirmed its calls; returns whether they were sent.
     * In read-only mode nothing is sent and the refusal is shown against the first call.
     */
    public boolean run(Repair repair) {
        RepairPlan plan = plan(repair);
        if (!plan.available() || steps.runningProperty().get() || loading.isBusy()) {
            return false;
        }
        if (ctx.isReadOnly()) {
            lastRun.set(repair);
            steps.refuse(plan.calls(), ctx.texts().format("readOnly.refused", plan.calls().get(0).operation(), name));
            notice.set(null);
            return false;
        }
        if (!can.get(repair).get()) {
            return false;
        }
        String key = repair.name().toLowerCase(Locale.ROOT);
        String calls = plan.calls().stream().map(RepairCall::commandLine).collect(Collectors.joining("\n\n"));
        String question = ctx.texts().format("confirm." + key, name) + "\n\n" + calls + "\n\n" + scopeNote();
        if (!ctx.dialogs().confirm(ctx.texts().format("confirm.title." + key, name), question)) {
            return false;
        }
        lastRun.set(repair);
        notice.set(null);
        steps.run(plan.calls(), ok -> finished(repair, ok));
        return true;
    }

    /** Drops a read in flight and the test's result (the window was closed). */
    public void dispose() {
        loading.cancel();
        check.reset();
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private record Loaded(SecretSummary secret, List<SecretVersion> versions, List<RotationEvent> events, String eventsProblem,
                          List<String> functions, Instant writtenByWizard) {}

    private void apply(Loaded l) {
        RotationEvent last = l.events().isEmpty() ? null : l.events().get(0);
        Instant now = ctx.clock().instant();
        RotationState st = RotationState.of(l.secret(), last, now, RotationState.DEFAULT_STUCK_AFTER);
        if (check.testedVersion() != null && !check.testedVersion().equals(st.pendingVersion())) {
            check.reset();
        }
        secret.set(l.secret());
        functions.setAll(l.functions());
        versions.setAll(l.versions().stream().filter(v -> !v.isDeprecated())
                .sorted(Comparator.comparing(SecretVersion::created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .reversed()).toList());
        eventsProblem.set(l.eventsProblem());
        diagnosis.set(RepairDiagnosis.of(st, l.versions(), l.events(), l.writtenByWizard(), ctx.texts(), ctx.formats(), now));
        manualInProgress.set(l.writtenByWizard() != null);
        state.set(st);
    }

    /** The events, with the start of the rotation a Retry began first when CloudTrail does not show it yet. */
    private List<RotationEvent> withRetry(List<RotationEvent> events, SecretSummary s, String token, Instant now) {
        if (token == null || !token.equals(RotationState.pendingVersion(s.versionsToStages()))
                || events.stream().anyMatch(e -> token.equals(e.token()))) {
            return events;
        }
        List<RotationEvent> out = new ArrayList<>();
        out.add(new RotationEvent(scope, s.arn(), now, RotationEvent.Kind.STARTED, token, null, null, null));
        out.addAll(events);
        return out;
    }

    private void finished(Repair repair, boolean ok) {
        String key = repair.name().toLowerCase(Locale.ROOT);
        if (ok && repair == Repair.RETRY) {
            startedByRetry = steps.steps().get(steps.steps().size() - 1).versionId();
        }
        notice.set(ok ? ctx.texts().format("done." + key, name) : ctx.texts().format("done.failed"));
        check.reset();
        load();
    }

    private void updatePlans() {
        RotationState st = state.get();
        String pending = st == null ? null : st.pendingVersion();
        List<RepairPlan> all = RepairPlan.all(st, secret.get(), retryFunction.get(), ctx.texts());
        plans.setAll(all);
        boolean idle = !ctx.isReadOnly() && !loading.isBusy() && !steps.runningProperty().get();
        can.get(Repair.RETRY).set(idle && all.get(0).available());
        can.get(Repair.PROMOTE).set(idle && all.get(1).available() && !check.busyProperty().get() && check.passed()
                && pending != null && pending.equals(check.testedVersion()));
        can.get(Repair.DISCARD).set(idle && all.get(2).available());
    }
}
