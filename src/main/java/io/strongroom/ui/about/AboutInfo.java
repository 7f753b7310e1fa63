package io.strongroom.ui.about;

import io.strongroom.platform.AppVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the About dialog shows, read from the build: the version ({@link AppVersion}), Strongroom's
 * licence (the repository's LICENSE, copied into the classes by the pom) and the third-party list
 * generated at build time ({@code third-party-licences.tsv}, kept current by ThirdPartyLicencesTest).
 */
public record AboutInfo(String version, String licence, String licenceText, List<Library> libraries, String runtime) {

    static final String LIBRARIES = "third-party-licences.tsv";
    static final String LICENSE = "LICENSE";

    public AboutInfo {
        libraries = List.copyOf(libraries);
    }

    /** The running build's information. */
    public static AboutInfo current() {
        return new AboutInfo(AppVersion.current(), "Apache License 2.0", resource(LICENSE), parse(resource(LIBRARIES)),
                "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vm.vendor", "unknown vendor") + "), JavaFX "
                        + System.getProperty("javafx.runtime.version", "not started"));
    }

    /** One library per line, tab-separated (coordinates, version, licence, URL); '#' lines are comments. */
    static List<Library> parse(String tsv) {
        List<Library> libraries = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalArgumentException("third-party list: expected coordinates, version and licence: " + line);
            }
            libraries.add(new Library(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        return libraries;
    }

    static String resource(String name) {
        try (InputStream in = AboutInfo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/strongroom/ui/about/" + name + " (build with Maven)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
