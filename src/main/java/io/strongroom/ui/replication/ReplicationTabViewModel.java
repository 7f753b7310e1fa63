package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.replication.ReplicaPlan;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The secret's Replication tab. For a primary (or a secret not yet replicated): its replicas with
 * status, message, key and last access; adding regions ({@link AddRegionsModel}); removing a
 * replica; retrying a failed one (RemoveRegionsFromReplication, then ReplicateSecretToRegions,
 * forced over a same-name secret: {@link ReplicaPlan#retry}). For a replica: its primary's region
 * and "Promote to standalone" (StopReplicationToReplica in the replica's scope). Each change
 * shows its exact calls as AWS CLI lines and asks first (typed confirmation, the secret's name,
 * for remove and promote); none is offered in read-only mode. Polls while a replica is InProgress.
 */
public final class ReplicationTabViewModel {

    /** What the secret is in replication. */
    public enum Role { NONE, PRIMARY, REPLICA }

    private final ObservableBooleanValue readOnly;
    private final ReplicationService replication;
    private final SecretMutations mutations;
    private final DialogService dialogs;
    private final Texts texts;
    private final ReplicationStates states;
    private final Runnable changed;
    private final LatestWins writing;
    private final ReplicationPoller poller;

    private final ReadOnlyObjectWrapper<SecretSummary> secret = new ReadOnlyObjectWrapper<>(this, "secret");
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(this, "role", Role.NONE);
    private final ObservableList<ReplicaStatus> replicas = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final AddRegionsModel add;
    private final BooleanBinding canWrite;
    private final BooleanBinding canAdd;
    /** Polling waits until the view says the tab is on screen. */
    private boolean shown;

    public ReplicationTabViewModel(ObservableObjectValue<SecretSummary> secret, ObservableBooleanValue readOnly,
                                   ReplicationService replication, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                   Texts texts, ReplicationStates states, Runnable changed, Duration pollInterval, int pollRounds) {
        this.readOnly = Objects.requireNonNull(readOnly);
        this.replication = Objects.requireNonNull(replication);
        this.mutations = Objects.requireNonNull(mutations);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.states = Objects.requireNonNull(states);
        this.changed = Objects.requireNonNull(changed);
        this.writing = new LatestWins(this, executor);
        this.poller = new ReplicationPoller(executor, pollInterval, pollRounds);
        this.add = new AddRegionsModel(texts);
        canWrite = Bindings.createBooleanBinding(() -> !readOnly.get() && this.secret.get() != null && !writing.isBusy(),
                readOnly, this.secret, writing.busyProperty());
        canAdd = Bindings.createBooleanBinding(() -> canWrite.get() && role.get() != Role.REPLICA && add.planProperty().get() != null,
                canWrite, role, add.planProperty());
        secret.addListener((o, was, now) -> show(now));
        show(secret.get());
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** The primary's replicas, failed first, as last described. */
    public ObservableList<ReplicaStatus> replicas() {
        return FXCollections.unmodifiableObservableList(replicas);
    }

    public AddRegionsModel add() {
        return add;
    }

    /** Every write: not in read-only mode, not while one runs. */
    public BooleanBinding canWriteProperty() {
        return canWrite;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.busyProperty();
    }

    /** Which call failed, with scope, AWS code, message and request ID; or null. */
    public ReadOnlyStringProperty writeErrorProperty() {
        return writing.errorProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pollingProperty() {
        return poller.pollingProperty();
    }

    // ---- Plans (what each command will send) --------------------------------------------------

    public ReplicaPlan removePlan(ReplicaStatus replica) {
        SecretSummary s = secret.get();
        return ReplicaPlan.remove(s.scope(), s.arn(), replica.region());
    }

    public ReplicaPlan retryPlan(ReplicaStatus replica) {
        SecretSummary s = secret.get();
        return ReplicaPlan.retry(s.scope(), s.arn(), replica);
    }

    public ReplicaPlan promotePlan() {
        SecretSummary s = secret.get();
        return ReplicaPlan.promote(s.scope(), s.arn());
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The view says whether the tab is on screen; polling runs only then. */
    public void setShown(boolean shown) {
        this.shown = shown;
        if (shown) {
            pollIfInProgress();
        } else {
            poller.stop();
        }
    }

    /** ReplicateSecretToRegions with the regions chosen, after showing the call. */
    public void addRegions() {
        if (!canAdd.get()) {
            return;
        }
        ReplicaPlan plan = add.planProperty().get();
        if (confirm(plan, false, "confirm.add.title", "confirm.add.message")) {
            run(plan, "notice.added", add::clear);
        }
    }

    /** RemoveRegionsFromReplication for one replica (it is deleted), after typed confirmation. */
    public void remove(ReplicaStatus replica) {
        if (canWrite.get() && role.get() == Role.PRIMARY) {
            ReplicaPlan plan = removePlan(replica);
            if (confirm(plan, true, "confirm.remove.title", "confirm.remove.message", replica.region())) {
                run(plan, "notice.removed", () -> { });
            }
        }
    }

    /** A failed replica removed and replicated again, after showing both calls. */
    public void retry(ReplicaStatus replica) {
        if (canWrite.get() && role.get() == Role.PRIMARY && ReplicatedSecret.FAILED.equals(replica.status())) {
            ReplicaPlan plan = retryPlan(replica);
            String key = ReplicaPlan.sameNameFailure(replica) ? "confirm.retry.messageForce" : "confirm.retry.message";
            if (confirm(plan, false, "confirm.retry.title", key, replica.region())) {
                run(plan, "notice.retried", () -> { });
            }
        }
    }

    /** StopReplicationToReplica: this replica becomes a standalone secret, after typed confirmation. */
    public void promote() {
        if (canWrite.get() && role.get() == Role.REPLICA) {
            ReplicaPlan plan = promotePlan();
            if (confirm(plan, true, "confirm.promote.title", "confirm.promote.message", secret.get().primaryRegion())) {
                run(plan, "notice.promoted", () -> { });
            }
        }
    }

    // ---- Internals -----------------------------------------------------------------------------

    private boolean confirm(ReplicaPlan plan, boolean typed, String titleKey, String messageKey, Object... args) {
        SecretSummary s = secret.get();
        Object[] all = new Object[args.length + 1];
        all[0] = s.name();
        System.arraycopy(args, 0, all, 1, args.length);
        String message = texts.format(messageKey, all) + "\n\n" + texts.format("confirm.calls") + "\n"
                + String.join("\n", ReplicationCommandLine.of(plan));
        return typed ? dialogs.confirmByTyping(texts.format(titleKey), message, s.name())
                : dialogs.confirm(texts.format(titleKey), message);
    }

    /** Sends the plan's calls in order, stopping at the first refusal, which names the call. */
    private void run(ReplicaPlan plan, String noticeKey, Runnable done) {
        SecretSummary s = secret.get();
        notice.set(null);
        AtomicInteger step = new AtomicInteger();
        writing.run(p -> {
            Object last = null;
            for (SecretMutation<?> call : plan.calls()) {
                last = mutations.apply(call);
                step.incrementAndGet();
            }
            return last == null ? "" : last;
        }, result -> {
            notice.set(texts.format(noticeKey, s.name()));
            done.run();
            states.forget(s.arn());
            changed.run();
        }, error -> {
            SecretMutation<?> failed = plan.calls().get(Math.min(step.get(), plan.calls().size() - 1));
            writing.fail(texts.format("error.call", step.get() + 1, plan.calls().size(), failed.action(), ErrorText.of(error)));
            if (step.get() > 0) {
                changed.run();
            }
        });
    }

    private void show(SecretSummary now) {
        SecretSummary was = secret.get();
        if (was == null || now == null || !was.arn().equals(now.arn())) {
            writing.cancel();
            writing.dismissError();
            notice.set(null);
            poller.stop();
        }
        secret.set(now);
        role.set(now == null || now.primaryRegion() == null ? Role.NONE : now.isReplica() ? Role.REPLICA : Role.PRIMARY);
        showReplicas(now == null ? List.of() : now.replicas());
        add.show(now);
        pollIfInProgress();
    }

    private void showReplicas(List<ReplicaStatus> now) {
        replicas.setAll(now.stream().sorted(java.util.Comparator.comparingInt((ReplicaStatus r) ->
                ReplicatedSecret.FAILED.equals(r.status()) ? 0 : ReplicatedSecret.IN_PROGRESS.equals(r.status()) ? 1 : 2)
                .thenComparing(ReplicaStatus::region)).toList());
    }

    private void pollIfInProgress() {
        SecretSummary s = secret.get();
        if (!shown || s == null || role.get() != Role.PRIMARY || poller.pollingProperty().get()
                || replicas.stream().noneMatch(r -> ReplicatedSecret.IN_PROGRESS.equals(r.status()))) {
            return;
        }
        poller.start(() -> replication.describe(s.scope(), s.arn()), d -> {
            SecretSummary current = secret.get();
            if (current == null || !current.arn().equals(d.arn())) {
                return false;
            }
            showReplicas(d.replicas());
            states.putAll(List.of(d));
            boolean more = d.anyInProgress();
            if (!more) {
                changed.run();
            }
            return more;
        });
    }
}
