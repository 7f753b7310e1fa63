package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.service.audit.AuditService;
import io.strongroom.service.audit.AuditService.CallEstimate;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Audit view: CloudTrail's events of the chosen scopes, to answer "who read this secret?",
 * "what changed yesterday?", "who is reading what they never read?". The query bar's state is an
 * {@link AuditQueryForm}; {@link #run()} tells how many LookupEvents calls a large query may make
 * and asks before making them, then streams the events per scope ({@link AuditLoading}, errors
 * kept per scope). The events are filtered for the table ({@link EventListing}: text, quick
 * filters, the timeline's time restriction, a drill-down to exactly some events), counted into
 * who-read-what ({@link MatrixModel}), and exported as the table shows them.
 *
 * <p>The timeline and the anomalies panel ({@code ui.audit.timeline}, {@code ui.audit.anomaly})
 * read {@link #records()} and the window, and call {@link #restrictTo} and {@link #showOnly}.
 */
public final class AuditViewModel {

    /** Above this many LookupEvents calls a query asks before it runs. */
    public static final int CONFIRM_ABOVE_CALLS = 20;

    private final Texts texts;
    private final Clock clock;
    private final Supplier<List<Scope>> scopes;
    /** Guards the events, the filters and the matrix (with the FX executor everything runs on the FX thread). */
    private final Object lock = new Object();
    private final AuditQueryForm form;
    private final AuditLoading loading;
    private final EventListing listing;
    private final MatrixModel matrix = new MatrixModel();
    private final AuditFileExport export;
    private final QueryCost cost;

    private final ReadOnlyObjectWrapper<Instant> windowStart = new ReadOnlyObjectWrapper<>(this, "windowStart");
    private final ReadOnlyObjectWrapper<Instant> windowEnd = new ReadOnlyObjectWrapper<>(this, "windowEnd");
    private final ReadOnlyObjectWrapper<AuditQuery> loadedQuery = new ReadOnlyObjectWrapper<>(this, "loadedQuery");
    private final ObjectProperty<AuditRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedJson = new ReadOnlyStringWrapper(this, "selectedJson", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private List<Scope> loadedScopes;

    /** @param scopes the console's chosen scopes, read at every run */
    public AuditViewModel(AuditService audit, UiExecutor ui, DialogService dialogs, Texts texts, Clock clock, Supplier<List<Scope>> scopes) {
        this(audit, ui, dialogs, texts, clock, scopes, CONFIRM_ABOVE_CALLS);
    }

    /** @param confirmAboveCalls a query that may make more LookupEvents calls than this asks first */
    public AuditViewModel(AuditService audit, UiExecutor ui, DialogService dialogs, Texts texts, Clock clock, Supplier<List<Scope>> scopes,
                          int confirmAboveCalls) {
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.scopes = Objects.requireNonNull(scopes);
        this.cost = new QueryCost(audit, dialogs, texts, confirmAboveCalls);
        this.form = new AuditQueryForm(clock, texts);
        this.listing = new EventListing(lock);
        this.loading = new AuditLoading(audit, ui, clock, lock, this::arrived);
        this.export = new AuditFileExport(dialogs, ui, texts, clock);
        selected.addListener((o, was, now) -> selectedJson.set(now == null ? "" : RecordJson.pretty(now.cloudTrailJson())));
        for (Observable o : List.of(form.presetProperty(), form.attributeProperty(), form.maxEventsPerScopeProperty(), form.problemProperty())) {
            o.addListener(x -> estimate());
        }
    }

    // ---- Properties: the query ------------------------------------------------------------------

    /** The query bar's state. */
    public AuditQueryForm form() {
        return form;
    }

    /** The zone times are shown in (the console's). */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** What the query as it stands would cost in the chosen scopes; null when it cannot run. */
    public ReadOnlyObjectProperty<CallEstimate> estimateProperty() {
        return cost.estimateProperty();
    }

    /** What the query as it stands would cost, in words ("Up to 40 LookupEvents calls in 2 scopes · at least 10 seconds"). */
    public ReadOnlyStringProperty estimateTextProperty() {
        return cost.estimateTextProperty();
    }

    /** The query whose events are loaded (or loading), or null before the first run. */
    public ReadOnlyObjectProperty<AuditQuery> loadedQueryProperty() {
        return loadedQuery.getReadOnlyProperty();
    }

    /** The start of the loaded query's range. */
    public ReadOnlyObjectProperty<Instant> windowStartProperty() {
        return windowStart.getReadOnlyProperty();
    }

    /** The end of the loaded query's range. */
    public ReadOnlyObjectProperty<Instant> windowEndProperty() {
        return windowEnd.getReadOnlyProperty();
    }

    /** One entry per scope of the run: its state, the events and pages read, its error. */
    public ObservableList<AuditScopeProgress> scopeProgress() {
        return loading.progress();
    }

    /** The scopes whose lookup failed (not those cancelled), each with scope, AWS error code and request ID. */
    public ObservableList<AuditScopeProgress> failedScopes() {
        return loading.failed();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.loadingProperty();
    }

    /** Whether the last run was cancelled before every scope finished. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return loading.cancelledProperty();
    }

    public ReadOnlyIntegerProperty scopesFinishedProperty() {
        return loading.scopesFinishedProperty();
    }

    /** When the last run ended, or null. */
    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loading.loadedAtProperty();
    }

    // ---- Properties: the events -----------------------------------------------------------------

    /** Every event loaded, newest first. */
    public ObservableList<AuditRecord> records() {
        return listing.records();
    }

    /** The events the filters let through, in the table's order. */
    public ObservableList<AuditRecord> shown() {
        return listing.shown();
    }

    /** True while events come or go: a table's selection changes then are not the user's. */
    public boolean rowsChanging() {
        return listing.shown().isChanging();
    }

    /** Shows the events whose principal, event, secret, IP, user agent, error, account, region or IDs contain this. */
    public StringProperty searchTextProperty() {
        return listing.searchTextProperty();
    }

    public ObjectProperty<EventFilter> filterProperty() {
        return listing.filterProperty();
    }

    /** The table's column sort, or null: newest first breaks its ties. */
    public ObjectProperty<Comparator<? super AuditRecord>> sortOrderProperty() {
        return listing.sortOrderProperty();
    }

    /** How many events each quick filter shows, among those the other filters let through. */
    public ReadOnlyObjectProperty<EventCounts> countsProperty() {
        return listing.countsProperty();
    }

    public ReadOnlyIntegerProperty loadedCountProperty() {
        return listing.loadedCountProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return listing.shownCountProperty();
    }

    /** Why the table shows only some events ({@link #showOnly}), or null when it does not. */
    public ReadOnlyStringProperty showingOnlyProperty() {
        return listing.showingOnlyProperty();
    }

    /** The start of the timeline's restriction, or null when there is none. */
    public ReadOnlyObjectProperty<Instant> restrictedFromProperty() {
        return listing.restrictedFromProperty();
    }

    public ReadOnlyObjectProperty<Instant> restrictedToProperty() {
        return listing.restrictedToProperty();
    }

    /** Who read what among the events loaded (within the timeline's restriction). */
    public MatrixModel matrix() {
        return matrix;
    }

    /** The event the detail pane shows (the table's selection), or null. */
    public ObjectProperty<AuditRecord> selectedProperty() {
        return selected;
    }

    /** The selected event's CloudTrail record, pretty-printed; "" without one. */
    public ReadOnlyStringProperty selectedJsonProperty() {
        return selectedJson.getReadOnlyProperty();
    }

    /** What the last command did (an export written), or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /**
     * Runs the query in the chosen scopes, replacing the events; a query that may make more than
     * {@code confirmAboveCalls} calls asks first. The future completes (in the UI executor) when
     * every scope has ended, at once when the form has a problem or the user said no.
     */
    public CompletableFuture<Void> run() {
        AuditQuery query = form.query();
        List<Scope> chosen = List.copyOf(scopes.get());
        if (query == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!cost.agreed(cost.estimate(chosen, query, form.maxEventsPerScope()))) {
            return CompletableFuture.completedFuture(null);
        }
        loadedScopes = chosen;
        synchronized (lock) {
            selected.set(null);
            listing.clear();
            listing.clearShowOnly();
            listing.clearRestriction();
            matrix.clear();
            notice.set(null);
            windowStart.set(query.start());
            windowEnd.set(query.end());
            loadedQuery.set(query);
        }
        return loading.start(chosen, query, form.maxEventsPerScope());
    }

    /** Stops the lookup; the events that arrived stay. */
    public void cancel() {
        loading.cancel();
    }

    /**
     * The view is shown: runs the query when nothing is loaded for the chosen scopes yet, unless it
     * is large enough to ask first (then the user runs it).
     */
    public void viewShown() {
        List<Scope> chosen = List.copyOf(scopes.get());
        if ((loadedScopes == null || !loadedScopes.equals(chosen)) && cost.small(estimate()) && !loading.loadingProperty().get()) {
            run();
        }
    }

    /** Works out again what the query would cost in the chosen scopes ({@link #estimateProperty()}). */
    public CallEstimate estimate() {
        return cost.estimate(List.copyOf(scopes.get()), form.query(), form.maxEventsPerScope());
    }

    /** Shows exactly {@code events} in the table (the quick and text filters are reset); {@code why} says what they are. */
    public void showOnly(List<AuditRecord> events, String why) {
        listing.showOnly(List.copyOf(events), why);
    }

    /** Shows every event again (the filters still apply). */
    public void clearShowOnly() {
        listing.clearShowOnly();
    }

    /** Shows the value reads of {@code principal} on {@code secret} (a matrix cell) in the table. */
    public void drillInto(MatrixModel.Line principal, MatrixModel.Line secret) {
        showOnly(matrix.events(principal.key(), secret.key()), texts.format("drill.matrix", principal.label(), secret.label()));
    }

    /** Only the events from {@code start} to {@code end} (the timeline's selection) in the table and the matrix. */
    public void restrictTo(Instant start, Instant end) {
        synchronized (lock) {
            listing.restrictTo(start, end);
            matrix.setRecords(listing.records().unfiltered().stream().filter(listing::inRestriction).toList());
        }
    }

    public void clearRestriction() {
        synchronized (lock) {
            listing.clearRestriction();
            matrix.setRecords(listing.records().unfiltered());
        }
    }

    /** Writes the events shown as CSV, where the user chooses. */
    public void exportCsv() {
        export.csv(List.copyOf(shown()), notice::set);
    }

    /** Writes the CloudTrail records of the events shown as JSON Lines, where the user chooses. */
    public void exportJsonLines() {
        export.jsonLines(List.copyOf(shown()), notice::set);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    // ---- internals ------------------------------------------------------------------------------

    /** A batch of events from the run in flight (under the lock). */
    private void arrived(List<AuditRecord> batch) {
        listing.add(batch);
        matrix.addRecords(listing.restrictedFromProperty().get() == null ? batch
                : batch.stream().filter(listing::inRestriction).toList());
    }
}
