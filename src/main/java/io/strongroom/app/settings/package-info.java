/**
 * The user's settings and the read-only mode.
 *
 * <p>Wiring (once, in the composition root, before the window is built):
 * <pre>{@code
 * SettingsStore settings = SettingsStore.open(ConfigDirectory.resolve(configDirFlag));
 * ReadOnlyMode readOnly = ReadOnlyMode.of(ReadOnlyMode.flagGiven(args), settings);
 * settings.loadProblems()   // non-empty: tell the user once (their old file was kept as a backup)
 * }</pre>
 */
package io.strongroom.app.settings;
