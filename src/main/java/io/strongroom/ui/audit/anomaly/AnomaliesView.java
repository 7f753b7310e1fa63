package io.strongroom.ui.audit.anomaly;

import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.AuditEventTable;
import io.strongroom.ui.audit.timeline.AuditParts;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The anomalies panel: each anomaly with an icon for its kind, its sentence and when; the one
 * selected shows the events behind it, and "Show these events" hands them on (the audit view
 * filters its event table to them). It binds to {@link AnomaliesModel} and forwards.
 */
public final class AnomaliesView extends BorderPane {

    public static final String BUNDLE = AuditParts.BUNDLE;
    public static final String STYLESHEET = Objects.requireNonNull(AnomaliesView.class.getResource("anomalies.css")).toExternalForm();
    public static final String LIST_ID = "anomalies-list";
    public static final String EVIDENCE_ID = "anomalies-evidence";
    public static final String SHOW_EVENTS_ID = "anomalies-show-events";
    static final double EVIDENCE_HEIGHT = 190;

    private final AnomaliesModel model;
    private final Texts texts;
    private final Formats formats;
    private final ObservableList<AuditRecord> evidence = FXCollections.observableArrayList();

    /**
     * @param texts      the console's texts (the audit parts' bundle is looked up from them)
     * @param showEvents where "Show these events" sends the selected anomaly's events
     */
    public AnomaliesView(AnomaliesModel model, Texts texts, Formats formats, Consumer<List<AuditRecord>> showEvents) {
        this.model = Objects.requireNonNull(model);
        this.texts = texts.in(BUNDLE);
        this.formats = Objects.requireNonNull(formats);
        Objects.requireNonNull(showEvents, "showEvents");
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-anomalies");

        Label title = Controls.sectionTitle(this.texts.get("anomalies.title"));
        title.setId("anomalies-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> this.texts.format("anomalies.titleCount", model.anomalies().size()),
                model.anomalies()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        busy.setTooltip(new Tooltip(this.texts.get("anomalies.busy")));
        HBox head = new HBox(title, busy, Controls.spacer());
        head.getStyleClass().add("sr-anomalies-head");
        setTop(new VBox(head, Controls.banner(model.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE)));

        setCenter(list());
        setBottom(evidence(showEvents));
    }

    private ListView<AuditAnomaly> list() {
        ListView<AuditAnomaly> list = new ListView<>(model.anomalies());
        list.setId(LIST_ID);
        list.getStyleClass().add("sr-anomalies-list");
        list.setCellFactory(l -> new AnomalyCell(l));
        Label empty = new Label(texts.get("anomalies.empty"));
        empty.getStyleClass().add(Controls.FIELD_HINT);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (list.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(now);
                    list.scrollTo(now);
                }
            }
            evidence.setAll(now == null ? List.of() : now.evidence());
        });
        list.setMinHeight(120);
        return list;
    }

    private VBox evidence(Consumer<List<AuditRecord>> showEvents) {
        Label title = Controls.sectionTitle(texts.get("anomalies.evidence.none"));
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? texts.get("anomalies.evidence.none") : texts.format("anomalies.evidence", evidence.size()), model.selectedProperty(), evidence));
        title.getStyleClass().add(Styles.TEXT_SMALL);
        Button show = Controls.button(texts.get("anomalies.showEvents"), MaterialDesignT.TABLE_SEARCH);
        show.setId(SHOW_EVENTS_ID);
        show.getStyleClass().add(Styles.SMALL);
        show.setTooltip(new Tooltip(texts.get("anomalies.showEvents.about")));
        show.disableProperty().bind(model.selectedProperty().isNull());
        show.setOnAction(e -> {
            AuditAnomaly a = model.selectedProperty().get();
            if (a != null) {
                showEvents.accept(a.evidence());
            }
        });
        HBox head = new HBox(8, title, Controls.spacer(), show);
        head.setAlignment(Pos.CENTER_LEFT);
        AuditEventTable table = new AuditEventTable(evidence, texts, formats, List.of(AuditEventTable.Column.TIME, AuditEventTable.Column.EVENT,
                AuditEventTable.Column.SECRET, AuditEventTable.Column.SOURCE_IP, AuditEventTable.Column.ERROR));
        table.setId(EVIDENCE_ID);
        table.setPrefHeight(EVIDENCE_HEIGHT);
        table.setMinHeight(EVIDENCE_HEIGHT);
        VBox box = new VBox(head, table);
        box.getStyleClass().add("sr-anomalies-evidence");
        return box;
    }

    static Ikon icon(AuditAnomaly.Kind kind) {
        return switch (kind) {
            case FIRST_READ -> MaterialDesignE.EYE_PLUS_OUTLINE;
            case RATE_SPIKE -> MaterialDesignT.TRENDING_UP;
            case ACCESS_DENIED_BURST -> MaterialDesignL.LOCK_ALERT_OUTLINE;
            case OFF_HOURS -> MaterialDesignC.CLOCK_ALERT_OUTLINE;
            case SWEEP -> MaterialDesignB.BROOM;
            case NEW_SOURCE_IP -> MaterialDesignI.IP_NETWORK_OUTLINE;
        };
    }

    private final class AnomalyCell extends ListCell<AuditAnomaly> {
        private final ListView<AuditAnomaly> list;

        AnomalyCell(ListView<AuditAnomaly> list) {
            this.list = list;
        }

        @Override
        protected void updateItem(AuditAnomaly a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(icon(a.kind()));
            icon.getStyleClass().addAll("sr-anomaly-icon", "kind-" + a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Label words = new Label(model.explain(a));
            words.getStyleClass().add("sr-anomaly-words");
            words.setWrapText(true);
            words.setMinHeight(Label.USE_PREF_SIZE);
            String span = a.first().equals(a.last()) ? formats.dateTime(a.first())
                    : formats.dateTime(a.first()) + " \u2013 " + formats.dateTime(a.last()).substring(formats.dateTime(a.first()).regionMatches(0,
                    formats.dateTime(a.last()), 0, 11) ? 11 : 0);
            Label when = new Label(texts.format("anomalies.when", model.kindWords(a), span, a.evidence().size()));
            when.getStyleClass().add("sr-anomaly-when");
            VBox text = new VBox(2, words, when);
            text.maxWidthProperty().bind(list.widthProperty().subtract(64));
            words.prefWidthProperty().bind(text.maxWidthProperty());
            HBox.setHgrow(text, Priority.ALWAYS);
            StackPane iconBox = new StackPane(icon);
            iconBox.setMinWidth(26);
            iconBox.setAlignment(Pos.TOP_CENTER);
            HBox row = new HBox(10, iconBox, text);
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
            setTooltip(new Tooltip(a.principal() + (a.secretArn() == null ? "" : "\n" + a.secretArn())));
        }
    }
}
