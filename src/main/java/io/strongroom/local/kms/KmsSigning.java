package io.strongroom.local.kms;

import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

import static io.strongroom.local.kms.KmsEncryption.requireUsage;
import static io.strongroom.local.kms.KmsKeyFinder.requireEnabled;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;

/**
 * KMS's asymmetric and HMAC operations: Sign and Verify (RSA PKCS #1 v1.5 and PSS, ECDSA over
 * the NIST curves; messages {@code RAW} or a {@code DIGEST} the caller made), GenerateMac and
 * VerifyMac, and GetPublicKey. A message is hashed here and the digest signed, so both message
 * types take one path; signatures are as KMS makes them (ECDSA in DER, PSS with a salt as long as
 * the digest), so any standard verifier accepts them.
 */
final class KmsSigning {

    private static final String SIGN_VERIFY = KmsKeySpec.Usage.SIGN_VERIFY;
    private static final String GENERATE_VERIFY_MAC = KmsKeySpec.Usage.GENERATE_VERIFY_MAC;

    private final KmsParts parts;

    KmsSigning(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo sign(RequestContext ctx, SignRequest request) {
        validSigningAlgorithm(validMessage(request.keyId(), request.message(), request.messageTypeAsString()),
                request.signingAlgorithmAsString(), request.hasGrantTokens() ? request.grantTokens() : null).orThrow();
        Signing signing = signing(ctx, "Sign", request.keyId(), request.signingAlgorithmAsString(), request.messageTypeAsString(),
                request.message(), request.dryRun());
        byte[] signature = KmsSignatures.sign(parts.keys().privateKey(signing.key()), signing.algorithm(), signing.digest());
        return SignResponse.builder().keyId(signing.key().arn()).signature(SdkBytes.fromByteArrayUnsafe(signature))
                .signingAlgorithm(signing.algorithm()).build();
    }

    SdkPojo verify(RequestContext ctx, VerifyRequest request) {
        Validator v = validMessage(request.keyId(), request.message(), request.messageTypeAsString())
                .notNull("signature", request.signature()).length("signature", request.signature(), 1, 6144);
        validSigningAlgorithm(v, request.signingAlgorithmAsString(), request.hasGrantTokens() ? request.grantTokens() : null).orThrow();
        Signing signing = signing(ctx, "Verify", request.keyId(), request.signingAlgorithmAsString(), request.messageTypeAsString(),
                request.message(), request.dryRun());
        KmsKey key = signing.key();
        PublicKey publicKey = parts.keys().publicKey(key);
        if (!KmsSignatures.verify(publicKey, signing.algorithm(), signing.digest(), request.signature().asByteArrayUnsafe())) {
            // KMS's message here is not established; this one names nothing secret.
            throw KmsErrors.invalidSignature("The signature is not valid for this message with " + key.arn() + " and "
                    + signing.algorithm() + ".");
        }
        return VerifyResponse.builder().keyId(key.arn()).signatureValid(true).signingAlgorithm(signing.algorithm()).build();
    }

    /** The members Sign and Verify check first, in KMS's order: the key, the message and its type. */
    private static Validator validMessage(String keyId, SdkBytes message, String messageType) {
        return validKeyId(keyId).notNull("message", message).length("message", message, 1, 4096)
                .oneOf("messageType", messageType, MessageType.knownValues());
    }

    /** The members Sign and Verify check last: the signing algorithm and the grant tokens. */
    private static Validator validSigningAlgorithm(Validator v, String algorithm, List<String> grantTokens) {
        return v.notNull("signingAlgorithm", algorithm).oneOf("signingAlgorithm", algorithm, SigningAlgorithmSpec.knownValues())
                .size("grantTokens", grantTokens, 10);
    }

    /** A Sign or Verify request's key, algorithm and message digest, once the checks before the cryptography have passed. */
    private record Signing(KmsKey key, String algorithm, byte[] digest) {}

    private Signing signing(RequestContext ctx, String operation, String keyId, String algorithmName, String messageType,
                            SdkBytes message, Boolean dryRun) {
        KmsKey key = parts.finder().usableKey(ctx, operation, keyId,
                KmsKeyAccess.crypto(null, "kms:SigningAlgorithm", algorithmName));
        String algorithm = signingAlgorithm(key, algorithmName, operation);
        byte[] digest = digest(algorithm, messageType, message.asByteArrayUnsafe());
        dryRun(dryRun);
        return new Signing(key, algorithm, digest);
    }

    SdkPojo generateMac(RequestContext ctx, GenerateMacRequest request) {
        validKeyId(request.keyId()).notNull("message", request.message()).length("message", request.message(), 1, 4096)
                .notNull("macAlgorithm", request.macAlgorithmAsString())
                .oneOf("macAlgorithm", request.macAlgorithmAsString(), MacAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = parts.finder().usableKey(ctx, "GenerateMac", request.keyId(),
                KmsKeyAccess.with("kms:MacAlgorithm", request.macAlgorithmAsString()));
        String algorithm = macAlgorithm(key, request.macAlgorithmAsString(), "GenerateMac");
        dryRun(request.dryRun());
        byte[] mac = mac(key, request.message().asByteArrayUnsafe());
        return GenerateMacResponse.builder().keyId(key.arn()).mac(SdkBytes.fromByteArrayUnsafe(mac)).macAlgorithm(algorithm).build();
    }

    SdkPojo verifyMac(RequestContext ctx, VerifyMacRequest request) {
        validKeyId(request.keyId()).notNull("message", request.message()).length("message", request.message(), 1, 4096)
                .notNull("macAlgorithm", request.macAlgorithmAsString())
                .oneOf("macAlgorithm", request.macAlgorithmAsString(), MacAlgorithmSpec.knownValues())
                .notNull("mac", request.mac()).length("mac", request.mac(), 1, 6144)
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = parts.finder().usableKey(ctx, "VerifyMac", request.keyId(),
                KmsKeyAccess.with("kms:MacAlgorithm", request.macAlgorithmAsString()));
        String algorithm = macAlgorithm(key, request.macAlgorithmAsString(), "VerifyMac");
        dryRun(request.dryRun());
        byte[] expected = mac(key, request.message().asByteArrayUnsafe());
        if (!MessageDigest.isEqual(expected, request.mac().asByteArrayUnsafe())) {
            // KMS's message here is not established; this one names nothing secret.
            throw KmsErrors.invalidMac("The MAC is not valid for this message with " + key.arn() + " and " + algorithm + ".");
        }
        return VerifyMacResponse.builder().keyId(key.arn()).macValid(true).macAlgorithm(algorithm).build();
    }

    SdkPojo getPublicKey(RequestContext ctx, GetPublicKeyRequest request) {
        validKeyId(request.keyId()).size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = parts.finder().key(ctx, "GetPublicKey", request.keyId(), Naming.KEY_OR_ALIAS);
        requireEnabled(key);
        KmsKeySpec spec = KmsKeySpec.of(key);
        if (!spec.asymmetric()) {
            // KMS answers UnsupportedOperationException here (API reference, GetPublicKey errors); its wording is not established.
            throw KmsErrors.unsupported(key.arn() + " key spec is " + key.keySpec() + " which is not valid for GetPublicKey: "
                    + "only asymmetric KMS keys have a public key.");
        }
        List<String> signing = spec.signingAlgorithms(key.keyUsage());
        List<String> encryption = spec.encryptionAlgorithms(key.keyUsage());
        GetPublicKeyResponse.Builder response = GetPublicKeyResponse.builder()
                .keyId(key.arn())
                .publicKey(SdkBytes.fromByteArrayUnsafe(parts.keys().publicKeyDer(key)))
                .customerMasterKeySpec(key.keySpec())
                .keySpec(key.keySpec())
                .keyUsage(key.keyUsage());
        if (!signing.isEmpty()) {
            response.signingAlgorithmsWithStrings(signing);
        }
        if (!encryption.isEmpty()) {
            response.encryptionAlgorithmsWithStrings(encryption);
        }
        return response.build();
    }

    // ---- Algorithms ---------------------------------------------------------------------------

    private static String signingAlgorithm(KmsKey key, String algorithm, String operation) {
        requireUsage(key, SIGN_VERIFY, operation);
        if (!KmsKeySpec.of(key).signingAlgorithms(key.keyUsage()).contains(algorithm)) {
            // InvalidKeyUsageException is KMS's code for an algorithm the key spec does not support; the wording is ours.
            throw KmsErrors.invalidKeyUsage("The signing algorithm " + algorithm + " is not valid for " + operation + " with "
                    + key.arn() + ", whose key spec is " + key.keySpec() + ".");
        }
        return algorithm;
    }

    private static String macAlgorithm(KmsKey key, String algorithm, String operation) {
        requireUsage(key, GENERATE_VERIFY_MAC, operation);
        if (!KmsKeySpec.of(key).macAlgorithms().contains(algorithm)) {
            throw KmsErrors.invalidKeyUsage("The MAC algorithm " + algorithm + " is not valid for " + operation + " with "
                    + key.arn() + ", whose key spec is " + key.keySpec() + ".");
        }
        return algorithm;
    }

    /**
     * The digest to sign: the message hashed ({@code RAW}, the default), or the message itself
     * ({@code DIGEST}), which must then be as long as the algorithm's hash, as KMS requires.
     */
    private static byte[] digest(String algorithm, String messageType, byte[] message) {
        String hash = KmsSignatures.hashOf(algorithm);
        if ("DIGEST".equals(messageType)) {
            if (message.length != KmsSignatures.hashLength(hash)) {
                throw AwsException.validation("Digest is invalid length for algorithm " + algorithm + ".");
            }
            return message.clone();
        }
        try {
            return MessageDigest.getInstance(hash).digest(message);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("no " + hash + " in this JDK", e);
        }
    }

    private byte[] mac(KmsKey key, byte[] message) {
        byte[] secret = parts.keys().hmacKey(key);
        try {
            Mac mac = Mac.getInstance(KmsKeySpec.of(key).jcaName());
            mac.init(new SecretKeySpec(secret, mac.getAlgorithm()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC failed", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static void dryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw KmsErrors.dryRun();
        }
    }
}
