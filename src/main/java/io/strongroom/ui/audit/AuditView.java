package io.strongroom.ui.audit;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The Audit section: the header and the query bar on top, where the run stands (per scope, with
 * each failed scope's error), the timeline band, then the events, who read what and the anomalies
 * as tabs beside the selected event's detail. Binds to {@link AuditViewModel} and forwards; the
 * timeline and the anomalies panel are handed in by the feature.
 */
public final class AuditView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(AuditView.class.getResource("audit-view.css")).toExternalForm();
    public static final String TABS_ID = "audit-tabs";
    public static final String EVENTS_TAB_ID = "audit-tab-events";
    public static final String MATRIX_TAB_ID = "audit-tab-matrix";
    public static final String ANOMALIES_TAB_ID = "audit-tab-anomalies";

    private final AuditViewModel vm;
    private final AuditEventsPane events;
    private final AuditDetailPane detail;
    private final TabPane tabs = new TabPane();
    private final Tab eventsTab;

    /**
     * @param texts     the feature's texts ({@link AuditFeature#BUNDLE})
     * @param timeline  the events over time, shown as a band under the query bar
     * @param anomalies the anomalies panel, the third tab
     */
    public AuditView(AuditViewModel vm, Texts texts, Node timeline, Node anomalies) {
        this.vm = Objects.requireNonNull(vm);
        Objects.requireNonNull(texts);
        getStyleClass().add("sr-audit-view");
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);

        setTop(new VBox(header(texts), new AuditQueryBar(vm, texts), new AuditRunStatus(vm, texts)));

        events = new AuditEventsPane(vm, texts);
        detail = new AuditDetailPane(vm, texts);
        eventsTab = tab(EVENTS_TAB_ID, texts.get("tab.events"), events);
        Tab matrixTab = tab(MATRIX_TAB_ID, texts.get("tab.matrix"), new MatrixView(vm, texts, vm::drillInto));
        Tab anomaliesTab = tab(ANOMALIES_TAB_ID, texts.get("tab.anomalies"), Objects.requireNonNull(anomalies));
        tabs.setId(TABS_ID);
        tabs.getTabs().addAll(eventsTab, matrixTab, anomaliesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a drill-down (from the matrix or an anomaly) shows its events
        vm.showingOnlyProperty().addListener((o, was, now) -> {
            if (now != null) {
                tabs.getSelectionModel().select(eventsTab);
            }
        });

        SplitPane split = new SplitPane(tabs, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(detail, false);
        detail.setMinWidth(340);

        StackPane band = new StackPane(Objects.requireNonNull(timeline));
        band.getStyleClass().add("sr-audit-timeline");
        // the timeline's toolbar, chart and readout need this much; the table below takes the rest
        band.setMinHeight(230);
        band.setPrefHeight(250);
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(new VBox(band, split));

        // runs when first shown, and again when shown after the chosen scopes changed (unless the query is large)
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.viewShown();
            }
        });
    }

    private static Tab tab(String id, String text, Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private static VBox header(Texts texts) {
        Label title = new Label(texts.get("title"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
        Label subtitle = new Label(texts.get("subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(title, subtitle);
        header.getStyleClass().add("sr-audit-header");
        return header;
    }

    /** The event table (for tests and screenshots). */
    TableView<io.strongroom.domain.AuditRecord> table() {
        return events.table();
    }

    TabPane tabs() {
        return tabs;
    }

    /** Shows the Events tab. */
    public void showEvents() {
        tabs.getSelectionModel().select(eventsTab);
    }
}
