package io.strongroom.ui.inventory;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretQuery;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.SortedFilteredList;
import io.strongroom.ui.inventory.InventoryViewModel.DeletionFilter;
import io.strongroom.ui.inventory.InventoryViewModel.RotationFilter;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The inventory's filters: free text, account, region, rotation and deletion state, and the name
 * and tag prefixes that are also sent to Secrets Manager ({@link #serverQuery()}). Every change
 * swaps the rows' predicate: one pass of {@code String.contains} over precomputed lowercase keys,
 * no re-sort, and only over the visible rows when the user typed more of the same text; erasing
 * back to a text typed before shows the rows kept for it.
 */
public final class InventoryFilters {

    private final SortedFilteredList<SecretRow> rows;
    private final Runnable counted;
    private final Supplier<SecretQuery> listedWith;
    private final Clock clock;
    /** The filters the current predicate was built from, to tell a narrowing keystroke. */
    private FilterState applied;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final StringProperty accountFilter = new SimpleStringProperty(this, "accountFilter");
    private final StringProperty regionFilter = new SimpleStringProperty(this, "regionFilter");
    private final ObjectProperty<RotationFilter> rotationFilter = new SimpleObjectProperty<>(this, "rotationFilter", RotationFilter.ANY);
    private final ObjectProperty<DeletionFilter> deletionFilter = new SimpleObjectProperty<>(this, "deletionFilter", DeletionFilter.HIDE);
    private final StringProperty namePrefix = new SimpleStringProperty(this, "namePrefix", "");
    private final StringProperty tagKey = new SimpleStringProperty(this, "tagKey", "");
    private final StringProperty tagValue = new SimpleStringProperty(this, "tagValue", "");
    private final ObjectProperty<ColumnFilter<?>> columnFilter = new SimpleObjectProperty<>(this, "columnFilter");
    /** Counts the changes of late-arriving column values, so that a filter on them is tested again. */
    private long columnValuesSeen;
    private final ObservableList<String> accountOptions = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<String> accountOptionsView = FXCollections.unmodifiableObservableList(accountOptions);
    private final ObservableList<String> regionOptions = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<String> regionOptionsView = FXCollections.unmodifiableObservableList(regionOptions);
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");
    private final ReadOnlyBooleanWrapper serverFiltersPending = new ReadOnlyBooleanWrapper(this, "serverFiltersPending");

    /**
     * @param rows       the rows whose predicate these filters set
     * @param counted    called after every predicate change (the visible count changed)
     * @param listedWith the query the rows were listed with, to tell pending server filters
     */
    InventoryFilters(SortedFilteredList<SecretRow> rows, Runnable counted, Supplier<SecretQuery> listedWith, Clock clock) {
        this.rows = Objects.requireNonNull(rows);
        this.counted = Objects.requireNonNull(counted);
        this.listedWith = Objects.requireNonNull(listedWith);
        this.clock = Objects.requireNonNull(clock);
        InvalidationListener refilter = o -> updatePredicate();
        for (javafx.beans.Observable p : List.of(searchText, accountFilter, regionFilter, rotationFilter, deletionFilter,
                namePrefix, tagKey, tagValue, columnFilter)) {
            p.addListener(refilter);
        }
    }

    /**
     * A filter on a contributed column: the rows whose value in {@code column} passes {@code chosen}
     * ({@link InventoryColumn#passes}).
     */
    public record ColumnFilter<T>(InventoryColumn<T> column, T chosen) {
        public ColumnFilter {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(chosen, "chosen");
        }

        boolean passes(SecretRow row) {
            return column.passes(column.value(row.summary()), chosen);
        }
    }

    /** Every filter the filterable columns offer, in column order (for the filter bar's column filter). */
    public static List<ColumnFilter<?>> choicesOf(List<? extends InventoryColumn<?>> columns) {
        List<ColumnFilter<?>> out = new java.util.ArrayList<>();
        for (InventoryColumn<?> c : columns) {
            addChoices(c, out);
        }
        return out;
    }

    private static <T> void addChoices(InventoryColumn<T> column, List<ColumnFilter<?>> out) {
        for (T choice : column.filterChoices()) {
            out.add(new ColumnFilter<>(column, choice));
        }
    }

    /** A column's values arrived or changed: a filter on that column is tested again. */
    void columnValuesChanged(InventoryColumn<?> column) {
        ColumnFilter<?> active = columnFilter.get();
        if (active != null && active.column() == column) {
            columnValuesSeen++;
            updatePredicate();
        }
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** The filter on a contributed column (Policy: Public…), or null for none. */
    public ObjectProperty<ColumnFilter<?>> columnFilterProperty() {
        return columnFilter;
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

    /** Changing it to or from {@link DeletionFilter#HIDE} needs a reload. */
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

    public boolean serverFiltersPending() {
        return serverFiltersPending.get();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** The ListSecrets filters the current structured filters translate to. */
    public SecretQuery serverQuery() {
        SecretQuery q = SecretQuery.all().withPlannedDeletion(deletionFilter.get() != DeletionFilter.HIDE);
        q = withPrefix(q, SecretFilter.Key.NAME, namePrefix.get());
        q = withPrefix(q, SecretFilter.Key.TAG_KEY, tagKey.get());
        return withPrefix(q, SecretFilter.Key.TAG_VALUE, tagValue.get());
    }

    /** Clears search text and every structured filter. */
    public void clear() {
        searchText.set("");
        accountFilter.set(null);
        regionFilter.set(null);
        rotationFilter.set(RotationFilter.ANY);
        namePrefix.set("");
        tagKey.set("");
        tagValue.set("");
        deletionFilter.set(DeletionFilter.HIDE);
        columnFilter.set(null);
    }

    /** The scopes to list changed: their accounts and regions are the options; a filter on one gone is cleared. */
    void scopesChosen(List<Scope> scopes) {
        Set<String> accounts = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        for (Scope s : scopes) {
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
    }

    /** A load began with {@link #serverQuery()}: nothing is pending. */
    void listed() {
        serverFiltersPending.set(false);
    }

    private static SecretQuery withPrefix(SecretQuery q, SecretFilter.Key key, String prefix) {
        return prefix.isBlank() ? q : q.withFilter(SecretFilter.of(key, prefix.strip()));
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
        ColumnFilter<?> column = columnFilter.get();
        Instant now = clock.instant();
        boolean any = needles.length > 0 || account != null || region != null || rotation != RotationFilter.ANY
                || deletion == DeletionFilter.ONLY || !name.isEmpty() || tags || column != null;
        filtersActive.set(any || deletion != DeletionFilter.HIDE);
        serverFiltersPending.set(!serverQuery().equals(listedWith.get()));
        FilterState state = new FilterState(String.join(" ", needles), account, region, rotation, deletion, name, tk, tv,
                column, columnValuesSeen);
        boolean narrowing = applied != null && state.narrows(applied);
        applied = state;
        if (!any) {
            rows.setPredicate(null);
            counted.run();
            return;
        }
        // cheapest tests first; the search key scan last
        Predicate<SecretRow> p = r -> (account == null || account.equals(r.accountAlias()))
                && (region == null || region.equals(r.region()))
                && (deletion != DeletionFilter.ONLY || r.plannedForDeletion())
                && (name.isEmpty() || r.name().startsWith(name))
                && rotationMatches(r, rotation, now)
                && (!tags || r.hasTag(tk, tv))
                && (needles.length == 0 || r.matchesAll(needles))
                && (column == null || column.passes(r));
        // the filter state names the view, so erasing back to an earlier text shows it again untested
        rows.setPredicate(p, narrowing, state);
        counted.run();
    }

    /** The filter values a predicate was built from. */
    private record FilterState(String search, String account, String region, RotationFilter rotation, DeletionFilter deletion,
                               String name, String tagKey, String tagValue, ColumnFilter<?> column, long columnValuesSeen) {
        /** Only the search text changed, by typing more: whatever this passes, {@code before} passed. */
        boolean narrows(FilterState before) {
            return search.startsWith(before.search) && !search.equals(before.search)
                    && Objects.equals(account, before.account) && Objects.equals(region, before.region)
                    && rotation == before.rotation && deletion == before.deletion
                    && name.equals(before.name) && tagKey.equals(before.tagKey) && tagValue.equals(before.tagValue)
                    && Objects.equals(column, before.column) && columnValuesSeen == before.columnValuesSeen;
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
}
