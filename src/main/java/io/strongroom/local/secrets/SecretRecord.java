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
        return toBuilder().description(d).build();
    }

    SecretRecord withKmsKeyRef(String k) {
        return toBuilder().kmsKeyRef(k).build();
    }

    SecretRecord withLastChangedAt(Instant t) {
        return toBuilder().lastChangedAt(t).build();
    }

    SecretRecord withDeletionAt(Instant t) {
        return toBuilder().deletionAt(t).build();
    }

    /** A record built field by field; a field never set is null (false for rotationEnabled). */
    static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's fields, to copy it with some of them changed. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.arn = arn;
        b.accountId = accountId;
        b.region = region;
        b.name = name;
        b.description = description;
        b.kmsKeyRef = kmsKeyRef;
        b.owningService = owningService;
        b.primaryRegion = primaryRegion;
        b.createdAt = createdAt;
        b.lastChangedAt = lastChangedAt;
        b.lastAccessedAt = lastAccessedAt;
        b.deletionAt = deletionAt;
        b.rotationEnabled = rotationEnabled;
        b.rotationLambdaArn = rotationLambdaArn;
        b.rotationRules = rotationRules;
        b.lastRotatedAt = lastRotatedAt;
        b.nextRotationAt = nextRotationAt;
        b.resourcePolicy = resourcePolicy;
        return b;
    }

    /** Builds a {@link SecretRecord} by field name rather than by position among eighteen. */
    static final class Builder {
        private String arn;
        private String accountId;
        private String region;
        private String name;
        private String description;
        private String kmsKeyRef;
        private String owningService;
        private String primaryRegion;
        private Instant createdAt;
        private Instant lastChangedAt;
        private Instant lastAccessedAt;
        private Instant deletionAt;
        private boolean rotationEnabled;
        private String rotationLambdaArn;
        private String rotationRules;
        private Instant lastRotatedAt;
        private Instant nextRotationAt;
        private String resourcePolicy;

        Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        Builder region(String region) {
            this.region = region;
            return this;
        }

        Builder name(String name) {
            this.name = name;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder kmsKeyRef(String kmsKeyRef) {
            this.kmsKeyRef = kmsKeyRef;
            return this;
        }

        Builder owningService(String owningService) {
            this.owningService = owningService;
            return this;
        }

        Builder primaryRegion(String primaryRegion) {
            this.primaryRegion = primaryRegion;
            return this;
        }

        Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        Builder lastChangedAt(Instant lastChangedAt) {
            this.lastChangedAt = lastChangedAt;
            return this;
        }

        Builder lastAccessedAt(Instant lastAccessedAt) {
            this.lastAccessedAt = lastAccessedAt;
            return this;
        }

        Builder deletionAt(Instant deletionAt) {
            this.deletionAt = deletionAt;
            return this;
        }

        Builder rotationEnabled(boolean rotationEnabled) {
            this.rotationEnabled = rotationEnabled;
            return this;
        }

        Builder rotationLambdaArn(String rotationLambdaArn) {
            this.rotationLambdaArn = rotationLambdaArn;
            return this;
        }

        Builder rotationRules(String rotationRules) {
            this.rotationRules = rotationRules;
            return this;
        }

        Builder lastRotatedAt(Instant lastRotatedAt) {
            this.lastRotatedAt = lastRotatedAt;
            return this;
        }

        Builder nextRotationAt(Instant nextRotationAt) {
            this.nextRotationAt = nextRotationAt;
            return this;
        }

        Builder resourcePolicy(String resourcePolicy) {
            this.resourcePolicy = resourcePolicy;
            return this;
        }

        SecretRecord build() {
            return new SecretRecord(arn, accountId, region, name, description, kmsKeyRef, owningService, primaryRegion, createdAt,
                    lastChangedAt, lastAccessedAt, deletionAt, rotationEnabled, rotationLambdaArn, rotationRules,
                    lastRotatedAt, nextRotationAt, resourcePolicy);
        }
    }
}
