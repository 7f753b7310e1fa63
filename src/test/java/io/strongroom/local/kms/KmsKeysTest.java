package io.strongroom.local.kms;

import io.strongroom.local.AdjustableClock;
import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key engine itself: generations of material, context binding, what maintenance does. */
class KmsKeysTest {

    @TempDir
    Path dir;
    Database db;
    KmsKeys keys;
    String account;
    final AdjustableClock clock = new AdjustableClock();
    static final String REGION = "us-east-1";

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kms.db"));
        RootKey rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
        account = new Accounts(db, rootKey, clock).ensureDefaults().get(0).accountId();
        keys = new KmsKeys(db, rootKey);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static int generationOf(byte[] blob) {
        return ByteBuffer.wrap(blob, 1 + 36, 4).getInt();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rotationMakesNewCiphertextsUseNewMaterialAndKeepsOldOnesReadable() {
        KmsKey key = keys.createCustomerKey(account, REGION, "", null, Map.of(), clock.instant());
        byte[] first = keys.encrypt(key, utf8("one"), Map.of());
        keys.rotateMaterial(key.keyId(), clock.instant(), KmsKeys.RotationType.ON_DEMAND);
        byte[] second = keys.encrypt(key, utf8("two"), Map.of());

        assertEquals(1, generationOf(first));
        assertEquals(2, generationOf(second));
        assertArrayEquals(utf8("one"), keys.decrypt(key, first, Map.of()));
        assertArrayEquals(utf8("two"), keys.decrypt(key, second, Map.of()));
    }

    @Test
    void contextsThatWouldRunTogetherInPlainTextDoNotDecryptEachOther() {
        KmsKey key = keys.createCustomerKey(account, REGION, "", null, Map.of(), clock.instant());
        byte[] blob = keys.encrypt(key, utf8("bound"), Map.of("a", "b\u0000c\u0001d"));

        assertThrows(CryptoException.class, () -> keys.decrypt(key, blob, Map.of("a", "b", "c", "d")));
        assertThrows(CryptoException.class, () -> keys.decrypt(key, blob, Map.of("ab", "cd")));
        assertArrayEquals(utf8("bound"), keys.decrypt(key, blob, Map.of("a", "b\u0000c\u0001d")));
    }

    @Test
    void aCiphertextOfOneKeyDoesNotOpenWithAnother() {
        KmsKey one = keys.createCustomerKey(account, REGION, "", null, Map.of(), clock.instant());
        KmsKey two = keys.createCustomerKey(account, REGION, "", null, Map.of(), clock.instant());
        byte[] blob = keys.encrypt(one, utf8("x"), Map.of());
        assertThrows(CryptoException.class, () -> keys.decrypt(two, blob, Map.of()));
    }

    @Test
    void rotateDueRotatesOnlyEnabledKeysWhoseDateHasPassed() {
        Instant now = clock.instant();
        KmsKey due = keys.update(keys.createCustomerKey(account, REGION, "", null, Map.of(), now)
                .withRotation(true, 90, now.plus(Duration.ofDays(90))));
        KmsKey later = keys.update(keys.createCustomerKey(account, REGION, "", null, Map.of(), now)
                .withRotation(true, 365, now.plus(Duration.ofDays(365))));
        KmsKey disabled = keys.update(keys.createCustomerKey(account, REGION, "", null, Map.of(), now)
                .withRotation(true, 90, now.plus(Duration.ofDays(90))).withState(KmsKey.DISABLED, null));

        Instant then = now.plus(Duration.ofDays(90).plusHours(1));
        assertEquals(1, keys.rotateDue(then));

        assertEquals(2, generationOf(keys.encrypt(due, utf8("x"), Map.of())));
        assertEquals(due.nextRotationAt().plus(Duration.ofDays(90)), keys.byId(due.keyId()).orElseThrow().nextRotationAt());
        assertEquals(1, generationOf(keys.encrypt(later, utf8("x"), Map.of())));
        assertEquals(disabled.nextRotationAt(), keys.byId(disabled.keyId()).orElseThrow().nextRotationAt());
        assertEquals(0, keys.rotateDue(then), "a rotated key is not due again until its next date");
        assertEquals(List.of(KmsKeys.RotationType.AUTOMATIC), keys.rotations(due.keyId()).stream().map(KmsKeys.Rotation::type).toList(),
                "ListKeyRotations' RotationType");
    }

    @Test
    void anOverdueKeyStartsANewScheduleFromItsRotation() {
        Instant now = clock.instant();
        KmsKey key = keys.update(keys.createCustomerKey(account, REGION, "", null, Map.of(), now)
                .withRotation(true, 90, now.plus(Duration.ofDays(90))));

        Instant weeksLate = now.plus(Duration.ofDays(120)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertEquals(1, keys.rotateDue(weeksLate));

        assertEquals(weeksLate.plus(Duration.ofDays(90)), keys.byId(key.keyId()).orElseThrow().nextRotationAt());
    }

    @Test
    void deleteDueRemovesKeysPastTheirDateWithTheirAliasesAndTags() {
        Instant now = clock.instant();
        KmsKey doomed = keys.createCustomerKey(account, REGION, "", null, Map.of("k", "v"), now);
        keys.createAlias(account, REGION, "alias/doomed", doomed.keyId(), now);
        keys.change(doomed.keyId(), k -> k.withState(KmsKey.PENDING_DELETION, now.plus(Duration.ofDays(7))));

        assertEquals(0, keys.deleteDue(now.plus(Duration.ofDays(6))));
        assertEquals(1, keys.deleteDue(now.plus(Duration.ofDays(7))));

        assertTrue(keys.byId(doomed.keyId()).isEmpty());
        assertTrue(keys.alias(account, REGION, "alias/doomed").isEmpty());
        assertTrue(keys.tags(doomed.keyId()).isEmpty());
    }

    @Test
    void anAliasNameIsCreatedOnce() {
        KmsKey key = keys.createCustomerKey(account, REGION, "", null, Map.of(), clock.instant());
        assertTrue(keys.createAlias(account, REGION, "alias/once", key.keyId(), clock.instant()));
        assertFalse(keys.createAlias(account, REGION, "alias/once", key.keyId(), clock.instant()));
        assertTrue(keys.deleteAlias(account, REGION, "alias/once"));
        assertFalse(keys.deleteAlias(account, REGION, "alias/once"));
    }

    @Test
    void theSecretsManagerKeyIsAwsManagedAndMadeOnce() {
        KmsKey first = keys.secretsManagerKey(account, REGION, clock.instant());
        KmsKey again = keys.secretsManagerKey(account, REGION, clock.instant());
        assertEquals(first.keyId(), again.keyId());
        assertTrue(first.awsManaged());
        assertTrue(first.policy().contains("secretsmanager." + REGION + ".amazonaws.com"));
        assertEquals(first.keyId(), keys.resolve(account, REGION, KmsKeys.SECRETS_MANAGER_ALIAS).orElseThrow().keyId());
    }
}
