package io.strongroom.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UserDirectoryTest {

    private static final String OVERRIDE = "STRONGROOM_TEST_DIR";

    @ParameterizedTest(name = "{0}: flag={1} override={2} xdg={3} os={4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "CONFIG, /flag, /env,     /xdg,     Linux,    /flag",
            "CONFIG, -,     /env,     /xdg,     Linux,    /env",
            "CONFIG, '',    ' ',      /xdg,     Linux,    /xdg/strongroom",
            "CONFIG, -,     -,        -,        Linux,    /home/u/.config/strongroom",
            "CONFIG, -,     -,        relative, Linux,    /home/u/.config/strongroom",
            "CONFIG, -,     -,        ' ',      FreeBSD,  /home/u/.config/strongroom",
            "CONFIG, -,     -,        /xdg,     Mac OS X, /home/u/Library/Application Support/Strongroom",
            "DATA,   /flag, /env,     /xdg,     Linux,    /flag",
            "DATA,   -,     /env,     /xdg,     Linux,    /env",
            "DATA,   -,     -,        /xdg,     Linux,    /xdg/strongroom",
            "DATA,   -,     -,        -,        Linux,    /home/u/.local/share/strongroom",
            "DATA,   -,     -,        relative, Linux,    /home/u/.local/share/strongroom",
            "DATA,   -,     -,        /xdg,     Mac OS X, /home/u/Library/Application Support/Strongroom",
    })
    void aFlagWinsThenTheOverrideThenThePlatformConvention(UserDirectory dir, String flag, String override, String xdg,
                                                           String os, String expected) {
        Map<String, String> env = new HashMap<>();
        if (override != null) env.put(OVERRIDE, override);
        if (xdg != null) env.put(dir == UserDirectory.CONFIG ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME", xdg);
        assertEquals(Path.of(expected), dir.resolve(flag, OVERRIDE, env, os, "/home/u"));
    }

    @Test
    void eachDirectoryReadsOnlyItsOwnXdgVariable() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data");
        assertEquals(Path.of("/cfg/strongroom"), UserDirectory.CONFIG.resolve(null, OVERRIDE, env, "Linux", "/home/u"));
        assertEquals(Path.of("/data/strongroom"), UserDirectory.DATA.resolve(null, OVERRIDE, env, "Linux", "/home/u"));
    }

    @Test
    void windowsUsesAppDataAndFallsBackToTheRoamingProfile() {
        for (UserDirectory dir : UserDirectory.values()) {
            assertEquals(Path.of("C:/Users/u/AppData/Roaming", "Strongroom"),
                    dir.resolve(null, OVERRIDE, Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"));
            assertEquals(Path.of("C:/Users/u", "AppData", "Roaming", "Strongroom"),
                    dir.resolve(null, OVERRIDE, Map.of("APPDATA", " "), "Windows 11", "C:/Users/u"), "a blank APPDATA is unset");
            assertEquals(Path.of("C:/Users/u", "AppData", "Roaming", "Strongroom"),
                    dir.resolve(null, OVERRIDE, Map.of(), "Windows 11", "C:/Users/u"));
        }
    }

    @Test
    void aPrivateDirectoryAndItsMissingParentsAreTheOwnersAlone(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path dir = tmp.resolve("share").resolve("strongroom");
        UserDirectory.createPrivate(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        UserDirectory.createPrivate(dir);       // an existing directory is fine
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }
}
