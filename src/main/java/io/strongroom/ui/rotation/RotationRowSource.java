package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.SortedFilteredList;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where the Rotation view's rows come from: two fan-outs over the chosen scopes started together,
 * the secrets ({@link SecretsService#list}, streamed page by page) and the latest rotation event
 * of each secret in the last 90 days ({@link RotationService#latestEvents}, one answer per scope).
 * A secret's row shows as soon as it is listed; when its scope's events arrive the scope's rows are
 * worked out again with them. Each scope fails on its own: a scope that cannot be listed is a
 * {@link ScopeProblem} and the others fill in; a scope whose CloudTrail cannot be read keeps its
 * rows, with their last result unknown.
 *
 * <p>Callbacks arrive on fan-out threads and are applied in the UI executor, under {@code lock}
 * (with the direct executor of the tests they run on those threads). The latest start wins: the
 * answers of a superseded load are dropped.
 */
final class RotationRowSource {

    /** CloudTrail's LookupEvents reaches back this far. */
    static final Duration EVENTS_PERIOD = Duration.ofDays(90);

    /** What went wrong in one scope: its secrets could not be listed, or its rotation events could not be read. */
    record ScopeProblem(Scope scope, Kind kind, ScopeError error) {
        enum Kind { LISTING, EVENTS }

        /** Scope, AWS error code, message and request ID. */
        String text() {
            return ErrorText.of(error);
        }
    }

    private final SecretsService secrets;
    private final RotationService rotations;
    private final UiExecutor ui;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Object lock;
    private final Runnable changed;

    private final SortedFilteredList<RotationRow> rows = new SortedFilteredList<>();
    private final ObservableList<ScopeProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<ScopeProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Instant> loadedAt = new ReadOnlyObjectWrapper<>(this, "loadedAt");
    private Run run;

    /** @param changed told (under {@code lock}, in the UI executor) after the rows changed */
    RotationRowSource(SecretsService secrets, RotationService rotations, UiExecutor ui, Clock clock, Duration stuckAfter, Object lock,
                      Runnable changed) {
        this.secrets = Objects.requireNonNull(secrets);
        this.rotations = Objects.requireNonNull(rotations);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        this.stuckAfter = Objects.requireNonNull(stuckAfter);
        this.lock = Objects.requireNonNull(lock);
        this.changed = Objects.requireNonNull(changed);
    }

    SortedFilteredList<RotationRow> rows() {
        return rows;
    }

    ObservableList<ScopeProblem> problems() {
        return problemsView;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    /**
     * Lists {@code scopes} again, replacing the rows; a load in flight is cancelled. The future
     * completes in the UI executor once both fan-outs have ended in every scope.
     */
    CompletableFuture<Void> start(List<Scope> scopes) {
        Run next = new Run();
        Run previous;
        synchronized (lock) {
            previous = run;
            run = next;
            rows.clearRows();
            problems.clear();
            loading.set(true);
            changed.run();
        }
        if (previous != null) {
            previous.cancel();
        }
        Instant since = clock.instant().minus(EVENTS_PERIOD);
        next.listing = secrets.list(scopes, SecretQuery.all(), new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<SecretSummary> items) {
                apply(next, () -> listed(next, scope, items));
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                apply(next, () -> listingFailed(next, scope, error));
            }
        });
        next.lookups = rotations.latestEvents(scopes, since, new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<RotationEvent> items) {
                apply(next, () -> next.eventsOf(scope).putAll(byArn(items)));
            }

            @Override
            public void completed(Scope scope, int itemCount) {
                apply(next, () -> eventsRead(next, scope));
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                apply(next, () -> eventsFailed(next, scope, error));
            }
        });
        CompletableFuture.allOf(next.listing.done(), next.lookups.done())
                .whenComplete((r, e) -> apply(next, () -> {
                    loading.set(false);
                    loadedAt.set(clock.instant());
                    next.done.complete(null);
                }));
        return next.done;
    }

    /** Stops both fan-outs; what arrived stays. */
    void cancel() {
        Run r;
        synchronized (lock) {
            r = run;
        }
        if (r != null) {
            r.cancelFanOuts();
        }
    }

    // ---- applied in the UI executor, under the lock --------------------------------------------

    private void apply(Run r, Runnable change) {
        ui.onUiThread(() -> {
            synchronized (lock) {
                if (r == run) {
                    change.run();
                }
            }
        });
    }

    private void listed(Run r, Scope scope, List<SecretSummary> page) {
        List<RotationRow> added = new ArrayList<>(page.size());
        for (SecretSummary s : page) {
            String key = RotationRow.keyOf(scope, s.arn());
            if (r.summaries.put(key, s) == null) {
                added.add(row(r, s));
            }
        }
        rows.addAllRows(added);
        changed.run();
    }

    private void listingFailed(Run r, Scope scope, ScopeError error) {
        if (error.isCancelled()) {
            return;
        }
        r.listingFailed.add(scope.id());
        problems.removeIf(p -> p.scope().id().equals(scope.id()));     // the events of an unlisted scope say nothing more
        problems.add(new ScopeProblem(scope, ScopeProblem.Kind.LISTING, error));
        changed.run();
    }

    private void eventsRead(Run r, Scope scope) {
        r.eventsRead.add(scope.id());
        rebuild(r, scope);
    }

    private void eventsFailed(Run r, Scope scope, ScopeError error) {
        if (error.isCancelled()) {
            return;
        }
        r.eventErrors.put(scope.id(), ErrorText.of(error));
        if (!r.listingFailed.contains(scope.id())) {
            problems.add(new ScopeProblem(scope, ScopeProblem.Kind.EVENTS, error));
        }
        rebuild(r, scope);
    }

    /** The rows of {@code scope} worked out again with what is now known of its events. */
    private void rebuild(Run r, Scope scope) {
        List<RotationRow> again = new ArrayList<>();
        for (SecretSummary s : r.summaries.values()) {
            if (s.scope().id().equals(scope.id())) {
                again.add(row(r, s));
            }
        }
        if (!again.isEmpty()) {
            rows.removeRows(row -> row.scope().id().equals(scope.id()));
            rows.addAllRows(again);
        }
        changed.run();
    }

    private RotationRow row(Run r, SecretSummary s) {
        String scopeId = s.scope().id();
        Instant now = clock.instant();
        if (r.eventsRead.contains(scopeId)) {
            return RotationRow.of(s, r.eventsOf(s.scope()).get(s.arn()), RotationRow.Results.KNOWN, null, now, stuckAfter);
        }
        String error = r.eventErrors.get(scopeId);
        return RotationRow.of(s, null, error != null ? RotationRow.Results.UNKNOWN : RotationRow.Results.LOADING, error, now, stuckAfter);
    }

    private static Map<String, RotationEvent> byArn(List<RotationEvent> events) {
        Map<String, RotationEvent> out = new HashMap<>();
        for (RotationEvent e : events) {
            out.merge(e.secretArn(), e, (a, b) -> a.time().isAfter(b.time()) ? a : b);
        }
        return out;
    }

    /** One load: what it has learnt so far, per scope, and its two fan-outs. */
    private static final class Run {
        final Map<String, SecretSummary> summaries = new LinkedHashMap<>();
        final Map<String, Map<String, RotationEvent>> events = new HashMap<>();
        final Map<String, String> eventErrors = new HashMap<>();
        final Set<String> eventsRead = new HashSet<>();
        final Set<String> listingFailed = new HashSet<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile FanOut.Handle listing;
        volatile FanOut.Handle lookups;

        Map<String, RotationEvent> eventsOf(Scope scope) {
            return events.computeIfAbsent(scope.id(), id -> new HashMap<>());
        }

        void cancelFanOuts() {
            if (listing != null) {
                listing.cancel();
            }
            if (lookups != null) {
                lookups.cancel();
            }
        }

        /** A superseded run: stopped, and its caller no longer waits. */
        void cancel() {
            cancelFanOuts();
            done.complete(null);
        }
    }
}
