package io.strongroom.local;

import io.strongroom.platform.UserDirectory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store keeps its files: a flag wins, then {@code STRONGROOM_DATA_DIR}, then the
 * platform's per-user data directory ({@code $XDG_DATA_HOME/strongroom} or
 * {@code ~/.local/share/strongroom} on Linux, Application Support on macOS, AppData on Windows);
 * see {@link UserDirectory#DATA}. {@link LocalStore} creates it, readable by its owner only.
 */
public final class DataDirectory {

    public static final String ENV = "STRONGROOM_DATA_DIR";

    private DataDirectory() {}

    /** {@code flag} may be null or blank (not given). */
    public static Path resolve(String flag) {
        return UserDirectory.DATA.resolve(flag, ENV);
    }

    static Path resolve(String flag, Map<String, String> env, String osName, String home) {
        return UserDirectory.DATA.resolve(flag, ENV, env, osName, home);
    }
}
