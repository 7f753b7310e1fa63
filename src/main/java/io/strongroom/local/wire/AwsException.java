package io.strongroom.local.wire;

/**
 * An AWS-shaped failure: the error code a client switches on, a message safe to show and
 * log, and the HTTP status. Every refusal the embedded store makes leaves as one of these;
 * anything else escaping a handler is a bug and is reported as InternalFailure.
 *
 * <p>Messages must never contain secret material: callers build them from names, ARNs and
 * limits only.
 */
public final class AwsException extends RuntimeException {

    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Client errors are 4xx; the store's own failures are 5xx (and are bugs). */
    public boolean senderFault() {
        return status < 500;
    }

    // ---- Errors shared by every JSON service -------------------------------------------------

    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
    }

    public static AwsException unknownOperation(String target) {
        return new AwsException("UnknownOperationException", 400,
                target == null ? "Missing X-Amz-Target header" : "Unrecognized operation: " + target);
    }

    public static AwsException accessDenied(String message) {
        return new AwsException("AccessDeniedException", 400, message);
    }

    public static AwsException throttling(String message) {
        return new AwsException("ThrottlingException", 400, message);
    }

    public static AwsException internal() {
        return new AwsException("InternalFailure", 500, "The request processing has failed because of an unknown error.");
    }

    // ---- Secrets Manager ----------------------------------------------------------------------

    public static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFoundException", 400, message);
    }

    public static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", 400, message);
    }

    public static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequestException", 400, message);
    }

    public static AwsException resourceExists(String message) {
        return new AwsException("ResourceExistsException", 400, message);
    }

    public static AwsException invalidNextToken(String message) {
        return new AwsException("InvalidNextTokenException", 400, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", 400, message);
    }
}
