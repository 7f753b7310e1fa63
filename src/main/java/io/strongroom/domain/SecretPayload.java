package io.strongroom.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret's value: either text ({@code SecretString}) or bytes ({@code SecretBinary}). It is
 * a class rather than a record so the bytes can be copied in and out and so that no generated
 * {@code toString} can ever print it: {@link #toString()} shows only the kind and size.
 */
public final class SecretPayload {

    private final String text;
    private final byte[] binary;

    private SecretPayload(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    public static SecretPayload ofText(String text) {
        return new SecretPayload(Objects.requireNonNull(text, "text"), null);
    }

    public static SecretPayload ofBinary(byte[] bytes) {
        return new SecretPayload(null, Objects.requireNonNull(bytes, "bytes").clone());
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** The text value; for a binary secret, its bytes decoded as UTF-8 (what a viewer shows). */
    public String text() {
        return binary == null ? text : new String(binary, StandardCharsets.UTF_8);
    }

    /** The value's bytes: a copy, UTF-8 for a text secret. */
    public byte[] bytes() {
        return binary == null ? text.getBytes(StandardCharsets.UTF_8) : binary.clone();
    }

    /** Size in bytes as AWS counts it (UTF-8 for text). */
    public int size() {
        return binary == null ? text.getBytes(StandardCharsets.UTF_8).length : binary.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretPayload other && isBinary() == other.isBinary()
                && MessageDigest.isEqual(bytes(), other.bytes());
    }

    @Override
    public int hashCode() {
        // Deliberately weak: a hash of a secret is itself a leak if it is ever printed.
        return Objects.hash(isBinary(), size());
    }

    @Override
    public String toString() {
        return "SecretPayload[" + (isBinary() ? "binary" : "text") + ", " + size() + " bytes, ****]";
    }
}
