package io.strongroom.app.settings;

import io.strongroom.platform.UserDirectory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's settings live: a flag wins, then {@code STRONGROOM_CONFIG_DIR}, then the
 * platform's per-user config directory ({@code $XDG_CONFIG_HOME/strongroom} or
 * {@code ~/.config/strongroom} on Linux, {@code ~/Library/Application Support/Strongroom} on
 * macOS, {@code %APPDATA%\Strongroom} on Windows); see {@link UserDirectory#CONFIG}.
 */
public final class ConfigDirectory {

    public static final String ENV = "STRONGROOM_CONFIG_DIR";

    private ConfigDirectory() {}

    /** {@code flag} may be null or blank (not given). */
    public static Path resolve(String flag) {
        return UserDirectory.CONFIG.resolve(flag, ENV);
    }

    static Path resolve(String flag, Map<String, String> env, String osName, String home) {
        return UserDirectory.CONFIG.resolve(flag, ENV, env, osName, home);
    }
}
