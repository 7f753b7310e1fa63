package io.strongroom.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoryTest {

    @ParameterizedTest(name = "flag={0} env={1} xdg={2} os={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "/flag, /env, /xdg, Linux,      /flag",
            "-,     /env, /xdg, Linux,      /env",
            "-,     -,    /xdg, Linux,      /xdg/strongroom",
            "-,     -,    -,    Linux,      /home/u/.local/share/strongroom",
            "-,     -,    -,    Mac OS X,   /home/u/Library/Application Support/Strongroom",
            "'',    -,    -,    Linux,      /home/u/.local/share/strongroom",
            // the XDG spec: a relative XDG_DATA_HOME is invalid and is ignored, as XDG_CONFIG_HOME is
            "-,     -,    rel,  Linux,      /home/u/.local/share/strongroom",
    })
    void aFlagWinsThenTheEnvironmentThenThePlatformDefault(String flag, String env, String xdg, String os, String expected) {
        Map<String, String> environment = new HashMap<>();
        if (env != null) environment.put(DataDirectory.ENV, env);
        if (xdg != null) environment.put("XDG_DATA_HOME", xdg);
        assertEquals(Path.of(expected), DataDirectory.resolve(flag, environment, os, "/home/u"));
    }

    @org.junit.jupiter.api.Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:/Users/u/AppData/Roaming", "Strongroom"),
                DataDirectory.resolve(null, Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"));
    }
}
