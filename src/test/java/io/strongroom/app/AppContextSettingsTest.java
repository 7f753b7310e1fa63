package io.strongroom.app;

import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console comes back as it was left: theme and read-only preference, with --read-only always winning. */
class AppContextSettingsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    private final List<Composition> compositions = new ArrayList<>();

    private AppContext context(boolean readOnlyFlag) {
        Composition composition = new Composition();
        compositions.add(composition);
        return new AppContext(composition, new AppContext.Options(readOnlyFlag, dataDir, configDir, false), FirstRun.NONE,
                new DirectUiExecutor(), new NoDialogs(), new NoClipboard(), Texts.load(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        compositions.forEach(Composition::close);
    }

    @Test
    void theChosenThemeIsSavedAndRestored() {
        AppContext first = context(false);
        assertEquals(Theme.LIGHT, first.shell().themeProperty().get());
        first.shell().themeProperty().set(Theme.DARK);
        assertEquals(Theme.DARK, context(false).shell().themeProperty().get());
    }

    @Test
    void theReadOnlySettingPersistsAndDrivesTheConsole() {
        AppContext first = context(false);
        assertFalse(first.readOnlyProperty().get());
        first.readOnlyMode().setSetting(true);
        assertTrue(first.readOnlyProperty().get(), "turning the setting on makes the console read-only at once");
        assertTrue(context(false).readOnlyProperty().get(), "and it is still on next time");
    }

    @Test
    void theFlagForcesReadOnlyAndCannotBeTurnedOffFromTheConsole() {
        AppContext flagged = context(true);
        assertTrue(flagged.readOnlyProperty().get());
        assertThrows(IllegalStateException.class, () -> flagged.readOnlyMode().setSetting(false));
        assertTrue(flagged.readOnlyProperty().get());
    }

    private static final class NoDialogs implements DialogService {
        @Override
        public boolean confirm(String title, String message) {
            return false;
        }

        @Override
        public boolean confirmByTyping(String title, String message, String expected) {
            return false;
        }

        @Override
        public void showError(String title, Throwable error) {
            throw new AssertionError(title, error);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            return Optional.empty();
        }
    }

    private static final class NoClipboard implements ClipboardService {
        @Override
        public void put(String text) {
        }

        @Override
        public void putSensitive(String text, int clearAfterSeconds) {
        }

        @Override
        public String current() {
            return null;
        }
    }
}
