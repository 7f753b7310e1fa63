package io.strongroom.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlessSnapshotTest {
    @Test
    void aNodeRendersToAPngWithoutADisplay() throws Exception {
        io.strongroom.ui.editor.Snapshots.startFx();
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            StackPane root = new StackPane(new Label("Strongroom"));
            new Scene(root, 200, 80);
            image.complete(root.snapshot(null, null));
        });
        Path out = Files.createTempFile("snap", ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(20, TimeUnit.SECONDS), null), "png", out.toFile());
        assertTrue(Files.size(out) > 100);
    }
}
