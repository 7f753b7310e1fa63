package io.strongroom.ui.inventory;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.SortedFilteredList;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every secret in the chosen scopes, as one filterable, sortable list: a thin coordinator of
 * {@link InventoryLoading} (the fan-out over the scopes, streamed pages, per-scope progress and
 * errors), {@link InventoryFilters} (the search text and structured filters, also sent to Secrets
 * Manager on the next load) and {@link SelectionKeeper} (the selection, kept across refreshes).
 * The columns are {@link InventoryColumns}; files are written by {@link InventoryFileExport} with
 * the rows {@link #exportRows()} gives.
 *
 * <p><b>Selection.</b> The view reports the table's selection with {@link #select}; the focused
 * secret is {@link #selectedSecretProperty()}, which the detail pane binds to. A refresh keeps
 * the selection: the rows come back as new objects and are re-selected as they arrive.
 */
public final class InventoryViewModel {

    public enum RotationFilter { ANY, ENABLED, DISABLED, OVERDUE }

    public enum DeletionFilter {
        /** As AWS lists by default: secrets scheduled for deletion are left out. */
        HIDE,
        INCLUDE,
        ONLY
    }

    private final UiExecutor ui;
    private final ClipboardService clipboard;
    private final Texts texts;
    /** Guards the rows, the run in flight and the selection (with the FX executor, all on the FX thread). */
    private final Object lock = new Object();
    private final SelectionKeeper selection = new SelectionKeeper();
    private final InventoryLoading loading;
    private final InventoryFilters filters;
    private final InventoryColumns columns;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private List<Scope> scopes = List.of();

    public InventoryViewModel(SecretsService secrets, UiExecutor ui, ClipboardService clipboard, Texts texts, Clock clock) {
        this(secrets, ui, clipboard, texts, clock, List.of());
    }

    /** @param contributedColumns columns other features add to the table, after the inventory's own */
    public InventoryViewModel(SecretsService secrets, UiExecutor ui, ClipboardService clipboard, Texts texts, Clock clock,
                              List<? extends InventoryColumn<?>> contributedColumns) {
        this.columns = new InventoryColumns(contributedColumns);
        this.ui = Objects.requireNonNull(ui);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.texts = Objects.requireNonNull(texts);
        this.loading = new InventoryLoading(secrets, ui, clock, selection, lock);
        this.filters = new InventoryFilters(loading.rows(), loading::counted, loading.loadedQueryProperty()::get, clock);
        for (InventoryColumn<?> column : contributedColumns) {
            column.whenChanged(() -> filters.columnValuesChanged(column));
        }
    }

    // =========================================================================================
    // Properties
    // =========================================================================================

    /** Which columns the table shows (saved in the settings by the composition root). */
    public InventoryColumns columns() {
        return columns;
    }

    /** The search text and structured filters (the name and tag prefixes and the deletion filter apply at the next load). */
    public InventoryFilters filters() {
        return filters;
    }

    /** The rows to show, sorted by {@link #comparatorProperty()} and filtered. */
    public ObservableList<SecretRow> visibleRows() {
        return loading.rows();
    }

    /** What an export writes: the visible rows in table order, as they are now. */
    public List<SecretRow> exportRows() {
        return List.copyOf(loading.rows());
    }

    /** True while the rows are changing (a table's selection changes then are not the user's). */
    public boolean rowsChanging() {
        return loading.rows().isChanging();
    }

    /** Bind to the table's comparator (with a sort policy that leaves sorting to this list). */
    public ObjectProperty<Comparator<? super SecretRow>> comparatorProperty() {
        return loading.rows().comparatorProperty();
    }

    public ObservableList<ScopeProgress> scopeProgress() {
        return loading.scopeProgress();
    }

    /** Scopes whose listing failed (not cancelled ones), each with its error. */
    public ObservableList<ScopeProgress> failedScopes() {
        return loading.failedScopes();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.loadingProperty();
    }

    public boolean isLoading() {
        return loading.loadingProperty().get();
    }

    /** The last load was cancelled before every scope finished. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return loading.cancelledProperty();
    }

    public ReadOnlyIntegerProperty scopesTotalProperty() {
        return loading.scopesTotalProperty();
    }

    public ReadOnlyIntegerProperty scopesFinishedProperty() {
        return loading.scopesFinishedProperty();
    }

    public ReadOnlyIntegerProperty scopesFailedProperty() {
        return loading.scopesFailedProperty();
    }

    /** Finished scopes over all scopes, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return loading.progressProperty();
    }

    public ReadOnlyIntegerProperty loadedCountProperty() {
        return loading.loadedCountProperty();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return loading.visibleCountProperty();
    }

    /** When the last load finished, or null. */
    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loading.loadedAtProperty();
    }

    /** The query the rows were listed with. */
    public ReadOnlyObjectProperty<SecretQuery> loadedQueryProperty() {
        return loading.loadedQueryProperty();
    }

    /** The selected rows, in selection order; changed by {@link #select} and by a refresh re-selecting. */
    public ObservableList<SecretRow> selection() {
        return selection.selection();
    }

    /**
     * The secret the user is looking at (the table's focused selected row), or null. The secret
     * detail pane binds to this; it is replaced by a fresh summary when a refresh lists it again.
     */
    public ReadOnlyObjectProperty<SecretSummary> selectedSecretProperty() {
        return selection.selectedSecretProperty();
    }

    public SecretSummary getSelectedSecret() {
        return selection.selectedSecret();
    }

    /** A short message about the last command (copied, exported), for the view to show briefly. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The scopes of the last {@link #load}. */
    public List<Scope> scopes() {
        return scopes;
    }

    // =========================================================================================
    // Commands
    // =========================================================================================

    /**
     * Lists every secret in {@code scopes} with the current server-side filters, replacing the
     * rows. A load in flight is cancelled. The future completes (on the UI thread) once every
     * scope has finished or failed; views can ignore it, tests wait on it.
     */
    public CompletableFuture<Void> load(List<Scope> scopes) {
        this.scopes = List.copyOf(new LinkedHashSet<>(scopes));
        filters.scopesChosen(this.scopes);
        return start();
    }

    /** Lists the same scopes again, keeping the selection. */
    public CompletableFuture<Void> refresh() {
        return start();
    }

    /** Reloads if the name, tag or deletion filters changed since the rows were listed. */
    public CompletableFuture<Void> applyServerFilters() {
        return filters.serverFiltersPending() ? start() : CompletableFuture.completedFuture(null);
    }

    /** Stops listing; what arrived stays, unfinished scopes show as cancelled. */
    public void cancel() {
        loading.cancel();
    }

    /** Clears search text and every structured filter. */
    public void clearFilters() {
        filters.clear();
    }

    /**
     * The table's selection changed: {@code rows} selected, {@code focused} the one the user is on
     * (null for the first). An empty selection while a refresh is re-finding rows is ignored.
     */
    public void select(List<SecretRow> rows, SecretRow focused) {
        synchronized (lock) {
            selection.select(rows, focused);
        }
    }

    public void select(List<SecretRow> rows) {
        select(rows, null);
    }

    /** Copies the selected secrets' ARNs, one per line. */
    public void copyArns() {
        copy(SecretRow::arn, "notice.copiedArns");
    }

    /** Copies the selected secrets' names, one per line. */
    public void copyNames() {
        copy(SecretRow::name, "notice.copiedNames");
    }

    /** Shows {@code text} as the notice (an export's outcome, say). */
    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    private void copy(Function<SecretRow, String> field, String noticeKey) {
        List<String> lines = selection.selection().stream().map(field).toList();
        if (lines.isEmpty()) {
            return;
        }
        clipboard.put(String.join("\n", lines));
        notice.set(texts.format(noticeKey, lines.size()));
    }

    private CompletableFuture<Void> start() {
        SecretQuery query = filters.serverQuery();
        filters.listed();
        notice.set("");
        return loading.start(scopes, query);
    }

    // ---- hooks for features that change secrets (detail, editor) --------------------------------

    /** A secret was created or changed elsewhere in the console: show its new summary without a reload. */
    public void secretChanged(SecretSummary updated) {
        ui.onUiThread(() -> {
            synchronized (lock) {
                SecretRow row = new SecretRow(updated);
                SortedFilteredList<SecretRow> rows = loading.rows();
                rows.removeRows(row::equals);
                rows.addAllRows(List.of(row));
                loading.counted();
                selection.changed(row);
            }
        });
    }

    /** A secret is gone (force-deleted, or no longer listed): drop its row. */
    public void secretRemoved(Scope scope, String arn) {
        ui.onUiThread(() -> {
            synchronized (lock) {
                String key = SecretRow.keyOf(scope.id(), arn);
                loading.rows().removeRows(r -> r.key().equals(key));
                loading.counted();
                selection.removed(key);
            }
        });
    }

    /** Rows added directly, as a batch of pages would be: for benchmarks of 100,000-row estates. */
    void addRows(List<SecretRow> batch) {
        synchronized (lock) {
            loading.rows().addAllRows(batch);
            loading.counted();
        }
    }
}
