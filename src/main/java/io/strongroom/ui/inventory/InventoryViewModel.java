package io.strongroom.ui.inventory;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.SortedFilteredList;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Every secret in the chosen scopes, as one filterable, sortable list.
 *
 * <p><b>Loading.</b> {@link #load} fans out over the scopes through {@link SecretsService#list}.
 * Pages arrive on worker threads; they are turned into rows there (search keys included), queued,
 * and applied on the UI thread in batches: one {@code runLater} drains everything that arrived
 * since the last one, so a fast backend does not flood the FX thread with one task per page.
 * Each scope has a {@link ScopeProgress}; a failed scope keeps its error while the others go on.
 *
 * <p><b>Filtering.</b> Rows live in a {@link SortedFilteredList}: batches merge into sort order
 * in one pass, and a keystroke only swaps the predicate: one pass of {@code String.contains}
 * over precomputed lowercase keys, no re-sort, and only over the visible rows when the user
 * typed more of the same text; erasing back to a text typed before shows the rows kept for it.
 * Name and tag filters are also sent to Secrets Manager as ListSecrets filters on the next load
 * ({@link #applyServerFilters}), so a narrow question on a large estate lists less.
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

    private final SecretsService secrets;
    private final UiExecutor ui;
    private final ClipboardService clipboard;
    private final DialogService dialogs;
    private final Texts texts;
    private final Clock clock;

    // ---- rows ---------------------------------------------------------------------------------
    private final SortedFilteredList<SecretRow> rows = new SortedFilteredList<>();
    /** The filters the current predicate was built from, to tell a narrowing keystroke. */
    private FilterState appliedFilters;

    // ---- filters ------------------------------------------------------------------------------
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final StringProperty accountFilter = new SimpleStringProperty(this, "accountFilter");
    private final StringProperty regionFilter = new SimpleStringProperty(this, "regionFilter");
    private final ObjectProperty<RotationFilter> rotationFilter = new SimpleObjectProperty<>(this, "rotationFilter", RotationFilter.ANY);
    private final ObjectProperty<DeletionFilter> deletionFilter = new SimpleObjectProperty<>(this, "deletionFilter", DeletionFilter.HIDE);
    private final StringProperty namePrefix = new SimpleStringProperty(this, "namePrefix", "");
    private final StringProperty tagKey = new SimpleStringProperty(this, "tagKey", "");
    private final StringProperty tagValue = new SimpleStringProperty(this, "tagValue", "");
    private final ObservableList<String> accountOptions = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<String> accountOptionsView = FXCollections.unmodifiableObservableList(accountOptions);
    private final ObservableList<String> regionOptions = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<String> regionOptionsView = FXCollections.unmodifiableObservableList(regionOptions);
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");
    private final ReadOnlyBooleanWrapper serverFiltersPending = new ReadOnlyBooleanWrapper(this, "serverFiltersPending");

    // ---- loading ------------------------------------------------------------------------------
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

    // ---- selection ----------------------------------------------------------------------------
    private final ObservableList<SecretRow> selection = FXCollections.observableArrayList();
    private final ObservableList<SecretRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<SecretSummary> selectedSecret = new ReadOnlyObjectWrapper<>(this, "selectedSecret");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    // ---- columns ------------------------------------------------------------------------------
    private final InventoryColumns columns = new InventoryColumns();

    // ---- the run in flight (guarded by lock; with the FX executor everything below runs on the FX thread) ----
    private final Object lock = new Object();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private List<Scope> scopes = List.of();
    private Run run;
    /** Keys of rows selected when a refresh began that it has not listed again yet. */
    private final Set<String> pendingSelection = new LinkedHashSet<>();
    /** Rows of the current load that replace the selected ones. */
    private final List<SecretRow> reselected = new ArrayList<>();
    /** The selection's keys in the order the user had them. */
    private final List<String> selectionOrder = new ArrayList<>();
    private String pendingFocus;

    public InventoryViewModel(SecretsService secrets, UiExecutor ui, ClipboardService clipboard, DialogService dialogs,
                              Texts texts, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.ui = Objects.requireNonNull(ui);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        javafx.beans.InvalidationListener refilter = o -> updatePredicate();
        searchText.addListener(refilter);
        accountFilter.addListener(refilter);
        regionFilter.addListener(refilter);
        rotationFilter.addListener(refilter);
        deletionFilter.addListener(refilter);
        namePrefix.addListener(refilter);
        tagKey.addListener(refilter);
        tagValue.addListener(refilter);
    }

    // =========================================================================================
    // Properties
    // =========================================================================================

    /** Which columns the table shows (saved in the settings by the composition root). */
    public InventoryColumns columns() {
        return columns;
    }

    /** The rows to show, sorted by {@link #comparatorProperty()} and filtered; what exports write. */
    public ObservableList<SecretRow> visibleRows() {
        return rows;
    }

    /** True while the rows are changing (a table's selection changes then are not the user's). */
    public boolean rowsChanging() {
        return rows.isChanging();
    }

    /** Bind to the table's comparator (with a sort policy that leaves sorting to this list). */
    public ObjectProperty<Comparator<? super SecretRow>> comparatorProperty() {
        return rows.comparatorProperty();
    }

    /** Free text: every whitespace-separated word must occur in some field (case-insensitive). */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** An account alias, or null for all. */
    public StringProperty accountFilterProperty() {
        return accountFilter;
    }

    /** A region, or null for all. */
    public StringProperty regionFilterProperty() {
        return regionFilter;
    }

    public ObjectProperty<RotationFilter> rotationFilterProperty() {
        return rotationFilter;
    }

    /** Changing it to or from {@link DeletionFilter#HIDE} needs a reload: see {@link #applyServerFilters()}. */
    public ObjectProperty<DeletionFilter> deletionFilterProperty() {
        return deletionFilter;
    }

    /** Name prefix (case-sensitive, as Secrets Manager's {@code name} filter). */
    public StringProperty namePrefixProperty() {
        return namePrefix;
    }

    /** Tag key prefix (case-sensitive, as Secrets Manager's {@code tag-key} filter). */
    public StringProperty tagKeyProperty() {
        return tagKey;
    }

    /** Tag value prefix (case-sensitive, as Secrets Manager's {@code tag-value} filter). */
    public StringProperty tagValueProperty() {
        return tagValue;
    }

    /** Account aliases of the loaded scopes, for the account filter. */
    public ObservableList<String> accountOptions() {
        return accountOptionsView;
    }

    /** Regions of the loaded scopes, for the region filter. */
    public ObservableList<String> regionOptions() {
        return regionOptionsView;
    }

    /** Any structured filter or search text is set. */
    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }

    /** The server-side part of the filters differs from what the rows were listed with. */
    public ReadOnlyBooleanProperty serverFiltersPendingProperty() {
        return serverFiltersPending.getReadOnlyProperty();
    }

    public ObservableList<ScopeProgress> scopeProgress() {
        return scopeProgressView;
    }

    /** Scopes whose listing failed (not cancelled ones), each with its error. */
    public ObservableList<ScopeProgress> failedScopes() {
        return failedScopes;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** The last load was cancelled before every scope finished. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scopesTotalProperty() {
        return scopesTotal.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scopesFinishedProperty() {
        return scopesFinished.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scopesFailedProperty() {
        return scopesFailed.getReadOnlyProperty();
    }

    /** Finished scopes over all scopes, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty loadedCountProperty() {
        return loadedCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** When the last load finished, or null. */
    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    /** The query the rows were listed with. */
    public ReadOnlyObjectProperty<SecretQuery> loadedQueryProperty() {
        return loadedQuery.getReadOnlyProperty();
    }

    /** The selected rows, in selection order; changed by {@link #select} and by a refresh re-selecting. */
    public ObservableList<SecretRow> selection() {
        return selectionView;
    }

    /**
     * The secret the user is looking at (the table's focused selected row), or null. The secret
     * detail pane binds to this; it is replaced by a fresh summary when a refresh lists it again.
     */
    public ReadOnlyObjectProperty<SecretSummary> selectedSecretProperty() {
        return selectedSecret.getReadOnlyProperty();
    }

    public SecretSummary getSelectedSecret() {
        return selectedSecret.get();
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
        Set<String> accounts = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        for (Scope s : this.scopes) {
            accounts.add(s.accountAlias());
            regions.add(s.region());
        }
        accountOptions.setAll(accounts);
        regionOptions.setAll(regions);
        if (accountFilter.get() != null && !accounts.contains(accountFilter.get())) {
            accountFilter.set(null);
        }
        if (regionFilter.get() != null && !regions.contains(regionFilter.get())) {
            regionFilter.set(null);
        }
        return start();
    }

    /** Lists the same scopes again, keeping the selection. */
    public CompletableFuture<Void> refresh() {
        return start();
    }

    /** Reloads if the name, tag or deletion filters changed since the rows were listed. */
    public CompletableFuture<Void> applyServerFilters() {
        return serverFiltersPending.get() ? start() : CompletableFuture.completedFuture(null);
    }

    /** Stops listing; what arrived stays, unfinished scopes show as cancelled. */
    public void cancel() {
        Run r;
        synchronized (lock) {
            r = run;
        }
        if (r != null && r.handle != null) {
            r.handle.cancel();
        }
    }

    /** Clears search text and every structured filter. */
    public void clearFilters() {
        searchText.set("");
        accountFilter.set(null);
        regionFilter.set(null);
        rotationFilter.set(RotationFilter.ANY);
        namePrefix.set("");
        tagKey.set("");
        tagValue.set("");
        deletionFilter.set(DeletionFilter.HIDE);
    }

    /**
     * The table's selection changed: {@code rows} selected, {@code focused} the one the user is on
     * (null for the first). An empty selection while a refresh is re-finding rows is the table
     * losing rows that are about to come back, and is ignored.
     */
    public void select(List<SecretRow> rows, SecretRow focused) {
        synchronized (lock) {
            if (rows.isEmpty() && !pendingSelection.isEmpty()) {
                return;
            }
            stopRestoring();
            List<SecretRow> copy = List.copyOf(rows);
            if (!copy.equals(selection) || !sameInstances(copy, selection)) {
                selection.setAll(copy);
            }
            SecretRow f = focused != null && copy.contains(focused) ? focused : copy.isEmpty() ? null : copy.get(0);
            selectedSecret.set(f == null ? null : f.summary());
        }
    }

    public void select(List<SecretRow> rows) {
        select(rows, null);
    }

    /** Copies the selected secrets' ARNs, one per line. */
    public void copyArns() {
        copy(selection.stream().map(SecretRow::arn).toList(), "notice.copiedArns");
    }

    /** Copies the selected secrets' names, one per line. */
    public void copyNames() {
        copy(selection.stream().map(SecretRow::name).toList(), "notice.copiedNames");
    }

    private void copy(List<String> lines, String noticeKey) {
        if (lines.isEmpty()) {
            return;
        }
        clipboard.put(String.join("\n", lines));
        notice.set(texts.format(noticeKey, lines.size()));
    }

    /** Asks where, then writes the visible rows (in table order) as CSV in the background. */
    public void exportCsv() {
        export("csv", (rows, path) -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
                InventoryExport.csv(w, rows);
            }
        });
    }

    /** Asks where, then writes the visible rows (in table order) as JSON in the background. */
    public void exportJson() {
        export("json", (rows, path) -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                InventoryExport.json(out, rows);
            }
        });
    }

    @FunctionalInterface
    private interface Exporter {
        void write(List<SecretRow> rows, Path path) throws IOException;
    }

    private void export(String extension, Exporter exporter) {
        List<SecretRow> snapshot = List.copyOf(rows);
        String suggested = "strongroom-secrets-" + LocalDate.now(clock) + "." + extension;
        dialogs.chooseFileToSave(texts.get("export.title"), suggested, extension).ifPresent(path -> ui.submit(() -> {
            exporter.write(snapshot, path);
            return path;
        }, p -> notice.set(texts.format("notice.exported", snapshot.size(), p.getFileName().toString())),
                e -> dialogs.showError(texts.get("export.failed"), e)));
    }

    // ---- hooks for features that change secrets (detail, editor) --------------------------------

    /** A secret was created or changed elsewhere in the console: show its new summary without a reload. */
    public void secretChanged(SecretSummary updated) {
        ui.onUiThread(() -> {
            synchronized (lock) {
                SecretRow row = new SecretRow(updated);
                rows.removeRows(row::equals);
                rows.addAllRows(List.of(row));
                counted();
                int s = selection.indexOf(row);
                if (s >= 0) {
                    selection.set(s, row);
                }
                SecretSummary current = selectedSecret.get();
                if (current != null && new SecretRow(current).equals(row)) {
                    selectedSecret.set(updated);
                }
            }
        });
    }

    /** A secret is gone (force-deleted, or no longer listed): drop its row. */
    public void secretRemoved(Scope scope, String arn) {
        ui.onUiThread(() -> {
            synchronized (lock) {
                String key = SecretRow.keyOf(scope.id(), arn);
                rows.removeRows(r -> r.key().equals(key));
                counted();
                selection.removeIf(r -> r.key().equals(key));
                SecretSummary current = selectedSecret.get();
                if (current != null && SecretRow.keyOf(current.scope().id(), current.arn()).equals(key)) {
                    selectedSecret.set(selection.isEmpty() ? null : selection.get(0).summary());
                }
            }
        });
    }

    /** Rows added directly, as a batch of pages would be: for benchmarks of 100,000-row estates. */
    void addRows(List<SecretRow> batch) {
        synchronized (lock) {
            rows.addAllRows(batch);
            counted();
        }
    }

    private void counted() {
        loadedCount.set(rows.unfilteredSize());
        visibleCount.set(rows.size());
    }

    // =========================================================================================
    // Filtering
    // =========================================================================================

    /** The ListSecrets filters the current structured filters translate to. */
    public SecretQuery serverQuery() {
        SecretQuery q = SecretQuery.all().withPlannedDeletion(deletionFilter.get() != DeletionFilter.HIDE);
        if (!namePrefix.get().isBlank()) {
            q = q.withFilter(SecretFilter.of(SecretFilter.Key.NAME, namePrefix.get().strip()));
        }
        if (!tagKey.get().isBlank()) {
            q = q.withFilter(SecretFilter.of(SecretFilter.Key.TAG_KEY, tagKey.get().strip()));
        }
        if (!tagValue.get().isBlank()) {
            q = q.withFilter(SecretFilter.of(SecretFilter.Key.TAG_VALUE, tagValue.get().strip()));
        }
        return q;
    }

    private void updatePredicate() {
        String[] needles = needles(searchText.get());
        String account = blankToNull(accountFilter.get());
        String region = blankToNull(regionFilter.get());
        RotationFilter rotation = rotationFilter.get() == null ? RotationFilter.ANY : rotationFilter.get();
        DeletionFilter deletion = deletionFilter.get() == null ? DeletionFilter.HIDE : deletionFilter.get();
        String name = namePrefix.get().strip();
        String tk = tagKey.get().strip();
        String tv = tagValue.get().strip();
        boolean tags = !tk.isEmpty() || !tv.isEmpty();
        Instant now = clock.instant();
        boolean any = needles.length > 0 || account != null || region != null || rotation != RotationFilter.ANY
                || deletion == DeletionFilter.ONLY || !name.isEmpty() || tags;
        filtersActive.set(any || deletion != DeletionFilter.HIDE);
        serverFiltersPending.set(!serverQuery().equals(loadedQuery.get()));
        FilterState state = new FilterState(String.join(" ", needles), account, region, rotation, deletion, name, tk, tv);
        boolean narrowing = appliedFilters != null && state.narrows(appliedFilters);
        appliedFilters = state;
        if (!any) {
            rows.setPredicate(null);
            counted();
            return;
        }
        // cheapest tests first; the search key scan last
        Predicate<SecretRow> p = r -> (account == null || account.equals(r.accountAlias()))
                && (region == null || region.equals(r.region()))
                && (deletion != DeletionFilter.ONLY || r.plannedForDeletion())
                && (name.isEmpty() || r.name().startsWith(name))
                && rotationMatches(r, rotation, now)
                && (!tags || r.hasTag(tk, tv))
                && (needles.length == 0 || r.matchesAll(needles));
        // the filter state names the view, so erasing back to an earlier text shows it again untested
        rows.setPredicate(p, narrowing, state);
        counted();
    }

    /** The filter values a predicate was built from. */
    private record FilterState(String search, String account, String region, RotationFilter rotation, DeletionFilter deletion,
                               String name, String tagKey, String tagValue) {
        /** Only the search text changed, by typing more: whatever this passes, {@code before} passed. */
        boolean narrows(FilterState before) {
            return search.startsWith(before.search) && !search.equals(before.search)
                    && Objects.equals(account, before.account) && Objects.equals(region, before.region)
                    && rotation == before.rotation && deletion == before.deletion
                    && name.equals(before.name) && tagKey.equals(before.tagKey) && tagValue.equals(before.tagValue);
        }
    }

    private static boolean rotationMatches(SecretRow r, RotationFilter f, Instant now) {
        return switch (f) {
            case ANY -> true;
            case ENABLED -> r.rotationEnabled();
            case DISABLED -> !r.rotationEnabled();
            case OVERDUE -> r.rotationOverdue(now);
        };
    }

    static String[] needles(String text) {
        if (text == null) {
            return new String[0];
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // =========================================================================================
    // Loading
    // =========================================================================================

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

    private CompletableFuture<Void> start() {
        Run next = new Run();
        Run previous;
        SecretQuery query = serverQuery();
        synchronized (lock) {
            previous = run;
            run = next;
            if (pendingSelection.isEmpty()) {
                selection.forEach(r -> pendingSelection.add(r.key()));
                selectionOrder.clear();
                selectionOrder.addAll(pendingSelection);
                SecretSummary focus = selectedSecret.get();
                pendingFocus = focus == null ? null : SecretRow.keyOf(focus.scope().id(), focus.arn());
            } else {
                // a refresh during a refresh: what the first one re-found is to be found again
                reselected.forEach(r -> pendingSelection.add(r.key()));
            }
            reselected.clear();
            List<ScopeProgress> progressRows = new ArrayList<>();
            for (Scope s : scopes) {
                ScopeProgress p = new ScopeProgress(s);
                next.progress.put(s, p);
                progressRows.add(p);
            }
            // the table drops its selection with its rows; select() ignores that while pendingSelection is set
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
            serverFiltersPending.set(false);
            notice.set("");
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
                List<SecretRow> rows = new ArrayList<>(items.size());
                for (SecretSummary s : items) {
                    rows.add(new SecretRow(s));      // search keys built here, off the UI thread
                }
                post(new Page(next, scope, rows));
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
                    ScopeProgress sp = run.progress.get(p.scope());
                    if (sp != null) {
                        sp.addCount(p.rows().size());
                    }
                    if (!pendingSelection.isEmpty()) {
                        for (SecretRow r : p.rows()) {
                            if (pendingSelection.remove(r.key())) {
                                reselected.add(r);
                                found = true;
                            }
                        }
                    }
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
                    restoreSelection(found, true);
                    found = false;
                    loading.set(false);
                    loadedAt.set(clock.instant());
                    run.done.complete(null);
                }
            }
            flush(added);
            restoreSelection(found, false);
        }
    }

    private java.util.Optional<ScopeProgress> progressOf(Scope scope) {
        return java.util.Optional.ofNullable(run.progress.get(scope));
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

    /**
     * Re-selects the rows a refresh listed again (after they are in the table). Once all are
     * found, or the load ends, what did not come back is dropped from the selection.
     */
    private void restoreSelection(boolean found, boolean last) {
        if (pendingSelection.isEmpty() && reselected.isEmpty() && pendingFocus == null) {
            return;
        }
        if (found) {
            reselected.sort(Comparator.comparingInt(r -> selectionOrder.indexOf(r.key())));
            selection.setAll(reselected);
            for (SecretRow r : reselected) {
                if (r.key().equals(pendingFocus)) {
                    selectedSecret.set(r.summary());
                }
            }
        }
        if (pendingSelection.isEmpty() || last) {
            if (!selection.equals(reselected) || !sameInstances(selection, reselected)) {
                selection.setAll(reselected);
            }
            boolean focusBack = reselected.stream().anyMatch(r -> r.key().equals(pendingFocus));
            if (!focusBack) {
                selectedSecret.set(reselected.isEmpty() ? null : reselected.get(0).summary());
            }
            stopRestoring();
        }
    }

    private void stopRestoring() {
        pendingSelection.clear();
        selectionOrder.clear();
        reselected.clear();
        pendingFocus = null;
    }

    private static boolean sameInstances(List<SecretRow> a, List<SecretRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
