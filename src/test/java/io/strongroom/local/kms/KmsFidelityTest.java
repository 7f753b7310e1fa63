package io.strongroom.local.kms;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KMS operations as AWS answers them, through the real SDK client: GenerateRandom, ReEncrypt
 * (DestinationKeyId in every form, encryption contexts on both sides), ListKeyRotations for keys
 * never rotated and rotated, the key ARN from ScheduleKeyDeletion and CancelKeyDeletion, and
 * alias names under the reserved {@code alias/aws/} prefix.
 */
class KmsFidelityTest extends KmsTestCase {

    static KeyMetadata newKey() {
        return kms.createKey(b -> b.description("fidelity")).keyMetadata();
    }

    @Nested
    class GenerateRandom {

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {1, 32, 1024})
        void returnsAsManyRandomBytesAsAskedFor(int n) {
            assertEquals(n, kms.generateRandom(b -> b.numberOfBytes(n)).plaintext().asByteArray().length);
        }

        @Test
        void twoCallsDiffer() {
            assertFalse(kms.generateRandom(b -> b.numberOfBytes(32)).plaintext()
                    .equals(kms.generateRandom(b -> b.numberOfBytes(32)).plaintext()));
        }

        @Test
        void refusesANumberOutside1To1024AsAwsWordsIt() {
            assertEquals("1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1",
                    message(fails("ValidationException", () -> kms.generateRandom(b -> b.numberOfBytes(0)))));
            assertEquals("1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 1024",
                    message(fails("ValidationException", () -> kms.generateRandom(b -> b.numberOfBytes(1025)))));
        }

        @Test
        void refusesARequestWithoutANumber() {
            fails("ValidationException", () -> kms.generateRandom(b -> { }));
        }

        @Test
        void anUnknownCustomKeyStoreIsNotFound() {
            fails("CustomKeyStoreNotFoundException", () -> kms.generateRandom(b -> b.numberOfBytes(8)
                    .customKeyStoreId("cks-1234567890abcdef0")));
        }
    }

    @Nested
    class ReEncrypt {

        @ParameterizedTest(name = "destination named by {0}")
        @ValueSource(strings = {"key id", "key arn", "alias name", "alias arn"})
        void reEncryptsUnderTheDestinationNamedInEveryForm(String form) {
            KeyMetadata source = newKey();
            KeyMetadata destination = newKey();
            String alias = "alias/reencrypt-" + System.nanoTime();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(destination.keyId()));
            String named = switch (form) {
                case "key id" -> destination.keyId();
                case "key arn" -> destination.arn();
                case "alias name" -> alias;
                default -> "arn:aws:kms:" + RunningStore.REGION.id() + ":" + destination.awsAccountId() + ":" + alias;
            };
            SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(bytes("moving house"))
                    .encryptionContext(Map.of("from", "a"))).ciphertextBlob();

            ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceEncryptionContext(Map.of("from", "a"))
                    .destinationKeyId(named).destinationEncryptionContext(Map.of("to", "b")));

            assertEquals(source.arn(), moved.sourceKeyId());
            assertEquals(destination.arn(), moved.keyId());
            assertEquals("SYMMETRIC_DEFAULT", moved.sourceEncryptionAlgorithmAsString());
            assertEquals("SYMMETRIC_DEFAULT", moved.destinationEncryptionAlgorithmAsString());
            var opened = kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob()).encryptionContext(Map.of("to", "b")));
            assertEquals("moving house", opened.plaintext().asUtf8String());
            assertEquals(destination.arn(), opened.keyId());
        }

        @Test
        void theSourceContextMustMatchAndTheDestinationContextIsBound() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p")).encryptionContext(Map.of("k", "v")))
                    .ciphertextBlob();
            fails("InvalidCiphertextException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(key.keyId())));
            SdkBytes moved = kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceEncryptionContext(Map.of("k", "v"))
                    .destinationKeyId(key.keyId()).destinationEncryptionContext(Map.of("k", "w"))).ciphertextBlob();
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.ciphertextBlob(moved).encryptionContext(Map.of("k", "v"))));
        }

        @Test
        void aSourceKeyIdThatDidNotEncryptIsIncorrectKey() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))).ciphertextBlob();
            fails("IncorrectKeyException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(newKey().keyId())
                    .destinationKeyId(key.keyId())));
            assertEquals(key.arn(), kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(key.arn()).destinationKeyId(key.keyId()))
                    .sourceKeyId());
        }

        @Test
        void refusesADestinationThatCannotEncrypt() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))).ciphertextBlob();
            KeyMetadata disabled = newKey();
            kms.disableKey(b -> b.keyId(disabled.keyId()));
            KeyMetadata signing = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata();

            fails("DisabledException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(disabled.keyId())));
            KmsException e = fails("InvalidKeyUsageException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob)
                    .destinationKeyId(signing.keyId())));
            assertEquals(signing.arn() + " key usage is SIGN_VERIFY which is not valid for ReEncrypt.", message(e));
            fails("NotFoundException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob)
                    .destinationKeyId("11111111-2222-3333-4444-555555555555")));
            fails("NotFoundException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId("alias/never-made")));
        }

        @Test
        void aDisabledSourceKeyCannotDecrypt() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("p"))).ciphertextBlob();
            kms.disableKey(b -> b.keyId(key.keyId()));
            fails("DisabledException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(newKey().keyId())));
        }

        @Test
        void movesBetweenSymmetricAndRsaKeysWithTheirAlgorithms() {
            KeyMetadata symmetric = newKey();
            KeyMetadata rsa = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();
            SdkBytes blob = kms.encrypt(b -> b.keyId(symmetric.keyId()).plaintext(bytes("to rsa"))).ciphertextBlob();

            ReEncryptResponse toRsa = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(rsa.keyId())
                    .destinationEncryptionAlgorithm("RSAES_OAEP_SHA_256"));
            assertEquals("RSAES_OAEP_SHA_256", toRsa.destinationEncryptionAlgorithmAsString());

            fails("InvalidCiphertextException", () -> kms.reEncrypt(b -> b.ciphertextBlob(toRsa.ciphertextBlob())
                    .destinationKeyId(symmetric.keyId())));
            ReEncryptResponse back = kms.reEncrypt(b -> b.ciphertextBlob(toRsa.ciphertextBlob()).sourceKeyId(rsa.arn())
                    .sourceEncryptionAlgorithm("RSAES_OAEP_SHA_256").destinationKeyId(symmetric.keyId()));
            assertEquals(rsa.arn(), back.sourceKeyId());
            assertEquals("RSAES_OAEP_SHA_256", back.sourceEncryptionAlgorithmAsString());
            assertEquals("to rsa", kms.decrypt(b -> b.ciphertextBlob(back.ciphertextBlob())).plaintext().asUtf8String());
        }

        @Test
        void aMissingDestinationIsAValidationErrorWordedAsAws() {
            SdkBytes blob = kms.encrypt(b -> b.keyId(newKey().keyId()).plaintext(bytes("p"))).ciphertextBlob();
            assertEquals("1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: "
                    + "Member must not be null", message(fails("ValidationException", () -> kms.reEncrypt(b -> b.ciphertextBlob(blob)))));
        }
    }

    @Nested
    class ListKeyRotations {

        @Test
        void aKeyNeverRotatedHasNoRotations() {
            ListKeyRotationsResponse response = kms.listKeyRotations(b -> b.keyId(newKey().keyId()));
            assertTrue(response.hasRotations());
            assertEquals(0, response.rotations().size());
            assertFalse(response.truncated());
            assertNull(response.nextMarker());
        }

        @Test
        void allKeyMaterialListsTheFirstMaterialAsCurrent() {
            KeyMetadata key = newKey();
            var response = kms.listKeyRotations(b -> b.keyId(key.arn()).includeKeyMaterial("ALL_KEY_MATERIAL"));
            assertEquals(1, response.rotations().size());
            RotationsListEntry first = response.rotations().get(0);
            assertEquals(key.keyId(), first.keyId());
            assertEquals("CURRENT", first.keyMaterialStateAsString());
            assertEquals(64, first.keyMaterialId().length());
        }

        @Test
        void anOnDemandRotationIsListedWithItsDate() {
            KeyMetadata key = newKey();
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            var rotations = kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations();
            assertEquals(1, rotations.size());
            assertEquals(key.keyId(), rotations.get(0).keyId());
            assertNotNull(rotations.get(0).rotationDate());
            assertEquals(RotationType.ON_DEMAND, rotations.get(0).rotationType());
        }

        @Test
        void pagesWithLimitAndMarker() {
            KeyMetadata key = newKey();
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            var first = kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(1));
            assertTrue(first.truncated());
            var second = kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(1).marker(first.nextMarker()));
            assertFalse(second.truncated());
            assertEquals(1, second.rotations().size());
            assertTrue(second.rotations().get(0).rotationDate().compareTo(first.rotations().get(0).rotationDate()) >= 0);
        }

        @Test
        void namesTheKeyByIdOrArnOnly() {
            KeyMetadata key = newKey();
            String alias = "alias/rotations-" + System.nanoTime();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
            fails("NotFoundException", () -> kms.listKeyRotations(b -> b.keyId(alias)));
            fails("ValidationException", () -> kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(0)));
        }
    }

    @Nested
    class KeyDeletion {

        @Test
        void scheduleAndCancelReturnTheKeyArnAsTheApiReferenceExamplesShow() {
            KeyMetadata key = newKey();
            assertEquals(key.arn(), kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7)).keyId());
            assertEquals(key.arn(), kms.cancelKeyDeletion(b -> b.keyId(key.keyId())).keyId());
        }
    }

    @Nested
    class ReservedAliases {

        @Test
        void createUpdateAndDeleteUnderAliasAwsAreNotAuthorized() {
            String key = newKey().keyId();
            kms.describeKey(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS));
            Function<KmsException, String> msg = KmsFidelityTest::message;
            KmsException created = fails("NotAuthorizedException", () -> kms.createAlias(b -> b.aliasName("alias/aws/mine").targetKeyId(key)));
            KmsException updated = fails("NotAuthorizedException", () -> kms.updateAlias(b -> b.aliasName(KmsKeys.SECRETS_MANAGER_ALIAS)
                    .targetKeyId(key)));
            KmsException deleted = fails("NotAuthorizedException", () -> kms.deleteAlias(b -> b.aliasName(KmsKeys.SECRETS_MANAGER_ALIAS)));
            assertEquals("The alias alias/aws/mine begins with alias/aws/, which is reserved for AWS managed keys.", msg.apply(created));
            assertTrue(msg.apply(updated).contains("alias/aws/"));
            assertTrue(msg.apply(deleted).contains("alias/aws/"));
        }

        @Test
        void namesBreakingThePatternOrLengthAreWordedAsTheValidator() {
            String key = newKey().keyId();
            assertEquals("1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
                    message(fails("ValidationException", () -> kms.createAlias(b -> b.aliasName("alias/has space").targetKeyId(key)))));
            String tooLong = "alias/" + "x".repeat(251);
            assertEquals("1 validation error detected: Value '" + tooLong + "' at 'aliasName' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 256",
                    message(fails("ValidationException", () -> kms.createAlias(b -> b.aliasName(tooLong).targetKeyId(key)))));
        }
    }

    @Nested
    class SecretsUnderANonSymmetricKey {

        @Test
        void areRefusedWithAClientErrorNeverAServerError() {
            SecretsManagerClient secrets = store.secrets();
            String rsa = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata().arn();
            String hmac = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().arn();
            for (String key : new String[] {rsa, hmac}) {
                AwsServiceException e = assertThrows(AwsServiceException.class, () -> secrets.createSecret(b -> b
                        .name("under-" + System.nanoTime()).kmsKeyId(key).secretString("value")));
                assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, "status " + e.statusCode());
                assertFalse(e.getMessage().contains("value\""), "the secret value never reaches the message");
            }
        }
    }
}
