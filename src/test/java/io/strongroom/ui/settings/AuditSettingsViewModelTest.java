package io.strongroom.ui.settings;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings → Audit without the FX thread: each threshold checked as typed, applied at once and saved, reset, and a failed save told. */
class AuditSettingsViewModelTest {

    final SimpleObjectProperty<AnomalyThresholds> inForce = new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT);
    final List<AnomalyThresholds> saved = new ArrayList<>();
    final RecordingDialogs dialogs = new RecordingDialogs();
    boolean failSaves;
    final AuditSettingsViewModel vm = new AuditSettingsViewModel(new DirectUiExecutor(), t -> {
        if (failSaves) {
            throw new IOException("disk full");
        }
        saved.add(t);
    }, inForce, dialogs, Texts.load());

    ThresholdField field(String id) {
        return vm.fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void nothingCanBeAppliedBeforeTheSavedThresholdsAreRead() {
        field("learningDays").textProperty().set("3");
        assertFalse(vm.canApplyProperty().get());
        vm.apply();
        assertEquals(AnomalyThresholds.DEFAULT, inForce.get());
        assertEquals(List.of(), saved);
    }

    @Test
    void theSavedThresholdsAreShownAndInForceWithoutBeingSavedAgain() {
        AnomalyThresholds mine = new AnomalyThresholds(3, 2.5, 8, 3, Duration.ofMinutes(2), 30, 5, Duration.ofMinutes(4));
        vm.restore(mine);
        assertEquals(mine, inForce.get());
        assertEquals("2.5", field("spikeFactor").textProperty().get());
        assertEquals("2", field("deniedWindow").textProperty().get());
        assertEquals(List.of(), saved);
        assertFalse(vm.canApplyProperty().get(), "nothing typed yet");
    }

    @Test
    void eachFieldSaysWhatIsWrongWithWhatWasTyped() {
        vm.restore(AnomalyThresholds.DEFAULT);
        field("learningDays").textProperty().set("seven");
        assertEquals("Type a whole number.", field("learningDays").problemProperty().get());
        field("learningDays").textProperty().set("2.5");
        assertEquals("Type a whole number.", field("learningDays").problemProperty().get());
        field("learningDays").textProperty().set("61");
        assertEquals("From 0 to 60.", field("learningDays").problemProperty().get());
        field("spikeFactor").textProperty().set("1");
        assertEquals("From 1.1 to 100.", field("spikeFactor").problemProperty().get());
        field("spikeFactor").textProperty().set("x");
        assertEquals("Type a number, such as 5 or 2.5.", field("spikeFactor").problemProperty().get());
        field("deniedBurst").textProperty().set("1");
        assertEquals("From 2 to 1,000.", field("deniedBurst").problemProperty().get());
        assertFalse(vm.canApplyProperty().get());
        field("learningDays").textProperty().set(" 14 ");
        field("spikeFactor").textProperty().set("3.5");
        field("deniedBurst").textProperty().set("4");
        assertNull(field("learningDays").problemProperty().get());
        assertTrue(vm.canApplyProperty().get());
    }

    @Test
    void applyPutsThemInForceAtOnceAndSavesThem() {
        vm.restore(AnomalyThresholds.DEFAULT);
        field("learningDays").textProperty().set("14");
        field("spikeFactor").textProperty().set("3.5");
        field("sweepWindow").textProperty().set("2");
        vm.apply();
        AnomalyThresholds expected = new AnomalyThresholds(14, 3.5, 20, 5, Duration.ofMinutes(10), 50, 10, Duration.ofMinutes(2));
        assertEquals(expected, inForce.get());
        assertEquals(List.of(expected), saved);
        assertNotNull(vm.noticeProperty().get());
        assertFalse(vm.canApplyProperty().get(), "applied: nothing new typed");
    }

    @Test
    void resetPutsTheDefaultsBackAndUndoForgetsWhatWasTyped() {
        AnomalyThresholds mine = new AnomalyThresholds(3, 2.5, 8, 3, Duration.ofMinutes(2), 30, 5, Duration.ofMinutes(4));
        vm.restore(mine);
        field("sweepSecrets").textProperty().set("50");
        vm.revert();
        assertEquals("5", field("sweepSecrets").textProperty().get());
        assertTrue(vm.canResetProperty().get());
        vm.resetToDefaults();
        assertEquals(AnomalyThresholds.DEFAULT, inForce.get());
        assertEquals(List.of(AnomalyThresholds.DEFAULT), saved);
        assertEquals("7", field("learningDays").textProperty().get());
        assertFalse(vm.canResetProperty().get());
    }

    @Test
    void aFailedSaveIsToldAndTheThresholdsStillHoldForThisRun() {
        vm.restore(AnomalyThresholds.DEFAULT);
        failSaves = true;
        field("deniedBurst").textProperty().set("8");
        vm.apply();
        assertEquals(8, inForce.get().deniedBurst());
        assertTrue(vm.saveErrorProperty().get().contains("disk full"), vm.saveErrorProperty().get());
        assertEquals(1, dialogs.errors.size());
    }
}
