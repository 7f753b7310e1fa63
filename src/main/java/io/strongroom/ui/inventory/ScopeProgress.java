package io.strongroom.ui.inventory;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.ui.common.ErrorText;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** How far one scope's listing got: queued, loading (with a running count), done, failed or cancelled. */
public final class ScopeProgress {

    public enum State { QUEUED, LOADING, DONE, FAILED, CANCELLED }

    private final Scope scope;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.QUEUED);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ScopeError> error = new ReadOnlyObjectWrapper<>();

    ScopeProgress(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public String label() {
        return scope.label();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }

    /** The failure, with AWS error code and request ID; null unless {@link State#FAILED} or {@link State#CANCELLED}. */
    public ReadOnlyObjectProperty<ScopeError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ScopeError error() {
        return error.get();
    }

    /** Scope, AWS error code, message and request ID in one line; "" without an error. */
    public String errorText() {
        return error.get() == null ? "" : ErrorText.of(error.get());
    }

    public boolean isFinished() {
        State s = state.get();
        return s == State.DONE || s == State.FAILED || s == State.CANCELLED;
    }

    void started() {
        state.set(State.LOADING);
    }

    void addCount(int n) {
        count.set(count.get() + n);
    }

    void completed(int total) {
        count.set(total);
        state.set(State.DONE);
    }

    void failed(ScopeError e) {
        error.set(e);
        state.set(e.isCancelled() ? State.CANCELLED : State.FAILED);
    }
}
