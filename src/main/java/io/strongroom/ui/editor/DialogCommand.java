package io.strongroom.ui.editor;

import io.strongroom.ui.common.ErrorText;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The primary command of an editor dialog and the state around it, which every editor view model
 * owns one of: the first problem standing in its way, whether it may run, busy while its call is
 * in flight, the last failure, and the call's result (the dialog closes on it).
 *
 * <p>What is particular to a dialog stays in its view model: its inputs, its validation (which
 * ends in {@link #settle}) and the call it sends. This class adds what they all share: the
 * console's read-only mode as the last problem, a refusal that names it, and the one background
 * idiom (busy, work through {@link EditorContext#executor()}, result or error). It holds no
 * {@code javafx.scene} class, so a view model that owns one still runs without the FX thread.
 *
 * @param <R> what the call answers
 */
final class DialogCommand<R> {

    private final EditorContext ctx;
    private final String action;
    private final Runnable validate;
    /** Held here: the console-wide read-only property must not keep a closed dialog alive. */
    private final InvalidationListener revalidate;

    private final ReadOnlyStringWrapper problem;
    private final ReadOnlyBooleanWrapper canRun;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper error;
    private final ReadOnlyObjectWrapper<R> result;

    /**
     * @param owner      the view model, as the bean of the properties
     * @param action     the AWS action the command sends, named when read-only mode refuses it
     * @param canRunName the name of the view model's {@code can…} property ("canSave", "canDelete")
     * @param resultName the name of its result property ("saved", "deleted")
     * @param validate   the view model's validation; it must end with {@link #settle}. Run again
     *                   whenever busy or the read-only mode changes, and before every attempt
     */
    DialogCommand(Object owner, EditorContext ctx, String action, String canRunName, String resultName, Runnable validate) {
        this.ctx = Objects.requireNonNull(ctx);
        this.action = Objects.requireNonNull(action);
        this.validate = Objects.requireNonNull(validate);
        this.problem = new ReadOnlyStringWrapper(owner, "problem");
        this.canRun = new ReadOnlyBooleanWrapper(owner, canRunName);
        this.busy = new ReadOnlyBooleanWrapper(owner, "busy");
        this.error = new ReadOnlyStringWrapper(owner, "error");
        this.result = new ReadOnlyObjectWrapper<>(owner, resultName);
        this.revalidate = x -> validate.run();
        busy.addListener(revalidate);
        ctx.readOnly().addListener(new WeakInvalidationListener(revalidate));
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The first thing stopping the command, or null. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last call failed (scope, AWS code, message, request ID), or null. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the call answered, once it succeeded; a command runs once. */
    ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Publishes the view model's verdict: {@code problem} as found (the read-only mode when there
     * is none), and whether the command may run: no problem, {@code ready}, not busy and not run
     * yet.
     */
    void settle(String problem, boolean ready) {
        String p = problem;
        if (p == null && ctx.isReadOnly()) {
            p = EditorText.get("readOnly.banner");
        }
        this.problem.set(p);
        canRun.set(p == null && ready && !busy.get() && result.get() == null);
    }

    void settle(String problem) {
        settle(problem, true);
    }

    /**
     * Validates again and answers whether the command may run now. When it may not because the
     * console is read-only, says so in {@link #errorProperty()}, naming {@code secretName}.
     */
    boolean mayRun(String secretName) {
        validate.run();
        if (canRun.get()) {
            return true;
        }
        if (ctx.isReadOnly()) {
            error.set(EditorText.get("readOnly.refused", action, secretName));
        }
        return false;
    }

    /**
     * Sends the command's call in the background. On success {@code beforeResult} runs (to wipe a
     * value, say) and then the result is published; a failure stays in {@link #errorProperty()}
     * and the command may be tried again.
     */
    void send(Callable<R> call, Runnable beforeResult) {
        inBackground(call, written -> {
            beforeResult.run();
            result.set(written);
        });
    }

    void send(Callable<R> call) {
        send(call, () -> { });
    }

    /**
     * Runs other work of the dialog (a read, say) with the same busy and error state: busy
     * meanwhile, {@code apply} gets the answer, a failure shows in {@link #errorProperty()}.
     */
    <T> void inBackground(Callable<T> work, Consumer<? super T> apply) {
        busy.set(true);
        error.set(null);
        ctx.executor().submit(work, answer -> {
            busy.set(false);
            apply.accept(answer);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }
}
