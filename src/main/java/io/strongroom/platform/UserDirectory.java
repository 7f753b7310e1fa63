package io.strongroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Strongroom's per-user directories and how each is found: a command-line flag wins, then the
 * directory's own environment variable, then the platform's convention.
 *
 * <table>
 *   <caption>The platform's convention</caption>
 *   <tr><th></th><th>Linux and other Unix</th><th>macOS</th><th>Windows</th></tr>
 *   <tr><td>{@link #CONFIG}</td><td>{@code $XDG_CONFIG_HOME/strongroom}, else {@code ~/.config/strongroom}</td>
 *       <td rowspan="2">{@code ~/Library/Application Support/Strongroom}</td>
 *       <td rowspan="2">{@code %APPDATA%\Strongroom}, else {@code ~\AppData\Roaming\Strongroom}</td></tr>
 *   <tr><td>{@link #DATA}</td><td>{@code $XDG_DATA_HOME/strongroom}, else {@code ~/.local/share/strongroom}</td></tr>
 * </table>
 *
 * <p>Blank variables count as unset, and so does a relative {@code XDG_*_HOME}, which the XDG
 * Base Directory specification declares invalid. {@link #createPrivate} creates a directory
 * for the user alone, for whoever keeps anything sensitive in it.
 *
 * <p>This package depends on nothing else of Strongroom's, so every layer may use it: the
 * embedded store ({@code local}) for its data, the console ({@code app}) for its settings.
 */
public enum UserDirectory {

    /** Settings: small files the user could copy to another machine. */
    CONFIG("XDG_CONFIG_HOME", ".config"),
    /** State: the embedded store's database and root key, the action journal. */
    DATA("XDG_DATA_HOME", ".local", "share");

    private final String xdgVariable;
    private final String[] xdgFallback;

    UserDirectory(String xdgVariable, String... xdgFallback) {
        this.xdgVariable = xdgVariable;
        this.xdgFallback = xdgFallback;
    }

    /**
     * Where this directory is on this machine.
     *
     * @param flag        the command-line flag's value; null or blank when not given
     * @param envVariable the environment variable that overrides the platform's convention
     */
    public Path resolve(String flag, String envVariable) {
        return resolve(flag, envVariable, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** {@link #resolve(String, String)} with the environment, OS name and home directory given, for tests. */
    public Path resolve(String flag, String envVariable, Map<String, String> env, String osName, String home) {
        if (isSet(flag)) {
            return Path.of(flag);
        }
        String override = env.get(envVariable);
        if (isSet(override)) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return isSet(appData) ? Path.of(appData, "Strongroom") : Path.of(home, "AppData", "Roaming", "Strongroom");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Strongroom");
        }
        String xdg = env.get(xdgVariable);
        return isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg, "strongroom")
                : Path.of(home, xdgFallback).resolve("strongroom");
    }

    /**
     * Creates {@code dir} (and missing parents) for its owner only ({@code rwx------} where the
     * file system has POSIX permissions). A directory that already exists is narrowed to the
     * owner's bits if it grants anything to group or others, since whatever it holds (sealed
     * keys, the audit trail) would otherwise be as open as the directory; one that belongs to
     * another user is refused rather than changed.
     */
    public static void createPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(dir);
            }
            return;
        }
        if (!isPosix(dir)) {
            return;
        }
        String owner = Files.getOwner(dir).getName();
        String me = System.getProperty("user.name");
        if (me != null && !owner.equals(me)) {
            throw new IOException("the directory " + dir + " belongs to " + owner + ", not to " + me
                    + ": its permissions are left alone; choose a directory of your own");
        }
        narrowToOwner(dir);
    }

    /**
     * Takes group and other permissions off a file or directory that has any (POSIX file
     * systems only; elsewhere nothing is changed). Returns whether anything was changed.
     */
    public static boolean narrowToOwner(Path path) throws IOException {
        if (!isPosix(path) || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(path,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> owners = java.util.EnumSet.noneOf(
                java.nio.file.attribute.PosixFilePermission.class);
        for (var p : mode) {
            if (p.name().startsWith("OWNER_")) {
                owners.add(p);
            }
        }
        if (owners.equals(mode)) {
            return false;
        }
        Files.setPosixFilePermissions(path, owners);
        return true;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
