package io.strongroom.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Strongroom's version: the jar manifest's {@code Implementation-Version} when running from the
 * packaged jar, otherwise {@code io/strongroom/version.properties}, which Maven filters from the
 * pom's version into {@code target/classes} (so a run from the class path, in tests or
 * {@code mvn exec:java}, knows its version too).
 */
public final class AppVersion {

    static final String RESOURCE = "/io/strongroom/version.properties";

    private AppVersion() {}

    /** The version, for example {@code 0.1.0-SNAPSHOT}; {@code "unknown"} only for an unfiltered resource. */
    public static String current() {
        String fromManifest = AppVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        return fromResource();
    }

    static String fromResource() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // an IDE copying resources unfiltered leaves the placeholder itself
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
