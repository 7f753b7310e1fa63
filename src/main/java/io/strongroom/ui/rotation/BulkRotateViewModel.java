package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.RotationService;
import io.strongroom.service.ScopeException;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * Rotates several secrets at once, each with its own configured function: RotateSecret with
 * {@link RotationSettings#now()} through the journaled mutations (refused in read-only mode), at
 * most {@link Settings#parallelism()} at a time in the UI executor's background, then DescribeSecret
 * every {@link Settings#pollEvery()} until AWSCURRENT is on the version RotateSecret returned. A
 * rotation that fails is recognised by its RotationFailed event (read every few polls; on AWS it
 * reaches CloudTrail minutes later, so there it usually ends as still running); one that neither
 * finishes nor fails within {@link Settings#timeout()} is reported as still running.
 *
 * <p>Secrets without a function (or scheduled for deletion) are skipped before anything is sent.
 * Nothing is sent before {@link #confirm()}; {@link #cancel()} stops sending and following (a
 * rotation already started goes on in AWS).
 */
public final class BulkRotateViewModel {

    /** How many rotations run at once, how often they are polled, and how long the console waits for one. */
    public record Settings(int parallelism, Duration pollEvery, Duration timeout) {
        public static final Settings DEFAULTS = new Settings(4, Duration.ofSeconds(1), Duration.ofSeconds(60));

        public Settings {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism is at least 1");
            }
            Objects.requireNonNull(pollEvery, "pollEvery");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** What a bulk rotation works with. */
    public record Services(SecretMutations mutations, SecretsService secrets, RotationService rotations, UiExecutor ui, Clock clock,
                           ObservableBooleanValue readOnly, Settings settings) {
        public Services {
            Objects.requireNonNull(mutations, "mutations");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(rotations, "rotations");
            Objects.requireNonNull(ui, "ui");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(readOnly, "readOnly");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** Before confirmation, while rotations run or are followed, and once every one has ended. */
    public enum Phase { CONFIRM, RUNNING, DONE }

    /** Rotation events are read on every this many polls (and whenever AWSPENDING leaves the new version). */
    static final int EVENTS_EVERY = 3;
    /**
     * Events are looked for from this long before the rotation started: the console's clock may be
     * off AWS's, and one secret's events of a day are few (they are looked up by its ARN).
     */
    static final Duration EVENT_SLACK = Duration.ofDays(1);

    private final Services services;
    private final ObservableList<BulkRotateItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CONFIRM);
    private final ReadOnlyIntegerWrapper toRotate = new ReadOnlyIntegerWrapper(this, "toRotate");
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final ReadOnlyIntegerWrapper succeeded = new ReadOnlyIntegerWrapper(this, "succeeded");
    private final ReadOnlyIntegerWrapper problems = new ReadOnlyIntegerWrapper(this, "problems");
    private final BooleanBinding canConfirm;
    private final Queue<BulkRotateItem> queue = new ArrayDeque<>();
    /** The rotations sent or being sent, with their tasks (null until {@code submit} returned). */
    private final Map<BulkRotateItem, UiExecutor.Task> inFlight = new LinkedHashMap<>();

    /** The secrets to rotate, in the order shown. */
    public BulkRotateViewModel(List<SecretSummary> secrets, Services services) {
        this.services = Objects.requireNonNull(services);
        secrets.forEach(s -> items.add(new BulkRotateItem(s)));
        toRotate.set((int) items.stream().filter(i -> i.state() == BulkRotateItem.State.READY).count());
        canConfirm = Bindings.createBooleanBinding(() -> phase.get() == Phase.CONFIRM && !services.readOnly().get() && toRotate.get() > 0,
                phase, services.readOnly(), toRotate);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObservableList<BulkRotateItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** How many will be (or were) sent: the selected secrets less the skipped ones. */
    public ReadOnlyIntegerProperty toRotateProperty() {
        return toRotate.getReadOnlyProperty();
    }

    /** How many of those have ended (succeeded, refused, failed, still running or cancelled). */
    public ReadOnlyIntegerProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    /** Refused, failed or still running: the ones to look at. */
    public ReadOnlyIntegerProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Nothing sent yet, something to send, and read-only mode off. */
    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    /** The parallelism, polling and timeout in use. */
    public Settings settings() {
        return services.settings();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Starts the rotations (nothing happens unless {@link #canConfirmProperty()} is true). */
    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        phase.set(Phase.RUNNING);
        for (BulkRotateItem item : items) {
            if (item.state() == BulkRotateItem.State.READY) {
                item.queued();
                queue.add(item);
            }
        }
        pump();
    }

    /**
     * Stops: what is queued is not sent, and the rotations sent are no longer followed (they go on
     * in AWS; their version IDs stay shown).
     */
    public void cancel() {
        if (phase.get() != Phase.RUNNING) {
            return;
        }
        BulkRotateItem item;
        while ((item = queue.poll()) != null) {
            ended(item, item::cancelled);
        }
        for (Map.Entry<BulkRotateItem, UiExecutor.Task> e : List.copyOf(inFlight.entrySet())) {
            if (e.getValue() != null) {
                e.getValue().cancel();
            }
            inFlight.remove(e.getKey());
            ended(e.getKey(), e.getKey()::cancelled);
        }
        phase.set(Phase.DONE);
    }

    /** The dialog closed: nothing more is sent or followed. */
    public void dispose() {
        cancel();
    }

    // ---- Running -------------------------------------------------------------------------------

    /** How one rotation ended, from the background. */
    private record Outcome(BulkRotateItem.State state, String step, String detail) {}

    private void pump() {
        while (phase.get() == Phase.RUNNING && inFlight.size() < services.settings().parallelism() && !queue.isEmpty()) {
            BulkRotateItem item = queue.poll();
            item.starting();
            inFlight.put(item, null);
            UiExecutor.Task task = services.ui().submit(() -> rotate(item),
                    (Outcome o) -> settled(item, () -> item.finished(o.state(), o.step(), o.detail())),
                    error -> settled(item, () -> refused(item, error)));
            if (inFlight.containsKey(item)) {
                inFlight.put(item, task);
            }
        }
        if (phase.get() == Phase.RUNNING && queue.isEmpty() && inFlight.isEmpty()) {
            phase.set(Phase.DONE);
        }
    }

    /** One rotation's answer arrived (UI executor): records it and sends the next. */
    private void settled(BulkRotateItem item, Runnable record) {
        if (!inFlight.containsKey(item)) {
            return;     // cancelled meanwhile
        }
        inFlight.remove(item);
        ended(item, record);
        pump();
    }

    private void ended(BulkRotateItem item, Runnable record) {
        record.run();
        finished.set(finished.get() + 1);
        switch (item.state()) {
            case SUCCEEDED -> succeeded.set(succeeded.get() + 1);
            case REFUSED, FAILED, STILL_RUNNING -> problems.set(problems.get() + 1);
            default -> { }
        }
    }

    private static void refused(BulkRotateItem item, Throwable error) {
        String code = error instanceof ScopeException se ? se.error().errorCode()
                : error.getCause() instanceof ScopeException se ? se.error().errorCode() : error.getClass().getSimpleName();
        item.refused(code, ErrorText.of(error));
    }

    /** Background: RotateSecret, then follow the rotation to its end. A refusal is thrown. */
    private Outcome rotate(BulkRotateItem item) throws InterruptedException {
        SecretSummary s = item.secret();
        Instant sent = services.clock().instant();
        String version = services.mutations().apply(new SecretMutation.Rotate(s.scope(), s.arn(), RotationSettings.now()));
        services.ui().onUiThread(() -> {
            if (item.state() == BulkRotateItem.State.STARTING) {
                item.started(version);
            }
        });
        if (version == null) {
            return new Outcome(BulkRotateItem.State.STILL_RUNNING, null, null);
        }
        return follow(s, version, sent.minus(EVENT_SLACK));
    }

    /** Background: polls until AWSCURRENT is on {@code version}, its RotationFailed event is seen, or time is up. */
    private Outcome follow(SecretSummary s, String version, Instant since) throws InterruptedException {
        Settings settings = services.settings();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        String problem = null;
        for (int poll = 1; ; poll++) {
            Thread.sleep(settings.pollEvery().toMillis());
            try {
                SecretSummary now = services.secrets().describe(s.scope(), s.arn());
                if (version.equals(now.currentVersionId())) {
                    return new Outcome(BulkRotateItem.State.SUCCEEDED, null, null);
                }
                boolean pendingLeft = !now.versionsToStages().getOrDefault(version, List.of()).contains(VersionSelector.AWSPENDING);
                if (pendingLeft || poll % EVENTS_EVERY == 0) {
                    Outcome o = fromEvents(s, version, since);
                    if (o != null) {
                        return o;
                    }
                }
                problem = null;
            } catch (ScopeException e) {
                problem = ErrorText.of(e);      // the rotation is not ours to stop following for a failed read: try again
            }
            if (System.nanoTime() - deadline >= 0) {
                return new Outcome(BulkRotateItem.State.STILL_RUNNING, null, problem);
            }
        }
    }

    /** The end of the rotation {@code version} as its events tell it, or null when they do not (yet). */
    private Outcome fromEvents(SecretSummary s, String version, Instant since) {
        List<RotationEvent> events;
        try {
            events = services.rotations().events(s.scope(), s.arn(), since);
        } catch (ScopeException unreadable) {
            return null;        // without CloudTrail only the labels tell: wait for them
        }
        for (RotationEvent e : events) {
            if (!version.equals(e.token())) {
                continue;
            }
            switch (e.kind()) {
                case SUCCEEDED:
                    return new Outcome(BulkRotateItem.State.SUCCEEDED, null, null);
                case FAILED:
                    return new Outcome(BulkRotateItem.State.FAILED, e.step(), e.reason());
                case ABANDONED:
                    return new Outcome(BulkRotateItem.State.FAILED, null, e.kind().eventName());
                default:
                    break;
            }
        }
        return null;
    }
}
