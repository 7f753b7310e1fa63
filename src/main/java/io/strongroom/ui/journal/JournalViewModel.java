package io.strongroom.ui.journal;

import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalAccount;
import io.strongroom.service.journal.JournalPage;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.ResultState;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The journal view's state and commands: the rows (newest first), the filters, paging, and
 * live updates as the console journals new actions. Knows nothing of the view; queries run
 * through the injected {@link UiExecutor}, so tests drive it with a same-thread executor.
 */
public final class JournalViewModel implements AutoCloseable {

    static final String BUNDLE = "io.strongroom.ui.journal.journal";

    private final ActionJournal journal;
    private final UiExecutor executor;
    private final ClipboardService clipboard;
    private final ZoneId zone;
    /** This view's bundle ({@value #BUNDLE}), falling back to the shared strings. */
    private final Texts text;
    private final int pageSize;
    private final JournalRows rowText;
    private final AutoCloseable subscription;

    private final ObservableList<JournalRow> rows = FXCollections.observableArrayList();
    private final ObservableList<JournalRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObservableList<FilterChoice<JournalAccount>> accountChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> regionChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<ActionKind>> actionChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<ResultState>> resultChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice<JournalAccount>> accountFilter = new SimpleObjectProperty<>(this, "accountFilter");
    private final ObjectProperty<FilterChoice<String>> regionFilter = new SimpleObjectProperty<>(this, "regionFilter");
    private final ObjectProperty<FilterChoice<ActionKind>> actionFilter = new SimpleObjectProperty<>(this, "actionFilter");
    private final ObjectProperty<FilterChoice<ResultState>> resultFilter = new SimpleObjectProperty<>(this, "resultFilter");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper(this, "filtered");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** Each query gets a number; a result that is not the latest one's is dropped. */
    private long generation;
    private UiExecutor.Task inFlight;
    private Long nextCursor;
    private boolean applyingChoices;

    /** @param texts the console's texts; this view reads its own bundle through them */
    public JournalViewModel(ActionJournal journal, UiExecutor executor, ClipboardService clipboard, ZoneId zone, Texts texts) {
        this(journal, executor, clipboard, zone, JournalQuery.DEFAULT_LIMIT, texts);
    }

    JournalViewModel(ActionJournal journal, UiExecutor executor, ClipboardService clipboard, ZoneId zone, int pageSize,
                     Texts texts) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pageSize = pageSize;
        this.text = texts.in(BUNDLE);
        this.rowText = new JournalRows(text, zone);

        accountChoices.add(all("filter.account.all"));
        regionChoices.add(all("filter.region.all"));
        actionChoices.add(all("filter.action.all"));
        for (ActionKind k : ActionKind.values()) {
            actionChoices.add(new FilterChoice<>(k, text.get("action." + k.name())));
        }
        resultChoices.add(all("filter.result.all"));
        for (ResultState r : ResultState.values()) {
            resultChoices.add(new FilterChoice<>(r, text.get("result.filter." + r.name())));
        }
        accountFilter.set(accountChoices.get(0));
        regionFilter.set(regionChoices.get(0));
        actionFilter.set(actionChoices.get(0));
        resultFilter.set(resultChoices.get(0));

        filterText.addListener((o, was, now) -> refresh());
        accountFilter.addListener((o, was, now) -> filterChanged());
        regionFilter.addListener((o, was, now) -> filterChanged());
        actionFilter.addListener((o, was, now) -> filterChanged());
        resultFilter.addListener((o, was, now) -> filterChanged());

        // the journal calls back on whichever thread wrote the entry
        subscription = journal.subscribe(entry -> executor.onUiThread(this::journalChanged));
    }

    private <T> FilterChoice<T> all(String key) {
        return new FilterChoice<>(null, text.get(key));
    }

    // ---- Properties ---------------------------------------------------------------------------

    /** The rows loaded so far, newest first. */
    public ObservableList<JournalRow> rows() {
        return rowsView;
    }

    /** Free text matched against secret, ARN, account, identity, error code and request ID. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObservableList<FilterChoice<JournalAccount>> accountChoices() {
        return FXCollections.unmodifiableObservableList(accountChoices);
    }

    public ObservableList<FilterChoice<String>> regionChoices() {
        return FXCollections.unmodifiableObservableList(regionChoices);
    }

    public ObservableList<FilterChoice<ActionKind>> actionChoices() {
        return FXCollections.unmodifiableObservableList(actionChoices);
    }

    public ObservableList<FilterChoice<ResultState>> resultChoices() {
        return FXCollections.unmodifiableObservableList(resultChoices);
    }

    public ObjectProperty<FilterChoice<JournalAccount>> accountFilterProperty() {
        return accountFilter;
    }

    public ObjectProperty<FilterChoice<String>> regionFilterProperty() {
        return regionFilter;
    }

    public ObjectProperty<FilterChoice<ActionKind>> actionFilterProperty() {
        return actionFilter;
    }

    public ObjectProperty<FilterChoice<ResultState>> resultFilterProperty() {
        return resultFilter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** More (older) entries match than are loaded. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Some filter is set (the view says "no matches" rather than "nothing yet"). */
    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered.getReadOnlyProperty();
    }

    /** "12 actions", "Showing 200 of 1,204 actions". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the last load failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A user-facing string from this view's bundle (titles, column names, prompts). */
    public String text(String key) {
        return text.get(key);
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Loads the first page again with the current filters. */
    public void refresh() {
        load(pageSize, false);
    }

    /** Loads the next page of older entries below the ones shown. */
    public void loadMore() {
        if (nextCursor != null && !busy.get()) {
            load(pageSize, true);
        }
    }

    /** What a row's context menu can copy: none of it is secret. */
    public enum CopyField { SECRET, SECRET_ARN, IDENTITY_ARN, REQUEST_ID }

    /** Puts one field of {@code row} on the clipboard (as ordinary text: nothing here is a value). */
    public void copy(JournalRow row, CopyField field) {
        if (row == null) {
            return;
        }
        String s = switch (field) {
            case SECRET -> row.target();
            case SECRET_ARN -> row.entry().outcome().targetArn();
            case IDENTITY_ARN -> row.entry().actor().identityArn();
            case REQUEST_ID -> row.entry().outcome().requestId();
        };
        if (s != null && !s.isEmpty()) {
            clipboard.put(s);
        }
    }

    public void clearFilters() {
        applyingChoices = true;
        try {
            filterText.set("");
            accountFilter.set(accountChoices.get(0));
            regionFilter.set(regionChoices.get(0));
            actionFilter.set(actionChoices.get(0));
            resultFilter.set(resultChoices.get(0));
        } finally {
            applyingChoices = false;
        }
        refresh();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing cannot fail in a way that matters
        }
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    private void filterChanged() {
        if (!applyingChoices) {
            refresh();
        }
    }

    /**
     * An action was journaled or finished: reload at least as many rows as are shown (plus room for
     * the new ones), so the pages the user already loaded stay loaded.
     */
    private void journalChanged() {
        load(Math.min(rows.size() + pageSize, JournalQuery.MAX_LIMIT), false);
    }

    private JournalQuery query(int limit) {
        FilterChoice<JournalAccount> account = accountFilter.get();
        FilterChoice<String> region = regionFilter.get();
        FilterChoice<ActionKind> action = actionFilter.get();
        FilterChoice<ResultState> result = resultFilter.get();
        return JournalQuery.all()
                .account(account == null || account.isAll() ? null : account.value().key())
                .region(region == null ? null : region.value())
                .action(action == null ? null : action.value())
                .result(result == null ? null : result.value())
                .text(filterText.get())
                .limit(limit);
    }

    private record Loaded(JournalPage page, long total, List<JournalAccount> accounts, List<String> regions) {}

    private void load(int limit, boolean append) {
        JournalQuery q = query(limit).olderThan(append ? nextCursor : null);
        long mine = ++generation;
        if (inFlight != null && !append) {
            inFlight.cancel();
        }
        busy.set(true);
        filtered.set(q.accountId() != null || q.region() != null || q.action() != null || q.result() != null || q.text() != null);
        inFlight = executor.submit(
                () -> new Loaded(journal.query(q), journal.count(q), journal.accounts(), journal.regions()),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    applyChoices(loaded.accounts(), loaded.regions());
                    List<JournalRow> page = loaded.page().entries().stream().map(rowText::row).toList();
                    if (append) {
                        rows.addAll(page);
                    } else {
                        rows.setAll(page);
                    }
                    nextCursor = loaded.page().nextCursor();
                    hasMore.set(nextCursor != null);
                    summary.set(rows.size() >= loaded.total()
                            ? format("summary.all", loaded.total())
                            : format("summary.partial", rows.size(), loaded.total()));
                    error.set(null);
                    busy.set(false);
                },
                failure -> {
                    if (mine != generation) {
                        return;
                    }
                    error.set(format("error.load", ErrorText.of(failure)));
                    busy.set(false);
                });
    }

    /** New accounts and regions appear in the drop-downs; the current choice stays chosen. */
    private void applyChoices(List<JournalAccount> accounts, List<String> regions) {
        applyingChoices = true;
        try {
            List<FilterChoice<JournalAccount>> a = new ArrayList<>();
            a.add(accountChoices.get(0));
            accounts.forEach(acc -> a.add(new FilterChoice<>(acc, acc.label())));
            if (!a.equals(accountChoices)) {
                FilterChoice<JournalAccount> chosen = accountFilter.get();
                accountChoices.setAll(a);
                accountFilter.set(a.contains(chosen) ? chosen : a.get(0));
            }
            List<FilterChoice<String>> r = new ArrayList<>();
            r.add(regionChoices.get(0));
            regions.forEach(region -> r.add(new FilterChoice<>(region, region)));
            if (!r.equals(regionChoices)) {
                FilterChoice<String> chosen = regionFilter.get();
                regionChoices.setAll(r);
                regionFilter.set(r.contains(chosen) ? chosen : r.get(0));
            }
        } finally {
            applyingChoices = false;
        }
    }

    private String format(String key, Object... args) {
        return text.format(key, args);
    }
}
