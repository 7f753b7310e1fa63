package io.strongroom.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps small per-user files (the remembered scope): a flag or
 * {@code STRONGROOM_CONFIG_DIR} wins, then the platform's config directory ({@code
 * $XDG_CONFIG_HOME/strongroom} or {@code ~/.config/strongroom} on Linux, Application Support on
 * macOS, AppData on Windows).
 */
public final class ConfigDirectory {

    public static final String ENV = "STRONGROOM_CONFIG_DIR";

    private ConfigDirectory() {}

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
            return appData != null ? Path.of(appData, "Strongroom", "config") : Path.of(home, "AppData", "Roaming", "Strongroom", "config");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Strongroom", "config");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "strongroom") : Path.of(home, ".config", "strongroom");
    }
}
