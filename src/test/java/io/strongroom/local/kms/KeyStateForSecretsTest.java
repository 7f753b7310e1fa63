package io.strongroom.local.kms;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.EncryptionFailureException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a key's state means to the secrets it protects, over real HTTP with the SDK: a disabled key or
 * one pending deletion makes GetSecretValue fail with DecryptionFailure and writes with
 * EncryptionFailure; enabling the key (after cancelling the deletion) gives the secrets back; a
 * rotated key still opens what it sealed before. Also what ListKeys/DescribeKey and
 * GetKeyRotationStatus report for the keys view.
 */
class KeyStateForSecretsTest extends KmsTestCase {

    static SecretsManagerClient secrets;

    @BeforeAll
    static void openSecrets() {
        secrets = store.secrets();
    }

    private static KeyMetadata newKey() {
        return kms.createKey(b -> b.description("for secrets")).keyMetadata();
    }

    private static String secretUnder(String keyRef, String value) {
        String name = "app/" + UUID.randomUUID();
        secrets.createSecret(b -> b.name(name).kmsKeyId(keyRef).secretString(value));
        return name;
    }

    private static String read(String name) {
        return secrets.getSecretValue(b -> b.secretId(name)).secretString();
    }

    @Test
    void aDisabledKeyFailsReadsAndWritesUntilEnabled() {
        KeyMetadata key = newKey();
        String name = secretUnder(key.keyId(), "s3cr3t-before");

        kms.disableKey(b -> b.keyId(key.keyId()));
        assertEquals("Disabled", kms.describeKey(b -> b.keyId(key.arn())).keyMetadata().keyStateAsString());
        refused(DecryptionFailureException.class, "DecryptionFailure", () -> read(name));
        refused(EncryptionFailureException.class, "EncryptionFailure",
                () -> secrets.putSecretValue(b -> b.secretId(name).secretString("s3cr3t-after")));
        refused(EncryptionFailureException.class, "EncryptionFailure", () -> secretUnder(key.arn(), "another"));

        kms.enableKey(b -> b.keyId(key.keyId()));
        assertEquals("s3cr3t-before", read(name));
        secrets.putSecretValue(b -> b.secretId(name).secretString("s3cr3t-after"));
        assertEquals("s3cr3t-after", read(name));
    }

    @Test
    void aKeyPendingDeletionFailsReadsUntilCancelledAndEnabled() {
        KeyMetadata key = newKey();
        kms.createAlias(b -> b.aliasName("alias/pending-" + key.keyId()).targetKeyId(key.keyId()));
        String name = secretUnder("alias/pending-" + key.keyId(), "kept");

        Instant deletion = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7)).deletionDate();
        KeyMetadata pending = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals("PendingDeletion", pending.keyStateAsString());
        assertEquals(deletion, pending.deletionDate());
        assertFalse(pending.enabled());
        refused(DecryptionFailureException.class, "DecryptionFailure", () -> read(name));

        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));
        KeyMetadata cancelled = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals("Disabled", cancelled.keyStateAsString(), "KMS leaves a cancelled key disabled");
        assertNull(cancelled.deletionDate());
        refused(DecryptionFailureException.class, "DecryptionFailure", () -> read(name));

        kms.enableKey(b -> b.keyId(key.keyId()));
        assertEquals("kept", read(name));
    }

    @Test
    void aSecretWrittenBeforeOnDemandRotationStillReads() {
        KeyMetadata key = newKey();
        String name = secretUnder(key.arn(), "written-before-rotation");
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));

        assertEquals("written-before-rotation", read(name));
        secrets.putSecretValue(b -> b.secretId(name).secretString("written-after-rotation"));
        assertEquals("written-after-rotation", read(name));
        assertEquals("written-before-rotation", secrets.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString());
        var rotations = kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations();
        assertEquals(1, rotations.size());
        assertNotNull(rotations.get(0).rotationDate());
    }

    @Test
    void keysAreListedWithStateManagerOriginAndSingleRegion() {
        KeyMetadata customer = newKey();
        secretUnder(null, "under the default key");     // creates aws/secretsmanager
        boolean sawManaged = false;
        boolean sawCustomer = false;
        for (KeyListEntry entry : kms.listKeys(b -> b.limit(1000)).keys()) {
            KeyMetadata m = kms.describeKey(b -> b.keyId(entry.keyId())).keyMetadata();
            assertEquals("AWS_KMS", m.originAsString());
            assertFalse(m.multiRegion());
            assertTrue(m.keyStateAsString().matches("Enabled|Disabled|PendingDeletion"), m.keyStateAsString());
            sawManaged |= "AWS".equals(m.keyManagerAsString());
            sawCustomer |= m.keyId().equals(customer.keyId()) && "CUSTOMER".equals(m.keyManagerAsString());
        }
        assertTrue(sawManaged, "aws/secretsmanager is listed, with KeyManager AWS");
        assertTrue(sawCustomer);
        String managed = kms.describeKey(b -> b.keyId("alias/aws/secretsmanager")).keyMetadata().keyId();
        var status = kms.getKeyRotationStatus(b -> b.keyId(managed));
        assertTrue(status.keyRotationEnabled(), "AWS managed keys rotate every year");
        assertEquals(365, status.rotationPeriodInDays());
    }

    @Test
    void rotationStatusCarriesThePeriodAndNextDate() {
        KeyMetadata key = newKey();
        Instant before = store.clock().instant();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(120));
        var status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        assertTrue(status.keyRotationEnabled());
        assertEquals(120, status.rotationPeriodInDays());
        assertTrue(Duration.between(before.plus(Duration.ofDays(120)), status.nextRotationDate()).abs().getSeconds() < 5);
        assertNull(status.onDemandRotationStartDate(), "an on-demand rotation completes at once here; none is in progress");
    }

    @Test
    void multiRegionKeysAreRefusedCleanly() {
        fails("UnsupportedOperationException", () -> kms.createKey(b -> b.multiRegion(true)));
    }
}
