package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A rotation followed live: "Rotate now" sends RotateSecret through the journaled mutations, then
 * watches the new version as any AWS client can (DescribeSecret every {@code interval}, the
 * secret's rotation events every few looks, as CloudTrail allows two lookups a second) until it
 * succeeds, fails, is abandoned, or {@code timeout} passes. All of it runs as one piece of work on
 * the background executor, publishing each state to the UI thread; {@link #stop()} interrupts it
 * (the rotation itself goes on in AWS). See {@link RotationProgressState} for what each look means.
 */
public final class RotationProgressModel {

    public static final Duration INTERVAL = Duration.ofMillis(500);
    public static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** Events are looked up at every this many looks (and at the first). */
    static final int EVENTS_EVERY = 4;
    /** Looks that may fail in a row before watching gives up. */
    static final int FAILURES_ALLOWED = 3;
    /** Events a little older than the start are read too: the store's clock and this one may differ. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final SecretsService secrets;
    private final RotationService rotations;
    private final SecretMutations mutations;
    private final UiExecutor executor;
    private final Clock clock;
    private final Duration interval;
    private final Duration timeout;

    private final ReadOnlyObjectWrapper<RotationProgressState> state =
            new ReadOnlyObjectWrapper<>(this, "state", RotationProgressState.idle());
    private final ReadOnlyObjectWrapper<String> secretArn = new ReadOnlyObjectWrapper<>(this, "secretArn");
    private final BooleanBinding running = Bindings.createBooleanBinding(() -> !state.get().finished(), state);
    /** Incremented at every start and stop: states of older runs are dropped. */
    private long generation;
    private UiExecutor.Task task;

    public RotationProgressModel(SecretsService secrets, RotationService rotations, SecretMutations mutations, UiExecutor executor,
                                 Clock clock) {
        this(secrets, rotations, mutations, executor, clock, INTERVAL, TIMEOUT);
    }

    /** With a look every {@code interval}, watching for at most {@code timeout}. */
    public RotationProgressModel(SecretsService secrets, RotationService rotations, SecretMutations mutations, UiExecutor executor,
                                 Clock clock, Duration interval, Duration timeout) {
        this.secrets = Objects.requireNonNull(secrets);
        this.rotations = Objects.requireNonNull(rotations);
        this.mutations = Objects.requireNonNull(mutations);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        this.interval = Objects.requireNonNull(interval);
        this.timeout = Objects.requireNonNull(timeout);
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The rotation shown: its four steps and how it ended, if it has. */
    public ReadOnlyObjectProperty<RotationProgressState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The secret whose rotation is shown, or null. */
    public ReadOnlyObjectProperty<String> secretArnProperty() {
        return secretArn.getReadOnlyProperty();
    }

    /** Whether a rotation is being started or watched. */
    public BooleanBinding runningProperty() {
        return running;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Rotates {@code secret} now with what it has (RotateSecret with no settings), then watches the
     * new version. A refusal ends it at once with the error's code and message; {@code ended} hears
     * the final state (on the UI thread) unless {@link #stop()} or another start came first.
     */
    public void rotateNow(SecretSummary secret, Consumer<RotationProgressState> ended) {
        Scope scope = secret.scope();
        String arn = secret.arn();
        start(arn, RotationProgressState.starting(), run -> {
            Instant since = clock.instant().minus(CLOCK_SLACK);
            String versionId;
            try {
                versionId = mutations.apply(new SecretMutation.Rotate(scope, arn, RotationSettings.now()));
            } catch (RuntimeException refused) {
                return RotationProgressState.refused(ErrorText.of(refused));
            }
            return follow(run, scope, arn, versionId, since);
        }, ended);
    }

    /** Watches rotation {@code versionId} of {@code secret}, started at about {@code startedAt} (by this console or anyone). */
    public void watch(SecretSummary secret, String versionId, Instant startedAt, Consumer<RotationProgressState> ended) {
        Objects.requireNonNull(versionId, "versionId");
        Instant since = startedAt.minus(CLOCK_SLACK);
        start(secret.arn(), RotationProgressState.started(versionId),
                run -> follow(run, secret.scope(), secret.arn(), versionId, since), ended);
    }

    /** Stops watching; what was seen last stays shown. The rotation goes on in AWS. */
    public void stop() {
        if (!state.get().finished()) {
            cancelRun();
            state.set(state.get().ended(RotationProgressState.Outcome.STOPPED, null));
        }
    }

    /** Stops watching and shows nothing (another secret was selected). */
    public void clear() {
        cancelRun();
        secretArn.set(null);
        state.set(RotationProgressState.idle());
    }

    // ---- Watching ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Run {
        RotationProgressState call(long run) throws InterruptedException;
    }

    private void start(String arn, RotationProgressState first, Run work, Consumer<RotationProgressState> ended) {
        cancelRun();
        long run = ++generation;
        secretArn.set(arn);
        state.set(first);
        UiExecutor.Task started = executor.submit(() -> work.call(run), last -> {
            if (run == generation) {
                task = null;
                state.set(last);
                ended.accept(last);
            }
        }, error -> {
            if (run == generation && !(error instanceof InterruptedException)) {
                task = null;
                state.set(state.get().ended(RotationProgressState.Outcome.ERROR, ErrorText.of(error)));
                ended.accept(state.get());
            }
        });
        if (run == generation && !state.get().finished()) {
            task = started;
        }
    }

    /** Looks at the rotation until it ends or time runs out; runs in the background. */
    private RotationProgressState follow(long run, Scope scope, String arn, String versionId, Instant since) throws InterruptedException {
        publish(run, RotationProgressState.started(versionId));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<RotationEvent> events = List.of();
        RotationProgressState seen = RotationProgressState.started(versionId);
        int failures = 0;
        for (int look = 0; ; look++) {
            try {
                SecretSummary now = secrets.describe(scope, arn);
                if (look % EVENTS_EVERY == 0) {
                    events = rotations.events(scope, arn, since);
                }
                seen = RotationProgressState.observe(versionId, now.versionsToStages(), events);
                failures = 0;
            } catch (RuntimeException e) {
                if (++failures >= FAILURES_ALLOWED) {
                    return seen.ended(RotationProgressState.Outcome.ERROR, ErrorText.of(e));
                }
            }
            if (seen.finished()) {
                return seen;
            }
            publish(run, seen);
            if (System.nanoTime() - deadline >= 0) {
                return seen.ended(RotationProgressState.Outcome.TIMED_OUT, null);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private void publish(long run, RotationProgressState s) {
        executor.onUiThread(() -> {
            if (run == generation) {
                state.set(s);
            }
        });
    }

    private void cancelRun() {
        generation++;
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
