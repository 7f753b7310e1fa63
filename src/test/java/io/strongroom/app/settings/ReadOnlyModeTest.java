package io.strongroom.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flag wins; the setting is the user's; one property says which. No FX thread needed: these are javafx.beans only. */
class ReadOnlyModeTest {

    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        ReadOnlyMode mode = ReadOnlyMode.of(false, SettingsStore.open(dir));
        assertFalse(mode.isActive());
        assertFalse(mode.activeProperty().get());
        assertEquals(ReadOnlyMode.Source.OFF, mode.sourceProperty().get());
    }

    @Test
    void theSettingTurnsItOnAndOffAndIsSaved() {
        ReadOnlyMode mode = ReadOnlyMode.of(false, SettingsStore.open(dir));
        List<Boolean> seen = new ArrayList<>();
        mode.activeProperty().addListener((o, was, now) -> seen.add(now));

        mode.setSetting(true);
        assertTrue(mode.isActive());
        assertEquals(ReadOnlyMode.Source.SETTING, mode.sourceProperty().get());
        assertTrue(SettingsStore.open(dir).current().readOnly(), "saved");
        assertTrue(ReadOnlyMode.of(false, SettingsStore.open(dir)).isActive(), "and on at the next start");

        mode.setSetting(false);
        assertFalse(mode.isActive());
        assertFalse(SettingsStore.open(dir).current().readOnly());
        assertEquals(List.of(true, false), seen);
    }

    /** Read-only mode, with or without the flag, over settings in which read-only was saved on. */
    private ReadOnlyMode withTheSettingSaved(boolean flag) {
        SettingsStore settings = SettingsStore.open(dir);
        settings.update(s -> s.withReadOnly(true));
        return ReadOnlyMode.of(flag, settings);
    }

    @Test
    void theFlagWinsOverTheSetting() {
        ReadOnlyMode mode = ReadOnlyMode.of(true, SettingsStore.open(dir));
        assertFalse(mode.settingProperty().get());
        assertTrue(mode.isActive());
        assertTrue(mode.isForcedByFlag());
        assertEquals(ReadOnlyMode.Source.FLAG, mode.sourceProperty().get());
    }

    @Test
    void underTheFlagItCannotBeTurnedOff() {
        ReadOnlyMode mode = withTheSettingSaved(true);
        assertThrows(IllegalStateException.class, () -> mode.setSetting(false));
        assertTrue(mode.isActive());
        assertTrue(mode.settingProperty().get());
        assertTrue(SettingsStore.open(dir).current().readOnly(), "the refused change was not saved");
    }

    @Test
    void underTheFlagTurningTheSettingOnIsRememberedForLaterRuns() {
        ReadOnlyMode mode = ReadOnlyMode.of(true, SettingsStore.open(dir));
        mode.setSetting(true);
        assertEquals(ReadOnlyMode.Source.FLAG, mode.sourceProperty().get());
        ReadOnlyMode later = ReadOnlyMode.of(false, SettingsStore.open(dir));
        assertTrue(later.isActive());
        assertEquals(ReadOnlyMode.Source.SETTING, later.sourceProperty().get());
    }

    @Test
    void theSettingWithoutTheFlagIsTheUsersToChange() {
        ReadOnlyMode mode = withTheSettingSaved(false);
        assertTrue(mode.isActive());
        mode.setSetting(false);
        assertFalse(mode.isActive());
    }

    @Test
    void theFlagIsFoundAmongTheArguments() {
        assertTrue(ReadOnlyMode.flagGiven("--data-dir", "/tmp/x", "--read-only"));
        assertFalse(ReadOnlyMode.flagGiven("--data-dir", "/tmp/x"));
        assertFalse(ReadOnlyMode.flagGiven((String[]) null));
    }

    @Test
    void aFailedSaveStillAppliesToThisRun() {
        AtomicBoolean attempted = new AtomicBoolean();
        ReadOnlyMode mode = new ReadOnlyMode(false, false, on -> {
            attempted.set(true);
            throw new java.io.UncheckedIOException(new java.io.IOException("read-only file system"));
        });
        assertThrows(java.io.UncheckedIOException.class, () -> mode.setSetting(true));
        assertTrue(attempted.get());
        assertTrue(mode.isActive(), "failing safe: the mode the user asked for holds for this run");
    }

    @Test
    void untilTheSettingIsReadTheModeIsOnAndCannotBeChanged() {
        ReadOnlyMode mode = ReadOnlyMode.untilLoaded(false);
        assertTrue(mode.isActive());
        assertEquals(ReadOnlyMode.Source.LOADING, mode.sourceProperty().get());
        assertFalse(mode.loadedProperty().get());
        assertThrows(IllegalStateException.class, () -> mode.setSetting(false));

        mode.restore(false);
        assertFalse(mode.isActive(), "the user's setting, once read, decides");
        assertEquals(ReadOnlyMode.Source.OFF, mode.sourceProperty().get());
        mode.setSetting(true);
        assertEquals(ReadOnlyMode.Source.SETTING, mode.sourceProperty().get());
    }

    @Test
    void withTheFlagTheModeIsKnownBeforeTheSettingIsRead() {
        ReadOnlyMode mode = ReadOnlyMode.untilLoaded(true);
        assertTrue(mode.isActive());
        assertEquals(ReadOnlyMode.Source.FLAG, mode.sourceProperty().get());
        mode.restore(false);
        assertTrue(mode.isActive());
        assertEquals(ReadOnlyMode.Source.FLAG, mode.sourceProperty().get());
    }
}
