package io.strongroom.domain;

import java.util.Objects;

/**
 * One region to replicate a secret to, as ReplicateSecretToRegions' {@code AddReplicaRegions}
 * names it: the region and the KMS key that encrypts the replica there (a key ID, ARN or alias in
 * that region; null for the region's {@code aws/secretsmanager}).
 */
public record ReplicaTarget(String region, String kmsKeyId) {

    public ReplicaTarget {
        Objects.requireNonNull(region, "region");
        if (kmsKeyId != null && kmsKeyId.isBlank()) {
            kmsKeyId = null;
        }
    }

    /** The region, encrypted with its {@code aws/secretsmanager} key. */
    public static ReplicaTarget of(String region) {
        return new ReplicaTarget(region, null);
    }
}
