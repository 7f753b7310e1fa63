package io.strongroom.local.kms;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What KMS does on its own as time passes: keys deleted when their waiting period ends, key
 * material rotated when its rotation date comes. Each test has its own store, since each moves
 * the store's clock.
 */
class KmsScheduleTest {

    RunningStore store;
    KmsClient kms;

    @BeforeEach
    void start() {
        store = new RunningStore();
        kms = store.kms();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    void passes(Duration time) {
        store.clock().advance(time);
        store.store().runMaintenance();
    }

    static String code(KmsException e) {
        return e.awsErrorDetails().errorCode();
    }

    @Nested
    class Deletion {

        @Test
        void aKeyIsDeletedWhenItsWaitingPeriodEnds() {
            KeyMetadata key = kms.createKey(b -> { }).keyMetadata();
            kms.createAlias(b -> b.aliasName("alias/doomed").targetKeyId(key.keyId()));
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("gone soon"))).ciphertextBlob();
            kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

            passes(Duration.ofDays(7).plusMinutes(1));

            KmsException described = assertThrows(KmsException.class, () -> kms.describeKey(b -> b.keyId(key.keyId())));
            assertEquals("NotFoundException", code(described));
            assertEquals(400, described.statusCode());
            assertEquals("Key '" + key.arn() + "' does not exist", described.awsErrorDetails().errorMessage());
            assertEquals("NotFoundException", code(assertThrows(KmsException.class, () -> kms.decrypt(b -> b.ciphertextBlob(blob)))));
            assertEquals("NotFoundException", code(assertThrows(KmsException.class, () -> kms.describeKey(b -> b.keyId("alias/doomed")))));
            assertTrue(kms.listKeys().keys().stream().noneMatch(k -> k.keyId().equals(key.keyId())));
            assertTrue(kms.listAliases().aliases().stream().noneMatch(a -> a.aliasName().equals("alias/doomed")),
                    "a deleted key takes its aliases with it");
        }

        @Test
        void aKeyIsKeptUntilItsWaitingPeriodEnds() {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(7));

            passes(Duration.ofDays(6));

            assertEquals("PendingDeletion", kms.describeKey(b -> b.keyId(key)).keyMetadata().keyStateAsString());
            kms.cancelKeyDeletion(b -> b.keyId(key));
            passes(Duration.ofDays(30));
            assertEquals("Disabled", kms.describeKey(b -> b.keyId(key)).keyMetadata().keyStateAsString());
        }

        @Test
        void otherKeysAreUntouched() {
            String doomed = kms.createKey(b -> { }).keyMetadata().keyId();
            String kept = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.scheduleKeyDeletion(b -> b.keyId(doomed).pendingWindowInDays(7));

            passes(Duration.ofDays(8));

            assertEquals(List.of(kept), kms.listKeys().keys().stream().map(k -> k.keyId()).toList());
        }
    }

    @Nested
    class AutomaticRotation {

        @Test
        void keyMaterialRotatesOnScheduleAndOldCiphertextStillDecrypts() {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(90));
            Instant firstDate = kms.getKeyRotationStatus(b -> b.keyId(key)).nextRotationDate();
            SdkBytes old = kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("year one"))
                    .encryptionContext(Map.of("app", "ledger"))).ciphertextBlob();

            passes(Duration.ofDays(90).plusHours(1));

            GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key));
            assertEquals(firstDate.plus(Duration.ofDays(90)), status.nextRotationDate());
            assertEquals("year one", kms.decrypt(b -> b.ciphertextBlob(old).encryptionContext(Map.of("app", "ledger")))
                    .plaintext().asUtf8String());
            SdkBytes fresh = kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("year two"))).ciphertextBlob();
            assertEquals("year two", kms.decrypt(b -> b.ciphertextBlob(fresh)).plaintext().asUtf8String());
        }

        @Test
        void aDisabledKeyIsNotRotatedUntilEnabledAgain() {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(90));
            Instant due = kms.getKeyRotationStatus(b -> b.keyId(key)).nextRotationDate();
            kms.disableKey(b -> b.keyId(key));

            passes(Duration.ofDays(100));
            assertEquals(due, kms.getKeyRotationStatus(b -> b.keyId(key)).nextRotationDate(), "no rotation while disabled");

            kms.enableKey(b -> b.keyId(key));
            store.store().runMaintenance();
            Instant next = kms.getKeyRotationStatus(b -> b.keyId(key)).nextRotationDate();
            assertTrue(next.isAfter(store.clock().instant().plus(Duration.ofDays(89))), "an overdue key rotates once enabled: " + next);
        }

        @Test
        void rotationThatIsOffNeverHappens() {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            passes(Duration.ofDays(400));
            GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key));
            assertFalse(status.keyRotationEnabled());
        }

        @Test
        void awsManagedKeysRotateEveryYear() {
            String managed = kms.describeKey(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS)).keyMetadata().keyId();
            Instant first = kms.getKeyRotationStatus(b -> b.keyId(managed)).nextRotationDate();

            passes(Duration.ofDays(365).plusHours(1));

            assertEquals(first.plus(Duration.ofDays(365)), kms.getKeyRotationStatus(b -> b.keyId(managed)).nextRotationDate());
        }
    }
}
