package io.strongroom.local.kms;

import io.strongroom.local.crypto.CryptoException;

import javax.crypto.Cipher;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Signatures over a digest already made, with the JDK's providers: ECDSA ({@code NONEwithECDSA},
 * DER-encoded as KMS returns it), RSA PKCS #1 v1.5 ({@code NONEwithRSA} over the DigestInfo), and
 * RSA PSS, whose encoding (RFC 8017, 9.1; MGF1 with the message hash, salt as long as the hash,
 * as KMS uses it) is made here because the JDK's RSASSA-PSS only signs whole messages.
 */
final class KmsSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KmsSignatures() {}

    static String hashOf(String algorithm) {
        if (algorithm.endsWith("SHA_384")) return "SHA-384";
        if (algorithm.endsWith("SHA_512")) return "SHA-512";
        return "SHA-256";
    }

    static int hashLength(String hash) {
        return switch (hash) {
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> 32;
        };
    }

    static byte[] sign(PrivateKey key, String algorithm, byte[] digest) {
        try {
            if (algorithm.startsWith("ECDSA")) {
                Signature signature = Signature.getInstance("NONEwithECDSA");
                signature.initSign(key);
                signature.update(digest);
                return signature.sign();
            }
            if (algorithm.startsWith("RSASSA_PKCS1_V1_5")) {
                Signature signature = Signature.getInstance("NONEwithRSA");
                signature.initSign(key);
                signature.update(digestInfo(hashOf(algorithm), digest));
                return signature.sign();
            }
            int modulusBits = ((RSAKey) key).getModulus().bitLength();
            byte[] encoded = pssEncode(hashOf(algorithm), digest, modulusBits - 1);
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            return rsa.doFinal(encoded);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code algorithm}'s signature of {@code digest} under {@code key}; a malformed one is not. */
    static boolean verify(PublicKey key, String algorithm, byte[] digest, byte[] signature) {
        try {
            if (algorithm.startsWith("ECDSA")) {
                Signature verifier = Signature.getInstance("NONEwithECDSA");
                verifier.initVerify(key);
                verifier.update(digest);
                return verifier.verify(signature);
            }
            if (algorithm.startsWith("RSASSA_PKCS1_V1_5")) {
                Signature verifier = Signature.getInstance("NONEwithRSA");
                verifier.initVerify(key);
                verifier.update(digestInfo(hashOf(algorithm), digest));
                return verifier.verify(signature);
            }
            int modulusBits = ((RSAKey) key).getModulus().bitLength();
            int length = (modulusBits + 7) / 8;
            if (signature.length != length) {
                return false;
            }
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            byte[] opened = rsa.doFinal(signature);
            return pssVerify(hashOf(algorithm), digest, opened, modulusBits - 1);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---- PKCS #1 v1.5 -------------------------------------------------------------------------

    /** The DER prefixes of DigestInfo for SHA-256, -384 and -512 (RFC 8017, 9.2, note 1). */
    private static byte[] digestInfo(String hash, byte[] digest) {
        String prefix = switch (hash) {
            case "SHA-384" -> "3041300d060960864801650304020205000430";
            case "SHA-512" -> "3051300d060960864801650304020305000440";
            default -> "3031300d060960864801650304020105000420";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex(prefix));
        out.writeBytes(digest);
        return out.toByteArray();
    }

    // ---- PSS ----------------------------------------------------------------------------------

    private static byte[] pssEncode(String hash, byte[] digest, int emBits) throws GeneralSecurityException {
        int hLen = hashLength(hash);
        int emLen = (emBits + 7) / 8;
        byte[] salt = new byte[hLen];
        RANDOM.nextBytes(salt);
        byte[] h = pssHash(hash, digest, salt);
        byte[] db = new byte[emLen - hLen - 1];
        db[db.length - hLen - 1] = 0x01;
        System.arraycopy(salt, 0, db, db.length - hLen, hLen);
        byte[] mask = mgf1(hash, h, db.length);
        for (int i = 0; i < db.length; i++) db[i] ^= mask[i];
        db[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
        byte[] em = new byte[emLen];
        System.arraycopy(db, 0, em, 0, db.length);
        System.arraycopy(h, 0, em, db.length, hLen);
        em[emLen - 1] = (byte) 0xBC;
        return em;
    }

    private static boolean pssVerify(String hash, byte[] digest, byte[] opened, int emBits) throws GeneralSecurityException {
        int hLen = hashLength(hash);
        int emLen = (emBits + 7) / 8;
        // The RSA output is as long as the modulus; EM is its last emLen bytes, the rest must be zero.
        for (int i = 0; i < opened.length - emLen; i++) {
            if (opened[i] != 0) return false;
        }
        byte[] em = Arrays.copyOfRange(opened, opened.length - emLen, opened.length);
        if (emLen < 2 * hLen + 2 || em[emLen - 1] != (byte) 0xBC) {
            return false;
        }
        byte[] db = Arrays.copyOfRange(em, 0, emLen - hLen - 1);
        byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
        int topBits = 8 * emLen - emBits;
        if ((db[0] & (0xFF << (8 - topBits)) & 0xFF) != 0) {
            return false;
        }
        byte[] mask = mgf1(hash, h, db.length);
        for (int i = 0; i < db.length; i++) db[i] ^= mask[i];
        db[0] &= (byte) (0xFF >>> topBits);
        int saltStart = db.length - hLen;
        for (int i = 0; i < saltStart - 1; i++) {
            if (db[i] != 0) return false;
        }
        if (db[saltStart - 1] != 0x01) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(db, saltStart, db.length);
        return MessageDigest.isEqual(h, pssHash(hash, digest, salt));
    }

    private static byte[] pssHash(String hash, byte[] digest, byte[] salt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hash);
        md.update(new byte[8]);
        md.update(digest);
        md.update(salt);
        return md.digest();
    }

    private static byte[] mgf1(String hash, byte[] seed, int length) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hash);
        byte[] out = new byte[length];
        int filled = 0;
        for (int counter = 0; filled < length; counter++) {
            md.update(seed);
            md.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] block = md.digest();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }
}
