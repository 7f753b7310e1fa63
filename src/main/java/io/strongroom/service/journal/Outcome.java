package io.strongroom.service.journal;

import java.util.Objects;

/**
 * How an action ended. For a failure: the AWS error code (or a client-side one such as
 * {@code Unreachable}), the request ID when AWS answered, and the HTTP status (0 without a
 * response). The error message is not kept: AWS messages can quote request input back, and the
 * code and request ID are what CloudTrail and AWS support need.
 *
 * @param targetArn the secret's ARN as the backend reported it (successes only)
 * @param versionId the version the action created, when it created one
 */
public record Outcome(ResultState result, String targetArn, String versionId, String errorCode, String requestId,
                      int httpStatus) {

    public Outcome {
        Objects.requireNonNull(result, "result");
    }

    static final Outcome IN_PROGRESS = new Outcome(ResultState.IN_PROGRESS, null, null, null, null, 0);
    static final Outcome UNKNOWN = new Outcome(ResultState.UNKNOWN, null, null, null, null, 0);

    public boolean isFailure() {
        return result == ResultState.FAILED;
    }
}
