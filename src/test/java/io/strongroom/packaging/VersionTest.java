package io.strongroom.packaging;

import io.strongroom.cli.StrongroomCommand;
import io.strongroom.platform.AppVersion;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code strongroom --version} run from the class path (no jar manifest) prints the pom's version. */
class VersionTest {

    /** The project's own version, read from pom.xml (the first {@code <version>} after {@code <artifactId>strongroom}). */
    static String pomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>strongroom</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "pom.xml names the project's version");
        return m.group(1).trim();
    }

    @Test
    void versionComesFromTheFilteredResourceOnTheClassPath() throws Exception {
        // target/classes has no manifest: this is the filtered resource speaking
        assertEquals(pomVersion(), AppVersion.current());
    }

    @Test
    void versionOptionPrintsTheVersion() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StrongroomCommand.run(null, new PrintWriter(out, true), new PrintWriter(err, true), "--version");
        assertEquals(0, exit, err.toString());
        assertEquals("strongroom " + pomVersion(), out.toString().strip());
    }
}
