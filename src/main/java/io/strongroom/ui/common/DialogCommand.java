package io.strongroom.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The primary command of a dialog and the state around it, which every dialog view model owns one
 * of: the first problem standing in its way, whether it may run, busy while its call is in flight
 * (with progress for long calls), the last failure, and the call's result (the dialog closes on it).
 *
 * <p>What is particular to a dialog stays in its view model: its inputs, its validation (which
 * ends in {@link #settle}) and the call it sends. This class adds what they all share: the
 * console's read-only mode as the last problem, a refusal that names it, and the one background
 * idiom, {@link LatestWins} (busy, work through the {@link UiExecutor}, result or error, a later
 * start supersedes an earlier one). It holds no {@code javafx.scene} class, so a view model that
 * owns one still runs without the FX thread.
 *
 * <p>Its two texts come from the {@link Context#texts()} it is given: {@value #READ_ONLY_PROBLEM}
 * (the problem while read-only) and {@value #READ_ONLY_REFUSED} ({0} the action, {1} the resource).
 *
 * @param <R> what the call answers
 */
public final class DialogCommand<R> {

    public static final String READ_ONLY_PROBLEM = "readOnly.banner";
    public static final String READ_ONLY_REFUSED = "readOnly.refused";

    /**
     * What every command of a feature shares, built once from the composition root's parts.
     *
     * @param readOnly the console's read-only mode: while true the command refuses and may not run
     * @param texts    the feature's texts, which hold {@link #READ_ONLY_PROBLEM} and {@link #READ_ONLY_REFUSED}
     */
    public record Context(UiExecutor executor, ObservableBooleanValue readOnly, Texts texts) {
        public Context {
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(readOnly, "readOnly");
            Objects.requireNonNull(texts, "texts");
        }
    }

    private final Context ctx;
    private final String action;
    private final Runnable validate;
    private final LatestWins work;
    /** Held here: the console-wide read-only property must not keep a closed dialog alive. */
    private final InvalidationListener revalidate;

    private final ReadOnlyStringWrapper problem;
    private final ReadOnlyBooleanWrapper canRun;
    private final ReadOnlyObjectWrapper<R> result;

    /**
     * @param owner      the view model, as the bean of the properties
     * @param action     the AWS action the command sends, named when read-only mode refuses it
     * @param canRunName the name of the view model's {@code can…} property ("canSave", "canDelete")
     * @param resultName the name of its result property ("saved", "deleted")
     * @param validate   the view model's validation; it must end with {@link #settle}. Run again
     *                   whenever busy or the read-only mode changes, and before every attempt
     */
    public DialogCommand(Object owner, Context ctx, String action, String canRunName, String resultName, Runnable validate) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.action = Objects.requireNonNull(action, "action");
        this.validate = Objects.requireNonNull(validate, "validate");
        this.work = new LatestWins(owner, ctx.executor());
        this.problem = new ReadOnlyStringWrapper(owner, "problem");
        this.canRun = new ReadOnlyBooleanWrapper(owner, canRunName);
        this.result = new ReadOnlyObjectWrapper<>(owner, resultName);
        this.revalidate = x -> validate.run();
        work.busyProperty().addListener(revalidate);
        ctx.readOnly().addListener(new WeakInvalidationListener(revalidate));
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The first thing stopping the command, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** Why the last call failed (scope, AWS code, message, request ID), or why it was refused; null otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return work.errorProperty();
    }

    /** How far a call sent with {@link #sendReporting} has got, 0..1, or {@link LatestWins#INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return work.progressProperty();
    }

    /** What such a call last said it is doing, or null. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return work.progressMessageProperty();
    }

    /** What the call answered, once it succeeded; a command runs once. */
    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public boolean isReadOnly() {
        return ctx.readOnly().get();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Publishes the view model's verdict: {@code problem} as found (the read-only mode when there
     * is none), and whether the command may run: no problem, {@code ready}, not busy and not run
     * yet.
     */
    public void settle(String problem, boolean ready) {
        String p = problem;
        if (p == null && isReadOnly()) {
            p = ctx.texts().format(READ_ONLY_PROBLEM);
        }
        this.problem.set(p);
        canRun.set(p == null && ready && !work.isBusy() && result.get() == null);
    }

    public void settle(String problem) {
        settle(problem, true);
    }

    /**
     * Validates again and answers whether the command may run now. When it may not because the
     * console is read-only, says so in {@link #errorProperty()}, naming {@code resourceName}.
     */
    public boolean mayRun(String resourceName) {
        validate.run();
        if (canRun.get()) {
            return true;
        }
        if (isReadOnly()) {
            work.fail(ctx.texts().format(READ_ONLY_REFUSED, action, resourceName));
        }
        return false;
    }

    /**
     * Sends the command's call in the background. On success {@code beforeResult} runs (to wipe a
     * value, say) and then the result is published; a failure stays in {@link #errorProperty()}
     * and the command may be tried again.
     */
    public void send(Callable<R> call, Runnable beforeResult) {
        sendReporting(progress -> call.call(), beforeResult);
    }

    public void send(Callable<R> call) {
        send(call, () -> { });
    }

    /** As {@link #send(Callable, Runnable)}, for a long call that reports its progress. */
    public void sendReporting(LatestWins.Work<R> call, Runnable beforeResult) {
        Objects.requireNonNull(beforeResult, "beforeResult");
        work.run(call, written -> {
            beforeResult.run();
            result.set(written);
        });
    }

    /**
     * Runs other work of the dialog (a read, say) with the same busy and error state: busy
     * meanwhile, {@code apply} gets the answer, a failure shows in {@link #errorProperty()}.
     */
    public <T> void inBackground(Callable<T> call, Consumer<? super T> apply) {
        work.run(progress -> call.call(), apply);
    }

    /** Drops the call in flight (the dialog was closed): its answer is not applied. */
    public void cancel() {
        work.cancel();
    }
}
