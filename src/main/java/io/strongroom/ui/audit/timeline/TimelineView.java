package io.strongroom.ui.audit.timeline;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit timeline as the user sees it: what range is shown, stacking by event name or by
 * outcome, zoom buttons, the chart ({@link TimelineChart}: scroll to zoom, click or drag to
 * select), its legend, and a line that reads out the bucket under the pointer (or the selection).
 * It binds to {@link TimelineModel} and forwards; its colours come from the theme
 * ({@link TimelinePalette}), so it follows light and dark.
 */
public final class TimelineView extends BorderPane {

    /** The texts of the audit parts, read through {@link Texts#in}. */
    public static final String BUNDLE = AuditParts.BUNDLE;
    public static final String STYLESHEET = Objects.requireNonNull(TimelineView.class.getResource("timeline.css")).toExternalForm();
    public static final String CHART_ID = "timeline-chart";
    public static final String READOUT_ID = "timeline-readout";
    public static final String RANGE_ID = "timeline-range";

    private final TimelineModel model;
    private final Texts texts;
    private final Formats formats;
    private final TimelineChart chart;
    private final FlowPane legend = new FlowPane();
    private final Label readout = new Label();
    private final Label range = new Label();
    private List<TimelineSeries> legendShown = List.of();

    /**
     * @param texts   the console's texts (the audit parts' bundle is looked up from them)
     * @param formats dates in the user's zone, the zone the model aligns its buckets in
     */
    public TimelineView(TimelineModel model, Texts texts, Formats formats) {
        this.model = Objects.requireNonNull(model);
        this.texts = texts.in(BUNDLE);
        this.formats = Objects.requireNonNull(formats);
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-timeline");
        TimelinePalette palette = new TimelinePalette(this::paletteChanged);
        chart = new TimelineChart(model, formats, palette);
        chart.setId(CHART_ID);
        chart.setAccessibleText(this.texts.get("timeline.accessible"));
        chart.setFont(Font.font(Font.getDefault().getFamily(), 11));
        getChildren().add(palette);

        setTop(toolbar());
        setCenter(chart);
        legend.getStyleClass().add("sr-tl-legend");
        readout.setId(READOUT_ID);
        readout.getStyleClass().add("sr-tl-readout");
        readout.setWrapText(true);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        VBox foot = new VBox(4, legend, readout);
        setBottom(foot);

        InvalidationListener update = o -> update();
        model.bucketsProperty().addListener(update);
        model.selectionProperty().addListener(update);
        chart.hoveredProperty().addListener(update);
        update();
    }

    private HBox toolbar() {
        range.setId(RANGE_ID);
        range.getStyleClass().addAll("sr-tl-range", Styles.TEXT_SMALL);
        range.setMinWidth(0);
        HBox.setHgrow(range, Priority.ALWAYS);
        range.setMaxWidth(Double.MAX_VALUE);

        ToggleGroup group = new ToggleGroup();
        ToggleButton byName = stackButton(group, StackBy.EVENT_NAME, "timeline.stackBy.name", "timeline-by-name");
        byName.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton byOutcome = stackButton(group, StackBy.OUTCOME, "timeline.stackBy.outcome", "timeline-by-outcome");
        byOutcome.getStyleClass().add(Styles.RIGHT_PILL);
        InvalidationListener stacked = o -> {
            StackBy by = model.stackByProperty().get() == StackBy.OUTCOME ? StackBy.OUTCOME : StackBy.EVENT_NAME;
            byName.setSelected(by == StackBy.EVENT_NAME);
            byOutcome.setSelected(by == StackBy.OUTCOME);
        };
        model.stackByProperty().addListener(stacked);
        stacked.invalidated(null);
        HBox stack = new HBox(byName, byOutcome);
        stack.setMinWidth(Region.USE_PREF_SIZE);

        Button zoomOut = Controls.iconButton(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, texts.get("timeline.zoomOut"));
        zoomOut.setId("timeline-zoom-out");
        zoomOut.disableProperty().bind(model.canZoomOutProperty().not());
        zoomOut.setOnAction(e -> model.zoomOut());
        Button zoomIn = Controls.iconButton(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, texts.get("timeline.zoomIn"));
        zoomIn.setId("timeline-zoom-in");
        zoomIn.disableProperty().bind(model.canZoomInProperty().not());
        zoomIn.setOnAction(e -> model.zoomIn(model.selectionProperty().get() == null ? null
                : middle(model.selectionProperty().get())));
        Button window = Controls.iconButton(MaterialDesignA.ARROW_EXPAND_HORIZONTAL, texts.get("timeline.window"));
        window.setId("timeline-window");
        window.disableProperty().bind(model.canZoomOutProperty().not());
        window.setOnAction(e -> model.zoomToWindow());
        Button clear = Controls.iconButton(MaterialDesignS.SELECTION_OFF, texts.get("timeline.clearSelection"));
        clear.setId("timeline-clear-selection");
        clear.disableProperty().bind(model.selectionProperty().isNull());
        clear.setOnAction(e -> model.clearSelection());
        for (Button b : List.of(zoomOut, zoomIn, window, clear)) {
            b.getStyleClass().add(Styles.SMALL);
        }
        HBox bar = new HBox(range, stack, zoomOut, zoomIn, window, clear);
        bar.getStyleClass().add("sr-tl-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private ToggleButton stackButton(ToggleGroup group, StackBy by, String key, String id) {
        ToggleButton b = new ToggleButton(texts.get(key));
        b.setId(id);
        b.setToggleGroup(group);
        b.setMnemonicParsing(false);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(texts.get(key + ".about")));
        b.setOnAction(e -> {
            model.stackByProperty().set(by);
            b.setSelected(true);       // a pressed choice stays pressed
        });
        return b;
    }

    private static Instant middle(TimeRange r) {
        return r.start().plus(r.duration().dividedBy(2));
    }

    private void paletteChanged() {
        chart.redraw();
    }

    // ---- words ---------------------------------------------------------------------------------

    private void update() {
        TimelineBuckets b = model.bucketsProperty().get();
        if (b == null) {
            return;
        }
        range.setText(texts.format("timeline.range", formats.dateTime(b.start()), formats.dateTime(b.end()), widthWords(b.width()), b.events()));
        if (!b.series().equals(legendShown)) {
            legendShown = b.series();
            legend();
        }
        int hover = chart.hoveredProperty().get();
        TimeRange selection = model.selectionProperty().get();
        readout.getStyleClass().remove("sr-tl-hint");
        if (hover >= 0 && hover < b.size()) {
            readout.setText(bucketWords(b, hover));
        } else if (selection != null) {
            readout.setText(texts.format("timeline.selection", formats.dateTime(selection.start()), endWords(selection.start(), selection.end()),
                    model.selectedRecords().size()));
        } else {
            readout.setText(texts.get("timeline.hint"));
            readout.getStyleClass().add("sr-tl-hint");
        }
    }

    String widthWords(Duration width) {
        if (width.toHours() >= 24 && width.toHours() % 24 == 0) {
            return texts.format("timeline.width.days", width.toDays());
        }
        if (width.toMinutes() >= 60 && width.toMinutes() % 60 == 0) {
            return texts.format("timeline.width.hours", width.toHours());
        }
        return texts.format("timeline.width.minutes", width.toMinutes());
    }

    /** The end of a range: its time alone when it is on the start's day, else date and time. */
    private String endWords(Instant start, Instant end) {
        String s = formats.dateTime(start);
        String e = formats.dateTime(end);
        return s.regionMatches(0, e, 0, 11) ? e.substring(11) : e;
    }

    private String bucketWords(TimelineBuckets b, int i) {
        List<String> parts = new ArrayList<>();
        parts.add(texts.format("timeline.readout", formats.dateTime(b.startOf(i)), endWords(b.startOf(i), b.endOf(i)), b.total(i)));
        List<String> layers = new ArrayList<>();
        for (int s = b.series().size() - 1; s >= 0; s--) {
            if (b.count(s, i) > 0) {
                layers.add(texts.format("timeline.readout.part", seriesWords(b.series().get(s)), b.count(s, i)));
            }
        }
        if (!layers.isEmpty()) {
            parts.add(String.join(", ", layers));
        }
        boolean byOutcome = b.series().contains(TimelineSeries.ACCESS_DENIED);    // then the layers say it already
        if (b.denied(i) > 0 && !byOutcome) {
            parts.add(texts.format("timeline.readout.denied", b.denied(i)));
        }
        if (b.errors(i) > 0 && !byOutcome) {
            parts.add(texts.format("timeline.readout.errors", b.errors(i)));
        }
        return String.join(" \u00b7 ", parts);
    }

    private String seriesWords(TimelineSeries s) {
        return switch (s.kind()) {
            case EVENT_NAME -> s.name();
            case OTHER -> texts.get("timeline.series.other");
            case SUCCESS -> texts.get("timeline.series.success");
            case ERROR -> texts.get("timeline.series.error");
            case ACCESS_DENIED -> texts.get("timeline.series.denied");
        };
    }

    private void legend() {
        legend.getChildren().clear();
        List<TimelineSeries> series = legendShown;
        for (int s = 0; s < series.size(); s++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("sr-tl-swatch", TimelinePalette.styleClass(series.get(s), s));
            Label l = new Label(seriesWords(series.get(s)), swatch);
            legend.getChildren().add(l);
        }
        legend.getChildren().addAll(marker(TimelinePalette.DENIED, "timeline.marker.denied"), marker(TimelinePalette.ERROR, "timeline.marker.error"));
    }

    private Label marker(String styleClass, String key) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("sr-tl-marker-swatch", styleClass);
        return new Label(texts.get(key), swatch);
    }

    // ---- for tests -----------------------------------------------------------------------------

    TimelineChart chart() {
        return chart;
    }

    String readoutText() {
        return readout.getText();
    }
}
