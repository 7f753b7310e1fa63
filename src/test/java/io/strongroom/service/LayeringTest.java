package io.strongroom.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The layering rules of DESIGN.md, checked on the sources so a stray import fails the build. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/strongroom");

    @Test
    void theServiceLayerReachesBackendsOnlyThroughTheSdk() throws IOException {
        assertEquals(List.of(), offenders("service", "import io.strongroom.local", "import io.strongroom.ui", "import io.strongroom.app"));
    }

    @Test
    void domainRecordsCarryNoSdkTypes() throws IOException {
        assertEquals(List.of(), offenders("domain", "import software.amazon", "import io.strongroom.service",
                "import io.strongroom.local", "import io.strongroom.ui"));
    }

    @Test
    void theEmbeddedStoreCouldBeItsOwnArtifact() throws IOException {
        assertEquals(List.of(), offenders("local", "import io.strongroom.service", "import io.strongroom.ui", "import io.strongroom.app",
                "import io.strongroom.cli"));
    }

    /** Per-user directories are found the same way by every layer, so they depend on none of them. */
    @Test
    void platformHelpersDependOnNoLayer() throws IOException {
        assertEquals(List.of(), offenders("platform", "import io.strongroom.domain", "import io.strongroom.service",
                "import io.strongroom.local", "import io.strongroom.ui", "import io.strongroom.app", "import io.strongroom.cli"));
    }

    private static List<String> offenders(String pkg, String... forbidden) throws IOException {
        Path dir = MAIN.resolve(pkg);
        assertFalse(!Files.isDirectory(dir), "run from the project directory");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(line -> Stream.of(forbidden).anyMatch(line::startsWith))
                            .map(line -> p.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
