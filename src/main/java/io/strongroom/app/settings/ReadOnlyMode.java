package io.strongroom.app.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one answer to "may the console change anything?". Read-only mode is on when the user's
 * setting says so or when the console was started with {@value #FLAG}; the flag wins and, while
 * it is given, the mode cannot be turned off from the UI.
 *
 * <p>Views bind mutating controls' {@code disable} to {@link #activeProperty()} and show
 * {@link #sourceProperty()} in the status bar; the service-side backstop
 * ({@link io.strongroom.service.journal.ReadOnlyGuard}) asks {@link #isActive()}, which is safe
 * from any thread. The setting is changed only through {@link #setSetting}, on the FX thread.
 *
 * <p>The console reads its settings off the FX thread while the window opens, so it starts with
 * {@link #untilLoaded}: read-only (nothing can be changed) until {@link #restore} hands over the
 * saved setting. With {@value #FLAG} the mode is known, and on, from the start.
 */
public final class ReadOnlyMode {

    public static final String FLAG = "--read-only";

    /** Why the mode is what it is. */
    public enum Source {
        /** Not read-only. */
        OFF,
        /** Read-only because the user's setting says so (they can turn it off). */
        SETTING,
        /** Read-only because of {@value ReadOnlyMode#FLAG} (it cannot be turned off in this run). */
        FLAG,
        /** Read-only until the saved setting has been read (the first moments of a start). */
        LOADING
    }

    private final boolean forcedByFlag;
    private final Consumer<Boolean> persistSetting;
    private final ReadOnlyBooleanWrapper setting = new ReadOnlyBooleanWrapper(this, "setting");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source", Source.OFF);
    private volatile boolean activeNow;

    /**
     * @param forcedByFlag   whether {@value #FLAG} was given
     * @param setting        the saved setting
     * @param persistSetting saves a changed setting
     */
    public ReadOnlyMode(boolean forcedByFlag, boolean setting, Consumer<Boolean> persistSetting) {
        this(forcedByFlag, setting, true, persistSetting);
    }

    private ReadOnlyMode(boolean forcedByFlag, boolean setting, boolean loaded, Consumer<Boolean> persistSetting) {
        this.forcedByFlag = forcedByFlag;
        this.persistSetting = Objects.requireNonNull(persistSetting, "persistSetting");
        this.setting.set(setting);
        this.loaded.set(loaded);
        active.bind(this.setting.getReadOnlyProperty().or(new ReadOnlyBooleanWrapper(forcedByFlag))
                .or(this.loaded.getReadOnlyProperty().not()));
        active.addListener((obs, was, now) -> refresh());
        this.setting.addListener((obs, was, now) -> refresh());
        this.loaded.addListener((obs, was, now) -> refresh());
        refresh();
    }

    /**
     * Read-only until {@link #restore} brings the saved setting: for a console that reads its
     * settings in the background, so no change can slip through before it knows the user's
     * choice. {@link #setSetting} saves nothing here; the caller saves the setting itself.
     */
    public static ReadOnlyMode untilLoaded(boolean flagGiven) {
        return new ReadOnlyMode(flagGiven, false, false, on -> { });
    }

    /** From the saved settings and the command line; changes to the setting are saved to {@code settings}. */
    public static ReadOnlyMode of(boolean flagGiven, SettingsStore settings) {
        return new ReadOnlyMode(flagGiven, settings.current().readOnly(), on -> settings.update(s -> s.withReadOnly(on)));
    }

    /** Whether {@value #FLAG} is among the command-line arguments. */
    public static boolean flagGiven(String... args) {
        return args != null && Arrays.asList(args).contains(FLAG);
    }

    private void refresh() {
        activeNow = active.get();
        source.set(forcedByFlag ? Source.FLAG : !loaded.get() ? Source.LOADING : setting.get() ? Source.SETTING : Source.OFF);
    }

    // ---- Properties ---------------------------------------------------------------------------

    /** True while nothing may be changed: bind mutating controls' {@code disable} to this. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The effective mode, readable from any thread. */
    public boolean isActive() {
        return activeNow;
    }

    /** The user's own setting (what the settings toggle shows). */
    public ReadOnlyBooleanProperty settingProperty() {
        return setting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** False from {@link #untilLoaded} until {@link #restore}; the mode is on meanwhile. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether {@value #FLAG} forces the mode: the settings toggle is then disabled. */
    public boolean isForcedByFlag() {
        return forcedByFlag;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** The saved setting, read at start-up (FX thread): applied as it is, not saved again. */
    public void restore(boolean savedSetting) {
        setting.set(savedSetting);
        loaded.set(true);
    }

    /**
     * Changes the user's setting and saves it. Turning it on is always allowed; turning it off
     * while {@value #FLAG} forces the mode is refused.
     *
     * @throws IllegalStateException        when turning it off under the flag, or before the saved
     *                                      setting is known ({@link #untilLoaded})
     * @throws java.io.UncheckedIOException when the setting could not be saved (it applies to this run anyway)
     */
    public void setSetting(boolean on) {
        if (!loaded.get()) {
            throw new IllegalStateException("the read-only setting is still being read");
        }
        if (!on && forcedByFlag) {
            throw new IllegalStateException("read-only mode was set with " + FLAG + " and stays on until the console restarts without it");
        }
        if (setting.get() == on) {
            return;
        }
        setting.set(on);
        persistSetting.accept(on);
    }
}
