package io.strongroom.testing;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assertions on refusals as an SDK client sees them: the AWS error code a caller switches on,
 * and a 4xx status (a 5xx from the embedded store is always a bug).
 */
public final class AwsErrors {

    private AwsErrors() {}

    /** Runs {@code call}, expects it refused with {@code code} and a 4xx status, and returns the exception. */
    public static AwsServiceException refused(String code, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), "AWS error code");
        assertClientError(e.statusCode());
        return e;
    }

    /** Like {@link #refused(String, Executable)}, also checking the SDK mapped it to the modeled exception type. */
    public static <T extends AwsServiceException> T refused(Class<T> type, String code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), "AWS error code");
        assertClientError(e.statusCode());
        return e;
    }

    public static void assertClientError(int status) {
        assertTrue(status >= 400 && status < 500, "expected a 4xx status, got " + status);
    }
}
