package io.strongroom.ui.settings;

import io.strongroom.testing.HeldUiExecutor;

import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings screen's model, without the FX thread: changes apply at once, are saved in the background, and never before the saved settings are in. */
class SettingsViewModelTest {

    /** What was saved, in order. */
    static final class RecordingPreferences implements SettingsViewModel.Preferences {
        final List<String> saved = new ArrayList<>();
        IOException failWith;

        @Override
        public void saveTheme(Theme theme) throws IOException {
            record("theme=" + theme);
        }

        @Override
        public void saveReadOnly(boolean readOnly) throws IOException {
            record("readOnly=" + readOnly);
        }

        @Override
        public void saveInventoryColumns(List<String> columnIds) throws IOException {
            record("columns=" + columnIds);
        }

        private void record(String what) throws IOException {
            if (failWith != null) {
                throw failWith;
            }
            saved.add(what);
        }
    }

    /** The console's read-only mode, reduced to what the screen touches. */
    static final class FakeReadOnly implements SettingsViewModel.ReadOnlyControl {
        final ReadOnlyBooleanWrapper setting = new ReadOnlyBooleanWrapper();
        final boolean flag;

        FakeReadOnly(boolean flag) {
            this.flag = flag;
        }

        @Override
        public ReadOnlyBooleanProperty settingProperty() {
            return setting.getReadOnlyProperty();
        }

        @Override
        public boolean isForcedByFlag() {
            return flag;
        }

        @Override
        public void setSetting(boolean on) {
            if (!on && flag) {
                throw new IllegalStateException("forced");
            }
            setting.set(on);
        }
    }

    final RecordingPreferences preferences = new RecordingPreferences();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    SettingsViewModel model(FakeReadOnly readOnly, UiExecutor ui) {
        return new SettingsViewModel(ui, preferences, theme, readOnly, dialogs, Texts.load());
    }

    SettingsViewModel loaded(FakeReadOnly readOnly) {
        SettingsViewModel vm = model(readOnly, new DirectUiExecutor());
        vm.restore(Theme.LIGHT);
        return vm;
    }

    @Nested
    class BeforeTheSettingsAreRead {

        @Test
        void nothingCanBeChangedAndNothingIsSaved() {
            FakeReadOnly readOnly = new FakeReadOnly(false);
            SettingsViewModel vm = model(readOnly, new DirectUiExecutor());
            assertFalse(vm.loadedProperty().get());
            vm.setTheme(Theme.DARK);
            assertEquals(Theme.LIGHT, theme.get());
            assertFalse(vm.setReadOnly(true));
            assertFalse(readOnly.setting.get());
            theme.set(Theme.DARK);      // the header's toggle in the first moments
            assertEquals(List.of(), preferences.saved);
        }

        @Test
        void restoringAppliesTheSavedThemeWithoutSavingItAgain() {
            SettingsViewModel vm = model(new FakeReadOnly(false), new DirectUiExecutor());
            vm.restore(Theme.DARK);
            assertEquals(Theme.DARK, theme.get());
            assertTrue(vm.loadedProperty().get());
            assertEquals(List.of(), preferences.saved);
        }
    }

    @Nested
    class ThemeChoice {

        @Test
        void aChosenThemeAppliesAtOnceAndIsSaved() {
            SettingsViewModel vm = loaded(new FakeReadOnly(false));
            vm.setTheme(Theme.DARK);
            assertEquals(Theme.DARK, theme.get());
            assertEquals(List.of("theme=DARK"), preferences.saved);
        }

        @Test
        void theHeadersToggleIsSavedTooBecauseTheThemeIsShared() {
            loaded(new FakeReadOnly(false));
            theme.set(Theme.DARK);
            theme.set(Theme.LIGHT);
            assertEquals(List.of("theme=DARK", "theme=LIGHT"), preferences.saved);
        }

        @Test
        void choosingTheThemeInForceSavesNothing() {
            SettingsViewModel vm = loaded(new FakeReadOnly(false));
            vm.setTheme(Theme.LIGHT);
            assertEquals(List.of(), preferences.saved);
        }
    }

    @Nested
    class ReadOnly {

        @Test
        void theSwitchAppliesAtOnceAndIsSaved() {
            FakeReadOnly readOnly = new FakeReadOnly(false);
            SettingsViewModel vm = loaded(readOnly);
            assertFalse(vm.readOnlyProperty().get());
            assertTrue(vm.setReadOnly(true));
            assertTrue(readOnly.setting.get(), "in force for the console at once");
            assertTrue(vm.readOnlyProperty().get());
            assertTrue(vm.setReadOnly(false));
            assertEquals(List.of("readOnly=true", "readOnly=false"), preferences.saved);
        }

        @Test
        void underTheFlagTheSwitchShowsOnAndIsLocked() {
            FakeReadOnly readOnly = new FakeReadOnly(true);
            SettingsViewModel vm = loaded(readOnly);
            assertTrue(vm.readOnlyProperty().get(), "on, although the user's own setting is off");
            assertTrue(vm.isReadOnlyForcedByFlag());
            assertFalse(vm.setReadOnly(false));
            assertFalse(vm.setReadOnly(true), "locked both ways: the switch is disabled");
            assertTrue(vm.readOnlyProperty().get());
            assertEquals(List.of(), preferences.saved);
        }

        @Test
        void settingWhatIsAlreadySetIsNoChange() {
            SettingsViewModel vm = loaded(new FakeReadOnly(false));
            assertFalse(vm.setReadOnly(false));
            assertEquals(List.of(), preferences.saved);
        }
    }

    @Nested
    class Saving {

        @Test
        void aFailedSaveLeavesTheChangeInForceAndSaysSo() {
            FakeReadOnly readOnly = new FakeReadOnly(false);
            SettingsViewModel vm = loaded(readOnly);
            preferences.failWith = new IOException("read-only file system");
            assertTrue(vm.setReadOnly(true));
            assertTrue(readOnly.setting.get(), "failing safe: read-only holds for this run");
            assertEquals("read-only file system", vm.saveErrorProperty().get());
            assertEquals(List.of("error: Could not save your settings"), dialogs.shown);

            preferences.failWith = null;
            vm.setTheme(Theme.DARK);
            assertEquals("", vm.saveErrorProperty().get(), "the next save that works clears it");
        }

        @Test
        void columnsAreSaved() {
            SettingsViewModel vm = loaded(new FakeReadOnly(false));
            vm.saveInventoryColumns(List.of("name", "region"));
            assertEquals(List.of("columns=[name, region]"), preferences.saved);
        }

        @Test
        void savesThatRunLateStillWriteTheNewestChoice() {
            HeldUiExecutor ui = new HeldUiExecutor();
            SettingsViewModel vm = model(new FakeReadOnly(false), ui);
            vm.restore(Theme.LIGHT);
            vm.setTheme(Theme.DARK);
            vm.setTheme(Theme.LIGHT);
            vm.setTheme(Theme.DARK);
            ui.finishAll();    // three saves, run after all three changes (as a busy pool might)
            assertEquals(List.of("theme=DARK", "theme=DARK", "theme=DARK"), preferences.saved);
        }
    }

}
