package io.strongroom.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Opt-in start-up timing for the cold-start benchmark: started with
 * {@code -Dstrongroom.startupProbe=FILE}, the console appends one line per milestone to FILE,
 * written after the layout pass that first shows it:
 * <pre>
 *   window-shown &lt;epoch ms&gt; &lt;ms since JVM start&gt; &lt;rows&gt;
 *   first-rows   &lt;epoch ms&gt; &lt;ms since JVM start&gt; &lt;rows&gt;   (the inventory table has rows)
 *   loaded       &lt;epoch ms&gt; &lt;ms since JVM start&gt; &lt;rows&gt;   (the first load has finished)
 * </pre>
 * Off by default: without the property nothing is watched or written. Only times and row counts
 * are written, never a name or a value.
 */
final class StartupProbe {

    static final String PROPERTY = "strongroom.startupProbe";

    private final Path file;
    private final Window window;
    private final ObservableList<?> rows;
    private final ObservableBooleanValue loading;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private boolean windowShown;
    private boolean firstRows;
    private boolean loadStarted;
    private boolean loaded;

    private StartupProbe(Path file, Window window, ObservableList<?> rows, ObservableBooleanValue loading) {
        this.file = file;
        this.window = window;
        this.rows = rows;
        this.loading = loading;
    }

    /**
     * Watches {@code window}'s scene when the property is set (FX thread, after the scene is set);
     * returns whether it does.
     */
    static boolean attachIfRequested(Window window, ObservableList<?> rows, ObservableBooleanValue loading) {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return false;
        }
        attach(Path.of(target), window, rows, loading);
        return true;
    }

    static void attach(Path file, Window window, ObservableList<?> rows, ObservableBooleanValue loading) {
        StartupProbe probe = new StartupProbe(file, window, rows, loading);
        // a change only dirties the scene when the table shows it; ask for the pulse that reports it
        ListChangeListener<Object> rowsChanged = c -> Platform.requestNextPulse();
        ChangeListener<Boolean> loadingChanged = (o, was, now) -> {
            if (now) {
                probe.loadStarted = true;
            }
            Platform.requestNextPulse();
        };
        Scene scene = window.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (probe.afterLayout()) {
                    scene.removePostLayoutPulseListener(this);
                    rows.removeListener(rowsChanged);
                    loading.removeListener(loadingChanged);
                }
            }
        });
        rows.addListener(rowsChanged);
        loading.addListener(loadingChanged);
        if (loading.get()) {
            probe.loadStarted = true;
        }
        Platform.requestNextPulse();
    }

    /** Writes what is newly shown; true once every milestone is written. */
    private boolean afterLayout() {
        if (!windowShown && window.isShowing()) {
            windowShown = true;
            write("window-shown");
        }
        if (windowShown && !firstRows && !rows.isEmpty()) {
            firstRows = true;
            write("first-rows");
        }
        if (windowShown && loadStarted && !loaded && !loading.get()) {
            loaded = true;
            write("loaded");
        }
        return windowShown && firstRows && loaded;
    }

    private void write(String milestone) {
        long now = System.currentTimeMillis();
        String line = String.format(Locale.ROOT, "%s %d %d %d%n", milestone, now, now - jvmStart, rows.size());
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("strongroom: cannot write the start-up probe to " + file + ": " + e.getMessage());
        }
    }
}
