package io.strongroom.ui.shell;

import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Coming in a later release" page, rendered under headless Monocle with the console's own
 * stylesheet: every icon on it must be drawn with the icon font (a text font has no glyph for an
 * icon's private-use code point and shows a box), and the page is written to
 * {@code target/screenshots/placeholder-findings.png} for a look.
 */
class PlaceholderViewSnapshotTest {

    @BeforeAll
    static void fx() throws Exception {
        Snapshots.startFx();
        Snapshots.theme(false);
    }

    @Test
    void everyIconOnThePlaceholderIsDrawnWithTheIconFont() throws Exception {
        PlaceholderView view = Snapshots.onFx(() -> {
            PlaceholderView page = new PlaceholderView(io.strongroom.ui.feature.PlannedSections.FINDINGS, Texts.load(java.util.Locale.ROOT));
            StackPane root = new StackPane(page);
            root.getStylesheets().add(Objects.requireNonNull(ShellView.class.getResource(Styles.STYLESHEET)).toExternalForm());
            new Scene(root, 640, 420);
            return page;
        });
        Snapshots.settle();
        Path png = Snapshots.write(view.getParent(), "placeholder-findings.png");
        assertTrue(Files.size(png) > 1000);

        List<FontIcon> icons = Snapshots.onFx(() -> view.lookupAll(".ikonli-font-icon").stream()
                .map(FontIcon.class::cast).toList());
        assertEquals(2, icons.size(), "the section's icon and the 'coming later' icon");
        String iconFamily = "Material Design Icons";      // the family of the pack's materialdesignicons-webfont.ttf
        Set<String> families = Snapshots.onFx(() -> icons.stream().map(i -> i.getFont().getFamily()).collect(Collectors.toSet()));
        assertEquals(Set.of(iconFamily), families, "icons drawn in a text font show a missing-glyph box");
    }
}
