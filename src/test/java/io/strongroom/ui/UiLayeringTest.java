package io.strongroom.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DESIGN.md's console rules, checked on the sources: view models touch no scene class and call no backend but the services. */
class UiLayeringTest {

    @Test
    void viewModelsImportNoSceneClassesAndNoBackend() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/strongroom/ui"))) {
            List<String> offenders = files.filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import javafx.scene") || l.startsWith("import io.strongroom.local")
                                    || l.startsWith("import software.amazon"))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
