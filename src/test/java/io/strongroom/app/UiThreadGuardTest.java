package io.strongroom.app;

import io.strongroom.ui.editor.Snapshots;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's clients refuse AWS calls on the JavaFX application thread, recognised by its name. */
class UiThreadGuardTest {

    @Test
    void theJavaFxApplicationThreadIsTheOneThatMustNotBlock() throws Exception {
        Snapshots.startFx();
        assertTrue(Snapshots.onFx(() -> Composition.isUiThread(Thread.currentThread())),
                "OpenJFX renamed its application thread: the guard would no longer see it");
        assertFalse(Composition.isUiThread(Thread.currentThread()));
    }
}
