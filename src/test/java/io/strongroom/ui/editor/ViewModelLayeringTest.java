package io.strongroom.ui.editor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DESIGN.md's rules for the secret and editor packages, checked on the sources: view models and
 * the models they are built from never touch {@code javafx.scene} (they run without the FX
 * thread), views never call the service layer, and no one but {@link Mutations} performs writes.
 */
class ViewModelLayeringTest {

    private static final Path UI = Path.of("src/main/java/io/strongroom/ui");
    /** The classes that make up the views; everything else in these packages is view-model side. */
    private static final Set<String> VIEWS = Set.of("SecretDetailView.java", "CreateSecretDialog.java", "NewValueDialog.java",
            "EditSecretDialog.java", "DeleteSecretDialog.java", "EditorDialog.java", "ValueEditorView.java",
            "PlannedDeletionsView.java", "SecretDialogs.java", "EditorControls.java", "InventoryActions.java");

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        assertEquals(List.of(), offenders(f -> !VIEWS.contains(f.getFileName().toString()), "import javafx.scene", "import javafx.stage",
                "import atlantafx", "import org.kordamp", "import org.controlsfx"));
    }

    @Test
    void viewsNeverCallTheServiceLayer() {
        assertEquals(List.of(), offenders(f -> VIEWS.contains(f.getFileName().toString()), "import io.strongroom.service"));
    }

    @Test
    void onlyMutationRecordsCallTheWritingServiceMethods() {
        List<String> writes = List.of(".create(", ".putValue(", ".update(", ".rollback(", ".delete(", ".restore(", ".tag(", ".untag(",
                ".moveStage(");
        List<String> found = files().filter(f -> !f.getFileName().toString().equals("Mutation.java"))
                .flatMap(f -> lines(f).stream().filter(l -> l.contains("secrets().") || l.contains("secrets."))
                        .filter(l -> writes.stream().anyMatch(l::contains)).map(l -> f.getFileName() + ": " + l.strip()))
                .toList();
        assertEquals(List.of(), found);
    }

    private static List<String> offenders(java.util.function.Predicate<Path> which, String... forbidden) {
        return files().filter(which).flatMap(f -> lines(f).stream()
                .filter(l -> Stream.of(forbidden).anyMatch(l::startsWith)).map(l -> f.getFileName() + ": " + l)).toList();
    }

    private static Stream<Path> files() {
        try {
            return Stream.concat(Files.list(UI.resolve("secret")), Files.list(UI.resolve("editor")))
                    .filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
