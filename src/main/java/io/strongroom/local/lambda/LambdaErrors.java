package io.strongroom.local.lambda;

import io.strongroom.local.wire.AwsException;

/**
 * Lambda's own errors, with the HTTP status its model gives each: a missing function is a 404,
 * not the 400 the JSON 1.1 services answer with. Constraint violations of the model (lengths,
 * patterns, ranges) are the shared {@code ValidationException}, as Lambda answers them too.
 */
final class LambdaErrors {

    private LambdaErrors() {}

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", 404, message);
    }

    /** {@code Function not found: ARN}, the ARN as the request named it (with its qualifier, if any). */
    static AwsException functionNotFound(String arn) {
        return notFound("Function not found: " + arn);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterValueException", 400, message);
    }
}
