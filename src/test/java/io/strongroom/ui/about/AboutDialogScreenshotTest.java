package io.strongroom.ui.about;

import io.strongroom.testing.RecordingClipboard;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The About dialog built over the current build's information, headless under Monocle: the
 * filter narrows the real table, "Copy details" copies and leaves the dialog as it is, and the
 * dialog is written to {@code about-light.png} / {@code about-dark.png}.
 */
class AboutDialogScreenshotTest {

    static final int WIDTH = 860;
    static final int HEIGHT = 620;

    @BeforeAll
    static void fx() throws Exception {
        Snapshots.startFx();
    }

    @Test
    void filterAndCopyWorkThroughTheDialogsControls() throws Exception {
        RecordingClipboard clipboard = new RecordingClipboard();
        AboutViewModel vm = new AboutViewModel(AboutInfo.current(), clipboard);
        StackPane root = Snapshots.onFx(() -> detached(new AboutDialog(vm, Texts.load())));
        Snapshots.settle();
        Snapshots.onFx(() -> {
            root.applyCss();     // the scene has no window: skins (the button bar's buttons) come with a CSS pass
            root.layout();
            @SuppressWarnings("unchecked")
            TableView<Library> table = (TableView<Library>) root.lookup("#" + AboutDialog.TABLE_ID);
            int all = table.getItems().size();
            ((TextField) root.lookup("#" + AboutDialog.FILTER_ID)).setText("sqlite");
            assertEquals(1, table.getItems().size(), "only sqlite-jdbc");
            assertEquals("org.xerial:sqlite-jdbc", table.getItems().get(0).name());
            ((TextField) root.lookup("#" + AboutDialog.FILTER_ID)).setText("");
            assertEquals(all, table.getItems().size());
            ((Button) root.lookup("#" + AboutDialog.COPY_ID)).fire();
            return null;
        });
        assertTrue(clipboard.current().startsWith("Strongroom " + vm.version()), clipboard.current());
    }

    @Test
    void light() throws Exception {
        render(false, "about-light.png");
    }

    @Test
    void dark() throws Exception {
        render(true, "about-dark.png");
    }

    private static void render(boolean dark, String name) throws Exception {
        Snapshots.theme(dark);
        try {
            AboutViewModel vm = new AboutViewModel(AboutInfo.current(), new RecordingClipboard());
            StackPane root = Snapshots.onFx(() -> detached(new AboutDialog(vm, Texts.load())));
            Snapshots.settle();
            Path out = Snapshots.write(root, name);
            BufferedImage image = ImageIO.read(out.toFile());
            assertEquals(WIDTH, image.getWidth());
            assertTrue(image.getHeight() >= HEIGHT, "height " + image.getHeight());
        } finally {
            Snapshots.theme(false);
        }
    }

    /** The dialog's pane in a scene of its own (Monocle's headless screen is smaller than a shown dialog's window). */
    static StackPane detached(AboutDialog dialog) {
        DialogPane pane = dialog.getDialogPane();
        dialog.setDialogPane(new DialogPane());
        StackPane root = new StackPane(pane);
        new Scene(root, WIDTH, HEIGHT);
        pane.setStyle("-fx-pref-width: " + WIDTH + "px; -fx-max-width: " + WIDTH + "px; -fx-min-height: " + HEIGHT + "px;");
        return root;
    }
}
