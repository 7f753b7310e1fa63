package io.strongroom.ui.journal;

import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalAccount;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalPage;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.ValueKind;
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
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Version IDs are long UUIDs; the table shows their first characters, the tooltip all of them. */
    private static final int SHORT_VERSION = 8;

    private final ActionJournal journal;
    private final UiExecutor executor;
    private final ClipboardService clipboard;
    private final ZoneId zone;
    /** This view's bundle ({@value #BUNDLE}), falling back to the shared strings. */
    private final Texts text;
    private final int pageSize;
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
                    List<JournalRow> page = loaded.page().entries().stream().map(this::row).toList();
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

    // ---- Formatting ---------------------------------------------------------------------------

    JournalRow row(JournalEntry e) {
        String time = TIME.format(e.startedAt().atZone(zone));
        String principal = e.actor().identityArn() == null ? null : shortPrincipal(e.actor().identityArn());
        String identity = format("identity.withUser",
                principal != null ? principal : e.actor().credentials(), e.actor().osUser());
        String identityDetail = format("identity.detail",
                e.actor().identityArn() != null ? e.actor().identityArn() : text.get("identity.unknown"),
                e.actor().credentials(), e.actor().osUser());
        String endpoint = text.get("endpoint." + e.scope().endpointKind().name())
                + (e.scope().endpoint() == null ? "" : " " + e.scope().endpoint());
        String scopeDetail = format("scope.detail",
                e.scope().accountId() == null ? e.scope().accountAlias() : e.scope().accountAlias() + " (" + e.scope().accountId() + ")",
                e.scope().region(), endpoint);
        String actionName = text.get("action." + e.action().name());
        String detailShort = details(e.details(), true);
        String detailLong = details(e.details(), false);
        String action = detailShort.isEmpty() ? actionName : format("detail.wrap", actionName, detailShort);
        String actionDetail = (detailLong.isEmpty() ? actionName : format("detail.wrap", actionName, detailLong))
                + " (" + e.action().awsOperation() + ")";

        String result;
        String resultDetail;
        JournalRow.Tone tone;
        switch (e.result()) {
            case OK -> {
                result = text.get("result.OK");
                resultDetail = e.outcome().targetArn() == null ? result : result + "\n" + e.outcome().targetArn();
                tone = JournalRow.Tone.SUCCESS;
            }
            case FAILED -> {
                boolean refused = ReadOnlyGuard.READ_ONLY.equals(e.outcome().errorCode());
                result = refused ? text.get("result.REFUSED") : format("result.FAILED", e.outcome().errorCode());
                resultDetail = e.outcome().httpStatus() == 0 ? result
                        : format("result.detail.FAILED", e.outcome().errorCode(), e.outcome().httpStatus());
                tone = refused ? JournalRow.Tone.REFUSED : JournalRow.Tone.FAILURE;
            }
            case IN_PROGRESS -> {
                result = text.get("result.IN_PROGRESS");
                resultDetail = result;
                tone = JournalRow.Tone.PENDING;
            }
            default -> {
                result = text.get("result.UNKNOWN");
                resultDetail = text.get("result.detail.UNKNOWN");
                tone = JournalRow.Tone.UNKNOWN;
            }
        }
        return new JournalRow(e, time, identity, identityDetail, e.scope().label(), scopeDetail, action, actionDetail,
                e.target(), e.outcome().targetArn() == null ? e.target() : e.target() + "\n" + e.outcome().targetArn(),
                result, resultDetail, tone, e.outcome().requestId() == null ? "" : e.outcome().requestId());
    }

    /** {@code arn:aws:iam::111122223333:user/ops/alice} → {@code user/ops/alice}; STS assumed roles likewise. */
    static String shortPrincipal(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[5].isEmpty() ? parts[5] : arn;
    }

    private String details(ActionDetails d, boolean brief) {
        List<String> parts = new ArrayList<>();
        if (d instanceof ActionDetails.Create c) {
            parts.add(value(c.value()));
            if (!c.tagKeys().isEmpty()) {
                parts.add(format("detail.tags", String.join(", ", c.tagKeys())));
            }
            if (c.kmsKeyId() != null) {
                parts.add(format("detail.kmsKey", c.kmsKeyId()));
            }
        } else if (d instanceof ActionDetails.PutValue p) {
            parts.add(value(p.value()));
            if (!p.stages().isEmpty()) {
                parts.add(format("detail.stages", String.join(", ", p.stages())));
            }
        } else if (d instanceof ActionDetails.Update u) {
            if (u.descriptionChanged()) {
                parts.add(text.get("detail.description"));
            }
            if (u.kmsKeyId() != null) {
                parts.add(format("detail.kmsKey", u.kmsKeyId()));
            }
            if (u.value() != ValueKind.NONE) {
                parts.add(value(u.value()));
            }
        } else if (d instanceof ActionDetails.MoveStage m) {
            parts.add(m.toVersionId() == null ? format("detail.moveRemove", m.stage())
                    : format("detail.move", m.stage(), version(m.toVersionId(), brief)));
            if (!brief && m.fromVersionId() != null) {
                parts.add(format("detail.moveFrom", m.fromVersionId()));
            }
        } else if (d instanceof ActionDetails.Rollback r) {
            if (r.toVersionId() != null) {
                parts.add(format("detail.rollback", version(r.toVersionId(), brief)));
            }
        } else if (d instanceof ActionDetails.Delete del) {
            parts.add(del.force() ? text.get("detail.force") : format("detail.recovery", del.recoveryWindowDays()));
        } else if (d instanceof ActionDetails.Tag t) {
            parts.add(String.join(", ", t.tagKeys()));
        } else if (d instanceof ActionDetails.Untag u) {
            parts.add(String.join(", ", u.tagKeys()));
        }
        return String.join(text.get("detail.separator"), parts.stream().filter(s -> !s.isEmpty()).toList());
    }

    private String value(ValueKind v) {
        return text.get("value." + v.name());
    }

    private static String version(String id, boolean brief) {
        return brief && id.length() > SHORT_VERSION ? id.substring(0, SHORT_VERSION) + "\u2026" : id;
    }

    private String format(String key, Object... args) {
        return text.format(key, args);
    }
}
