package io.strongroom.local.kms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The key specs this store creates, with what each allows as the KMS API reference lists it
 * (CreateKey's KeySpec and KeyUsage, DescribeKey's SigningAlgorithms, EncryptionAlgorithms and
 * MacAlgorithms): which key usages a spec may have, and which algorithms go with each usage.
 */
enum KmsKeySpec {
    SYMMETRIC_DEFAULT(Family.SYMMETRIC, 256, null, List.of(Usage.ENCRYPT_DECRYPT), List.of(), List.of()),
    RSA_2048(Family.RSA, 2048, null, List.of(Usage.ENCRYPT_DECRYPT, Usage.SIGN_VERIFY), RsaAlgorithms.SIGNING, List.of()),
    RSA_3072(Family.RSA, 3072, null, List.of(Usage.ENCRYPT_DECRYPT, Usage.SIGN_VERIFY), RsaAlgorithms.SIGNING, List.of()),
    RSA_4096(Family.RSA, 4096, null, List.of(Usage.ENCRYPT_DECRYPT, Usage.SIGN_VERIFY), RsaAlgorithms.SIGNING, List.of()),
    ECC_NIST_P256(Family.ECC, 256, "secp256r1", List.of(Usage.SIGN_VERIFY), List.of("ECDSA_SHA_256"), List.of()),
    ECC_NIST_P384(Family.ECC, 384, "secp384r1", List.of(Usage.SIGN_VERIFY), List.of("ECDSA_SHA_384"), List.of()),
    ECC_NIST_P521(Family.ECC, 521, "secp521r1", List.of(Usage.SIGN_VERIFY), List.of("ECDSA_SHA_512"), List.of()),
    /** Valid on KMS, but the JDK's SunEC dropped secp256k1 (JDK 16): CreateKey refuses it here. */
    ECC_SECG_P256K1(Family.ECC, 256, "secp256k1", List.of(Usage.SIGN_VERIFY), List.of("ECDSA_SHA_256"), List.of()),
    HMAC_224(Family.HMAC, 224, "HmacSHA224", List.of(Usage.GENERATE_VERIFY_MAC), List.of(), List.of("HMAC_SHA_224")),
    HMAC_256(Family.HMAC, 256, "HmacSHA256", List.of(Usage.GENERATE_VERIFY_MAC), List.of(), List.of("HMAC_SHA_256")),
    HMAC_384(Family.HMAC, 384, "HmacSHA384", List.of(Usage.GENERATE_VERIFY_MAC), List.of(), List.of("HMAC_SHA_384")),
    HMAC_512(Family.HMAC, 512, "HmacSHA512", List.of(Usage.GENERATE_VERIFY_MAC), List.of(), List.of("HMAC_SHA_512"));

    enum Family { SYMMETRIC, RSA, ECC, HMAC }

    /** The key usages, as KMS spells them. */
    static final class Usage {
        static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
        static final String SIGN_VERIFY = "SIGN_VERIFY";
        static final String GENERATE_VERIFY_MAC = "GENERATE_VERIFY_MAC";

        private Usage() {}
    }

    private static final class RsaAlgorithms {
        // In the order DescribeKey lists them (API reference, "To get details about an RSA asymmetric KMS key").
        static final List<String> SIGNING = List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
                "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
        static final List<String> ENCRYPTION = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    }

    private final Family family;
    private final int bits;
    private final String jcaName;
    private final List<String> usages;
    private final List<String> signingAlgorithms;
    private final List<String> macAlgorithms;

    KmsKeySpec(Family family, int bits, String jcaName, List<String> usages, List<String> signingAlgorithms,
               List<String> macAlgorithms) {
        this.family = family;
        this.bits = bits;
        this.jcaName = jcaName;
        this.usages = usages;
        this.signingAlgorithms = signingAlgorithms;
        this.macAlgorithms = macAlgorithms;
    }

    static Optional<KmsKeySpec> of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** The spec of a stored key; keys are only ever stored with a spec of this enum. */
    static KmsKeySpec of(KmsKey key) {
        return of(key.keySpec()).orElse(SYMMETRIC_DEFAULT);
    }

    Family family() {
        return family;
    }

    /** RSA modulus bits, EC field bits, or HMAC key bits. */
    int bits() {
        return bits;
    }

    /** The curve name (ECC) or the Mac algorithm (HMAC) in the JDK. */
    String jcaName() {
        return jcaName;
    }

    boolean asymmetric() {
        return family == Family.RSA || family == Family.ECC;
    }

    boolean allows(String usage) {
        return usages.contains(usage);
    }

    /** The usage a key of this spec gets when CreateKey names none: ENCRYPT_DECRYPT on KMS, whatever the spec. */
    static String defaultUsage() {
        return Usage.ENCRYPT_DECRYPT;
    }

    /** The signing algorithms of a key with this spec and {@code usage}; empty unless it signs. */
    List<String> signingAlgorithms(String usage) {
        return Usage.SIGN_VERIFY.equals(usage) ? signingAlgorithms : List.of();
    }

    /** The encryption algorithms of a key with this spec and {@code usage}; empty unless it encrypts. */
    List<String> encryptionAlgorithms(String usage) {
        if (!Usage.ENCRYPT_DECRYPT.equals(usage)) {
            return List.of();
        }
        return family == Family.RSA ? RsaAlgorithms.ENCRYPTION : List.of("SYMMETRIC_DEFAULT");
    }

    List<String> macAlgorithms() {
        return macAlgorithms;
    }
}
