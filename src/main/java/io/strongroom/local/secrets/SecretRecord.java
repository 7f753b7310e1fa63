package io.strongroom.local.secrets;

import java.time.Instant;

/** A secret's metadata row. Values live in {@link VersionRecord}s, sealed. */
record SecretRecord(
        String arn,
        String accountId,
        String region,
        String name,
        String description,
        String kmsKeyRef,
        String owningService,
        String primaryRegion,
        Instant createdAt,
        Instant lastChangedAt,
        Instant lastAccessedAt,
        Instant deletionAt,
        boolean rotationEnabled,
        String rotationLambdaArn,
        String rotationRules,
        Instant lastRotatedAt,
        Instant nextRotationAt,
        String resourcePolicy) {

    boolean scheduledForDeletion() {
        return deletionAt != null;
    }

    SecretRecord withDescription(String d) {
        return new SecretRecord(arn, accountId, region, name, d, kmsKeyRef, owningService, primaryRegion, createdAt, lastChangedAt,
                lastAccessedAt, deletionAt, rotationEnabled, rotationLambdaArn, rotationRules, lastRotatedAt, nextRotationAt, resourcePolicy);
    }

    SecretRecord withKmsKeyRef(String k) {
        return new SecretRecord(arn, accountId, region, name, description, k, owningService, primaryRegion, createdAt, lastChangedAt,
                lastAccessedAt, deletionAt, rotationEnabled, rotationLambdaArn, rotationRules, lastRotatedAt, nextRotationAt, resourcePolicy);
    }

    SecretRecord withLastChangedAt(Instant t) {
        return new SecretRecord(arn, accountId, region, name, description, kmsKeyRef, owningService, primaryRegion, createdAt, t,
                lastAccessedAt, deletionAt, rotationEnabled, rotationLambdaArn, rotationRules, lastRotatedAt, nextRotationAt, resourcePolicy);
    }

    SecretRecord withDeletionAt(Instant t) {
        return new SecretRecord(arn, accountId, region, name, description, kmsKeyRef, owningService, primaryRegion, createdAt, lastChangedAt,
                lastAccessedAt, t, rotationEnabled, rotationLambdaArn, rotationRules, lastRotatedAt, nextRotationAt, resourcePolicy);
    }
}
