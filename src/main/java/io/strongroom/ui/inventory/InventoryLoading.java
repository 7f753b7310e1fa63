package io.strongroom.ui.inventory;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.SortedFilteredList;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The inventory's rows and how they are listed: a fan-out over the scopes through
 * {@link SecretsService#list}, the latest start winning. Pages arrive on worker threads; they are
 * turned into rows there (search keys included), queued, and applied on the UI thread in batches:
 * one {@code runLater} drains everything that arrived since the last one, so a fast backend does
 * not flood the FX thread with one task per page. Each scope has a {@link ScopeProgress}; a failed
 * scope keeps its error while the others go on. Rows are offered to the {@link SelectionKeeper}
 * as they arrive, so a refresh keeps the selection.
 *
 * <p>Not {@code LatestWins}: that helper delivers one answer per run, and a listing streams pages
 * and per-scope outcomes; the run object below plays its generation's part.
 */
final class InventoryLoading {

    private final SecretsService secrets;
    private final UiExecutor ui;
    private final Clock clock;
    private final SelectionKeeper selection;
    /** Guards the run in flight and the rows (with the FX executor everything runs on the FX thread). */
    private final Object lock;

    private final SortedFilteredList<SecretRow> rows = new SortedFilteredList<>();
    private final ObservableList<ScopeProgress> scopeProgress = FXCollections.observableArrayList(
            p -> new javafx.beans.Observable[] {p.stateProperty()});
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<ScopeProgress> scopeProgressView = FXCollections.unmodifiableObservableList(scopeProgress);
    private final FilteredList<ScopeProgress> failedScopes = new FilteredList<>(scopeProgress,
            p -> p.state() == ScopeProgress.State.FAILED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private final ReadOnlyIntegerWrapper scopesTotal = new ReadOnlyIntegerWrapper(this, "scopesTotal");
    private final ReadOnlyIntegerWrapper scopesFinished = new ReadOnlyIntegerWrapper(this, "scopesFinished");
    private final ReadOnlyIntegerWrapper scopesFailed = new ReadOnlyIntegerWrapper(this, "scopesFailed");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyIntegerWrapper loadedCount = new ReadOnlyIntegerWrapper(this, "loadedCount");
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount");
    private final ReadOnlyObjectWrapper<Instant> loadedAt = new ReadOnlyObjectWrapper<>(this, "loadedAt");
    private final ReadOnlyObjectWrapper<SecretQuery> loadedQuery = new ReadOnlyObjectWrapper<>(this, "loadedQuery", SecretQuery.all());

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Run run;

    InventoryLoading(SecretsService secrets, UiExecutor ui, Clock clock, SelectionKeeper selection, Object lock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        this.selection = Objects.requireNonNull(selection);
        this.lock = Objects.requireNonNull(lock);
    }

    // ---- Properties -----------------------------------------------------------------------------

    SortedFilteredList<SecretRow> rows() {
        return rows;
    }

    ObservableList<ScopeProgress> scopeProgress() {
        return scopeProgressView;
    }

    ObservableList<ScopeProgress> failedScopes() {
        return failedScopes;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty scopesTotalProperty() {
        return scopesTotal.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty scopesFinishedProperty() {
        return scopesFinished.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty scopesFailedProperty() {
        return scopesFailed.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty loadedCountProperty() {
        return loadedCount.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SecretQuery> loadedQueryProperty() {
        return loadedQuery.getReadOnlyProperty();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** Lists {@code scopes} with {@code query}, replacing the rows and cancelling the load in flight. */
    CompletableFuture<Void> start(List<Scope> scopes, SecretQuery query) {
        Run next = new Run();
        Run previous;
        synchronized (lock) {
            previous = run;
            run = next;
            selection.loadStarted();
            List<ScopeProgress> progressRows = new ArrayList<>();
            for (Scope s : scopes) {
                ScopeProgress p = new ScopeProgress(s);
                next.progress.put(s, p);
                progressRows.add(p);
            }
            // the table drops its selection with its rows; select() ignores that while rows are to be re-found
            rows.clearRows();
            counted();
            scopeProgress.setAll(progressRows);
            scopesTotal.set(scopes.size());
            scopesFinished.set(0);
            scopesFailed.set(0);
            progress.set(scopes.isEmpty() ? 1 : 0);
            cancelled.set(false);
            loading.set(true);
            loadedQuery.set(query);
        }
        if (previous != null) {
            if (previous.handle != null) {
                previous.handle.cancel();
            }
            previous.done.complete(null);
        }
        FanOut.Handle handle = secrets.list(scopes, query, new FanOut.Listener<>() {
            @Override
            public void started(Scope scope) {
                post(new Started(next, scope));
            }

            @Override
            public void page(Scope scope, List<SecretSummary> items) {
                List<SecretRow> page = new ArrayList<>(items.size());
                for (SecretSummary s : items) {
                    page.add(new SecretRow(s));      // search keys built here, off the UI thread
                }
                post(new Page(next, scope, page));
            }

            @Override
            public void completed(Scope scope, int itemCount) {
                post(new Completed(next, scope, itemCount));
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

    /** Stops listing; what arrived stays, unfinished scopes show as cancelled. */
    void cancel() {
        Run r;
        synchronized (lock) {
            r = run;
        }
        if (r != null && r.handle != null) {
            r.handle.cancel();
        }
    }

    /** Publishes the row counts (after rows were added, removed or filtered). */
    void counted() {
        loadedCount.set(rows.unfilteredSize());
        visibleCount.set(rows.size());
    }

    // ---- the run in flight ----------------------------------------------------------------------

    /** One load: its handle, its per-scope progress and the future the caller holds. */
    private static final class Run {
        final Map<Scope, ScopeProgress> progress = new HashMap<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile FanOut.Handle handle;
    }

    private sealed interface Event permits Started, Page, Completed, Failed, Finished {
        Run run();
    }

    private record Started(Run run, Scope scope) implements Event {}

    private record Page(Run run, Scope scope, List<SecretRow> rows) implements Event {}

    private record Completed(Run run, Scope scope, int count) implements Event {}

    private record Failed(Run run, Scope scope, ScopeError error) implements Event {}

    private record Finished(Run run) implements Event {}

    private void post(Event e) {
        events.add(e);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.onUiThread(this::drain);
        }
    }

    /** Applies everything queued since the last drain: pages as one addAll, then scope states. */
    private void drain() {
        synchronized (lock) {
            drainScheduled.set(false);
            List<SecretRow> added = new ArrayList<>();
            boolean found = false;
            Event e;
            while ((e = events.poll()) != null) {
                if (e.run() != run) {
                    continue;           // a superseded load
                }
                if (e instanceof Page p) {
                    added.addAll(p.rows());
                    progressOf(p.scope()).ifPresent(sp -> sp.addCount(p.rows().size()));
                    found |= selection.offer(p.rows());
                    continue;
                }
                flush(added);
                if (e instanceof Started s) {
                    progressOf(s.scope()).ifPresent(ScopeProgress::started);
                } else if (e instanceof Completed c) {
                    progressOf(c.scope()).ifPresent(p -> p.completed(c.count()));
                    scopeFinished(false);
                } else if (e instanceof Failed f) {
                    progressOf(f.scope()).ifPresent(p -> p.failed(f.error()));
                    if (f.error().isCancelled()) {
                        cancelled.set(true);
                    }
                    scopeFinished(!f.error().isCancelled());
                } else if (e instanceof Finished) {
                    selection.restore(found, true);
                    found = false;
                    loading.set(false);
                    loadedAt.set(clock.instant());
                    run.done.complete(null);
                }
            }
            flush(added);
            selection.restore(found, false);
        }
    }

    private Optional<ScopeProgress> progressOf(Scope scope) {
        return Optional.ofNullable(run.progress.get(scope));
    }

    private void scopeFinished(boolean failed) {
        scopesFinished.set(scopesFinished.get() + 1);
        if (failed) {
            scopesFailed.set(scopesFailed.get() + 1);
        }
        progress.set(scopesTotal.get() == 0 ? 1 : (double) scopesFinished.get() / scopesTotal.get());
    }

    private void flush(List<SecretRow> added) {
        if (!added.isEmpty()) {
            rows.addAllRows(added);
            added.clear();
            counted();
        }
    }
}
