package io.strongroom.local.iam;

import io.strongroom.local.crypto.Aead;

/** The random identifiers IAM and STS hand out, in AWS's shapes. */
final class Ids {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Ids() {
    }

    /** A unique ID such as {@code AIDA...} (user), {@code AROA...} (role), {@code ANPA...} (policy): prefix and 17 characters. */
    static String unique(String prefix) {
        return prefix + base32(17);
    }

    /** An access key ID: {@code AKIA} for long-term keys, {@code ASIA} for temporary ones, 20 characters in all. */
    static String accessKeyId(String prefix) {
        return prefix + base32(16);
    }

    /** A secret access key: 40 characters of base64's alphabet. */
    static String secretAccessKey() {
        return fromAlphabet(SECRET_ALPHABET, 40);
    }

    static String base32(int length) {
        return fromAlphabet(BASE32, length);
    }

    private static String fromAlphabet(String alphabet, int length) {
        byte[] r = Aead.randomBytes(length);
        StringBuilder sb = new StringBuilder(length);
        for (byte b : r) {
            sb.append(alphabet.charAt((b & 0xff) % alphabet.length()));
        }
        return sb.toString();
    }
}
