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

    public boolean pendingDeletion() {
        return PENDING_DELETION.equals(keyState);
    }

    /** This key in another state; {@code deletionAt} is kept only while pending deletion. */
    public KmsKey withState(String state, Instant deletionAt) {
        return new KmsKey(keyId, accountId, region, arn, description, keyManager, state, keyUsage, keySpec, origin, policy,
                rotationEnabled, rotationPeriodDays, nextRotationAt, PENDING_DELETION.equals(state) ? deletionAt : null, createdAt);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(keyId, accountId, region, arn, newDescription, keyManager, keyState, keyUsage, keySpec, origin, policy,
                rotationEnabled, rotationPeriodDays, nextRotationAt, deletionAt, createdAt);
    }

    public KmsKey withPolicy(String newPolicy) {
        return new KmsKey(keyId, accountId, region, arn, description, keyManager, keyState, keyUsage, keySpec, origin, newPolicy,
                rotationEnabled, rotationPeriodDays, nextRotationAt, deletionAt, createdAt);
    }

    /** Automatic rotation on ({@code periodDays} apart, next at {@code next}) or off (both null). */
    public KmsKey withRotation(boolean enabled, Integer periodDays, Instant next) {
        return new KmsKey(keyId, accountId, region, arn, description, keyManager, keyState, keyUsage, keySpec, origin, policy,
                enabled, enabled ? periodDays : null, enabled ? next : null, deletionAt, createdAt);
    }
}
