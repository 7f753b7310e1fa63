package io.strongroom.domain;

import java.time.Instant;
import java.util.List;

/**
 * One version of a secret as ListSecretVersionIds reports it, without its value. A version with
 * no staging labels is deprecated (AWS removes deprecated versions beyond 100).
 */
public record SecretVersion(String versionId, List<String> stages, Instant created, Instant lastAccessed,
                            List<String> kmsKeyIds) {

    public SecretVersion {
        stages = stages == null ? List.of() : List.copyOf(stages);
        kmsKeyIds = kmsKeyIds == null ? List.of() : List.copyOf(kmsKeyIds);
    }

    public boolean isCurrent() {
        return stages.contains(VersionSelector.AWSCURRENT);
    }

    public boolean isDeprecated() {
        return stages.isEmpty();
    }
}
