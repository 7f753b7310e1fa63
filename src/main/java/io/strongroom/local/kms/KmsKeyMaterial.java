package io.strongroom.local.kms;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.CryptoException;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Key material of each key spec, in the form it is sealed by the root key at rest: 32 random
 * bytes for symmetric keys, the spec's key length in random bytes for HMAC keys, and for
 * asymmetric keys the private key (PKCS #8) and public key (X.509 SubjectPublicKeyInfo, as
 * GetPublicKey returns it) together, each length-prefixed. Only the JDK's providers are used.
 */
final class KmsKeyMaterial {

    private KmsKeyMaterial() {}

    static byte[] generate(KmsKeySpec spec) {
        return switch (spec.family()) {
            case SYMMETRIC -> Aead.newKey();
            case HMAC -> Aead.randomBytes(spec.bits() / 8);
            case RSA, ECC -> encode(newKeyPair(spec));
        };
    }

    private static KeyPair newKeyPair(KmsKeySpec spec) {
        try {
            if (spec.family() == KmsKeySpec.Family.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(spec.bits(), RSAKeyGenParameterSpec.F4));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(spec.jcaName()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate a " + spec + " key pair", e);
        }
    }

    private static byte[] encode(KeyPair pair) {
        byte[] privateKey = pair.getPrivate().getEncoded();
        byte[] publicKey = pair.getPublic().getEncoded();
        ByteBuffer out = ByteBuffer.allocate(8 + privateKey.length + publicKey.length);
        out.putInt(privateKey.length).put(privateKey).putInt(publicKey.length).put(publicKey);
        Arrays.fill(privateKey, (byte) 0);
        return out.array();
    }

    static PrivateKey privateKey(KmsKeySpec spec, byte[] material) {
        ByteBuffer in = ByteBuffer.wrap(material);
        byte[] encoded = new byte[in.getInt()];
        in.get(encoded);
        try {
            return KeyFactory.getInstance(algorithm(spec)).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("stored private key is damaged", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The DER-encoded X.509 SubjectPublicKeyInfo of an asymmetric key's material. */
    static byte[] publicKeyDer(byte[] material) {
        ByteBuffer in = ByteBuffer.wrap(material);
        in.position(4 + in.getInt());
        byte[] encoded = new byte[in.getInt()];
        in.get(encoded);
        return encoded;
    }

    static PublicKey publicKey(KmsKeySpec spec, byte[] material) {
        try {
            return KeyFactory.getInstance(algorithm(spec)).generatePublic(new X509EncodedKeySpec(publicKeyDer(material)));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("stored public key is damaged", e);
        }
    }

    private static String algorithm(KmsKeySpec spec) {
        return spec.family() == KmsKeySpec.Family.RSA ? "RSA" : "EC";
    }
}
