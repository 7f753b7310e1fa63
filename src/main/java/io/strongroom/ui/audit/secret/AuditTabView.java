package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.AuditEventTable;
import io.strongroom.ui.audit.timeline.AuditNames;
import io.strongroom.ui.audit.timeline.TimelineView;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secret's Audit tab: who last read its value, its events of the last 90 days on the timeline,
 * and the events (those of the timeline's selection, if any) with the chosen one's CloudTrail
 * record. Binds to {@link AuditTabViewModel} and forwards; says when it is on screen, since the
 * events are read only then.
 */
public final class AuditTabView extends VBox {

    public static final String STYLESHEET = Objects.requireNonNull(AuditTabView.class.getResource("audit-tab.css")).toExternalForm();
    public static final String EVENTS_ID = "audit-tab-events";
    public static final String JSON_ID = "audit-tab-json";
    public static final String READERS_ID = "audit-tab-readers";
    static final double TIMELINE_HEIGHT = 300;
    static final double EVENTS_HEIGHT = 260;

    private final AuditTabViewModel vm;
    private final Texts texts;
    private final Formats formats;
    private final List<Node> watchedAncestors = new ArrayList<>();
    private final InvalidationListener shownChange = o -> shownChanged();

    /** @param texts the console's texts (the audit parts' bundle is looked up from them) */
    public AuditTabView(AuditTabViewModel vm, Texts texts, Formats formats) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = texts.in(AuditTab.BUNDLE);
        this.formats = Objects.requireNonNull(formats);
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-audit-tab");
        setSpacing(14);
        setPadding(new Insets(10));
        getChildren().addAll(readersCard(), timelineCard(), eventsCard());
        // the detail pane builds every tab up front: the 90 days are read only while this one is on screen
        sceneProperty().addListener(shownChange);
        shownChanged();
    }

    // ---- Last read by --------------------------------------------------------------------------

    private Node readersCard() {
        Label title = Controls.sectionTitle(texts.get("tab.readers.title"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.setTooltip(new Tooltip(texts.get("tab.loading")));
        Button refresh = Controls.iconButton(MaterialDesignR.REFRESH, texts.get("tab.refresh"));
        refresh.setId("audit-tab-refresh");
        refresh.disableProperty().bind(vm.loadingProperty().or(vm.secretProperty().isNull()));
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, title, busy, Controls.spacer(), refresh);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox readers = new VBox(6);
        readers.setId(READERS_ID);
        InvalidationListener rebuild = o -> readers.getChildren().setAll(readerRows());
        vm.lastReaders().addListener(rebuild);
        vm.readersKnownProperty().addListener(rebuild);
        rebuild.invalidated(null);

        Label truncated = new Label(null, Controls.icon(MaterialDesignI.INFORMATION_OUTLINE));
        truncated.setId("audit-tab-truncated");
        truncated.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        truncated.setWrapText(true);
        truncated.textProperty().bind(Bindings.createStringBinding(() -> vm.truncatedProperty().get()
                ? texts.format("tab.truncated", vm.loadedCountProperty().get(), formats.dateTime(vm.loadedSinceProperty().get())) : null,
                vm.truncatedProperty(), vm.loadedCountProperty(), vm.loadedSinceProperty()));
        truncated.visibleProperty().bind(vm.truncatedProperty());
        truncated.managedProperty().bind(truncated.visibleProperty());

        VBox card = new VBox(10, head, readers, truncated,
                Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private List<Node> readerRows() {
        List<Node> rows = new ArrayList<>();
        if (!vm.readersKnownProperty().get()) {
            return rows;
        }
        if (vm.lastReaders().isEmpty()) {
            Label none = new Label(vm.readersCompleteProperty().get() ? texts.get("tab.readers.none")
                    : texts.format("tab.readers.noneLatest", vm.readersFromProperty().get()));
            none.getStyleClass().add(Controls.FIELD_HINT);
            rows.add(none);
            return rows;
        }
        for (AuditRecord r : vm.lastReaders()) {
            Label who = new Label(AuditNames.principal(r.principal()), Controls.icon(MaterialDesignE.EYE_OUTLINE));
            who.getStyleClass().addAll(Controls.MONO, "sr-audit-reader");
            who.setTooltip(new Tooltip(r.principal()));
            Label when = new Label(formats.dateTime(r.time()));
            when.setTooltip(new Tooltip(Formats.exact(r.time())));
            Label from = new Label(texts.format("tab.reader.from", r.sourceIp() == null ? "?" : r.sourceIp()));
            from.getStyleClass().add(Styles.TEXT_MUTED);
            HBox row = new HBox(12, who, when, from);
            if (!"GetSecretValue".equals(r.eventName())) {
                Label via = new Label(texts.format("tab.reader.via", r.eventName()));
                via.getStyleClass().add(Styles.TEXT_MUTED);
                row.getChildren().add(via);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        return rows;
    }

    // ---- Timeline and events -------------------------------------------------------------------

    private Node timelineCard() {
        TimelineView timeline = new TimelineView(vm.timeline(), texts, formats);
        timeline.setPrefHeight(TIMELINE_HEIGHT);
        timeline.setMinHeight(TIMELINE_HEIGHT);
        VBox card = new VBox(8, Controls.sectionTitle(texts.get("tab.timeline.title")), timeline);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private Node eventsCard() {
        Label title = Controls.sectionTitle(texts.format("tab.events.title", 0));
        title.textProperty().bind(Bindings.createStringBinding(() -> texts.format(vm.timeline().selectionProperty().get() == null
                ? "tab.events.title" : "tab.events.selection", vm.events().size()), vm.events(), vm.timeline().selectionProperty()));
        AuditEventTable table = new AuditEventTable(vm.events(), texts, formats, List.of(AuditEventTable.Column.TIME,
                AuditEventTable.Column.PRINCIPAL, AuditEventTable.Column.EVENT, AuditEventTable.Column.SOURCE_IP, AuditEventTable.Column.ERROR));
        table.setId(EVENTS_ID);
        table.setPrefHeight(EVENTS_HEIGHT);
        table.setMinHeight(EVENTS_HEIGHT);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedEventProperty().set(now));
        vm.selectedEventProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                    table.scrollTo(now);
                }
            }
        });

        Label jsonTitle = Controls.sectionTitle(texts.get("tab.json.title"));
        jsonTitle.getStyleClass().add(Styles.TEXT_SMALL);
        TextArea json = new TextArea();
        json.setId(JSON_ID);
        json.setEditable(false);
        json.setWrapText(false);
        json.setPrefRowCount(14);
        json.getStyleClass().add(Controls.MONO);
        json.textProperty().bind(vm.selectedJsonProperty());
        json.visibleProperty().bind(vm.selectedJsonProperty().isNotNull());
        json.managedProperty().bind(json.visibleProperty());
        Label none = new Label(texts.get("tab.json.none"));
        none.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        none.visibleProperty().bind(vm.selectedJsonProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());

        VBox card = new VBox(8, title, table, jsonTitle, none, json);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    // ---- Shown ---------------------------------------------------------------------------------

    /** On screen: in a scene, and neither it nor any ancestor hidden (the tab pane hides the tabs not selected). */
    private void shownChanged() {
        watchedAncestors.forEach(n -> {
            n.visibleProperty().removeListener(shownChange);
            n.parentProperty().removeListener(shownChange);
        });
        watchedAncestors.clear();
        boolean shown = getScene() != null;
        for (Node n = this; n != null; n = n.getParent()) {
            n.visibleProperty().addListener(shownChange);
            n.parentProperty().addListener(shownChange);
            watchedAncestors.add(n);
            shown &= n.isVisible();
        }
        vm.setShown(shown);
    }
}
