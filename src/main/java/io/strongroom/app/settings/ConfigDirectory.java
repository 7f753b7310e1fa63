package io.strongroom.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the user's settings live: a flag wins, then {@code STRONGROOM_CONFIG_DIR}, then the
 * platform's per-user config directory ({@code $XDG_CONFIG_HOME/strongroom} or
 * {@code ~/.config/strongroom} on Linux, {@code ~/Library/Application Support/Strongroom} on
 * macOS, {@code %APPDATA%\Strongroom} on Windows).
 */
public final class ConfigDirectory {

    public static final String ENV = "STRONGROOM_CONFIG_DIR";

    private ConfigDirectory() {}

    /** {@code flag} may be null or blank (not given). */
    public static Path resolve(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(String flag, Map<String, String> env, String osName, String home) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Strongroom")
                    : Path.of(home, "AppData", "Roaming", "Strongroom");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Strongroom");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // the XDG spec: a relative XDG_CONFIG_HOME is invalid and must be ignored
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "strongroom")
                : Path.of(home, ".config", "strongroom");
    }
}
