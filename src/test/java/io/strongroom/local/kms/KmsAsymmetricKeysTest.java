package io.strongroom.local.kms;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.SignResponse;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asymmetric (RSA, ECC) and HMAC keys through the real SDK client: CreateKey's spec and usage
 * pairs, DescribeKey and GetPublicKey as AWS shows them, Sign/Verify, GenerateMac/VerifyMac,
 * RSA encryption, and the refusals of a key used for what its usage does not allow. Signatures,
 * MACs and ciphertexts are checked with the JDK's own verifiers, not only with the store's.
 */
class KmsAsymmetricKeysTest extends KmsTestCase {

    /** Keys are made once per spec and usage: RSA key generation is slow on a shared machine. */
    static final Map<String, KeyMetadata> made = new ConcurrentHashMap<>();

    static KeyMetadata key(String spec, String usage) {
        return made.computeIfAbsent(spec + "/" + usage,
                k -> kms.createKey(b -> b.keySpec(spec).keyUsage(usage).description("test " + spec)).keyMetadata());
    }

    static PublicKey publicKey(KeyMetadata key) throws Exception {
        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.keyId()));
        String algorithm = response.keySpecAsString().startsWith("RSA") ? "RSA" : "EC";
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));
    }

    // ---- CreateKey and DescribeKey ------------------------------------------------------------

    @Nested
    class CreatingKeys {

        static Stream<Arguments> validPairs() {
            List<String> rsaSigning = List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
                    "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
            List<String> rsaEncryption = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
            return Stream.of(
                    Arguments.of("RSA_2048", "ENCRYPT_DECRYPT", rsaEncryption, List.of(), List.of()),
                    Arguments.of("RSA_2048", "SIGN_VERIFY", List.of(), rsaSigning, List.of()),
                    Arguments.of("RSA_3072", "SIGN_VERIFY", List.of(), rsaSigning, List.of()),
                    Arguments.of("RSA_4096", "ENCRYPT_DECRYPT", rsaEncryption, List.of(), List.of()),
                    Arguments.of("ECC_NIST_P256", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_256"), List.of()),
                    Arguments.of("ECC_NIST_P384", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_384"), List.of()),
                    Arguments.of("ECC_NIST_P521", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_512"), List.of()),
                    Arguments.of("HMAC_224", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_224")),
                    Arguments.of("HMAC_256", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_256")),
                    Arguments.of("HMAC_384", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_384")),
                    Arguments.of("HMAC_512", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_512")));
        }

        @ParameterizedTest(name = "{0} for {1} is created and described with its algorithms")
        @MethodSource("validPairs")
        void createsAndDescribesTheKeyAsAwsDoes(String spec, String usage, List<String> encryption, List<String> signing,
                                               List<String> mac) {
            KeyMetadata created = key(spec, usage);
            KeyMetadata described = kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata();
            for (KeyMetadata m : List.of(created, described)) {
                assertEquals(spec, m.keySpecAsString());
                assertEquals(spec, m.customerMasterKeySpecAsString());
                assertEquals(usage, m.keyUsageAsString());
                assertEquals("Enabled", m.keyStateAsString());
                assertEquals(encryption, m.encryptionAlgorithmsAsStrings());
                assertEquals(signing, m.signingAlgorithmsAsStrings());
                assertEquals(mac, m.macAlgorithmsAsStrings());
                // Lists that do not apply are left out, not sent empty.
                assertEquals(encryption.isEmpty(), !m.hasEncryptionAlgorithms());
                assertEquals(signing.isEmpty(), !m.hasSigningAlgorithms());
                assertEquals(mac.isEmpty(), !m.hasMacAlgorithms());
            }
        }

        @Test
        void anRsaKeyWithoutAUsageIsAnEncryptionKey() {
            KeyMetadata m = kms.createKey(b -> b.keySpec("RSA_2048")).keyMetadata();
            assertEquals("ENCRYPT_DECRYPT", m.keyUsageAsString());
        }

        @ParameterizedTest(name = "{0} for {1} is refused")
        @CsvSource({
                "SYMMETRIC_DEFAULT, SIGN_VERIFY", "SYMMETRIC_DEFAULT, GENERATE_VERIFY_MAC", "RSA_2048, GENERATE_VERIFY_MAC",
                "ECC_NIST_P256, ENCRYPT_DECRYPT", "ECC_NIST_P384, GENERATE_VERIFY_MAC", "HMAC_256, ENCRYPT_DECRYPT",
                "HMAC_512, SIGN_VERIFY"})
        void refusesAUsageTheKeySpecDoesNotHave(String spec, String usage) {
            KmsException e = fails("ValidationException", () -> kms.createKey(b -> b.keySpec(spec).keyUsage(usage)));
            assertEquals("KeyUsage " + usage + " is not compatible with KeySpec " + spec + ".", e.awsErrorDetails().errorMessage());
        }

        @Test
        void keyAgreementKeysAreValidOnAwsButNotMadeHere() {
            fails("UnsupportedOperationException", () -> kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("KEY_AGREEMENT")));
            fails("ValidationException", () -> kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("KEY_AGREEMENT")));
        }

        @Test
        void refusesSecp256k1ClearlyBecauseTheJdkHasNoSuchCurve() {
            KmsException e = fails("UnsupportedOperationException",
                    () -> kms.createKey(b -> b.keySpec("ECC_SECG_P256K1").keyUsage("SIGN_VERIFY")));
            assertTrue(e.awsErrorDetails().errorMessage().contains("ECC_SECG_P256K1"), e.awsErrorDetails().errorMessage());
        }
    }

    // ---- GetPublicKey -------------------------------------------------------------------------

    @Nested
    class GettingThePublicKey {

        @Test
        void returnsTheDerSubjectPublicKeyInfoWithSpecUsageAndAlgorithms() throws Exception {
            KeyMetadata key = key("RSA_2048", "SIGN_VERIFY");
            GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.keyId()));
            assertEquals(key.arn(), response.keyId());
            assertEquals("RSA_2048", response.keySpecAsString());
            assertEquals("RSA_2048", response.customerMasterKeySpecAsString());
            assertEquals("SIGN_VERIFY", response.keyUsageAsString());
            assertEquals(key.signingAlgorithmsAsStrings(), response.signingAlgorithmsAsStrings());
            assertFalse(response.hasEncryptionAlgorithms());
            assertEquals(2048, ((RSAPublicKey) publicKey(key)).getModulus().bitLength());
        }

        @Test
        void anEncryptionKeyListsItsEncryptionAlgorithms() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.arn()));
            assertEquals(List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"), response.encryptionAlgorithmsAsStrings());
            assertFalse(response.hasSigningAlgorithms());
        }

        @Test
        void anEccKeyIsOnItsCurve() throws Exception {
            ECPublicKey ec = (ECPublicKey) publicKey(key("ECC_NIST_P384", "SIGN_VERIFY"));
            assertEquals(384, ec.getParams().getCurve().getField().getFieldSize());
        }

        @Test
        void symmetricAndHmacKeysHaveNoPublicKey() {
            String symmetric = kms.createKey(b -> { }).keyMetadata().keyId();
            fails("UnsupportedOperationException", () -> kms.getPublicKey(b -> b.keyId(symmetric)));
            fails("UnsupportedOperationException", () -> kms.getPublicKey(b -> b.keyId(key("HMAC_256", "GENERATE_VERIFY_MAC").keyId())));
        }
    }

    // ---- Sign and Verify ----------------------------------------------------------------------

    @Nested
    class SigningAndVerifying {

        @ParameterizedTest(name = "{0} signs with {1} ({2}) and the JDK verifies it")
        @CsvSource({
                "RSA_2048, RSASSA_PKCS1_V1_5_SHA_256, RAW, SHA256withRSA",
                "RSA_2048, RSASSA_PKCS1_V1_5_SHA_512, DIGEST, SHA512withRSA",
                "RSA_2048, RSASSA_PSS_SHA_256, RAW, PSS-SHA-256",
                "RSA_2048, RSASSA_PSS_SHA_384, DIGEST, PSS-SHA-384",
                "RSA_3072, RSASSA_PSS_SHA_512, RAW, PSS-SHA-512",
                "ECC_NIST_P256, ECDSA_SHA_256, RAW, SHA256withECDSA",
                "ECC_NIST_P384, ECDSA_SHA_384, DIGEST, SHA384withECDSA",
                "ECC_NIST_P521, ECDSA_SHA_512, RAW, SHA512withECDSA"})
        void signsAsAnyStandardVerifierExpects(String spec, String algorithm, String messageType, String jdkAlgorithm) throws Exception {
            KeyMetadata key = key(spec, "SIGN_VERIFY");
            byte[] message = "a message worth signing".getBytes(StandardCharsets.UTF_8);
            byte[] sent = "DIGEST".equals(messageType) ? MessageDigest.getInstance(KmsSignatures.hashOf(algorithm)).digest(message) : message;
            SignResponse signed = kms.sign(b -> b.keyId(key.keyId()).message(SdkBytes.fromByteArray(sent)).messageType(messageType)
                    .signingAlgorithm(algorithm));
            assertEquals(key.arn(), signed.keyId());
            assertEquals(algorithm, signed.signingAlgorithmAsString());

            Signature verifier;
            if (jdkAlgorithm.startsWith("PSS-")) {
                String hash = jdkAlgorithm.substring(4);
                verifier = Signature.getInstance("RSASSA-PSS");
                verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), KmsSignatures.hashLength(hash), 1));
            } else {
                verifier = Signature.getInstance(jdkAlgorithm);
            }
            verifier.initVerify(publicKey(key));
            verifier.update(message);
            assertTrue(verifier.verify(signed.signature().asByteArray()), "the JDK accepts the signature");

            assertTrue(kms.verify(b -> b.keyId(key.arn()).message(SdkBytes.fromByteArray(sent)).messageType(messageType)
                    .signature(signed.signature()).signingAlgorithm(algorithm)).signatureValid());
        }

        @Test
        void aBadSignatureIsKmsInvalidSignatureException() {
            KeyMetadata key = key("ECC_NIST_P256", "SIGN_VERIFY");
            SdkBytes signature = kms.sign(b -> b.keyId(key.keyId()).message(bytes("signed")).signingAlgorithm("ECDSA_SHA_256")).signature();
            fails("KMSInvalidSignatureException", () -> kms.verify(b -> b.keyId(key.keyId()).message(bytes("not what was signed"))
                    .signature(signature).signingAlgorithm("ECDSA_SHA_256")));
            fails("KMSInvalidSignatureException", () -> kms.verify(b -> b.keyId(key.keyId()).message(bytes("signed"))
                    .signature(bytes("garbage")).signingAlgorithm("ECDSA_SHA_256")));
        }

        @Test
        void aBadPssSignatureIsKmsInvalidSignatureException() {
            KeyMetadata key = key("RSA_2048", "SIGN_VERIFY");
            byte[] signature = kms.sign(b -> b.keyId(key.keyId()).message(bytes("signed")).signingAlgorithm("RSASSA_PSS_SHA_256"))
                    .signature().asByteArray();
            signature[10] ^= 1;
            fails("KMSInvalidSignatureException", () -> kms.verify(b -> b.keyId(key.keyId()).message(bytes("signed"))
                    .signature(SdkBytes.fromByteArray(signature)).signingAlgorithm("RSASSA_PSS_SHA_256")));
        }

        @Test
        void aDigestOfTheWrongLengthIsRefusedAsAwsWordsIt() {
            KeyMetadata key = key("ECC_NIST_P256", "SIGN_VERIFY");
            KmsException e = fails("ValidationException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("short"))
                    .messageType("DIGEST").signingAlgorithm("ECDSA_SHA_256")));
            assertEquals("Digest is invalid length for algorithm ECDSA_SHA_256.", e.awsErrorDetails().errorMessage());
        }

        @Test
        void anAlgorithmOfAnotherKeySpecIsInvalidKeyUsage() {
            KeyMetadata key = key("ECC_NIST_P256", "SIGN_VERIFY");
            fails("InvalidKeyUsageException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m"))
                    .signingAlgorithm("RSASSA_PSS_SHA_256")));
            fails("InvalidKeyUsageException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m"))
                    .signingAlgorithm("ECDSA_SHA_384")));
        }

        @Test
        void signingNeedsAnAlgorithm() {
            KeyMetadata key = key("ECC_NIST_P256", "SIGN_VERIFY");
            KmsException e = fails("ValidationException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m"))));
            assertEquals("1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: "
                    + "Member must not be null", e.awsErrorDetails().errorMessage());
        }

        @Test
        void aDisabledKeyDoesNotSign() {
            KeyMetadata key = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata();
            kms.disableKey(b -> b.keyId(key.keyId()));
            fails("DisabledException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m")).signingAlgorithm("ECDSA_SHA_256")));
        }
    }

    // ---- Key usage ----------------------------------------------------------------------------

    @Nested
    class WrongKeyUsage {

        @Test
        void encryptingWithASigningKeyIsRefusedWithAwsMessage() {
            KeyMetadata key = key("RSA_2048", "SIGN_VERIFY");
            KmsException e = fails("InvalidKeyUsageException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))
                    .encryptionAlgorithm("RSAES_OAEP_SHA_256")));
            assertEquals(key.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.", e.awsErrorDetails().errorMessage());
        }

        @Test
        void signingWithAnEncryptionKeyIsRefused() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            KmsException e = fails("InvalidKeyUsageException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m"))
                    .signingAlgorithm("RSASSA_PSS_SHA_256")));
            assertEquals(key.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.", e.awsErrorDetails().errorMessage());
            String symmetric = kms.createKey(b -> { }).keyMetadata().arn();
            KmsException s = fails("InvalidKeyUsageException", () -> kms.generateMac(b -> b.keyId(symmetric).message(bytes("m"))
                    .macAlgorithm("HMAC_SHA_256")));
            assertEquals(symmetric + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.", s.awsErrorDetails().errorMessage());
        }

        @Test
        void anHmacKeyNeitherEncryptsNorMakesDataKeys() {
            KeyMetadata key = key("HMAC_256", "GENERATE_VERIFY_MAC");
            fails("InvalidKeyUsageException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))));
            fails("InvalidKeyUsageException", () -> kms.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32)));
            fails("InvalidKeyUsageException", () -> kms.sign(b -> b.keyId(key.keyId()).message(bytes("m"))
                    .signingAlgorithm("ECDSA_SHA_256")));
        }

        @Test
        void anRsaEncryptionKeyMakesNoDataKeys() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            fails("InvalidKeyUsageException", () -> kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec("AES_256")));
        }

        @Test
        void onlySymmetricKeysRotate() {
            for (KeyMetadata key : List.of(key("RSA_2048", "SIGN_VERIFY"), key("HMAC_256", "GENERATE_VERIFY_MAC"))) {
                fails("UnsupportedOperationException", () -> kms.enableKeyRotation(b -> b.keyId(key.keyId())));
                fails("UnsupportedOperationException", () -> kms.getKeyRotationStatus(b -> b.keyId(key.keyId())));
                fails("UnsupportedOperationException", () -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())));
                fails("UnsupportedOperationException", () -> kms.listKeyRotations(b -> b.keyId(key.keyId())));
            }
        }
    }

    // ---- RSA encryption -----------------------------------------------------------------------

    @Nested
    class RsaEncryption {

        @ParameterizedTest(name = "{0} round-trips, and the JDK decrypts nothing it should not")
        @CsvSource({"RSAES_OAEP_SHA_1, SHA-1", "RSAES_OAEP_SHA_256, SHA-256"})
        void encryptsWithThePublicKeyAndDecryptsWithTheKeyNamed(String algorithm, String hash) throws Exception {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            var encrypted = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("rsa secret")).encryptionAlgorithm(algorithm));
            assertEquals(algorithm, encrypted.encryptionAlgorithmAsString());
            assertEquals(key.arn(), encrypted.keyId());
            assertEquals(256, encrypted.ciphertextBlob().asByteArray().length, "the bare RSA ciphertext, as KMS returns it");

            var decrypted = kms.decrypt(b -> b.keyId(key.keyId()).ciphertextBlob(encrypted.ciphertextBlob()).encryptionAlgorithm(algorithm));
            assertEquals("rsa secret", decrypted.plaintext().asUtf8String());
            assertEquals(algorithm, decrypted.encryptionAlgorithmAsString());

            // What a client encrypts offline with the public key (OAEP with MGF1 over the same hash) decrypts in the store.
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, publicKey(key),
                    new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
            byte[] offline = cipher.doFinal("offline".getBytes(StandardCharsets.UTF_8));
            assertEquals("offline", kms.decrypt(b -> b.keyId(key.arn()).ciphertextBlob(SdkBytes.fromByteArray(offline))
                    .encryptionAlgorithm(algorithm)).plaintext().asUtf8String());
        }

        @Test
        void anRsaKeyNeedsItsAlgorithmNamed() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            fails("InvalidKeyUsageException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))));
        }

        @Test
        void theWrongAlgorithmOrADamagedCiphertextIsInvalidCiphertext() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p")).encryptionAlgorithm("RSAES_OAEP_SHA_256"))
                    .ciphertextBlob();
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.keyId(key.keyId()).ciphertextBlob(blob)
                    .encryptionAlgorithm("RSAES_OAEP_SHA_1")));
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.keyId(key.keyId()).ciphertextBlob(bytes("damaged"))
                    .encryptionAlgorithm("RSAES_OAEP_SHA_256")));
        }

        @Test
        void aPlaintextOverTheOaepLimitIsRefused() {
            KeyMetadata key = key("RSA_2048", "ENCRYPT_DECRYPT");
            SdkBytes ok = SdkBytes.fromByteArray(new byte[190]);
            kms.encrypt(b -> b.keyId(key.keyId()).plaintext(ok).encryptionAlgorithm("RSAES_OAEP_SHA_256"));
            fails("ValidationException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(new byte[191]))
                    .encryptionAlgorithm("RSAES_OAEP_SHA_256")));
        }
    }

    // ---- HMAC ---------------------------------------------------------------------------------

    @Nested
    class Hmac {

        @Test
        void generatesAMacThatVerifies() throws Exception {
            KeyMetadata key = key("HMAC_384", "GENERATE_VERIFY_MAC");
            var generated = kms.generateMac(b -> b.keyId(key.keyId()).message(bytes("Hello World")).macAlgorithm("HMAC_SHA_384"));
            assertEquals(key.arn(), generated.keyId());
            assertEquals("HMAC_SHA_384", generated.macAlgorithmAsString());
            assertEquals(Mac.getInstance("HmacSHA384").getMacLength(), generated.mac().asByteArray().length);
            var again = kms.generateMac(b -> b.keyId(key.arn()).message(bytes("Hello World")).macAlgorithm("HMAC_SHA_384"));
            assertArrayEquals(generated.mac().asByteArray(), again.mac().asByteArray(), "HMAC is deterministic");
            var verified = kms.verifyMac(b -> b.keyId(key.keyId()).message(bytes("Hello World")).mac(generated.mac())
                    .macAlgorithm("HMAC_SHA_384"));
            assertTrue(verified.macValid());
            assertEquals(key.arn(), verified.keyId());
        }

        @Test
        void aWrongMacIsKmsInvalidMacException() {
            KeyMetadata key = key("HMAC_256", "GENERATE_VERIFY_MAC");
            SdkBytes mac = kms.generateMac(b -> b.keyId(key.keyId()).message(bytes("m")).macAlgorithm("HMAC_SHA_256")).mac();
            fails("KMSInvalidMacException", () -> kms.verifyMac(b -> b.keyId(key.keyId()).message(bytes("other")).mac(mac)
                    .macAlgorithm("HMAC_SHA_256")));
        }

        @Test
        void theMacAlgorithmMustBeTheKeySpecs() {
            KeyMetadata key = key("HMAC_256", "GENERATE_VERIFY_MAC");
            fails("InvalidKeyUsageException", () -> kms.generateMac(b -> b.keyId(key.keyId()).message(bytes("m"))
                    .macAlgorithm("HMAC_SHA_512")));
        }

        @Test
        void twoHmacKeysGiveDifferentMacs() {
            String one = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
            String two = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
            assertNotEquals(kms.generateMac(b -> b.keyId(one).message(bytes("m")).macAlgorithm("HMAC_SHA_256")).mac(),
                    kms.generateMac(b -> b.keyId(two).message(bytes("m")).macAlgorithm("HMAC_SHA_256")).mac());
        }
    }
}
