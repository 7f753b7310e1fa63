/**
 * The user's settings and the read-only mode.
 *
 * <p>Wiring (once, in the composition root). The console reads settings.json off the FX thread:
 * <pre>{@code
 * ReadOnlyMode readOnly = ReadOnlyMode.untilLoaded(ReadOnlyMode.flagGiven(args));  // on until the setting is read
 * // background, first thing on the start-up path:
 * SettingsStore settings = SettingsStore.open(ConfigDirectory.resolve(configDirFlag));
 * // then on the FX thread:
 * readOnly.restore(settings.current().readOnly());
 * settings.loadProblems()   // non-empty: tell the user once (their old file was kept as a backup)
 * }</pre>
 * Headless commands, which have no FX thread to keep free, may use
 * {@code ReadOnlyMode.of(flag, SettingsStore.open(dir))} directly.
 *
 * <p>Custom endpoints are kept without their secret access keys (decision record 0006).
 */
package io.strongroom.app.settings;
