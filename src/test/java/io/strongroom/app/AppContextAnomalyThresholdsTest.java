package io.strongroom.app;

import io.strongroom.app.settings.SettingsStore;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DetailHost;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.settings.ThresholdField;
import io.strongroom.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anomaly thresholds come back as they were left: read from settings.json on the start-up
 * path into the property the audit views follow, and what Settings → Audit applies is in force at
 * once and kept for the next start. The secret detail gets the Audit tab.
 */
class AppContextAnomalyThresholdsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    private final List<Composition> compositions = new ArrayList<>();
    private final List<AppContext> contexts = new ArrayList<>();

    private AppContext started() {
        Composition composition = new Composition();
        compositions.add(composition);
        AppContext context = new AppContext(composition, new AppContext.Options(false, dataDir.resolve("run-" + compositions.size()), configDir,
                false), FirstRun.NONE, new DirectUiExecutor(), new RecordingDialogs(), new RecordingClipboard(), Texts.load(), Clock.systemUTC());
        contexts.add(context);
        context.shell().start();
        assertEquals(ShellViewModel.Startup.READY, context.shell().startupProperty().get(), context.shell().startupErrorProperty().get());
        return context;
    }

    @AfterEach
    void close() {
        contexts.forEach(AppContext::close);
        compositions.forEach(Composition::close);
    }

    private static ThresholdField field(AppContext c, String id) {
        return c.auditSettings().fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSavedThresholdsAreInForceOnceTheSettingsAreRead() throws Exception {
        Files.writeString(configDir.resolve(SettingsStore.FILE_NAME), "{\"anomalyThresholds\": {\"learningDays\": 3, \"deniedBurst\": 9}}");
        AppContext context = started();
        assertEquals(3, context.anomalyThresholdsProperty().get().learningDays());
        assertEquals(9, context.anomalyThresholdsProperty().get().deniedBurst());
        assertEquals("9", field(context, "deniedBurst").textProperty().get());
    }

    @Test
    void appliedThresholdsAreInForceAtOnceAndKeptForTheNextStart() {
        AppContext first = started();
        assertEquals(AnomalyThresholds.DEFAULT, first.anomalyThresholdsProperty().get());
        List<AnomalyThresholds> seen = new ArrayList<>();
        first.anomalyThresholdsProperty().addListener((o, was, now) -> seen.add(now));
        field(first, "spikeFactor").textProperty().set("2.5");
        field(first, "sweepSecrets").textProperty().set("4");
        first.auditSettings().apply();
        assertEquals(1, seen.size(), "applied at once");
        assertEquals(2.5, seen.get(0).spikeFactor());

        AppContext second = started();
        assertEquals(seen.get(0), second.anomalyThresholdsProperty().get());
    }

    @Test
    void theSecretDetailHasAnAuditTab() {
        AppContext context = started();
        DetailHost host = new DetailHost() {
            final SimpleObjectProperty<SecretSummary> secret = new SimpleObjectProperty<>();

            @Override
            public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
                return secret;
            }

            @Override
            public ObservableBooleanValue readOnly() {
                return new SimpleBooleanProperty(false);
            }

            @Override
            public void changed() {
            }

            @Override
            public void deleted(SecretDeletion deletion) {
            }
        };
        List<String> ids = context.contributions().detailTabs().stream().map(f -> f.create(host)).map(DetailTab::id).toList();
        assertTrue(ids.contains("audit"), ids.toString());
    }
}
