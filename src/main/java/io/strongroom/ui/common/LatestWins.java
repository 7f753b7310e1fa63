package io.strongroom.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A view model's background operation where only the latest start counts: starting it again
 * cancels the run in flight and drops its answer, so a slow reply for the secret selected before
 * never lands on the one selected now. It keeps what every such operation shows: busy while a run
 * is in flight, the last failure as text ({@link ErrorText}), and progress that long work reports
 * from its own thread, published in the UI executor.
 *
 * <p>Holds no {@code javafx.scene} class, so a view model owning one runs without the FX thread
 * (with {@link DirectUiExecutor}, runs complete inside {@link #run}). Used on the UI thread only.
 */
public final class LatestWins {

    /** {@link #progressProperty()} while a run has not reported a fraction (as JavaFX's indeterminate progress). */
    public static final double INDETERMINATE = -1;

    /** Work that may say how far it has got. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Where work reports how far it has got; safe from any thread, ignored once the run is superseded. */
    @FunctionalInterface
    public interface Progress {
        /** {@code fraction} in 0..1 (or {@link #INDETERMINATE}); {@code message} may be null. */
        void report(double fraction, String message);
    }

    private final UiExecutor executor;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper error;
    private final ReadOnlyDoubleWrapper progress;
    private final ReadOnlyStringWrapper progressMessage;
    /** Incremented at every start and cancel: answers of older runs are dropped. */
    private long generation;
    private UiExecutor.Task task;

    /** @param bean the owning view model, as the bean of the properties */
    public LatestWins(Object bean, UiExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.busy = new ReadOnlyBooleanWrapper(bean, "busy");
        this.error = new ReadOnlyStringWrapper(bean, "error");
        this.progress = new ReadOnlyDoubleWrapper(bean, "progress", INDETERMINATE);
        this.progressMessage = new ReadOnlyStringWrapper(bean, "progressMessage");
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Why the latest run failed (scope, AWS code, message, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How far the latest run has got, 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the latest run last said it is doing, or null. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Runs {@code work} in the background; its answer reaches {@code onSuccess} unless a later start or {@link #cancel} came first. */
    public <T> void run(Work<T> work, Consumer<? super T> onSuccess) {
        run(work, onSuccess, null);
    }

    /**
     * As {@link #run(Work, Consumer)}; a failure goes to {@code onFailure} (which decides what it
     * shows, with {@link #fail} for the usual text) instead of {@link #errorProperty()} when that is
     * not null.
     */
    public <T> void run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onSuccess, "onSuccess");
        cancelTask();
        long run = ++generation;
        busy.set(true);
        error.set(null);
        progress.set(INDETERMINATE);
        progressMessage.set(null);
        Progress report = (fraction, message) -> executor.onUiThread(() -> {
            if (run == generation) {
                progress.set(fraction);
                progressMessage.set(message);
            }
        });
        UiExecutor.Task started = executor.submit(() -> work.call(report), answer -> {
            if (finish(run)) {
                onSuccess.accept(answer);
            }
        }, e -> {
            if (finish(run)) {
                if (onFailure == null) {
                    fail(e);
                } else {
                    onFailure.accept(e);
                }
            }
        });
        if (run == generation && busy.get()) {
            task = started;
        }
    }

    /** Drops the run in flight (its answer will not be applied) and clears busy. */
    public void cancel() {
        generation++;
        cancelTask();
        busy.set(false);
        progressMessage.set(null);
    }

    /** Shows {@code e} as the latest failure. */
    public void fail(Throwable e) {
        error.set(ErrorText.of(e));
    }

    /** Shows {@code message} as the latest failure (null clears it). */
    public void fail(String message) {
        error.set(message);
    }

    public void dismissError() {
        error.set(null);
    }

    private boolean finish(long run) {
        if (run != generation) {
            return false;
        }
        task = null;
        busy.set(false);
        progress.set(1);
        progressMessage.set(null);
        return true;
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
