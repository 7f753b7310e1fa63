package io.strongroom.ui.audit;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** How far one scope's lookup got: queued, reading (events and pages so far), done, failed or cancelled. */
public final class AuditScopeProgress {

    public enum State { QUEUED, READING, DONE, FAILED, CANCELLED }

    private final Scope scope;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyIntegerWrapper events = new ReadOnlyIntegerWrapper(this, "events");
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(this, "pages");
    private final ReadOnlyObjectWrapper<ScopeError> error = new ReadOnlyObjectWrapper<>(this, "error");

    AuditScopeProgress(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Events read so far. */
    public ReadOnlyIntegerProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public int events() {
        return events.get();
    }

    /** Pages (LookupEvents answers) read so far. */
    public ReadOnlyIntegerProperty pagesProperty() {
        return pages.getReadOnlyProperty();
    }

    public int pages() {
        return pages.get();
    }

    /** Why the scope failed (scope, AWS error code, message, request ID); null unless failed or cancelled. */
    public ReadOnlyObjectProperty<ScopeError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ScopeError error() {
        return error.get();
    }

    public boolean isFinished() {
        State s = state.get();
        return s == State.DONE || s == State.FAILED || s == State.CANCELLED;
    }

    void started() {
        state.set(State.READING);
    }

    void page(int count) {
        events.set(events.get() + count);
        pages.set(pages.get() + 1);
    }

    void completed() {
        state.set(State.DONE);
    }

    void failed(ScopeError e) {
        error.set(e);
        state.set(e.isCancelled() ? State.CANCELLED : State.FAILED);
    }
}
