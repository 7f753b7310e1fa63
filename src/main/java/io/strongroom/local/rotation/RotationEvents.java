package io.strongroom.local.rotation;

import java.time.Instant;

/**
 * Where the store reports what its rotations do: Secrets Manager's service events
 * {@value #STARTED}, {@value #SUCCEEDED}, {@value #FAILED} and {@value #ABANDONED}, for the
 * audit trail, shaped as AWS records them: {@code additionalEventData} holds the secret's ARN,
 * the request ID is {@code Rotation-<secret ARN>-<token>}, and a failure's {@code errorMessage}
 * names the function and the step ("Error when executing lambda ARN during setSecret step"), to
 * which the store adds why after a colon. Never a value.
 */
@FunctionalInterface
public interface RotationEvents {

    String STARTED = "RotationStarted";
    String SUCCEEDED = "RotationSucceeded";
    String FAILED = "RotationFailed";
    String ABANDONED = "RotationAbandoned";

    /** {@code errorMessage} is null but for RotationFailed. */
    void record(String eventName, String accountId, String region, String secretArn, String token, Instant at, String errorMessage);
}
