package io.strongroom.ui.audit.timeline;

import javafx.scene.Group;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline's colours, from the theme: a canvas cannot look CSS colours up, so each colour is
 * the background of a hidden probe region styled by {@code timeline.css} (the legend's swatches
 * use the same style classes). When the theme changes, the probes are styled again and
 * {@code changed} runs, so the chart is drawn again in the new colours.
 */
final class TimelinePalette extends Group {

    static final String GRID = "sr-tl-grid";
    static final String AXIS = "sr-tl-axis";
    static final String TEXT = "sr-tl-text";
    static final String SELECTION = "sr-tl-selection";
    static final String HOVER = "sr-tl-hover";
    static final String ERROR = "sr-tl-error";
    static final String DENIED = "sr-tl-denied";
    /** The style class of each event-name layer, by its place. */
    static final int NAME_CLASSES = 7;

    private final Map<String, Region> probes = new HashMap<>();

    TimelinePalette(Runnable changed) {
        setManaged(false);
        setVisible(false);
        List<String> classes = new java.util.ArrayList<>(List.of(GRID, AXIS, TEXT, SELECTION, HOVER, ERROR, DENIED, "sr-tl-other", "sr-tl-success"));
        for (int i = 0; i < NAME_CLASSES; i++) {
            classes.add("sr-tl-name-" + i);
        }
        for (String c : classes) {
            Region probe = new Region();
            probe.getStyleClass().add(c);
            probe.backgroundProperty().addListener((o, was, now) -> changed.run());
            probes.put(c, probe);
            getChildren().add(probe);
        }
    }

    /** The style class of a layer: an event name by its place among the named layers, or its kind. */
    static String styleClass(TimelineSeries series, int index) {
        return switch (series.kind()) {
            case EVENT_NAME -> "sr-tl-name-" + Math.min(index, NAME_CLASSES - 1);
            case OTHER -> "sr-tl-other";
            case SUCCESS -> "sr-tl-success";
            case ERROR -> ERROR;
            case ACCESS_DENIED -> DENIED;
        };
    }

    Paint series(TimelineSeries series, int index) {
        return color(styleClass(series, index));
    }

    /** The colour of the probe with {@code styleClass}, or grey until CSS has styled it. */
    Paint color(String styleClass) {
        Region probe = probes.get(styleClass);
        Background b = probe == null ? null : probe.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.GRAY : b.getFills().get(0).getFill();
    }
}
