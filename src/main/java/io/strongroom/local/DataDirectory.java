package io.strongroom.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the store keeps its files: a flag wins, then {@code STRONGROOM_DATA_DIR}, then the
 * platform's per-user data directory (XDG on Linux, Application Support on macOS, AppData on
 * Windows).
 */
public final class DataDirectory {

    public static final String ENV = "STRONGROOM_DATA_DIR";

    private DataDirectory() {}

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
            return appData != null ? Path.of(appData, "Strongroom") : Path.of(home, "AppData", "Roaming", "Strongroom");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Strongroom");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "strongroom") : Path.of(home, ".local", "share", "strongroom");
    }
}
