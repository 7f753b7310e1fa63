package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repair and wizard texts: the bundle loads under its hyphenated name, every pattern is valid, every key the code names exists. */
class RepairTextsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/strongroom/ui/rotation");
    private static final Pattern LITERAL_KEY = Pattern.compile("format\\(\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

    private final Texts texts = Texts.load(Locale.ROOT).in(RepairContext.BUNDLE);
    private final ResourceBundle bundle = texts.bundle();

    @Test
    void theBundleLoadsThroughTexts() {
        assertEquals("Repair rotation", texts.format("repair.title"));
        assertEquals("The secret's own function", texts.format("repair.functionOwn"), "doubled quotes are undone by format");
    }

    @Test
    void everyPatternIsAValidMessageFormat() {
        List<String> broken = new ArrayList<>();
        for (String key : bundle.keySet()) {
            try {
                String shown = new MessageFormat(bundle.getString(key), Locale.ROOT).toPattern();
                assertFalse(shown.isEmpty(), key);
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getFileName().toString().matches("(Repair|ManualRotation).*")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!texts.has(key) && !key.startsWith("password.")) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        for (RotationState.Status s : RotationState.Status.values()) {
            check(missing, "headline." + s.name().toLowerCase(Locale.ROOT));
        }
        for (RepairPlan.Repair r : RepairPlan.Repair.values()) {
            String k = r.name().toLowerCase(Locale.ROOT);
            for (String prefix : List.of("repair.name.", "repair.about.", "repair.run.", "confirm.", "confirm.title.", "done.")) {
                check(missing, prefix + k);
            }
        }
        for (RepairStep.Status s : RepairStep.Status.values()) {
            check(missing, "step.status." + s.name().toLowerCase(Locale.ROOT));
        }
        for (String what : List.of("promote", "discard")) {
            check(missing, "manual.confirm." + what);
            check(missing, "manual.confirm.title." + what);
        }
        for (int n = 1; n <= 4; n++) {
            check(missing, "manual.step." + n);
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    private void check(List<String> missing, String key) {
        if (!texts.has(key)) {
            missing.add(key);
        }
    }
}
