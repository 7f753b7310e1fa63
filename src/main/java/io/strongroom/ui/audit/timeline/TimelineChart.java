package io.strongroom.ui.audit.timeline;

import io.strongroom.ui.common.Formats;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The timeline's chart: stacked bars on a canvas sized to the region, a count axis, a time axis
 * in the user's zone, a marker above each bucket with errors (a dot) or AccessDenied refusals (a
 * triangle), the selection and the bucket under the pointer. Scrolling zooms around the pointer
 * (sideways scrolling pans), a click selects a bucket (again: clears), a drag selects a run of
 * buckets, a double click zooms in there. However many events, it draws at most
 * {@value TimelineScale#MAX_BUCKETS} buckets.
 */
final class TimelineChart extends Region {

    static final double LEFT = 48;
    static final double RIGHT = 10;
    static final double TOP = 16;
    static final double BOTTOM = 22;
    /** Ticks of the time axis: the first that leaves this much room between labels is used. */
    private static final List<Duration> TICKS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    private static final double DRAG_SLOP = 4;

    private final TimelineModel model;
    private final Formats formats;
    private final TimelinePalette palette;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final NumberFormat counts = NumberFormat.getIntegerInstance();
    private Font font = Font.font(11);
    private double pressX = Double.NaN;
    private Instant pressTime;
    private boolean dragging;

    TimelineChart(TimelineModel model, Formats formats, TimelinePalette palette) {
        this.model = model;
        this.formats = formats;
        this.palette = palette;
        getStyleClass().add("sr-tl-chart");
        getChildren().add(canvas);
        setFocusTraversable(false);
        model.bucketsProperty().addListener(o -> redraw());
        model.selectionProperty().addListener(o -> redraw());
        hovered.addListener(o -> redraw());
        setOnScroll(this::scrolled);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hovered.set(bucketAt(e.getX())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(-1));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && insidePlot(e.getX())) {
                model.zoomIn(timeAt(e.getX()));
            }
        });
    }

    /** The bucket under the pointer, or -1. */
    ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The font of the axis labels (the theme's, a little smaller). */
    void setFont(Font font) {
        this.font = font;
        redraw();
    }

    /** Draws again at once (the palette calls this when the theme changed). */
    void redraw() {
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 220;
    }

    // ---- geometry ------------------------------------------------------------------------------

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    private double plotBottom() {
        return canvas.getHeight() - BOTTOM;
    }

    private double xOf(Instant t) {
        long s = model.startProperty().get().toEpochMilli();
        long e = model.endProperty().get().toEpochMilli();
        return LEFT + (t.toEpochMilli() - s) / (double) (e - s) * plotWidth();
    }

    /** The time at {@code x}, clamped to the range shown. */
    Instant timeAt(double x) {
        long s = model.startProperty().get().toEpochMilli();
        long e = model.endProperty().get().toEpochMilli();
        double f = Math.max(0, Math.min(1, (x - LEFT) / plotWidth()));
        return Instant.ofEpochMilli(Math.min(e - 1, s + (long) (f * (e - s))));
    }

    private boolean insidePlot(double x) {
        return x >= LEFT && x <= LEFT + plotWidth();
    }

    int bucketAt(double x) {
        TimelineBuckets b = model.bucketsProperty().get();
        return b == null || !insidePlot(x) ? -1 : b.indexOf(timeAt(x));
    }

    /** The x of the middle of {@code bucket} (for tests that click it). */
    double centreOf(int bucket) {
        TimelineBuckets b = model.bucketsProperty().get();
        return (xOf(b.startOf(bucket)) + xOf(b.endOf(bucket))) / 2;
    }

    // ---- input ---------------------------------------------------------------------------------

    private void scrolled(ScrollEvent e) {
        if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            model.pan(-e.getDeltaX() / plotWidth());
        } else if (e.getDeltaY() > 0) {
            model.zoomIn(timeAt(e.getX()));
        } else if (e.getDeltaY() < 0) {
            model.zoomOut();
        }
        hovered.set(bucketAt(e.getX()));
        e.consume();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !insidePlot(e.getX())) {
            pressX = Double.NaN;
            return;
        }
        pressX = e.getX();
        pressTime = timeAt(e.getX());
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        if (dragging || Math.abs(e.getX() - pressX) > DRAG_SLOP) {
            dragging = true;
            model.select(pressTime, timeAt(e.getX()));
            hovered.set(bucketAt(e.getX()));
        }
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        if (!dragging && e.getClickCount() < 2) {
            int bucket = bucketAt(pressX);
            TimelineBuckets b = model.bucketsProperty().get();
            if (bucket >= 0) {
                if (b.rangeOf(bucket).equals(model.selectionProperty().get())) {
                    model.clearSelection();
                } else {
                    model.selectBucket(bucket);
                }
            }
        }
        pressX = Double.NaN;
        dragging = false;
    }

    // ---- drawing -------------------------------------------------------------------------------

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        TimelineBuckets b = model.bucketsProperty().get();
        if (b == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        g.setFont(font);
        double bottom = plotBottom();
        double plotH = bottom - TOP;
        long max = niceCeiling(Math.max(1, b.maxTotal()));
        countAxis(g, max, bottom, plotH);
        bars(g, b, max, bottom, plotH);
        overlays(g, b, bottom);
        timeAxis(g, bottom);
    }

    private void countAxis(GraphicsContext g, long max, double bottom, double plotH) {
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 2; i++) {
            double y = Math.round(bottom - plotH * i / 2.0) + 0.5;
            g.setStroke(palette.color(i == 0 ? TimelinePalette.AXIS : TimelinePalette.GRID));
            g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
            if (i != 1 || max % 2 == 0) {
                g.setFill(palette.color(TimelinePalette.TEXT));
                g.fillText(counts.format(max * i / 2), LEFT - 6, y);
            }
        }
    }

    private void bars(GraphicsContext g, TimelineBuckets b, long max, double bottom, double plotH) {
        List<TimelineSeries> series = b.series();
        Paint[] fills = new Paint[series.size()];
        for (int s = 0; s < fills.length; s++) {
            fills[s] = palette.series(series.get(s), s);
        }
        Paint errorFill = palette.color(TimelinePalette.ERROR);
        Paint deniedFill = palette.color(TimelinePalette.DENIED);
        for (int i = 0; i < b.size(); i++) {
            double x0 = xOf(b.startOf(i));
            double x1 = xOf(b.endOf(i));
            double gap = x1 - x0 >= 4 ? 1 : 0;
            double barW = Math.max(1, x1 - x0 - gap);
            double y = bottom;
            for (int s = 0; s < fills.length; s++) {
                int c = b.count(s, i);
                if (c == 0) {
                    continue;
                }
                double height = c * plotH / max;
                g.setFill(fills[s]);
                g.fillRect(x0, y - height, barW, height);
                y -= height;
            }
            double mid = (x0 + x1) / 2;
            if (b.denied(i) > 0) {
                g.setFill(deniedFill);
                g.fillPolygon(new double[] {mid - 4.5, mid + 4.5, mid}, new double[] {2, 2, 10}, 3);
            } else if (b.errors(i) > 0) {
                g.setFill(errorFill);
                g.fillOval(mid - 3.5, 3, 7, 7);
            }
        }
    }

    private void overlays(GraphicsContext g, TimelineBuckets b, double bottom) {
        TimeRange sel = model.selectionProperty().get();
        if (sel != null && sel.end().isAfter(b.start()) && sel.start().isBefore(b.end())) {
            double x0 = Math.max(LEFT, xOf(sel.start()));
            double x1 = Math.min(LEFT + plotWidth(), xOf(sel.end()));
            g.setFill(palette.color(TimelinePalette.SELECTION));
            g.setGlobalAlpha(0.16);
            g.fillRect(x0, TOP, x1 - x0, bottom - TOP);
            g.setGlobalAlpha(1);
            g.setStroke(palette.color(TimelinePalette.SELECTION));
            g.setLineWidth(1.5);
            g.strokeRect(Math.round(x0) + 0.5, TOP - 0.5, Math.max(1, Math.round(x1 - x0) - 1), bottom - TOP + 1);
        }
        int hover = hovered.get();
        if (hover >= 0 && hover < b.size()) {
            double x0 = xOf(b.startOf(hover));
            double x1 = xOf(b.endOf(hover));
            g.setFill(palette.color(TimelinePalette.HOVER));
            g.setGlobalAlpha(0.09);
            g.fillRect(x0, TOP, Math.max(1, x1 - x0), bottom - TOP);
            g.setGlobalAlpha(1);
        }
    }

    private void timeAxis(GraphicsContext g, double bottom) {
        Instant s = model.startProperty().get();
        Instant e = model.endProperty().get();
        Duration step = tickStep(Duration.between(s, e));
        ZoneId zone = model.zone();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Instant t : ticks(s, e, step, zone)) {
            double x = Math.round(xOf(t)) + 0.5;
            g.setStroke(palette.color(TimelinePalette.AXIS));
            g.strokeLine(x, bottom, x, bottom + 4);
            boolean midnight = t.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT);
            String label = step.compareTo(Duration.ofDays(1)) >= 0 || midnight ? formats.date(t) : formats.dateTime(t).substring(11);
            double half = label.length() * font.getSize() * 0.31;
            if (x - half < lastRight + 8 || x + half > canvas.getWidth() - 2 || x - half < 2) {
                continue;
            }
            g.setFill(palette.color(TimelinePalette.TEXT));
            g.fillText(label, x, bottom + 5);
            lastRight = x + half;
        }
    }

    private Duration tickStep(Duration range) {
        double room = 96;
        for (Duration d : TICKS) {
            if (d.toMillis() / (double) range.toMillis() * plotWidth() >= room) {
                return d;
            }
        }
        return TICKS.get(TICKS.size() - 1);
    }

    /** Tick times from {@code s} to {@code e}: local midnights every so many days, or multiples of a shorter step in local time. */
    static List<Instant> ticks(Instant s, Instant e, Duration step, ZoneId zone) {
        List<Instant> out = new java.util.ArrayList<>();
        if (step.compareTo(Duration.ofDays(1)) >= 0) {
            long days = step.toDays();
            java.time.LocalDate d = s.atZone(zone).toLocalDate();
            for (; ; d = d.plusDays(1)) {
                Instant t = d.atStartOfDay(zone).toInstant();
                if (t.isAfter(e)) {
                    break;
                }
                if (!t.isBefore(s) && d.toEpochDay() % days == 0) {
                    out.add(t);
                }
            }
        } else {
            long w = step.toMillis();
            long offset = zone.getRules().getOffset(e).getTotalSeconds() * 1000L;
            for (long t = TimelineScale.alignUp(s.toEpochMilli(), w, offset); t <= e.toEpochMilli(); t += w) {
                out.add(Instant.ofEpochMilli(t));
            }
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code n}. */
    static long niceCeiling(long n) {
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= n) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }
}
