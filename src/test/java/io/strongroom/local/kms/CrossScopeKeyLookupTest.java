package io.strongroom.local.kms;

import io.strongroom.local.AdjustableClock;
import io.strongroom.local.LocalStore;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.storage.Database;
import io.strongroom.local.wire.AwsException;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.strongroom.testing.AwsErrors.assertClientError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KMS key is usable only in its own account and region, whatever the text of its ARN or of
 * a reference to it says, and a mismatch is answered as for a key that does not exist.
 */
class CrossScopeKeyLookupTest {

    /**
     * Account A creates keys in "regions" that smuggle account B's ARN prefix in; B, signed in
     * us-east-1, cannot describe, use, alias or list them by any spelling of their ARN or ID.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CraftedRegion {

        RunningStore store;
        String accountB;
        KmsClient b;
        List<String> craftedArns;
        List<String> keyIds;
        byte[] blob;

        @BeforeAll
        void start() {
            store = new RunningStore();
            LocalStore local = store.store();
            String accountA = store.adminKey(0).accountId();
            accountB = store.adminKey(1).accountId();
            craftedArns = new java.util.ArrayList<>();
            keyIds = new java.util.ArrayList<>();
            for (String region : List.of("us-east-1:" + accountB + ":key", "us-east-1:" + accountB + ":key/x", "us-east-1:" + accountB)) {
                CreateKeyResponse created = local.invoke(accountA, region, store.clock().instant(), "kms", "CreateKey",
                        CreateKeyRequest.builder().description("a's key").build());
                craftedArns.add(created.keyMetadata().arn());
                keyIds.add(created.keyMetadata().keyId());
            }
            EncryptResponse encrypted = local.invoke(accountA, "us-east-1:" + accountB + ":key", store.clock().instant(), "kms",
                    "Encrypt", EncryptRequest.builder().keyId(keyIds.get(0)).plaintext(SdkBytes.fromUtf8String("a's data")).build());
            blob = encrypted.ciphertextBlob().asByteArray();
            b = store.kms(store.adminKey(1), RunningStore.REGION);
        }

        @AfterAll
        void stop() {
            store.close();
        }

        /** Every spelling B might try: the crafted ARN itself, B's ARN shape with A's key ID, and the bare key ID. */
        List<String> references() {
            List<String> out = new java.util.ArrayList<>(craftedArns);
            for (String id : keyIds) {
                out.add("arn:aws:kms:us-east-1:" + accountB + ":key/" + id);
                out.add(id);
            }
            return out;
        }

        void refusedAsAbsent(Executable call) {
            KmsException e = assertThrows(KmsException.class, call);
            assertTrue(Set.of("NotFoundException", "InvalidArnException").contains(e.awsErrorDetails().errorCode()),
                    () -> "expected the key to be unknown, got " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        }

        @Test
        void theCraftedArnsReadAsTheOtherAccounts() {
            craftedArns.forEach(arn -> assertTrue(arn.startsWith("arn:aws:kms:us-east-1:" + accountB + ":"), arn));
        }

        @Test
        void theOtherAccountCannotDescribeUseOrManageThem() {
            for (String ref : references()) {
                refusedAsAbsent(() -> b.describeKey(r -> r.keyId(ref)));
                refusedAsAbsent(() -> b.encrypt(r -> r.keyId(ref).plaintext(SdkBytes.fromUtf8String("x"))));
                refusedAsAbsent(() -> b.generateDataKey(r -> r.keyId(ref).keySpec(DataKeySpec.AES_256)));
                refusedAsAbsent(() -> b.decrypt(r -> r.keyId(ref).ciphertextBlob(SdkBytes.fromByteArray(blob))));
                refusedAsAbsent(() -> b.tagResource(r -> r.keyId(ref).tags(t -> t.tagKey("owner").tagValue("b"))));
                refusedAsAbsent(() -> b.disableKey(r -> r.keyId(ref)));
                refusedAsAbsent(() -> b.scheduleKeyDeletion(r -> r.keyId(ref)));
                refusedAsAbsent(() -> b.listResourceTags(r -> r.keyId(ref)));
                refusedAsAbsent(() -> b.listAliases(r -> r.keyId(ref)));
                refusedAsAbsent(() -> b.createAlias(r -> r.aliasName("alias/stolen").targetKeyId(ref)));
            }
            refusedAsAbsent(() -> b.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))));
            assertTrue(b.listKeys().keys().stream().noneMatch(k -> keyIds.contains(k.keyId())));
        }

        @Test
        void secretsManagerCannotSealWithThemForTheOtherAccount() {
            SecretsManagerClient sm = store.secrets(store.adminKey(1), RunningStore.REGION);
            int n = 0;
            for (String ref : references()) {
                String name = "sealed-" + n++;
                // Answered as any key the caller cannot use (issue 8): a malformed reference is an
                // invalid KMS key, a well-formed one that names nothing here fails to encrypt.
                SecretsManagerException e = assertThrows(SecretsManagerException.class,
                        () -> sm.createSecret(r -> r.name(name).kmsKeyId(ref).secretString("b's data")));
                assertTrue(Set.of("InvalidParameterException", "EncryptionFailure").contains(e.awsErrorDetails().errorCode()),
                        () -> ref + ": " + e.awsErrorDetails().errorCode());
                assertClientError(e.statusCode());
            }
            assertTrue(sm.listSecrets().secretList().isEmpty(), "no secret was created");
        }
    }

    /**
     * The lookup itself checks the key it lands on: an alias row of B's that points at A's key
     * (as no API call can make, but a bad migration or a later bug could) is not followed.
     */
    @Nested
    class PlantedAlias {

        @TempDir
        Path dir;

        @Test
        void anAliasPointingAtAnotherAccountsKeyIsNotFollowed() {
            try (Database db = Database.open(dir.resolve("kms.db"))) {
                RootKey rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
                Accounts store = new Accounts(db, rootKey, new AdjustableClock());
                List<LocalAccount> accounts = store.ensureDefaults();
                String a = accounts.get(0).accountId();
                String b = accounts.get(1).accountId();
                KmsKeys keys = new KmsKeys(db, rootKey);
                AdjustableClock clock = new AdjustableClock();
                KmsKey aKey = keys.createCustomerKey(a, "us-east-1", "a's key", null, java.util.Map.of(), clock.instant());
                KmsKey bKey = keys.createCustomerKey(b, "us-west-2", "b's key elsewhere", null, java.util.Map.of(), clock.instant());
                assertTrue(keys.createAlias(b, "us-east-1", "alias/planted", aKey.keyId(), clock.instant()));
                assertTrue(keys.createAlias(b, "us-east-1", "alias/wrong-region", bKey.keyId(), clock.instant()));

                for (String alias : List.of("alias/planted", "alias/wrong-region")) {
                    assertTrue(keys.resolve(b, "us-east-1", alias).isEmpty(), alias);
                    assertTrue(keys.resolve(b, "us-east-1", "arn:aws:kms:us-east-1:" + b + ":" + alias).isEmpty(), alias);
                }

                JsonService api = new KmsApi(keys).service();
                RequestContext asB = new RequestContext(Caller.user(b, "arn:aws:iam::" + b + ":user/admin", "admin", "AIDATEST",
                        "AKIATEST"), "us-east-1", "req-1", clock.instant(), "127.0.0.1", "test")
                        .authorizedBy(new io.strongroom.local.iam.Authorizer(store.iam()));
                for (String alias : List.of("alias/planted", "alias/wrong-region")) {
                    assertNotFound(() -> api.operation("Encrypt").invoke(asB, EncryptRequest.builder().keyId(alias)
                            .plaintext(SdkBytes.fromString("b's data", StandardCharsets.UTF_8)).build()));
                    assertNotFound(() -> api.operation("DescribeKey").invoke(asB, DescribeKeyRequest.builder().keyId(alias).build()));
                    assertNotFound(() -> api.operation("ListAliases").invoke(asB, ListAliasesRequest.builder().keyId(alias).build()));
                }
            }
        }

        private void assertNotFound(Executable call) {
            AwsException e = assertThrows(AwsException.class, call);
            assertEquals("NotFoundException", e.code(), e::getMessage);
        }
    }
}
