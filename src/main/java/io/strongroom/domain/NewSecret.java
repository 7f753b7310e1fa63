package io.strongroom.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A secret to create. {@code kmsKeyId} null means the AWS managed key {@code aws/secretsmanager};
 * {@code value} may be null to create a secret without a version. The client request token makes
 * a retried create a no-op instead of a second version.
 */
public record NewSecret(String name, String description, String kmsKeyId, SecretPayload value,
                        Map<String, String> tags, String clientRequestToken) {

    public NewSecret {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    @Override
    public String toString() {
        return "NewSecret[" + name + (value == null ? "" : ", value ****") + ", tags " + tags.keySet() + "]";
    }
}
