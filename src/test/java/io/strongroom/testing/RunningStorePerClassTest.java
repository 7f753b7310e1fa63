package io.strongroom.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A per-class store: started with its class, shared with the nested classes, closed after the last of them. */
class RunningStorePerClassTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    static URI outerEndpoint;

    @BeforeAll
    static void runsBeforeTheClassesOwnSetUp() {
        outerEndpoint = store.store().endpoint();
        assertTrue(store.secrets().listSecrets(b -> { }).secretList().isEmpty());
    }

    @Nested
    class Inner {

        @Test
        void aNestedClassSharesTheStoreOfTheClassAroundIt() {
            assertEquals(outerEndpoint, store.store().endpoint());
            store.secrets().createSecret(b -> b.name("nested/still-running").secretString("v"));
        }
    }

    @Test
    void closesOnlyWhenTheOutermostClassEndsAndStartsAfreshForTheNext() {
        RunningStore shared = RunningStore.perClass();
        shared.beforeAll(null);
        Path firstDir = shared.dataDir();
        shared.beforeAll(null);                      // a nested class
        shared.afterAll(null);
        shared.secrets().createSecret(b -> b.name("outer/still-running").secretString("v"));
        shared.afterAll(null);
        assertFalse(Files.exists(firstDir), "closed and deleted after the outermost class");

        shared.beforeAll(null);                      // the next class that registers it
        try {
            assertNotEquals(firstDir, shared.dataDir());
            assertTrue(shared.secrets().listSecrets(b -> { }).secretList().isEmpty(), "a fresh store");
        } finally {
            shared.afterAll(null);
        }
    }
}
