package io.strongroom.local.kms;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.GeneralSecurityException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.strongroom.local.kms.KmsKeyFinder.requireEnabled;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;
import static io.strongroom.local.kms.KmsKeyFinder.validOptionalKeyId;

/**
 * KMS's encryption operations: Encrypt, Decrypt, ReEncrypt, the data key operations and
 * GenerateRandom. Symmetric keys encrypt with {@code SYMMETRIC_DEFAULT} (our own blob, naming its
 * key); RSA keys of usage {@code ENCRYPT_DECRYPT} with {@code RSAES_OAEP_SHA_1} or {@code
 * RSAES_OAEP_SHA_256}, whose ciphertext is the bare RSA output, as in KMS (so Decrypt and
 * ReEncrypt need the key named).
 */
final class KmsEncryption {

    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private final KmsParts parts;

    KmsEncryption(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo encrypt(RequestContext ctx, EncryptRequest request) {
        validKeyId(request.keyId()).notNull("plaintext", request.plaintext()).length("plaintext", request.plaintext(), 1, 4096)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), EncryptionAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = parts.finder().usableKey(ctx, "Encrypt", request.keyId(), algorithmConditions(request.encryptionContext(),
                request.encryptionAlgorithmAsString()));
        String algorithm = encryptionAlgorithm(key, request.encryptionAlgorithmAsString(), "Encrypt");
        dryRun(request.dryRun());
        byte[] blob = encryptWith(key, algorithm, request.plaintext().asByteArrayUnsafe(), request.encryptionContext());
        return EncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                .keyId(key.arn())
                .encryptionAlgorithm(algorithm)
                .build();
    }

    SdkPojo decrypt(RequestContext ctx, DecryptRequest request) {
        validOptionalKeyId(request.keyId()).notNull("ciphertextBlob", request.ciphertextBlob())
                .length("ciphertextBlob", request.ciphertextBlob(), 1, 6144)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), EncryptionAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        if (request.recipient() != null) {
            throw KmsErrors.unsupported("Recipient (attested environments) is not supported by this endpoint.");
        }
        Decrypted decrypted = decryptBlob(ctx, "Decrypt", "Decrypt", request.keyId(), request.ciphertextBlob().asByteArrayUnsafe(),
                request.encryptionContext(), request.encryptionAlgorithmAsString(), request.dryRun());
        return DecryptResponse.builder()
                .plaintext(SdkBytes.fromByteArrayUnsafe(decrypted.plaintext()))
                .keyId(decrypted.key().arn())
                .encryptionAlgorithm(decrypted.algorithm())
                .build();
    }

    /**
     * ReEncrypt: decrypts under the source key and encrypts under the destination key, which may
     * be named in every form KMS accepts (key ID, key ARN, alias name, alias ARN). The key policy
     * actions are kms:ReEncryptFrom on the source and kms:ReEncryptTo on the destination.
     */
    SdkPojo reEncrypt(RequestContext ctx, ReEncryptRequest request) {
        validOptionalKeyId(request.sourceKeyId()).notNull("ciphertextBlob", request.ciphertextBlob())
                .length("ciphertextBlob", request.ciphertextBlob(), 1, 6144)
                .notNull("destinationKeyId", request.destinationKeyId())
                .length("destinationKeyId", request.destinationKeyId(), 1, 2048)
                .oneOf("sourceEncryptionAlgorithm", request.sourceEncryptionAlgorithmAsString(), EncryptionAlgorithmSpec.knownValues())
                .oneOf("destinationEncryptionAlgorithm", request.destinationEncryptionAlgorithmAsString(),
                        EncryptionAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        Decrypted source = decryptBlob(ctx, "ReEncryptFrom", "ReEncrypt", request.sourceKeyId(),
                request.ciphertextBlob().asByteArrayUnsafe(), request.sourceEncryptionContext(),
                request.sourceEncryptionAlgorithmAsString(), false);
        try {
            KmsKey destination = parts.finder().usableKey(ctx, "ReEncryptTo", request.destinationKeyId(),
                    algorithmConditions(request.destinationEncryptionContext(), request.destinationEncryptionAlgorithmAsString()));
            String algorithm = encryptionAlgorithm(destination, request.destinationEncryptionAlgorithmAsString(), "ReEncrypt");
            dryRun(request.dryRun());
            byte[] blob = encryptWith(destination, algorithm, source.plaintext(), request.destinationEncryptionContext());
            return ReEncryptResponse.builder()
                    .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                    .sourceKeyId(source.key().arn())
                    .keyId(destination.arn())
                    .sourceEncryptionAlgorithm(source.algorithm())
                    .destinationEncryptionAlgorithm(algorithm)
                    .build();
        } finally {
            Arrays.fill(source.plaintext(), (byte) 0);
        }
    }

    SdkPojo generateRandom(RequestContext ctx, GenerateRandomRequest request) {
        // The model marks NumberOfBytes optional, but the API reference says "This parameter is required";
        // a missing value is refused as the validator words a missing required member.
        Validator.check().notNull("numberOfBytes", request.numberOfBytes())
                .range("numberOfBytes", request.numberOfBytes(), 1, 1024)
                .length("customKeyStoreId", request.customKeyStoreId(), 1, 64).orThrow();
        if (request.recipient() != null) {
            throw KmsErrors.unsupported("Recipient (attested environments) is not supported by this endpoint.");
        }
        if (request.customKeyStoreId() != null) {
            throw KmsErrors.customKeyStoreNotFound(request.customKeyStoreId());
        }
        return GenerateRandomResponse.builder()
                .plaintext(SdkBytes.fromByteArrayUnsafe(Aead.randomBytes(request.numberOfBytes())))
                .build();
    }

    SdkPojo generateDataKey(RequestContext ctx, GenerateDataKeyRequest request) {
        if (request.recipient() != null) {
            throw KmsErrors.unsupported("Recipient (attested environments) is not supported by this endpoint.");
        }
        DataKey dataKey = dataKey(ctx, "GenerateDataKey", request.keyId(), request.keySpecAsString(), request.numberOfBytes(),
                request.encryptionContext(), request.hasGrantTokens() ? request.grantTokens() : null, request.dryRun());
        return GenerateDataKeyResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.ciphertext()))
                .plaintext(SdkBytes.fromByteArrayUnsafe(dataKey.plaintext()))
                .keyId(dataKey.key().arn())
                .build();
    }

    SdkPojo generateDataKeyWithoutPlaintext(RequestContext ctx, GenerateDataKeyWithoutPlaintextRequest request) {
        DataKey dataKey = dataKey(ctx, "GenerateDataKeyWithoutPlaintext", request.keyId(), request.keySpecAsString(),
                request.numberOfBytes(), request.encryptionContext(), request.hasGrantTokens() ? request.grantTokens() : null,
                request.dryRun());
        return GenerateDataKeyWithoutPlaintextResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.ciphertext()))
                .keyId(dataKey.key().arn())
                .build();
    }

    private record DataKey(KmsKey key, byte[] plaintext, byte[] ciphertext) {}

    private DataKey dataKey(RequestContext ctx, String action, String keyId, String keySpec, Integer numberOfBytes,
                            Map<String, String> context, List<String> grantTokens, Boolean dryRun) {
        validKeyId(keyId).oneOf("keySpec", keySpec, DataKeySpec.knownValues()).range("numberOfBytes", numberOfBytes, 1, 1024)
                .size("grantTokens", grantTokens, 10).orThrow();
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw AwsException.validation("Please specify either number of bytes or key spec.");
        }
        int length = numberOfBytes != null ? numberOfBytes : "AES_128".equals(keySpec) ? 16 : 32;
        KmsKey key = parts.finder().usableKey(ctx, action, keyId, algorithmConditions(context, null));
        requireUsage(key, KmsKeySpec.Usage.ENCRYPT_DECRYPT, action);
        requireSymmetric(key, action);
        dryRun(dryRun);
        byte[] plaintext = Aead.randomBytes(length);
        return new DataKey(key, plaintext, parts.keys().encrypt(key, plaintext, context));
    }

    // ---- Decrypting ---------------------------------------------------------------------------

    private record Decrypted(KmsKey key, byte[] plaintext, String algorithm) {}

    /**
     * Decrypts a ciphertext as Decrypt and ReEncrypt's source side do. {@code action} names the key
     * policy action (for refusals), {@code operation} the API operation (for key usage messages).
     */
    private Decrypted decryptBlob(RequestContext ctx, String action, String operation, String keyId, byte[] blob,
                                  Map<String, String> context, String requestedAlgorithm, Boolean dryRun) {
        Map<String, List<String>> conditions = algorithmConditions(context, requestedAlgorithm);
        KmsKey named = keyId == null ? null : parts.finder().key(ctx, action, keyId, Naming.KEY_OR_ALIAS, conditions);
        if (named != null && KmsKeySpec.of(named).family() == KmsKeySpec.Family.RSA) {
            requireEnabled(named);
            String algorithm = encryptionAlgorithm(named, requestedAlgorithm, operation);
            dryRun(dryRun);
            return new Decrypted(named, rsaDecrypt(named, algorithm, blob), algorithm);
        }
        // Only a well-formed key ID from the blob may reach a message; anything else is a damaged blob.
        String blobKeyId = KmsKeys.keyIdOf(blob).filter(KmsKeyFinder::wellFormedKeyId).orElseThrow(KmsEncryption::invalidCiphertext);
        KmsKey key;
        if (named != null) {
            requireEnabled(named);
            requireUsage(named, KmsKeySpec.Usage.ENCRYPT_DECRYPT, operation);
            if (!named.keyId().equals(blobKeyId)) {
                throw KmsErrors.incorrectKey("The key ID in the request does not identify a CMK that can perform this operation.");
            }
            key = named;
        } else {
            // The blob names its key, which may be another account's: that account's key policy decides.
            key = parts.finder().keyOfCiphertext(ctx, action, blobKeyId, conditions);
        }
        requireEnabled(key);
        String algorithm = encryptionAlgorithm(key, requestedAlgorithm, operation);
        dryRun(dryRun);
        try {
            return new Decrypted(key, parts.keys().decrypt(key, blob, context), algorithm);
        } catch (CryptoException e) {
            throw invalidCiphertext();
        }
    }

    /**
     * The condition keys of an encryption request: its encryption context, and the algorithm it
     * uses ({@code SYMMETRIC_DEFAULT} when it names none, as the operation then uses that one).
     */
    private static Map<String, List<String>> algorithmConditions(Map<String, String> context, String requestedAlgorithm) {
        return KmsKeyAccess.crypto(context, "kms:EncryptionAlgorithm", requestedAlgorithm == null ? SYMMETRIC_DEFAULT : requestedAlgorithm);
    }

    static AwsException invalidCiphertext() {
        // Which check failed (blob damaged, wrong context, unknown generation) is deliberately not told.
        return KmsErrors.invalidCiphertext("The ciphertext is not valid for this key, or the encryption context does not match "
                + "the one it was encrypted with.");
    }

    // ---- Keys, usages and algorithms ----------------------------------------------------------

    /**
     * The encryption algorithm an operation uses with {@code key}: the one asked for, or {@code
     * SYMMETRIC_DEFAULT} when none is, as in KMS (so an RSA key needs it named). A key that does
     * not encrypt, or an algorithm its key spec does not have, is {@code InvalidKeyUsageException}.
     */
    static String encryptionAlgorithm(KmsKey key, String requested, String operation) {
        requireUsage(key, KmsKeySpec.Usage.ENCRYPT_DECRYPT, operation);
        String algorithm = requested == null ? SYMMETRIC_DEFAULT : requested;
        if (!KmsKeySpec.of(key).encryptionAlgorithms(key.keyUsage()).contains(algorithm)) {
            // KMS's wording, as clients report it (e.g. Encrypt on an RSA_4096 key without an algorithm).
            throw KmsErrors.invalidKeyUsage("Algorithm " + algorithm + " is incompatible with key spec " + key.keySpec() + ".");
        }
        return algorithm;
    }

    /** KMS's wording for a key used for what its usage does not allow (as KMS returns it for Encrypt on a signing key). */
    static void requireUsage(KmsKey key, String usage, String operation) {
        if (!usage.equals(key.keyUsage())) {
            throw KmsErrors.invalidKeyUsage(key.arn() + " key usage is " + key.keyUsage() + " which is not valid for " + operation + ".");
        }
    }

    /** Data keys are made under symmetric encryption keys only. KMS's wording is not established; this follows its usage message. */
    private static void requireSymmetric(KmsKey key, String operation) {
        if (KmsKeySpec.of(key) != KmsKeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.invalidKeyUsage(key.arn() + " key spec is " + key.keySpec() + " which is not valid for " + operation + ".");
        }
    }

    private static void dryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw KmsErrors.dryRun();
        }
    }

    private byte[] encryptWith(KmsKey key, String algorithm, byte[] plaintext, Map<String, String> context) {
        if (SYMMETRIC_DEFAULT.equals(algorithm)) {
            return parts.keys().encrypt(key, plaintext, context);
        }
        int max = KmsKeySpec.of(key).bits() / 8 - 2 * hashLength(algorithm) - 2;
        if (plaintext.length > max) {
            // KMS's message for this is not established; the limit is OAEP's (RFC 8017, 7.1.1).
            throw AwsException.validation("Plaintext is too long for " + algorithm + " with " + key.keySpec() + ": at most "
                    + max + " bytes can be encrypted.");
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, parts.keys().publicKey(key), oaep(algorithm));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA encryption failed", e);
        }
    }

    private byte[] rsaDecrypt(KmsKey key, String algorithm, byte[] blob) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, parts.keys().privateKey(key), oaep(algorithm));
            return cipher.doFinal(blob);
        } catch (GeneralSecurityException e) {
            throw invalidCiphertext();
        }
    }

    /** OAEP as KMS uses it: the same hash for the label and for MGF1 (SHA-1, or SHA-256 for RSAES_OAEP_SHA_256). */
    private static OAEPParameterSpec oaep(String algorithm) {
        return "RSAES_OAEP_SHA_256".equals(algorithm)
                ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    }

    private static int hashLength(String algorithm) {
        return "RSAES_OAEP_SHA_256".equals(algorithm) ? 32 : 20;
    }
}
