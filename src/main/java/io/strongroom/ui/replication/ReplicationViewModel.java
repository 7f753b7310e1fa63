package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Replication view: the chosen scopes' multi-region secrets as a map of primary → replicas
 * ({@link ReplicationMap}: one row per primary, failures first; the replica regions as columns;
 * InSync / InProgress / Failed counted per account and region), streamed scope by scope with each
 * scope's failure kept apart; polled while a replica is InProgress ({@link ReplicationPoller},
 * only the primaries in progress are described again; bounded, stopped when the view is hidden);
 * and the bulk "Add region…" over the selected rows ({@link BulkAddModel}).
 */
public final class ReplicationViewModel {

    /** The default pace and bound of polling: every 2 s, at most 5 minutes. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    public static final int POLL_ROUNDS = 150;

    private final ReplicationService replication;
    private final SecretMutations mutations;
    private final UiExecutor ui;
    private final Supplier<List<Scope>> scopes;
    private final ObservableBooleanValue readOnly;
    private final Texts texts;
    private final ReplicationStates states;
    private final ReplicationPoller poller;

    private final ReplicationMap map = new ReplicationMap();
    private final ObservableList<ReplicationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObservableList<ReplicationMap.ScopeCount> counts = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<ReplicationRow> selected = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final BooleanBinding canBulkAdd;
    private FanOut.Handle handle;
    /** The primaries the poll describes again (replaced on the UI thread, read by the poll's reads). */
    private volatile List<ReplicatedSecret> following = List.of();
    private long generation;
    private boolean shown = true;
    private int scopesTotal;
    private int scopesDone;

    public ReplicationViewModel(ReplicationService replication, SecretMutations mutations, UiExecutor ui, Supplier<List<Scope>> scopes,
                                ObservableBooleanValue readOnly, Texts texts, ReplicationStates states, Duration pollInterval,
                                int pollRounds) {
        this.replication = Objects.requireNonNull(replication);
        this.mutations = Objects.requireNonNull(mutations);
        this.ui = Objects.requireNonNull(ui);
        this.scopes = Objects.requireNonNull(scopes);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.texts = Objects.requireNonNull(texts);
        this.states = Objects.requireNonNull(states);
        this.poller = new ReplicationPoller(ui, pollInterval, pollRounds);
        canBulkAdd = Bindings.createBooleanBinding(() -> !readOnly.get() && !selected.isEmpty(), readOnly, selected);
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** One row per primary, failures first. */
    public ObservableList<ReplicationRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The replica regions: the map's columns. */
    public ObservableList<String> regions() {
        return FXCollections.unmodifiableObservableList(regions);
    }

    /** InSync / InProgress / Failed per account and replica region, scopes with failures first. */
    public ObservableList<ReplicationMap.ScopeCount> counts() {
        return FXCollections.unmodifiableObservableList(counts);
    }

    /** Each scope that could not be listed: scope, AWS code, message, request ID. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** The rows the view has selected (it keeps this list in step with the table's selection). */
    public ObservableList<ReplicationRow> selected() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pollingProperty() {
        return poller.pollingProperty();
    }

    /** Where loading stands, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Add region…" needs a selection, and is never offered in read-only mode. */
    public BooleanBinding canBulkAddProperty() {
        return canBulkAdd;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The view says whether it is on screen: loads on first show, and polling stops while hidden. */
    public void setShown(boolean shown) {
        boolean was = this.shown;
        this.shown = shown;
        if (!shown) {
            poller.stop();
        } else if (!was || (handle == null && rows.isEmpty() && !loading.get())) {
            if (handle == null) {
                refresh();
            } else {
                pollIfInProgress();
            }
        }
    }

    /** Lists the chosen scopes again (cancelling a load or poll in flight). */
    public void refresh() {
        cancel();
        long run = ++generation;
        map.clear();
        problems.clear();
        publish();
        List<Scope> chosen = scopes.get();
        scopesTotal = chosen.size();
        scopesDone = 0;
        loading.set(true);
        status.set(texts.format("status.loading", 0, scopesTotal));
        handle = replication.map(chosen, new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<ReplicatedSecret> items) {
                ui.onUiThread(() -> {
                    if (run == generation) {
                        map.put(items);
                        publish();
                    }
                });
            }

            @Override
            public void completed(Scope scope, int itemCount) {
                ui.onUiThread(() -> scopeEnded(run, null));
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                ui.onUiThread(() -> scopeEnded(run, error));
            }
        });
    }

    /** Stops loading and polling. */
    public void cancel() {
        generation++;
        if (handle != null) {
            handle.cancel();
        }
        poller.stop();
        loading.set(false);
    }

    /** The bulk add over the selected rows (a new model each time); null when not allowed. */
    public BulkAddModel bulkAdd() {
        if (!canBulkAdd.get()) {
            return null;
        }
        return new BulkAddModel(List.copyOf(selected), mutations, ui, readOnly, texts, this::refresh);
    }

    // ---- Internals -----------------------------------------------------------------------------

    private void scopeEnded(long run, ScopeError error) {
        if (run != generation) {
            return;
        }
        if (error != null && !error.isCancelled()) {
            problems.add(ErrorText.of(error));
        }
        scopesDone++;
        status.set(texts.format("status.loading", scopesDone, scopesTotal));
        if (scopesDone >= scopesTotal) {
            loading.set(false);
            status.set(texts.format("status.loaded", rows.size(), scopesTotal));
            pollIfInProgress();
        }
    }

    /** Describes again, every interval, the primaries with a replica InProgress, until none is. */
    private void pollIfInProgress() {
        if (!shown || !map.anyInProgress()) {
            return;
        }
        following = inProgress();
        poller.start(() -> {
            List<ReplicatedSecret> again = new ArrayList<>();
            for (ReplicatedSecret s : following) {
                again.add(replication.describe(s.primaryScope(), s.arn()));
            }
            return again;
        }, again -> {
            map.put(again);
            publish();
            following = inProgress();
            return shown && !following.isEmpty();
        });
    }

    private List<ReplicatedSecret> inProgress() {
        return map.secrets().stream().filter(ReplicatedSecret::anyInProgress).toList();
    }

    private void publish() {
        rows.setAll(map.rows());
        regions.setAll(map.regions());
        counts.setAll(map.counts());
        states.putAll(map.secrets());
        selected.removeIf(r -> map.get(r.key()) == null);
        selected.replaceAll(r -> new ReplicationRow(map.get(r.key())));
    }
}
