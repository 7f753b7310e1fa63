package io.strongroom.local.rotation;

/**
 * A rotation function the store can run for a secret, addressed by a Lambda-style ARN
 * ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}) and listed by Lambda's ListFunctions.
 * The store calls {@link #run} once per step, in order, as Secrets Manager invokes a rotation
 * Lambda; a step that throws ends the rotation with that step recorded as the failed one.
 */
public interface RotationFunction {

    /** The function name, e.g. {@code strongroom-random-value}: the last part of its ARN. */
    String name();

    /** One sentence for ListFunctions' Description and the console's function picker. */
    String description();

    /** Runs one step for the secret and token of {@code ctx}. */
    void run(RotationStep step, RotationContext ctx) throws RotationException;
}
