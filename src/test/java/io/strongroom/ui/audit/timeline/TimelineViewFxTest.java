package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline view on the FX thread, driven by the mouse: bars are drawn where the events are
 * (and nothing where there are none), a click selects a bucket and a second click clears it, a
 * drag selects a run of buckets, the pointer's bucket is read out, scrolling up zooms in, and the
 * stacking toggle switches to outcomes.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewFxTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    TimelineModel model;
    TimelineView view;

    /** One hour of minutes: 10 events in each of the minutes 10 to 19, 40 (4 AccessDenied) at minute 30, none else. */
    static List<AuditRecord> records() {
        List<AuditRecord> out = new ArrayList<>();
        Instant hour = NOW.minus(Duration.ofHours(1));
        for (int m = 10; m < 20; m++) {
            for (int i = 0; i < 10; i++) {
                out.add(record(hour.plus(Duration.ofMinutes(m)).plusSeconds(i), "GetSecretValue", null));
            }
        }
        for (int i = 0; i < 40; i++) {
            out.add(record(hour.plus(Duration.ofMinutes(30)).plusSeconds(i), i < 4 ? "GetSecretValue" : "DescribeSecret",
                    i < 4 ? "AccessDeniedException" : null));
        }
        return out;
    }

    static AuditRecord record(Instant t, String name, String error) {
        return new AuditRecord(SyntheticTrail.SCOPE, UUID.randomUUID().toString(), t, name, "secretsmanager.amazonaws.com",
                SyntheticTrail.PAYMENTS_API, "AssumedRole", "task", "ASIAX", "10.0.0.1", "sdk", error, error == null ? null : "no", true,
                "r", List.of(SyntheticTrail.PAYMENTS_DB), null);
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new TimelineModel(Clock.fixed(NOW, ZoneOffset.UTC));
        model.setRecords(records());
        model.zoomTo(NOW.minus(Duration.ofHours(1)), NOW);
        view = new TimelineView(model, Texts.load(), new Formats(ZoneOffset.UTC));
        stage.setScene(new Scene(new StackPane(view), 900, 360));
        stage.show();
    }

    private Point2D at(int bucket, double fromBottom) {
        TimelineChart chart = view.chart();
        double y = chart.getHeight() - TimelineChart.BOTTOM - fromBottom;
        return chart.localToScreen(chart.centreOf(bucket), y);
    }

    private int bucketOf(Instant t) {
        return model.bucketsProperty().get().indexOf(t);
    }

    @Test
    void barsAreDrawnWhereTheEventsAreAndTheSpikeIsTallest() throws Exception {
        TimelineChart chart = view.chart();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)));
        PixelReader px = image.getPixelReader();
        double bottom = chart.getHeight() - TimelineChart.BOTTOM - 2;
        int spike = bucketOf(NOW.minus(Duration.ofMinutes(30)));
        int busy = bucketOf(NOW.minus(Duration.ofMinutes(45)));
        int quiet = bucketOf(NOW.minus(Duration.ofMinutes(5)));
        assertTrue(coloured(px.getColor((int) chart.centreOf(spike), (int) bottom)), "the spike has a bar");
        assertTrue(coloured(px.getColor((int) chart.centreOf(busy), (int) bottom)), "a busy minute has a bar");
        assertFalse(coloured(px.getColor((int) chart.centreOf(quiet), (int) bottom)), "a quiet minute has none");
        double plotTop = TimelineChart.TOP + 2;
        assertTrue(coloured(px.getColor((int) chart.centreOf(spike), (int) (plotTop + (bottom - plotTop) * 0.25))),
                "the spike of 40 reaches most of the way up a 50 axis");
        assertFalse(coloured(px.getColor((int) chart.centreOf(busy), (int) (plotTop + (bottom - plotTop) * 0.5))),
                "a minute of 10 stays in the lower part");
        assertTrue(coloured(px.getColor((int) chart.centreOf(spike), 6)), "the AccessDenied marker above the spike");
        assertFalse(coloured(px.getColor((int) chart.centreOf(busy), 6)), "no marker where nothing failed");
    }

    /** A saturated pixel: a bar or marker, not the (white or grey) background, grid or text. */
    private static boolean coloured(Color c) {
        return c.getOpacity() > 0.5 && c.getSaturation() > 0.3;
    }

    @Test
    void aClickSelectsABucketAndASecondClickClearsIt(FxRobot robot) {
        int busy = bucketOf(NOW.minus(Duration.ofMinutes(45)));
        robot.moveTo(at(busy, 5)).clickOn(MouseButton.PRIMARY);
        assertEquals(model.bucketsProperty().get().rangeOf(busy), model.selectionProperty().get());
        assertEquals(10, model.selectedRecords().size());
        assertTrue(view.readoutText().contains("10 events"), view.readoutText());
        robot.sleep(800);                   // two quick clicks are a double click, which zooms in
        robot.clickOn(MouseButton.PRIMARY);
        assertNull(model.selectionProperty().get());
    }

    @Test
    void aDragSelectsTheBucketsItCrosses(FxRobot robot) {
        int from = bucketOf(NOW.minus(Duration.ofMinutes(50)));
        int to = bucketOf(NOW.minus(Duration.ofMinutes(41)));
        robot.moveTo(at(from, 5)).press(MouseButton.PRIMARY).moveTo(at(from + 3, 5)).moveTo(at(to, 5)).release(MouseButton.PRIMARY);
        TimelineBuckets b = model.bucketsProperty().get();
        assertEquals(new TimeRange(b.startOf(from), b.endOf(to)), model.selectionProperty().get());
        assertEquals(100, model.selectedRecords().size());
    }

    @Test
    void thePointersBucketIsReadOutWithItsLayersAndRefusals(FxRobot robot) {
        robot.moveTo(at(bucketOf(NOW.minus(Duration.ofMinutes(30))), 5));
        String text = view.readoutText();
        assertTrue(text.contains("40 events") && text.contains("DescribeSecret 36") && text.contains("GetSecretValue 4")
                && text.contains("4 AccessDenied"), text);
    }

    @Test
    void scrollingUpZoomsInAndTheToggleStacksByOutcome(FxRobot robot) {
        robot.moveTo(at(bucketOf(NOW.minus(Duration.ofMinutes(30))), 5));
        robot.clickOn("#timeline-zoom-out");
        Duration before = Duration.between(model.startProperty().get(), model.endProperty().get());
        // the wheel turned one notch away from the user (positive deltaY), fired directly: Monocle's
        // robot inverts the wheel (TestFX issue 658), so robot.scroll(UP) would test the quirk
        Point2D p = at(model.bucketsProperty().get().indexOf(NOW.minus(Duration.ofMinutes(30))), 5);
        robot.moveTo(p).interact(() -> {
            Point2D local = view.chart().screenToLocal(p);
            view.chart().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, local.getX(), local.getY(), p.getX(), p.getY(), false, false, false,
                    false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE,
                    0, 0, null));
        });
        Duration after = Duration.between(model.startProperty().get(), model.endProperty().get());
        assertTrue(after.compareTo(before) < 0, before + " then " + after);

        robot.clickOn("#timeline-by-outcome");
        assertEquals(StackBy.OUTCOME, model.stackByProperty().get());
        assertTrue(robot.lookup("#timeline-by-outcome").queryAs(ToggleButton.class).isSelected());
        assertEquals(TimelineSeries.ACCESS_DENIED, model.bucketsProperty().get().series().get(2));
    }
}
