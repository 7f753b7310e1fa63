package io.strongroom.ui.audit.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.audit.AuditService;
import io.strongroom.ui.audit.timeline.TimelineModel;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The secret's Audit tab: its CloudTrail events of the last 90 days (LookupEvents by
 * ResourceName, its ARN; at most {@value #MAX_EVENTS}), on a {@link TimelineModel} and in a list
 * that follows the timeline's selection, with the selected event's CloudTrail JSON; and who last
 * read its value ({@link LastReaders}), which the detail pane's header shows too.
 *
 * <p>CloudTrail allows two lookups a second, so the events are read only while the tab is shown
 * ({@link #setShown}); while it is not, a selected secret costs one call: its latest
 * {@value #HEADER_EVENTS} events, for "last read by" in the header.
 */
public final class AuditTabViewModel {

    /** How far back the tab looks: CloudTrail's event history keeps 90 days. */
    public static final Duration WINDOW = Duration.ofDays(90);
    /** The most events read for one secret (20 LookupEvents calls, 10 seconds at CloudTrail's pace). */
    public static final int MAX_EVENTS = 1_000;
    /** Events read for the header alone: one LookupEvents page. */
    public static final int HEADER_EVENTS = 50;
    /** Readers shown. */
    public static final int READERS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditService audit;
    private final Clock clock;
    private final int maxEvents;
    private final int headerEvents;
    private final LatestWins loading;
    private final TimelineModel timeline;
    private final ReadOnlyObjectWrapper<SecretSummary> secret = new ReadOnlyObjectWrapper<>(this, "secret");
    private final ObservableList<AuditRecord> events = FXCollections.observableArrayList();
    private final ObservableList<AuditRecord> lastReaders = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRecord> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final ReadOnlyStringWrapper selectedJson = new ReadOnlyStringWrapper(this, "selectedJson");
    private final ReadOnlyIntegerWrapper loadedCount = new ReadOnlyIntegerWrapper(this, "loadedCount");
    private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper(this, "truncated");
    private final ReadOnlyObjectWrapper<Instant> loadedSince = new ReadOnlyObjectWrapper<>(this, "loadedSince");
    private final ReadOnlyBooleanWrapper readersKnown = new ReadOnlyBooleanWrapper(this, "readersKnown");
    private final ReadOnlyBooleanWrapper readersComplete = new ReadOnlyBooleanWrapper(this, "readersComplete");
    private final ReadOnlyIntegerWrapper readersFrom = new ReadOnlyIntegerWrapper(this, "readersFrom");
    private List<AuditRecord> all = List.of();
    private boolean shown;
    /** The ARN whose 90 days are loaded (or loading), and the one whose header events are; null for none. */
    private String fullArn;
    private String headerArn;

    /** @param secret the secret the detail shows (null when none) */
    public AuditTabViewModel(ObservableObjectValue<SecretSummary> secret, AuditService audit, UiExecutor executor, Clock clock) {
        this(secret, audit, executor, clock, MAX_EVENTS, HEADER_EVENTS);
    }

    /** With other bounds on the events read (tests: a cut-short lookup without a thousand events). */
    AuditTabViewModel(ObservableObjectValue<SecretSummary> secret, AuditService audit, UiExecutor executor, Clock clock, int maxEvents,
                      int headerEvents) {
        this.maxEvents = maxEvents;
        this.headerEvents = headerEvents;
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.loading = new LatestWins(this, executor);
        this.timeline = new TimelineModel(clock);
        timeline.selectionProperty().addListener((o, was, now) -> showEvents());
        selectedEvent.addListener((o, was, now) -> selectedJson.set(now == null ? null : pretty(now.cloudTrailJson())));
        secret.addListener((o, was, now) -> secretChanged(now));
        secretChanged(secret.get());
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    /** The events on the timeline: the secret's 90 days. */
    public TimelineModel timeline() {
        return timeline;
    }

    /** The events listed, newest first: those in the timeline's selection, or all when nothing is selected. */
    public ObservableList<AuditRecord> events() {
        return FXCollections.unmodifiableObservableList(events);
    }

    /** The event whose JSON is shown, or null. */
    public ObjectProperty<AuditRecord> selectedEventProperty() {
        return selectedEvent;
    }

    /** The selected event's CloudTrail record, indented; null when none is selected. */
    public ReadOnlyStringProperty selectedJsonProperty() {
        return selectedJson.getReadOnlyProperty();
    }

    /** The latest successful value read of each of the last {@value #READERS} principals, newest first. */
    public ObservableList<AuditRecord> lastReaders() {
        return FXCollections.unmodifiableObservableList(lastReaders);
    }

    /** Whether {@link #lastReaders()} has been read for the secret shown (false while loading or when none is shown). */
    public ReadOnlyBooleanProperty readersKnownProperty() {
        return readersKnown.getReadOnlyProperty();
    }

    /** Whether the readers were found among all of the 90 days' events, not only the latest ones. */
    public ReadOnlyBooleanProperty readersCompleteProperty() {
        return readersComplete.getReadOnlyProperty();
    }

    /** How many events the readers were found among. */
    public ReadOnlyIntegerProperty readersFromProperty() {
        return readersFrom.getReadOnlyProperty();
    }

    /** Events read for the timeline and the list. */
    public ReadOnlyIntegerProperty loadedCountProperty() {
        return loadedCount.getReadOnlyProperty();
    }

    /** The lookup stopped at {@value #MAX_EVENTS} events: older ones are not shown. */
    public ReadOnlyBooleanProperty truncatedProperty() {
        return truncated.getReadOnlyProperty();
    }

    /** The oldest event read, when the lookup was cut short; else null. */
    public ReadOnlyObjectProperty<Instant> loadedSinceProperty() {
        return loadedSince.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    /** Why the events could not be read (scope, AWS code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return loading.errorProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The view says whether the tab is on screen; the 90 days are read only then. */
    public void setShown(boolean shown) {
        this.shown = shown;
        SecretSummary s = secret.get();
        if (shown && s != null && !s.arn().equals(fullArn)) {
            loadWindow(s);
        }
    }

    /** Reads the secret's events again (all 90 days when the tab is shown, else the header's few). */
    public void refresh() {
        SecretSummary s = secret.get();
        if (s == null) {
            return;
        }
        if (shown) {
            loadWindow(s);
        } else {
            loadHeader(s, true);
        }
    }

    // ---- Loading -------------------------------------------------------------------------------

    private void secretChanged(SecretSummary now) {
        SecretSummary was = secret.get();
        secret.set(now);
        if (was != null && now != null && was.arn().equals(now.arn())) {
            return;                     // described again after a change: the trail is the same
        }
        loading.cancel();
        fullArn = null;
        headerArn = null;
        all = List.of();
        timeline.clear();
        timeline.clearSelection();
        events.clear();
        selectedEvent.set(null);
        lastReaders.clear();
        readersKnown.set(false);
        readersComplete.set(false);
        readersFrom.set(0);
        loadedCount.set(0);
        truncated.set(false);
        loadedSince.set(null);
        if (now == null) {
            return;
        }
        if (shown) {
            loadWindow(now);
        } else {
            loadHeader(now, false);
        }
    }

    private AuditQuery window(SecretSummary s) {
        Instant end = clock.instant();
        return AuditQuery.ofResource(s.arn(), end.minus(WINDOW), end);
    }

    private void loadWindow(SecretSummary s) {
        fullArn = s.arn();
        loading.run(p -> audit.lookup(s.scope(), window(s), maxEvents), (List<AuditRecord> found) -> {
            all = List.copyOf(found);
            timeline.setRecords(all);
            loadedCount.set(all.size());
            boolean cut = all.size() >= maxEvents;
            truncated.set(cut);
            loadedSince.set(cut ? all.stream().map(AuditRecord::time).min(Instant::compareTo).orElse(null) : null);
            readers(s, all, !cut);
            showEvents();
        }, e -> {
            fullArn = null;
            loading.fail(e);
        });
    }

    private void loadHeader(SecretSummary s, boolean again) {
        if (!again && s.arn().equals(headerArn)) {
            return;
        }
        headerArn = s.arn();
        loading.run(p -> audit.lookup(s.scope(), window(s), headerEvents), (List<AuditRecord> found) ->
                readers(s, found, found.size() < headerEvents));
    }

    private void readers(SecretSummary s, List<AuditRecord> found, boolean complete) {
        lastReaders.setAll(LastReaders.of(found, s.arn(), READERS));
        readersFrom.set(found.size());
        readersComplete.set(complete);
        readersKnown.set(true);
    }

    private void showEvents() {
        AuditRecord chosen = selectedEvent.get();
        events.setAll(timeline.selectionProperty().get() == null ? newestFirst(all) : timeline.selectedRecords());
        selectedEvent.set(chosen != null && events.contains(chosen) ? chosen : null);
    }

    private static List<AuditRecord> newestFirst(List<AuditRecord> records) {
        return records.stream().sorted((a, b) -> b.time().compareTo(a.time())).toList();
    }

    static String pretty(String json) {
        if (json == null) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException notJson) {
            return json;
        }
    }
}
