package io.strongroom.ui.editor;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import io.strongroom.testing.FxThread;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** JavaFX under headless Monocle for screenshot tests: start once, run on the FX thread, write PNGs. */
public final class Snapshots {

    /**
     * Where screenshots are written: {@code target/screenshots} by default, so an ordinary test
     * run leaves the committed images alone; {@code -Dstrongroom.screenshots=assets/screenshots}
     * refreshes the README's images.
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("strongroom.screenshots", "target/screenshots"));

    private Snapshots() {}

    /**
     * Starts JavaFX the way TestFX does, so that TestFX flows running later in the same JVM get
     * a working primary stage and robot (a toolkit started with {@code Platform.startup} first
     * leaves their clicks going nowhere).
     */
    public static void startFx() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    public static void theme(boolean dark) throws Exception {
        onFx(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    /** Runs {@code work} on the FX thread and waits up to a minute for its answer (rendering can be slow under load). */
    public static <T> T onFx(Callable<T> work) throws Exception {
        return FxThread.call(work, Duration.ofSeconds(60));
    }

    /** Lets pending layout and CSS passes run. */
    public static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            Thread.sleep(50);
        }
    }

    /** Snapshots {@code node} (on the FX thread) into {@link #SCREENSHOTS}{@code /name}. */
    public static Path write(Node node, String name) throws Exception {
        WritableImage image = onFx(() -> {
            node.applyCss();
            if (node instanceof javafx.scene.Parent p) {
                p.layout();
            }
            return node.snapshot(null, null);
        });
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        } catch (IOException e) {
            throw new IOException("could not write " + out, e);
        }
        return out;
    }
}
