package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Rotation view: every secret of the chosen scopes with where its rotation stands, for the
 * security engineer looking for secrets that never rotate, are overdue or failed, and for the
 * operator woken by a failed rotation. Rows come from {@link RotationRowSource} (secrets and their
 * latest rotation events, per-scope failures kept apart); this model filters them (the quick
 * filters of {@link RotationFilter} and a name filter), counts them, orders them (the user's column
 * sort, then {@link RotationRowOrder#DEFAULT}: stuck and failed first), keeps the selection across
 * refreshes, opens a secret, and hands the selected secrets to a {@link BulkRotateViewModel}.
 *
 * <p>Nothing here writes: bulk rotation goes through the journaled mutations, refused in read-only
 * mode, and is not offered while it is on.
 */
public final class RotationViewModel {

    private final Supplier<List<Scope>> scopes;
    private final ObservableBooleanValue readOnly;
    private final BulkRotateViewModel.Services bulk;
    /** Guards the rows and the selection (with the FX executor, everything runs on the FX thread). */
    private final Object lock = new Object();
    private final RotationRowSource source;

    private final ObjectProperty<RotationFilter> filter = new SimpleObjectProperty<>(this, "filter", RotationFilter.ALL);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Comparator<? super RotationRow>> sortOrder = new SimpleObjectProperty<>(this, "sortOrder");
    private final ReadOnlyObjectWrapper<RotationFilterCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", RotationFilterCounts.NONE);
    private final ReadOnlyObjectWrapper<RotationFilterCounts> summary = new ReadOnlyObjectWrapper<>(this, "summary", RotationFilterCounts.NONE);
    private final ObservableList<RotationRow> selection = FXCollections.observableArrayList();
    private final ObservableList<RotationRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    /** The keys of the rows the user selected, kept while rows are listed again or hidden by a filter. */
    private final Set<String> selectedKeys = new LinkedHashSet<>();
    private final ReadOnlyObjectWrapper<SecretSummary> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final BooleanBinding canRotateSelected;
    private List<Scope> loadedScopes;

    /**
     * @param scopes   the console's chosen scopes, read at every load
     * @param readOnly the console's read-only mode: no bulk rotation while it is on
     */
    public RotationViewModel(SecretsService secrets, RotationService rotations, SecretMutations mutations, UiExecutor ui, Clock clock,
                             Supplier<List<Scope>> scopes, ObservableBooleanValue readOnly) {
        this(secrets, rotations, mutations, ui, clock, scopes, readOnly, RotationState.DEFAULT_STUCK_AFTER,
                BulkRotateViewModel.Settings.DEFAULTS);
    }

    /**
     * @param stuckAfter   how long a rotation may run before it counts as stuck
     * @param bulkSettings parallelism, polling and timeout of bulk rotations
     */
    public RotationViewModel(SecretsService secrets, RotationService rotations, SecretMutations mutations, UiExecutor ui, Clock clock,
                             Supplier<List<Scope>> scopes, ObservableBooleanValue readOnly, Duration stuckAfter,
                             BulkRotateViewModel.Settings bulkSettings) {
        this.scopes = Objects.requireNonNull(scopes);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.bulk = new BulkRotateViewModel.Services(mutations, secrets, rotations, ui, clock, readOnly, bulkSettings);
        this.source = new RotationRowSource(secrets, rotations, ui, clock, stuckAfter, lock, this::rowsChanged);
        source.rows().comparatorProperty().set(RotationRowOrder.DEFAULT);
        source.rows().setPredicate(visible());
        filter.addListener(o -> refilter());
        searchText.addListener(o -> refilter());
        sortOrder.addListener((o, was, now) -> {
            synchronized (lock) {
                source.rows().comparatorProperty().set(now == null ? RotationRowOrder.DEFAULT : thenDefault(now));
            }
        });
        canRotateSelected = Bindings.createBooleanBinding(() -> !readOnly.get() && !selection.isEmpty(), readOnly, selection);
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The rows shown: filtered and in order. */
    public ObservableList<RotationRow> rows() {
        return source.rows();
    }

    /** True while rows are being added or removed: a table's selection changes then are not the user's. */
    public boolean rowsChanging() {
        return source.rows().isChanging();
    }

    /** The quick filter (the view's toggles bind here). */
    public ObjectProperty<RotationFilter> filterProperty() {
        return filter;
    }

    /** Shows only secrets whose name contains this (any case). */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The table's column sort, or null: {@link RotationRowOrder#DEFAULT} orders what it leaves tied. */
    public ObjectProperty<Comparator<? super RotationRow>> sortOrderProperty() {
        return sortOrder;
    }

    /** How many rows each quick filter shows, among the secrets the name filter lets through. */
    public ReadOnlyObjectProperty<RotationFilterCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The figures of every secret listed, filters aside: the summary line. */
    public ReadOnlyObjectProperty<RotationFilterCounts> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Scopes that could not be listed, and scopes whose rotation events could not be read. */
    public ObservableList<RotationRowSource.ScopeProblem> problems() {
        return source.problems();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return source.loadingProperty();
    }

    /** When the last load ended, or null. */
    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return source.loadedAtProperty();
    }

    /** The selected rows among those shown. */
    public ObservableList<RotationRow> selection() {
        return selectionView;
    }

    /** Whether "Rotate selected…" may start: something is selected and read-only mode is off. */
    public BooleanBinding canRotateSelectedProperty() {
        return canRotateSelected;
    }

    /** The secret the user opened (Enter or double-click), or null. */
    public ReadOnlyObjectProperty<SecretSummary> openedSecretProperty() {
        return opened.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Lists the chosen scopes again. The future completes (in the UI executor) when every scope has answered. */
    public CompletableFuture<Void> load() {
        loadedScopes = List.copyOf(scopes.get());
        return source.start(loadedScopes);
    }

    /** The same as {@link #load()}: the scopes are read again, the selection is kept. */
    public CompletableFuture<Void> refresh() {
        return load();
    }

    /** The view is shown: loads unless the chosen scopes are the ones already shown. */
    public void shown() {
        if (loadedScopes == null || !loadedScopes.equals(scopes.get())) {
            load();
        }
    }

    /** Stops loading; what arrived stays. */
    public void cancel() {
        source.cancel();
    }

    /** The table's selection changed; ignored while rows come and go (that is not the user's doing). */
    public void select(List<RotationRow> rows) {
        synchronized (lock) {
            if (rowsChanging()) {
                return;
            }
            selectedKeys.clear();
            rows.forEach(r -> selectedKeys.add(r.key()));
            selection.setAll(rows);
        }
    }

    /** Opens {@code row}'s secret (null closes it). */
    public void open(RotationRow row) {
        opened.set(row == null ? null : row.secret());
    }

    public void closeSecret() {
        opened.set(null);
    }

    /**
     * The bulk rotation of the selected secrets, ready for the user to confirm; null when
     * {@link #canRotateSelectedProperty()} is false.
     */
    public BulkRotateViewModel rotateSelected() {
        if (!canRotateSelected.get()) {
            return null;
        }
        return new BulkRotateViewModel(selection.stream().map(RotationRow::secret).toList(), bulk);
    }

    // ---- Filtering, counting, selection --------------------------------------------------------

    private Predicate<RotationRow> visible() {
        RotationFilter f = filter.get();
        Predicate<RotationRow> named = named();
        return r -> f.test(r) && named.test(r);
    }

    private Predicate<RotationRow> named() {
        String text = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? r -> true : r -> r.name().toLowerCase(Locale.ROOT).contains(text);
    }

    private void refilter() {
        synchronized (lock) {
            source.rows().setPredicate(visible());
            rowsChanged();
        }
    }

    /** Under the lock: counts again and finds the selected rows among those shown. */
    private void rowsChanged() {
        List<RotationRow> all = source.rows().unfiltered();
        summary.set(RotationFilterCounts.of(all, r -> true));
        counts.set(RotationFilterCounts.of(all, named()));
        List<RotationRow> selected = new ArrayList<>();
        if (!selectedKeys.isEmpty()) {
            for (RotationRow r : source.rows()) {
                if (selectedKeys.contains(r.key())) {
                    selected.add(r);
                }
            }
        }
        if (!selected.equals(selection)) {
            selection.setAll(selected);
        }
        SecretSummary o = opened.get();
        if (o != null) {
            String key = RotationRow.keyOf(o.scope(), o.arn());
            all.stream().filter(r -> r.key().equals(key)).findFirst().ifPresent(r -> opened.set(r.secret()));
        }
    }

    private static Comparator<RotationRow> thenDefault(Comparator<? super RotationRow> first) {
        return (a, b) -> {
            int c = first.compare(a, b);
            return c != 0 ? c : RotationRowOrder.DEFAULT.compare(a, b);
        };
    }
}
