package io.strongroom.app;

import io.strongroom.testing.FxThread;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opt-in start-up probe: milestones written once each, in order, and nothing without the property. */
class StartupProbeTest {

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by another test
        }
        Platform.setImplicitExit(false);
    }

    /** Asks the probe to attach to a new window, then closes or shows it as {@code after} does. */
    private static boolean attachToAWindow(Consumer<Stage> after) throws Exception {
        return FxThread.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 100, 100));
            boolean a = StartupProbe.attachIfRequested(s, FXCollections.observableArrayList(), new SimpleBooleanProperty());
            after.accept(s);
            return a;
        });
    }

    private static List<String> milestones(Path file, int expected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.size() >= expected || System.nanoTime() > end) {
                return lines.stream().map(l -> l.split(" ")[0]).toList();
            }
            Thread.sleep(20);
        }
    }

    @Test
    void writesWindowFirstRowsAndLoadedOnceEach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.txt");
        ObservableList<String> rows = FXCollections.observableArrayList();
        SimpleBooleanProperty loading = new SimpleBooleanProperty();
        Stage stage = FxThread.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(new Label("inventory")), 200, 100));
            StartupProbe.attach(file, s, rows, loading);
            s.show();
            return s;
        });
        assertEquals(List.of("window-shown"), milestones(file, 1));

        FxThread.call(() -> {
            loading.set(true);
            rows.addAll("a", "b");
            return null;
        });
        assertEquals(List.of("window-shown", "first-rows"), milestones(file, 2));
        FxThread.call(() -> {
            rows.add("c");
            loading.set(false);
            return null;
        });
        assertEquals(List.of("window-shown", "first-rows", "loaded"), milestones(file, 3));

        String[] loaded = Files.readAllLines(file).get(2).split(" ");
        assertEquals(4, loaded.length, "milestone, epoch ms, ms since JVM start, rows");
        assertEquals("3", loaded[3]);
        FxThread.call(() -> {
            rows.add("d");
            loading.set(true);
            loading.set(false);
            stage.close();
            return null;
        });
        Thread.sleep(200);
        assertEquals(3, Files.readAllLines(file).size(), "each milestone is written once");
    }

    @Test
    void isOffWithoutTheProperty() throws Exception {
        String before = System.clearProperty(StartupProbe.PROPERTY);
        try {
            boolean attached = attachToAWindow(Stage::close);
            assertFalse(attached);
        } finally {
            if (before != null) {
                System.setProperty(StartupProbe.PROPERTY, before);
            }
        }
    }

    @Test
    void isOnWithTheProperty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.txt");
        System.setProperty(StartupProbe.PROPERTY, file.toString());
        try {
            boolean attached = attachToAWindow(Stage::show);
            assertTrue(attached);
            assertEquals(List.of("window-shown"), milestones(file, 1));
        } finally {
            System.clearProperty(StartupProbe.PROPERTY);
        }
    }
}
