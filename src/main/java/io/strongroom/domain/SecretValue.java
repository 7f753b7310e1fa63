package io.strongroom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version's value as read with GetSecretValue or BatchGetSecretValue. {@link #toString()}
 * names the secret and version but never the value.
 */
public record SecretValue(String arn, String name, String versionId, List<String> stages, Instant created,
                          SecretPayload payload) {

    public SecretValue {
        Objects.requireNonNull(payload, "payload");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    @Override
    public String toString() {
        return "SecretValue[" + name + ", version " + versionId + ", stages " + stages + ", value ****]";
    }
}
