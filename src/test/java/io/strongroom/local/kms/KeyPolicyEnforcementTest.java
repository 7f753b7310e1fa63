package io.strongroom.local.kms;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key policies as KMS enforces them on its own API, through the SDK over HTTP: the key policy must
 * always allow (the principal itself, or the account root so that IAM policies may), an explicit
 * Deny anywhere wins, another account needs both the key policy and its own identity policy and
 * only for the operations AWS lets other accounts perform, conditions on the request's encryption
 * context and the key's tags, and PutKeyPolicy's lock-out safety check.
 */
class KeyPolicyEnforcementTest extends KmsTestCase {

    static String a;
    static String b;
    static IamDirectory iam;

    @BeforeAll
    static void accounts() {
        a = store.adminKey(0).accountId();
        b = store.adminKey(1).accountId();
        iam = store.store().accounts().iam();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AccessKey user(String account, String policy) {
        return store.userWithPolicy(account, policy);
    }

    private static KmsClient kmsOf(AccessKey key) {
        return store.kms(key, RunningStore.REGION);
    }

    private static String allowOn(String resource, String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + jsonList(actions)
                + ",\"Resource\":\"" + resource + "\"}]}";
    }

    private static String jsonList(String... items) {
        StringBuilder out = new StringBuilder("[");
        for (String item : items) {
            out.append(out.length() == 1 ? "" : ",").append('"').append(item).append('"');
        }
        return out.append(']').toString();
    }

    private static String statement(String sid, String effect, String principal, String actions, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":"
                + actions + ",\"Resource\":\"*\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    private static String ownerStatement(String account) {
        return statement("Owner", "Allow", root(account), "\"kms:*\"", null);
    }

    private static KeyMetadata keyWithPolicy(KmsClient client, String keyPolicy, boolean bypassLockoutCheck) {
        return client.createKey(r -> r.description("policy test").policy(keyPolicy)
                .bypassPolicyLockoutSafetyCheck(bypassLockoutCheck)).keyMetadata();
    }

    private static String deniedMessage(String callerArn, String action, String keyArn, String reason) {
        return "User: " + callerArn + " is not authorized to perform: kms:" + action + " on resource: " + keyArn + " " + reason;
    }

    private static String noResourcePolicy(String action) {
        return "because no resource-based policy allows the kms:" + action + " action";
    }

    private static String noIdentityPolicy(String action) {
        return "because no identity-based policy allows the kms:" + action + " action";
    }

    @Nested
    class WithinOneAccount {

        @Test
        void aKeyWhosePolicyNamesOneUserServesThatUserAndRefusesTheAccountsAdministrator() {
            AccessKey alice = user(a, null);
            String adminArn = store.adminKey(0).principalArn();
            assertTrue(iam.attachedPolicies(adminArn).contains(AwsManagedPolicies.ADMINISTRATOR_ACCESS), "the premise: admin is an administrator");
            KeyMetadata key = keyWithPolicy(kms, policy(statement("AliceOnly", "Allow", alice.principalArn(),
                    "[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:DescribeKey\"]", null)), true);

            KmsClient asAlice = kmsOf(alice);
            SdkBytes blob = asAlice.encrypt(r -> r.keyId(key.keyId()).plaintext(bytes("for alice"))).ciphertextBlob();
            assertEquals("for alice", asAlice.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String());

            KmsException decrypt = fails("AccessDeniedException", () -> kms.decrypt(r -> r.ciphertextBlob(blob)));
            assertEquals(deniedMessage(adminArn, "Decrypt", key.arn(), noResourcePolicy("Decrypt")), message(decrypt));
            KmsException encrypt = fails("AccessDeniedException", () -> kms.encrypt(r -> r.keyId(key.arn()).plaintext(bytes("x"))));
            assertEquals(deniedMessage(adminArn, "Encrypt", key.arn(), noResourcePolicy("Encrypt")), message(encrypt));
            fails("AccessDeniedException", () -> kms.describeKey(r -> r.keyId(key.keyId())));
            fails("AccessDeniedException", () -> kms.disableKey(r -> r.keyId(key.keyId())));
            assertEquals("Enabled", asAlice.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyStateAsString());
        }

        @Test
        void underTheDefaultKeyPolicyTheIdentityPolicyDecides() {
            String keyArn = kms.createKey(r -> r.description("default policy")).keyMetadata().arn();
            AccessKey allowed = user(a, allowOn(keyArn, "kms:Encrypt", "kms:Decrypt"));
            AccessKey otherKeyOnly = user(a, allowOn("arn:aws:kms:" + RunningStore.REGION.id() + ":" + a + ":key/"
                    + UUID.randomUUID(), "kms:Encrypt"));

            SdkBytes blob = kmsOf(allowed).encrypt(r -> r.keyId(keyArn).plaintext(bytes("delegated"))).ciphertextBlob();
            assertEquals("delegated", kmsOf(allowed).decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String());
            KmsException refused = fails("AccessDeniedException",
                    () -> kmsOf(otherKeyOnly).encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))));
            assertEquals(deniedMessage(otherKeyOnly.principalArn(), "Encrypt", keyArn, noIdentityPolicy("Encrypt")), message(refused));
            fails("AccessDeniedException", () -> kmsOf(allowed).scheduleKeyDeletion(r -> r.keyId(keyArn)));
        }

        @Test
        void anExplicitDenyInTheKeyPolicyBeatsAnIdentityAllow() {
            String adminArn = store.adminKey(0).principalArn();
            KeyMetadata key = keyWithPolicy(kms, policy(ownerStatement(a),
                    statement("NoDecryptForAdmin", "Deny", adminArn, "\"kms:Decrypt\"", null)), false);

            SdkBytes blob = kms.encrypt(r -> r.keyId(key.keyId()).plaintext(bytes("sealed"))).ciphertextBlob();
            KmsException denied = fails("AccessDeniedException", () -> kms.decrypt(r -> r.ciphertextBlob(blob)));
            assertEquals(deniedMessage(adminArn, "Decrypt", key.arn(), "with an explicit deny in a resource-based policy"),
                    message(denied));
        }

        @Test
        void aConditionOnTheEncryptionContextIsEvaluatedOnTheRequestsContext() {
            AccessKey app = user(a, null);
            String onlyBilling = "{\"StringEquals\":{\"kms:EncryptionContext:app\":\"billing\"}}";
            KeyMetadata key = keyWithPolicy(kms, policy(ownerStatement(a),
                    statement("BillingOnly", "Allow", app.principalArn(), "[\"kms:Encrypt\",\"kms:Decrypt\"]", onlyBilling)), false);
            KmsClient asApp = kmsOf(app);

            SdkBytes blob = asApp.encrypt(r -> r.keyId(key.keyId()).plaintext(bytes("invoice"))
                    .encryptionContext(Map.of("app", "billing"))).ciphertextBlob();
            assertEquals("invoice", asApp.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("app", "billing")))
                    .plaintext().asUtf8String());
            assertAll(
                    () -> fails("AccessDeniedException", () -> asApp.encrypt(r -> r.keyId(key.keyId()).plaintext(bytes("x"))
                            .encryptionContext(Map.of("app", "payroll")))),
                    () -> fails("AccessDeniedException", () -> asApp.encrypt(r -> r.keyId(key.keyId()).plaintext(bytes("x")))),
                    () -> fails("AccessDeniedException", () -> asApp.decrypt(r -> r.ciphertextBlob(blob))));
        }

        @Test
        void aConditionOnTheKeysTagsFollowsTheTags() {
            AccessKey team = user(a, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
                    + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}}]}");
            String keyId = kms.createKey(r -> r.description("tagged later")).keyMetadata().keyId();
            KmsClient asTeam = kmsOf(team);

            fails("AccessDeniedException", () -> asTeam.encrypt(r -> r.keyId(keyId).plaintext(bytes("x"))));
            kms.tagResource(r -> r.keyId(keyId).tags(Tag.builder().tagKey("team").tagValue("blue").build()));
            assertEquals(keyId, asTeam.encrypt(r -> r.keyId(keyId).plaintext(bytes("x"))).keyId().replaceAll(".*/", ""));
        }
    }

    @Nested
    class PutKeyPolicyLockoutCheck {

        @Test
        void aPolicyThatWouldLockTheCallerOutIsRefusedAndTheOldOneKept() {
            AccessKey other = user(a, null);
            String keyId = kms.createKey(r -> r.description("lockout")).keyMetadata().keyId();
            String before = kms.getKeyPolicy(r -> r.keyId(keyId)).policy();
            String lockout = policy(statement("OtherOnly", "Allow", other.principalArn(), "\"kms:*\"", null));

            KmsException e = fails("MalformedPolicyDocumentException", () -> kms.putKeyPolicy(r -> r.keyId(keyId).policy(lockout)));
            assertEquals("The new key policy will not allow you to update the key policy in the future.", message(e));
            assertEquals(before, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());
            fails("MalformedPolicyDocumentException", () -> kms.createKey(r -> r.policy(lockout)));
        }

        @Test
        void bypassingTheCheckStoresThePolicyAndTheCallerIsThenLockedOut() {
            AccessKey other = user(a, null);
            String keyId = kms.createKey(r -> r.description("bypass")).keyMetadata().keyId();
            String lockout = policy(statement("OtherOnly", "Allow", other.principalArn(), "\"kms:*\"", null));

            kms.putKeyPolicy(r -> r.keyId(keyId).policy(lockout).bypassPolicyLockoutSafetyCheck(true));
            fails("AccessDeniedException", () -> kms.putKeyPolicy(r -> r.keyId(keyId).policy(lockout)));
            assertEquals(lockout, kmsOf(other).getKeyPolicy(r -> r.keyId(keyId)).policy());
        }

        @Test
        void aPolicyDelegatingToTheAccountKeepsAnAdministratorAbleToUpdateIt() {
            String keyId = kms.createKey(r -> r.description("delegating")).keyMetadata().keyId();
            String delegating = policy(ownerStatement(a));
            kms.putKeyPolicy(r -> r.keyId(keyId).policy(delegating));
            assertEquals(delegating, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());
        }

        @Test
        void aDocumentThatIsNotAValidResourcePolicyIsMalformed() {
            String keyId = kms.createKey(r -> r.description("grammar")).keyMetadata().keyId();
            String noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
            fails("MalformedPolicyDocumentException", () -> kms.putKeyPolicy(r -> r.keyId(keyId).policy(noPrincipal)
                    .bypassPolicyLockoutSafetyCheck(true)));
        }

        @Test
        void aRepeatedSidAsInAwsManagedKeyPoliciesIsAccepted() {
            String keyId = kms.createKey(r -> r.description("sids")).keyMetadata().keyId();
            String twice = policy(ownerStatement(a), statement("Owner", "Allow", root(a), "\"kms:Decrypt\"", null));
            kms.putKeyPolicy(r -> r.keyId(keyId).policy(twice));
            assertEquals(twice, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());
        }
    }

    @Nested
    class CrossAccount {

        /** A key of account A whose policy lets account B encrypt, decrypt and describe it. */
        private KeyMetadata sharedWithB() {
            return keyWithPolicy(kms, policy(ownerStatement(a), statement("AccountB", "Allow", root(b),
                    "[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:DescribeKey\",\"kms:PutKeyPolicy\",\"kms:ScheduleKeyDeletion\","
                            + "\"kms:CreateAlias\"]", null)), false);
        }

        @Test
        void encryptAndDecryptByKeyArnWhenTheKeyPolicyAndTheIdentityPolicyBothAllow() {
            KeyMetadata key = sharedWithB();
            KmsClient userB = kmsOf(user(b, allowOn(key.arn(), "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey")));

            SdkBytes blob = userB.encrypt(r -> r.keyId(key.arn()).plaintext(bytes("across"))).ciphertextBlob();
            assertEquals("across", userB.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String());
            assertEquals("across", kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String());
            assertEquals(key.keyId(), userB.describeKey(r -> r.keyId(key.arn())).keyMetadata().keyId());
        }

        @Test
        void refusedWhenTheCallersIdentityPolicyDoesNotAllow() {
            KeyMetadata key = sharedWithB();
            AccessKey plain = user(b, null);
            KmsException e = fails("AccessDeniedException", () -> kmsOf(plain).encrypt(r -> r.keyId(key.arn()).plaintext(bytes("x"))));
            assertEquals(deniedMessage(plain.principalArn(), "Encrypt", key.arn(), noIdentityPolicy("Encrypt")), message(e));
        }

        @Test
        void refusedWhenTheKeyPolicyDoesNotNameTheOtherAccount() {
            String keyArn = kms.createKey(r -> r.description("not shared")).keyMetadata().arn();
            SdkBytes blob = kms.encrypt(r -> r.keyId(keyArn).plaintext(bytes("mine"))).ciphertextBlob();
            KmsClient adminB = store.kms(store.adminKey(1), RunningStore.REGION);
            KmsException e = fails("AccessDeniedException", () -> adminB.encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))));
            assertEquals(deniedMessage(store.adminKey(1).principalArn(), "Encrypt", keyArn, noResourcePolicy("Encrypt")), message(e));
            KmsException decrypt = fails("AccessDeniedException", () -> adminB.decrypt(r -> r.ciphertextBlob(blob)));
            assertEquals(deniedMessage(store.adminKey(1).principalArn(), "Decrypt", keyArn, noResourcePolicy("Decrypt")),
                    message(decrypt));
        }

        @Test
        void anAliasNameIsLookedUpInTheCallersOwnAccountNeverTheKeyOwners() {
            KeyMetadata key = sharedWithB();
            String alias = "alias/" + unique("shared");
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(key.keyId()));
            KmsClient userB = kmsOf(user(b, allowOn("*", "kms:Encrypt")));

            KmsException e = fails("NotFoundException", () -> userB.encrypt(r -> r.keyId(alias).plaintext(bytes("x"))));
            assertEquals("Alias arn:aws:kms:" + RunningStore.REGION.id() + ":" + b + ":" + alias + " is not found.", message(e));
        }

        /** The API Reference for Encrypt: "specify the key ARN or alias ARN" of a key in another account. */
        @Test
        void anAliasArnOfTheOwningAccountReachesTheKeyUnderTheSamePolicies() {
            KeyMetadata key = sharedWithB();
            String alias = "alias/" + unique("shared");
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(key.keyId()));
            String aliasArn = "arn:aws:kms:" + RunningStore.REGION.id() + ":" + a + ":" + alias;

            KmsClient userB = kmsOf(user(b, allowOn("*", "kms:Encrypt")));
            assertEquals(key.arn(), userB.encrypt(r -> r.keyId(aliasArn).plaintext(bytes("x"))).keyId());
            AccessKey plain = user(b, null);
            fails("AccessDeniedException", () -> kmsOf(plain).encrypt(r -> r.keyId(aliasArn).plaintext(bytes("x"))));
            fails("NotFoundException", () -> userB.describeKey(r -> r.keyId(aliasArn.replace(alias, alias + "-missing"))));
        }

        @Test
        void managementOperationsAreRefusedEvenWhenBothPoliciesAllow() {
            KeyMetadata key = sharedWithB();
            String adminBArn = store.adminKey(1).principalArn();
            KmsClient adminB = store.kms(store.adminKey(1), RunningStore.REGION);
            String policy = policy(ownerStatement(b));

            KmsException put = fails("AccessDeniedException", () -> adminB.putKeyPolicy(r -> r.keyId(key.arn()).policy(policy)));
            assertEquals(deniedMessage(adminBArn, "PutKeyPolicy", key.arn(), noResourcePolicy("PutKeyPolicy")), message(put));
            assertAll(
                    () -> fails("AccessDeniedException", () -> adminB.scheduleKeyDeletion(r -> r.keyId(key.arn()))),
                    () -> fails("AccessDeniedException", () -> adminB.createAlias(r -> r.aliasName("alias/" + unique("theirs"))
                            .targetKeyId(key.arn()))));
            assertEquals("Enabled", kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyStateAsString());
            assertTrue(kms.getKeyPolicy(r -> r.keyId(key.keyId())).policy().contains("AccountB"));
        }
    }

    @Nested
    class AwsManagedKeys {

        @Test
        void describeKeyIsAllowedAndEncryptRefusedByTheKeysOwnPolicy() {
            KeyMetadata managed = kms.describeKey(r -> r.keyId(KmsKeys.SECRETS_MANAGER_ALIAS)).keyMetadata();
            assertEquals("AWS", managed.keyManagerAsString());
            KmsException e = fails("AccessDeniedException", () -> kms.encrypt(r -> r.keyId(managed.arn()).plaintext(bytes("x"))));
            assertEquals(deniedMessage(store.adminKey(0).principalArn(), "Encrypt", managed.arn(), noResourcePolicy("Encrypt")),
                    message(e));
        }
    }
}
