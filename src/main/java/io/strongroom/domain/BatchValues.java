package io.strongroom.domain;

import java.util.List;

/**
 * What BatchGetSecretValue returned: the values it could read and, per secret, why it could
 * not read the others (AWS reports partial failures instead of failing the call).
 */
public record BatchValues(List<SecretValue> values, List<Failure> failures) {

    /** One secret the batch could not read. */
    public record Failure(String secretId, String errorCode, String message) {}

    public BatchValues {
        values = List.copyOf(values);
        failures = List.copyOf(failures);
    }
}
