package io.strongroom.service.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What the journal keeps of a policy document that was written: its size in UTF-8 bytes and the
 * SHA-256 of those bytes, in lowercase hex. A policy is not a secret, but it may be 20 KB, and the
 * journal is append-only and kept forever; the digest is enough to prove which document was
 * applied ({@code sha256sum policy.json} on the file that was sent gives the same hex).
 */
public record PolicyDigest(int bytes, String sha256) {

    private static final int HEX_LENGTH = 64;

    public PolicyDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0 || sha256.length() != HEX_LENGTH || !sha256.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a policy digest is a size and 64 hex digits");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    /** The digest of {@code document} as it is sent (UTF-8). */
    public static PolicyDigest of(String document) {
        byte[] utf8 = document.getBytes(StandardCharsets.UTF_8);
        try {
            return new PolicyDigest(utf8.length, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
