package io.strongroom.ui.editor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The editor's view-model tests: one embedded store for the test class ({@link #fx}, started
 * before its own {@code @BeforeAll} methods run) and fresh fakes for every test ({@link #fakes}:
 * recording mutations, scripted dialogs, read-only off).
 */
abstract class EditorStoreTest {

    static StoreFixture fx;
    StoreFixture.Fakes fakes;

    @BeforeAll
    static void startStore() {
        fx = new StoreFixture();
    }

    @AfterAll
    static void stopStore() {
        fx.close();
    }

    @BeforeEach
    void newFakes() {
        fakes = fx.fakes(false);
    }
}
