package io.strongroom.local.kms;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KMS test class with one embedded store of its own, started afresh before each subclass's
 * tests and closed after them, the first admin's KMS client, and the checks of a KMS refusal.
 */
abstract class KmsTestCase {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static KmsClient kms;

    @BeforeAll
    static void openClient() {
        kms = store.kms();
    }

    static SdkBytes bytes(String s) {
        return SdkBytes.fromString(s, StandardCharsets.UTF_8);
    }

    /** Runs {@code call}, expects an AWS error with {@code code} and a 4xx status, returns it for more checks. */
    static KmsException fails(String code, Executable call) {
        KmsException e = assertThrows(KmsException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), () -> "message was: " + e.awsErrorDetails().errorMessage());
        assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, "status " + e.statusCode());
        return e;
    }

    static String message(KmsException e) {
        return e.awsErrorDetails().errorMessage();
    }
}
