package io.strongroom.ui.audit.anomaly;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.AuditParts;
import io.strongroom.service.audit.AnomalyDetector;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The anomalies of the audit trail shown: found by {@link AnomalyDetector} whenever the records or
 * the thresholds (Settings → Audit) change, off the UI thread when built with a background
 * executor, the latest answer winning; each put in words ({@link #explain}) from the audit parts'
 * bundle; one selected, whose events the panel shows.
 */
public final class AnomaliesModel {

    /** What finds the anomalies (the service's detector; a test may hand in its own). */
    @FunctionalInterface
    interface Detector {
        List<AuditAnomaly> detect(List<AuditRecord> records, AnomalyThresholds thresholds, Instant windowStart, Instant windowEnd);
    }

    private final ReadOnlyObjectProperty<AnomalyThresholds> thresholds;
    private final AnomalyWords words;
    private final Detector detector;
    private final LatestWins finding;
    private final ObservableList<AuditAnomaly> anomalies = FXCollections.observableArrayList();
    private final ObservableList<AuditAnomaly> anomaliesView = FXCollections.unmodifiableObservableList(anomalies);
    private final ObjectProperty<AuditAnomaly> selected = new SimpleObjectProperty<>(this, "selected");
    private List<AuditRecord> records = List.of();
    private Instant windowStart;
    private Instant windowEnd;

    /** Finds anomalies on the calling thread: for few records, and for tests. Prefer the constructor with an executor. */
    public AnomaliesModel(ReadOnlyObjectProperty<AnomalyThresholds> thresholds, Texts texts) {
        this(thresholds, texts, new DirectUiExecutor());
    }

    /**
     * @param texts    the console's texts (the audit parts' bundle is looked up from them)
     * @param executor where the detector runs (the console's background executor)
     */
    public AnomaliesModel(ReadOnlyObjectProperty<AnomalyThresholds> thresholds, Texts texts, UiExecutor executor) {
        this(thresholds, texts, executor, AnomalyDetector::detect);
    }

    AnomaliesModel(ReadOnlyObjectProperty<AnomalyThresholds> thresholds, Texts texts, UiExecutor executor, Detector detector) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.words = new AnomalyWords(texts.in(AuditParts.BUNDLE));
        this.detector = Objects.requireNonNull(detector, "detector");
        this.finding = new LatestWins(this, executor);
        thresholds.addListener((o, was, now) -> find());
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The anomalies found, newest first (read-only). */
    public ObservableList<AuditAnomaly> anomalies() {
        return anomaliesView;
    }

    /** The anomaly whose events are shown, or null. */
    public ObjectProperty<AuditAnomaly> selectedProperty() {
        return selected;
    }

    /** True while the detector runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return finding.busyProperty();
    }

    /** Why the detector failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return finding.errorProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Looks for anomalies in {@code records}, the events of the window from {@code windowStart} to {@code windowEnd}. */
    public void setRecords(List<AuditRecord> records, Instant windowStart, Instant windowEnd) {
        this.records = List.copyOf(records);
        this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
        this.windowEnd = Objects.requireNonNull(windowEnd, "windowEnd");
        find();
    }

    /** {@code anomaly} in a sentence: who did what, against what is usual, and when (UTC). */
    public String explain(AuditAnomaly anomaly) {
        return words.explain(anomaly);
    }

    /** The kind of {@code anomaly} in a few words ("Spike of reads"). */
    public String kindWords(AuditAnomaly anomaly) {
        return words.kind(anomaly.kind());
    }

    private void find() {
        if (windowStart == null) {
            return;
        }
        List<AuditRecord> in = records;
        AnomalyThresholds t = thresholds.get() == null ? AnomalyThresholds.DEFAULT : thresholds.get();
        Instant from = windowStart;
        Instant to = windowEnd;
        finding.run(p -> detector.detect(in, t, from, to), (List<AuditAnomaly> found) -> {
            AuditAnomaly was = selected.get();
            anomalies.setAll(found);
            selected.set(was != null && found.contains(was) ? was : null);
        });
    }
}
