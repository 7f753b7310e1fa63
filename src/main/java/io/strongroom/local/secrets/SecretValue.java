package io.strongroom.local.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A plaintext secret value in memory, string or binary. Never printed. */
record SecretValue(String kind, byte[] bytes) {

    static SecretValue ofString(String s) {
        return new SecretValue(VersionRecord.STRING, s.getBytes(StandardCharsets.UTF_8));
    }

    static SecretValue ofBinary(byte[] b) {
        return new SecretValue(VersionRecord.BINARY, b);
    }

    boolean isString() {
        return VersionRecord.STRING.equals(kind);
    }

    String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, for idempotency checks. */
    boolean sameAs(SecretValue other) {
        return kind.equals(other.kind) && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "SecretValue[" + kind + ", ***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue v && sameAs(v);
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }
}
