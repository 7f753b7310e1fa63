package io.strongroom.app.settings;

import io.strongroom.domain.AnomalyThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anomaly thresholds in settings.json: kept, read back, defaults for what an older file lacks, and a bad object noticed. */
class AnomalyThresholdsSettingsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T09:26:53Z"), ZoneOffset.UTC);
    static final AnomalyThresholds STRICT = new AnomalyThresholds(3, 2.5, 8, 3, Duration.ofMinutes(2), 30, 5, Duration.ofSeconds(90));

    @TempDir
    Path dir;

    private SettingsStore open() {
        return new SettingsStore(dir.resolve(SettingsStore.FILE_NAME), CLOCK, SettingsStore.Sink.FULL);
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), json);
    }

    @Test
    void theThresholdsSurviveSaveAndLoadBesideTheOtherSettings() throws IOException {
        open().update(s -> s.withTheme(Theme.DARK).withAnomalyThresholds(STRICT));
        SettingsStore again = open();
        assertEquals(STRICT, again.current().anomalyThresholds());
        assertEquals(Theme.DARK, again.current().theme());
        assertEquals(List.of(), again.loadProblems());
        String json = Files.readString(dir.resolve(SettingsStore.FILE_NAME));
        assertTrue(json.contains("\"spikeFactor\" : 2.5") && json.contains("\"sweepWindowSeconds\" : 90"), json);
    }

    @Test
    void aFileWrittenBeforeThresholdsExistedGivesTheDefaultsWithoutComplaint() throws IOException {
        write("{\"version\": 1, \"theme\": \"dark\", \"readOnly\": false}");
        SettingsStore store = open();
        assertEquals(AnomalyThresholds.DEFAULT, store.current().anomalyThresholds());
        assertEquals(List.of(), store.loadProblems());
    }

    @Test
    void aThresholdLeftOutTakesItsDefault() throws IOException {
        write("{\"anomalyThresholds\": {\"learningDays\": 2, \"deniedBurst\": 9}}");
        SettingsStore store = open();
        AnomalyThresholds d = AnomalyThresholds.DEFAULT;
        assertEquals(new AnomalyThresholds(2, d.spikeFactor(), d.spikeMinimum(), 9, d.deniedWindow(), d.offHoursMinimum(), d.sweepSecrets(),
                d.sweepWindow()), store.current().anomalyThresholds());
        assertEquals(List.of(), store.loadProblems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"strict\"", "{\"learningDays\": \"seven\"}", "{\"spikeFactor\": 0.5}", "{\"deniedBurst\": 1}",
            "{\"sweepWindowSeconds\": 0}", "{\"spikeMinimum\": 2.5}"})
    void aBadObjectIsNoticedTheDefaultsUsedAndTheRestKept(String value) throws IOException {
        write("{\"theme\": \"dark\", \"anomalyThresholds\": " + value + "}");
        SettingsStore store = open();
        assertEquals(AnomalyThresholds.DEFAULT, store.current().anomalyThresholds());
        assertEquals(Theme.DARK, store.current().theme());
        assertTrue(store.loadProblems().stream().anyMatch(p -> p.contains("anomalyThresholds")), store.loadProblems().toString());
        assertTrue(store.backup().isPresent(), "the file as it was is kept");
    }
}
