package io.strongroom.ui.settings;

import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;

/**
 * The console's preferences: the theme and the read-only mode (and, saved from here for the
 * inventory, its visible columns). A change takes effect at once and is saved in the background;
 * if saving fails the change still holds for this run, and the user is told.
 *
 * <p>Until the saved settings have been read ({@link #restore}), nothing here can be changed and
 * nothing is saved: the console starts read-only, and a theme chosen in those first moments
 * would only be overwritten by the saved one.
 *
 * <p>Saves run on the {@link UiExecutor}'s background threads, so two quick changes could race;
 * each save writes the newest value under one lock, so the last write is always the newest choice.
 */
public final class SettingsViewModel {

    /** Where preferences are kept (settings.json, wired by the composition root). Called off the FX thread. */
    public interface Preferences {
        void saveTheme(Theme theme) throws Exception;

        void saveReadOnly(boolean readOnly) throws Exception;

        void saveInventoryColumns(List<String> columnIds) throws Exception;
    }

    /** The console's read-only mode, as far as the settings screen may touch it. */
    public interface ReadOnlyControl {
        /** The user's own setting. */
        ReadOnlyBooleanProperty settingProperty();

        /** Whether {@code --read-only} forces the mode for this run (the setting cannot turn it off). */
        boolean isForcedByFlag();

        /** Applies the user's setting at once (FX thread); saving is this view model's job. */
        void setSetting(boolean on);
    }

    private final UiExecutor ui;
    private final Preferences preferences;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyControl readOnlyControl;
    private final DialogService dialogs;
    private final Texts texts;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");

    private final Object saveLock = new Object();
    private volatile Theme themeToSave;
    private volatile boolean readOnlyToSave;
    private volatile List<String> columnsToSave = List.of();
    private boolean restoring;

    /**
     * @param theme the console's theme (the shell's), shared so the header's toggle is saved too
     */
    public SettingsViewModel(UiExecutor ui, Preferences preferences, ObjectProperty<Theme> theme, ReadOnlyControl readOnly,
                             DialogService dialogs, Texts texts) {
        this.ui = Objects.requireNonNull(ui);
        this.preferences = Objects.requireNonNull(preferences);
        this.theme = Objects.requireNonNull(theme);
        this.readOnlyControl = Objects.requireNonNull(readOnly);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        // under the flag the switch shows what is in force, not the setting behind it
        this.readOnly.bind(readOnly.settingProperty().or(new ReadOnlyBooleanWrapper(readOnly.isForcedByFlag())));
        theme.addListener((o, was, now) -> {
            if (now != null && loaded.get() && !restoring) {
                saveTheme(now);
            }
        });
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** The theme in force; set it (or call {@link #setTheme}) to change it. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** What the read-only switch shows: on under {@code --read-only} whatever the setting says. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** The switch is locked on: {@code --read-only} was given (the view says so beside it). */
    public boolean isReadOnlyForcedByFlag() {
        return readOnlyControl.isForcedByFlag();
    }

    /** True once the saved settings are in: the controls are disabled before. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the last save failed (scope-free: a file problem), or "". */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** The saved theme, read at start-up (FX thread): applied, not saved again. Enables the screen. */
    public void restore(Theme saved) {
        restoring = true;
        try {
            theme.set(Objects.requireNonNull(saved));
        } finally {
            restoring = false;
        }
        loaded.set(true);
    }

    public void setTheme(Theme choice) {
        if (loaded.get()) {
            theme.set(Objects.requireNonNull(choice));
        }
    }

    /**
     * Turns the read-only setting on or off: in force at once, saved in the background. Under
     * {@code --read-only} the switch is locked and this does nothing.
     *
     * @return whether the setting changed
     */
    public boolean setReadOnly(boolean on) {
        if (!loaded.get() || readOnlyControl.isForcedByFlag() || readOnlyControl.settingProperty().get() == on) {
            return false;
        }
        readOnlyControl.setSetting(on);
        readOnlyToSave = on;
        save(() -> preferences.saveReadOnly(readOnlyToSave));
        return true;
    }

    /** Saves the inventory's visible columns (IDs in table order). */
    public void saveInventoryColumns(List<String> columnIds) {
        columnsToSave = List.copyOf(columnIds);
        save(() -> preferences.saveInventoryColumns(columnsToSave));
    }

    public void dismissSaveError() {
        saveError.set("");
    }

    private void saveTheme(Theme now) {
        themeToSave = now;
        save(() -> preferences.saveTheme(themeToSave));
    }

    @FunctionalInterface
    private interface Save {
        void run() throws Exception;
    }

    private void save(Save save) {
        ui.submit(() -> {
            synchronized (saveLock) {
                save.run();
            }
            return Boolean.TRUE;
        }, done -> saveError.set(""), error -> {
            saveError.set(ErrorText.of(error));
            dialogs.showError(texts.get("settings.saveFailed"), error);
        });
    }
}
