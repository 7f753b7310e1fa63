package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the timeline to {@link Snapshots#SCREENSHOTS}, light and dark, under headless Monocle:
 * 90 days of one account's trail (about 20,000 events, the incident three days ago among them)
 * stacked by event name ({@code audit-timeline-*.png}), and the incident's day stacked by outcome
 * with the incident's hour selected and the pointer over the bucket of the AccessDenied burst
 * ({@code audit-timeline-incident-*.png}).
 */
class TimelineScreenshotTest {

    static final Instant NOW = Instant.parse("2026-12-04T15:20:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        Snapshots.startFx();
        Snapshots.theme(false);             // the theme defines the colour tokens the stylesheets use
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.onFx(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
        Snapshots.theme(false);
    }

    @Test
    void ninetyDaysByEventNameAndTheIncidentByOutcomeLightAndDark() throws Exception {
        List<AuditRecord> records = SyntheticTrail.history(NOW, 20_000, 42);
        TimelineModel model = new TimelineModel(Clock.fixed(NOW, ZONE));
        model.setRecords(records);
        Texts texts = Texts.load();
        VBox card = Snapshots.onFx(() -> {
            TimelineView view = new TimelineView(model, texts, new Formats(ZONE));
            VBox c = new VBox(view);
            c.getStyleClass().add(Controls.CARD);
            StackPane root = new StackPane(c);
            root.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 16;");
            root.getStylesheets().add(Controls.STYLESHEET);
            stage = new Stage();
            stage.setScene(new Scene(root, 1200, 400));
            stage.show();
            return c;
        });
        shoot(card, "audit-timeline");

        Instant incident = SyntheticTrail.incidentStart(NOW);
        Snapshots.onFx(() -> {
            model.zoomTo(incident.minus(Duration.ofHours(15)), incident.plus(Duration.ofHours(9)));
            model.stackByProperty().set(StackBy.OUTCOME);
            model.select(incident, incident.plus(Duration.ofMinutes(59)));
            TimelineView view = (TimelineView) card.getChildren().get(0);
            card.applyCss();
            card.layout();
            TimelineChart chart = view.chart();
            TimelineBuckets b = model.bucketsProperty().get();
            int denied = 0;
            while (b.denied(denied) == 0) {
                denied++;
            }
            double x = chart.centreOf(denied);
            double y = chart.getHeight() - TimelineChart.BOTTOM - 10;
            javafx.geometry.Point2D scene = chart.localToScene(x, y);
            chart.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), x, y, MouseButton.NONE, 0, false, false, false, false,
                    false, false, false, false, false, false, null));
            return null;
        });
        shoot(card, "audit-timeline-incident");
    }

    private static void shoot(VBox card, String name) throws Exception {
        Snapshots.theme(false);
        Snapshots.settle();
        Path light = Snapshots.write(card, name + "-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Path dark = Snapshots.write(card, name + "-dark.png");
        assertTrue(Files.size(light) > 10_000 && Files.size(dark) > 10_000);
    }
}
