package io.strongroom.ui.audit.anomaly;

import io.strongroom.service.audit.AnomalyDetector;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.SyntheticTrail;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the anomalies panel to {@link Snapshots#SCREENSHOTS} ({@code audit-anomalies-light.png},
 * {@code -dark.png}) under headless Monocle: the six kinds a full detector raises for the incident
 * of {@link SyntheticTrail} (found by the service's detector), the AccessDenied burst selected with
 * its events below; "Show these events" hands those events on.
 */
class AnomaliesScreenshotTest {

    static final Instant NOW = Instant.parse("2026-12-04T15:20:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        Snapshots.startFx();
        Snapshots.theme(false);
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
    void theIncidentsAnomaliesWithTheBurstsEventsLightAndDark() throws Exception {
        List<AuditRecord> trail = SyntheticTrail.history(NOW, 20_000, 42);
        AnomaliesModel model = new AnomaliesModel(new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT), Texts.load(), new DirectUiExecutor(),
                AnomalyDetector::detect);
        List<List<AuditRecord>> shown = new ArrayList<>();
        VBox card = Snapshots.onFx(() -> {
            model.setRecords(trail, NOW.minus(Duration.ofDays(90)), NOW);
            AnomaliesView view = new AnomaliesView(model, Texts.load(), new Formats(ZONE), shown::add);
            VBox c = new VBox(view);
            VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
            c.getStyleClass().add(Controls.CARD);
            StackPane root = new StackPane(c);
            root.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 16;");
            root.getStylesheets().add(Controls.STYLESHEET);
            stage = new Stage();
            stage.setScene(new Scene(root, 980, 760));
            stage.show();
            model.selectedProperty().set(model.anomalies().stream().filter(a -> a.kind() == AuditAnomaly.Kind.ACCESS_DENIED_BURST)
                    .findFirst().orElseThrow());
            return c;
        });
        Snapshots.settle();
        Path light = Snapshots.write(card, "audit-anomalies-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Path dark = Snapshots.write(card, "audit-anomalies-dark.png");
        assertTrue(Files.size(light) > 10_000 && Files.size(dark) > 10_000);

        Snapshots.onFx(() -> {
            ((javafx.scene.control.Button) card.lookup("#" + AnomaliesView.SHOW_EVENTS_ID)).fire();
            return null;
        });
        assertEquals(1, shown.size());
        assertEquals(14, shown.get(0).size(), "the burst's refusals");
        assertTrue(shown.get(0).stream().allMatch(AuditRecord::accessDenied));
    }
}
