package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;
import io.strongroom.service.audit.AuditService;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One lookup at a time over the chosen scopes, through {@link AuditService#lookup}: pages arrive
 * on worker threads, are queued, and are applied in the UI executor in batches (one drain takes
 * everything that arrived since the last), so a fast backend does not flood the FX thread. Each
 * scope has an {@link AuditScopeProgress}; a failed scope keeps its error while the others go on.
 * A new start cancels the one in flight and drops what it still sends.
 */
final class AuditLoading {

    private final AuditService audit;
    private final UiExecutor ui;
    private final Clock clock;
    /** Guards the run in flight and what the drains change (everything runs on the FX thread in the console). */
    private final Object lock;
    /** Gets each batch of records, under the lock. */
    private final Consumer<List<AuditRecord>> records;

    private final ObservableList<AuditScopeProgress> progress = FXCollections.observableArrayList(
            p -> new javafx.beans.Observable[] {p.stateProperty(), p.eventsProperty()});
    private final ObservableList<AuditScopeProgress> progressView = FXCollections.unmodifiableObservableList(progress);
    private final FilteredList<AuditScopeProgress> failed = new FilteredList<>(progress,
            p -> p.state() == AuditScopeProgress.State.FAILED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private final ReadOnlyIntegerWrapper scopesFinished = new ReadOnlyIntegerWrapper(this, "scopesFinished");
    private final ReadOnlyObjectWrapper<Instant> loadedAt = new ReadOnlyObjectWrapper<>(this, "loadedAt");

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Run run;

    AuditLoading(AuditService audit, UiExecutor ui, Clock clock, Object lock, Consumer<List<AuditRecord>> records) {
        this.audit = Objects.requireNonNull(audit);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        this.lock = Objects.requireNonNull(lock);
        this.records = Objects.requireNonNull(records);
    }

    ObservableList<AuditScopeProgress> progress() {
        return progressView;
    }

    ObservableList<AuditScopeProgress> failed() {
        return failed;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty scopesFinishedProperty() {
        return scopesFinished.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    /**
     * Looks {@code query} up in {@code scopes}, cancelling the lookup in flight; the caller has
     * cleared the records. The future completes (in the UI executor) when every scope has ended.
     */
    CompletableFuture<Void> start(List<Scope> scopes, AuditQuery query, int maxEventsPerScope) {
        Run next = new Run();
        Run previous;
        synchronized (lock) {
            previous = run;
            run = next;
            List<AuditScopeProgress> rows = new ArrayList<>();
            for (Scope s : scopes) {
                AuditScopeProgress p = new AuditScopeProgress(s);
                next.progress.put(s, p);
                rows.add(p);
            }
            progress.setAll(rows);
            scopesFinished.set(0);
            cancelled.set(false);
            loading.set(true);
        }
        if (previous != null) {
            if (previous.handle != null) {
                previous.handle.cancel();
            }
            previous.done.complete(null);
        }
        FanOut.Handle handle = audit.lookup(scopes, query, maxEventsPerScope, new FanOut.Listener<>() {
            @Override
            public void started(Scope scope) {
                post(new Started(next, scope));
            }

            @Override
            public void page(Scope scope, List<AuditRecord> items) {
                post(new Page(next, scope, items));
            }

            @Override
            public void completed(Scope scope, int itemCount) {
                post(new Completed(next, scope));
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                post(new Failed(next, scope, error));
            }
        });
        next.handle = handle;
        handle.done().whenComplete((outcomes, error) -> post(new Finished(next)));
        return next.done;
    }

    /** Stops the lookup; what arrived stays, the scopes not finished show as cancelled. */
    void cancel() {
        Run r;
        synchronized (lock) {
            r = run;
        }
        if (r != null && r.handle != null) {
            r.handle.cancel();
        }
    }

    private static final class Run {
        final Map<Scope, AuditScopeProgress> progress = new HashMap<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile FanOut.Handle handle;
    }

    private sealed interface Event permits Started, Page, Completed, Failed, Finished {
        Run run();
    }

    private record Started(Run run, Scope scope) implements Event {}

    private record Page(Run run, Scope scope, List<AuditRecord> records) implements Event {}

    private record Completed(Run run, Scope scope) implements Event {}

    private record Failed(Run run, Scope scope, ScopeError error) implements Event {}

    private record Finished(Run run) implements Event {}

    private void post(Event e) {
        events.add(e);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.onUiThread(this::drain);
        }
    }

    /** Applies everything queued since the last drain: the pages as one batch, then the scopes' states. */
    private void drain() {
        synchronized (lock) {
            drainScheduled.set(false);
            List<AuditRecord> added = new ArrayList<>();
            Event e;
            while ((e = events.poll()) != null) {
                if (e.run() != run) {
                    continue;       // a superseded lookup
                }
                AuditScopeProgress p = e instanceof Finished ? null : run.progress.get(scopeOf(e));
                if (e instanceof Page page) {
                    added.addAll(page.records());
                    if (p != null) {
                        p.page(page.records().size());
                    }
                    continue;
                }
                flush(added);
                if (e instanceof Started && p != null) {
                    p.started();
                } else if (e instanceof Completed && p != null) {
                    p.completed();
                    scopesFinished.set(scopesFinished.get() + 1);
                } else if (e instanceof Failed f && p != null) {
                    p.failed(f.error());
                    cancelled.set(cancelled.get() || f.error().isCancelled());
                    scopesFinished.set(scopesFinished.get() + 1);
                } else if (e instanceof Finished) {
                    loading.set(false);
                    loadedAt.set(clock.instant());
                    run.done.complete(null);
                }
            }
            flush(added);
        }
    }

    private static Scope scopeOf(Event e) {
        if (e instanceof Started s) {
            return s.scope();
        } else if (e instanceof Page p) {
            return p.scope();
        } else if (e instanceof Completed c) {
            return c.scope();
        } else if (e instanceof Failed f) {
            return f.scope();
        }
        return null;
    }

    private void flush(List<AuditRecord> added) {
        if (!added.isEmpty()) {
            records.accept(List.copyOf(added));
            added.clear();
        }
    }
}
