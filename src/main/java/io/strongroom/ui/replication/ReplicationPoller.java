package io.strongroom.ui.replication;

import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Reads again, every {@code interval}, while replicas are InProgress: at most {@code maxRounds}
 * reads per start, stopped by {@link #stop} (the view hidden, another secret shown) or as soon as
 * the answer says nothing is in progress any more. One read at a time; a failed read stops it.
 * Used on the UI thread; holds no scene class.
 */
final class ReplicationPoller {

    private final UiExecutor executor;
    private final Duration interval;
    private final int maxRounds;
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(this, "polling");
    private long generation;
    private UiExecutor.Task task;

    ReplicationPoller(UiExecutor executor, Duration interval, int maxRounds) {
        this.executor = Objects.requireNonNull(executor);
        this.interval = Objects.requireNonNull(interval);
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds is at least 1");
        }
        this.maxRounds = maxRounds;
    }

    /** True while a poll is scheduled or reading. */
    ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /**
     * Starts polling (replacing a poll running): after each interval {@code read} runs in the
     * background and its answer goes to {@code apply} on the UI thread, which says whether to go on.
     */
    <T> void start(Callable<T> read, Predicate<? super T> apply) {
        stop();
        long run = ++generation;
        polling.set(true);
        next(run, 0, read, apply);
    }

    void stop() {
        generation++;
        if (task != null) {
            task.cancel();
            task = null;
        }
        polling.set(false);
    }

    private <T> void next(long run, int round, Callable<T> read, Predicate<? super T> apply) {
        if (round >= maxRounds) {
            polling.set(false);
            return;
        }
        task = executor.submit(() -> {
            Thread.sleep(interval.toMillis());
            return read.call();
        }, answer -> {
            if (run != generation) {
                return;
            }
            if (apply.test(answer)) {
                next(run, round + 1, read, apply);
            } else {
                polling.set(false);
            }
        }, error -> {
            if (run == generation) {
                polling.set(false);
            }
        });
    }
}
