package io.strongroom.local.secrets;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test class with one embedded store of its own and the first admin's Secrets Manager client.
 * The store starts afresh before each subclass's tests (and its {@code @BeforeAll} methods) and
 * is closed after them; test classes run one after another (no parallel execution is
 * configured), so each class sees only its own store.
 */
abstract class StoreTestCase {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static SecretsManagerClient sm;
    private static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void openClient() {
        sm = store.secrets();
    }

    /** A secret name no other test of the run uses: {@code prefix + what + "-" + n}. */
    static String uniqueName(String prefix, String what) {
        return prefix + what + "-" + SEQ.incrementAndGet();
    }
}
