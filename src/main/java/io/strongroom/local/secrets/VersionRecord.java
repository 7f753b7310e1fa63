package io.strongroom.local.secrets;

import java.time.Instant;

/** One version of a secret: its value sealed under a data key that KMS encrypted. */
record VersionRecord(String versionId, Instant createdAt, Instant lastAccessedAt, String valueKind,
                     byte[] encryptedDataKey, byte[] sealedValue, String kmsKeyArn) {

    static final String STRING = "string";
    static final String BINARY = "binary";

    @Override
    public String toString() {
        return "VersionRecord[" + versionId + "]";
    }
}
