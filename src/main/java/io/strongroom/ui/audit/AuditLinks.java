package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.anomaly.AnomaliesModel;
import io.strongroom.ui.audit.timeline.TimelineModel;
import javafx.collections.ListChangeListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the Audit view's parts in step with its view model, on the FX thread: the timeline counts
 * the events as their pages arrive and spans the query's range; a range picked on the timeline
 * restricts the event table (and clearing the restriction clears the pick); the anomalies are
 * found again once a lookup has finished.
 */
final class AuditLinks {

    private AuditLinks() {}

    static void connect(AuditViewModel vm, TimelineModel timeline, AnomaliesModel anomalies) {
        vm.records().addListener((ListChangeListener<AuditRecord>) c -> {
            List<AuditRecord> added = new ArrayList<>();
            while (c.next()) {
                if (c.wasRemoved()) {
                    // A new lookup replaced the events: count them all again.
                    timeline.setRecords(new ArrayList<>(vm.records()));
                    return;
                }
                if (c.wasAdded()) {
                    added.addAll(c.getAddedSubList());
                }
            }
            if (!added.isEmpty()) {
                timeline.addRecords(added);
            }
        });
        vm.windowStartProperty().addListener((o, was, now) -> spanWindow(vm, timeline));
        vm.windowEndProperty().addListener((o, was, now) -> spanWindow(vm, timeline));
        spanWindow(vm, timeline);
        timeline.selectionProperty().addListener((o, was, now) -> {
            if (now == null) {
                if (vm.restrictedFromProperty().get() != null) {
                    vm.clearRestriction();
                }
            } else {
                vm.restrictTo(now.start(), now.end());
            }
        });
        vm.restrictedFromProperty().addListener((o, was, now) -> {
            if (now == null && timeline.selectionProperty().get() != null) {
                timeline.clearSelection();
            }
        });
        vm.loadedAtProperty().addListener((o, was, now) -> {
            if (now != null && vm.windowStartProperty().get() != null && vm.windowEndProperty().get() != null) {
                anomalies.setRecords(new ArrayList<>(vm.records()), vm.windowStartProperty().get(), vm.windowEndProperty().get());
            }
        });
    }

    private static void spanWindow(AuditViewModel vm, TimelineModel timeline) {
        Instant start = vm.windowStartProperty().get();
        Instant end = vm.windowEndProperty().get();
        if (start != null && end != null && end.isAfter(start)) {
            timeline.zoomTo(start, end);
        }
    }

    /** Why the table shows only an anomaly's events: the anomaly in words. */
    static String why(AnomaliesModel anomalies) {
        return anomalies.selectedProperty().get() == null ? "" : anomalies.explain(anomalies.selectedProperty().get());
    }
}
