package io.strongroom.local.identitycenter;

import io.strongroom.local.crypto.Aead;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Random bearer secrets (client secrets, device codes, tokens) and the digests they are stored by. */
final class Tokens {

    private Tokens() {}

    /** {@code prefix} and {@code bytes} random bytes, URL-safe Base64 without padding. */
    static String random(String prefix, int bytes) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.randomBytes(bytes));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares digests in time independent of where they differ. */
    static boolean sameDigest(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
