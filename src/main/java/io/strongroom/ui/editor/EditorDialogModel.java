package io.strongroom.ui.editor;

import io.strongroom.ui.common.DialogCommand;
import io.strongroom.ui.common.Texts;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.Objects;

/**
 * What the four editor dialogs' view models (create, new value, edit, delete) share: the editor
 * context, the one {@link DialogCommand} and the state it exposes, and {@link #submit()}, which
 * sends nothing that the command refuses. A subclass adds its inputs, its validation
 * ({@link #validate()}, ending in {@code command.settle}) and its call ({@link #send()}), and names
 * the command's {@code can…} and result properties for its dialog ({@code canSave}, {@code saved}).
 *
 * @param <R> what the dialog's call answers
 */
public abstract class EditorDialogModel<R> {

    protected final EditorContext ctx;
    protected final Texts texts;
    /** AWS's input rules, their sentences in {@link #texts}. */
    protected final SecretRules rules;
    protected final DialogCommand<R> command;

    /**
     * @param action     the AWS action the dialog sends (named when read-only mode refuses it)
     * @param canRunName the name of the subclass's {@code can…} property
     * @param resultName the name of its result property
     */
    EditorDialogModel(EditorContext ctx, String action, String canRunName, String resultName) {
        this.ctx = Objects.requireNonNull(ctx);
        this.texts = ctx.texts();
        this.rules = new SecretRules(texts);
        this.command = new DialogCommand<>(this, ctx.commands(), action, canRunName, resultName, this::validate);
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The first thing stopping the dialog's command, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return command.problemProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return command.busyProperty();
    }

    /** Why the last call failed (scope, AWS code, message, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return command.errorProperty();
    }

    /** The editor's texts, for the dialog that shows this model. */
    final Texts texts() {
        return texts;
    }

    /** Whether the command may run now; the subclass's {@code can…} property. */
    final ReadOnlyBooleanProperty canRun() {
        return command.canRunProperty();
    }

    /** What the call answered, once it succeeded (the dialog closes on it); the subclass's result property. */
    final ReadOnlyObjectProperty<R> result() {
        return command.resultProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Runs the dialog's command: returns whether its call was sent. Nothing is sent while a
     * problem stands, a call is running or read-only mode is on (which names {@link #subject()}).
     */
    public final boolean submit() {
        return command.mayRun(subject()) && send();
    }

    /** Drops what the dialog holds (a value, a key listing in flight) when it is closed. */
    public void dispose() {
    }

    /** Validates the inputs and ends with {@code command.settle}. */
    abstract void validate();

    /** What the call acts on, as read-only mode's refusal names it: the secret's name. */
    abstract String subject();

    /** Sends the call once the command allows it (through {@code command.send}); returns whether it was sent. */
    abstract boolean send();

    /** Validates now and again whenever one of {@code inputs} changes. */
    final void validateOn(Observable... inputs) {
        Inputs.onChange(this::validate, inputs);
        validate();
    }

    /** The first of {@code problems} that is not null, or null: for validations that check in order. */
    static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** {@code problem} when {@code applies}, else null. */
    final String when(boolean applies, String key, Object... args) {
        return applies ? texts.format(key, args) : null;
    }
}
