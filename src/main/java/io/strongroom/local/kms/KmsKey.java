package io.strongroom.local.kms;

import java.time.Instant;

/** A KMS key's metadata as the store keeps it. Key material is never part of this record. */
public record KmsKey(
        String keyId,
        String accountId,
        String region,
        String arn,
        String description,
        String keyManager,
        String keyState,
        String keyUsage,
        String keySpec,
        String origin,
        String policy,
        boolean rotationEnabled,
        Integer rotationPeriodDays,
        Instant nextRotationAt,
        Instant deletionAt,
        Instant createdAt) {

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String PENDING_DELETION = "PendingDeletion";

    public boolean awsManaged() {
        return "AWS".equals(keyManager);
    }

    public boolean usable() {
        return ENABLED.equals(keyState);
    }
}
