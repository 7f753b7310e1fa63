package io.strongroom.local.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.time.Duration;
import java.time.Instant;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/** DeleteSecret and RestoreSecret answered as AWS answers them, word for word where users match on it. */
class DeleteSecretFidelityTest extends StoreTestCase {


    static String unique(String what) {
        return uniqueName("delete/", what);
    }

    static String accountId() {
        return store.store().accounts().adminKeys().get(0).accountId();
    }

    @Test
    void forceDeletingASecretThatDoesNotExistSucceedsWithTheNameAskedFor() {
        String name = unique("never-existed");
        Instant before = store.clock().instant().minusSeconds(1);
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        assertEquals(name, deleted.name());
        assertTrue(deleted.arn().startsWith("arn:aws:secretsmanager:us-east-1:" + accountId() + ":secret:" + name + "-"), deleted.arn());
        assertTrue(deleted.arn().matches(".*-[A-Za-z0-9]{6}"), deleted.arn());
        assertFalse(deleted.deletionDate().isBefore(before));
        refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
    }

    @Test
    void forceDeletingAMissingSecretByArnEchoesTheArn() {
        String name = unique("never-existed-arn");
        String arn = "arn:aws:secretsmanager:us-east-1:" + accountId() + ":secret:" + name + "-AbCdEf";
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(arn).forceDeleteWithoutRecovery(true));
        assertEquals(arn, deleted.arn());
        assertEquals(name + "-AbCdEf", deleted.name());
    }

    @Test
    void deletingAMissingSecretWithARecoveryWindowIsStillResourceNotFound() {
        ResourceNotFoundException e = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> sm.deleteSecret(b -> b.secretId(unique("ghost")).recoveryWindowInDays(7L)));
        assertEquals("Secrets Manager can't find the specified secret.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void forceTogetherWithARecoveryWindowIsRefusedWithAwsMessage() {
        String name = unique("both");
        sm.createSecret(b -> b.name(name).secretString("v"));
        InvalidParameterException e = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true).recoveryWindowInDays(10L)));
        assertEquals("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.", e.awsErrorDetails().errorMessage());
        assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 6, 31, 365})
    void aRecoveryWindowOutsideSevenToThirtyIsRefusedWithAwsMessage(long days) {
        String name = unique("window");
        sm.createSecret(b -> b.name(name).secretString("v"));
        InvalidParameterException e = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(days)));
        assertEquals("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).", e.awsErrorDetails().errorMessage());
    }

    @Test
    void deletingASecretAlreadyMarkedForDeletionIsRefusedWithAwsMessage() {
        String name = unique("twice");
        sm.createSecret(b -> b.name(name).secretString("v"));
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        InvalidRequestException e = refused(InvalidRequestException.class, "InvalidRequestException",
                () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)));
        assertEquals("You can't perform this operation on the secret because it was marked for deletion.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void deleteAndRestoreMoveLastChangedDate() {
        String name = unique("last-changed");
        sm.createSecret(b -> b.name(name).secretString("v"));
        Instant created = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        store.clock().advance(Duration.ofMinutes(5));
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        Instant deleted = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        assertTrue(deleted.isAfter(created), created + " then " + deleted);
        store.clock().advance(Duration.ofMinutes(5));
        sm.restoreSecret(b -> b.secretId(name));
        Instant restored = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
        assertTrue(restored.isAfter(deleted), deleted + " then " + restored);
    }
}
