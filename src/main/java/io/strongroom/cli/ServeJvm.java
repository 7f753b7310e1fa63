package io.strongroom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options {@code strongroom serve} is meant to run with: a heap and collector sized for
 * a small server instead of the JVM's defaults for a large machine (a quarter of its memory, G1).
 * They live in one resource file, {@code serve-jvm.options}, so the packaged launcher, the tests
 * and the benchmarks all start the same JVM.
 */
public final class ServeJvm {

    static final String RESOURCE = "serve-jvm.options";

    private ServeJvm() {}

    /** The options, in file order, without comments and blank lines. */
    public static List<String> options() {
        try (InputStream in = ServeJvm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
            return List.copyOf(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
