package io.strongroom.local.iam;

import io.strongroom.local.wire.AwsException;

/** IAM's errors, with the codes and HTTP statuses of the IAM API reference. */
public final class IamErrors {

    private IamErrors() {
    }

    public static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    public static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    public static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    public static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocument", 400, message);
    }

    public static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", 400, message);
    }
}
