package io.strongroom.local.kms;

import io.strongroom.local.audit.AuditLog;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KMS API through the real SDK client, over HTTP, against an embedded store. */
class KmsApiTest extends KmsTestCase {

    static String account;
    static final String REGION = RunningStore.REGION.id();

    @BeforeAll
    static void start() {
        account = store.adminKey(0).accountId();
    }

    // ---- Helpers ------------------------------------------------------------------------------

    static KeyMetadata newKey() {
        return kms.createKey(b -> b.description("test key")).keyMetadata();
    }

    static String arnOf(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + account + ":key/" + keyId;
    }

    static String uniqueAlias(String stem) {
        return "alias/" + stem + "-" + System.nanoTime();
    }

    static KeyMetadata awsManagedKey() {
        return kms.describeKey(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS)).keyMetadata();
    }

    // ---- CreateKey ----------------------------------------------------------------------------

    @Nested
    class CreateKey {

        @Test
        void createsAnEnabledSymmetricCustomerKeyDescribedAsAwsDescribesIt() {
            Instant before = store.clock().instant().minusSeconds(1);
            KeyMetadata key = kms.createKey(b -> b.description("payments data")).keyMetadata();
            Instant after = store.clock().instant().plusSeconds(1);

            assertAll(
                    () -> assertTrue(key.keyId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
                    () -> assertEquals(arnOf(key.keyId()), key.arn()),
                    () -> assertEquals(account, key.awsAccountId()),
                    () -> assertEquals("payments data", key.description()),
                    () -> assertTrue(key.enabled()),
                    () -> assertEquals("Enabled", key.keyStateAsString()),
                    () -> assertEquals("ENCRYPT_DECRYPT", key.keyUsageAsString()),
                    () -> assertEquals("SYMMETRIC_DEFAULT", key.keySpecAsString()),
                    () -> assertEquals("SYMMETRIC_DEFAULT", key.customerMasterKeySpecAsString()),
                    () -> assertEquals(List.of("SYMMETRIC_DEFAULT"), key.encryptionAlgorithmsAsStrings()),
                    () -> assertEquals("AWS_KMS", key.originAsString()),
                    () -> assertEquals("CUSTOMER", key.keyManagerAsString()),
                    () -> assertEquals(false, key.multiRegion()),
                    () -> assertNull(key.deletionDate()),
                    () -> assertTrue(key.creationDate().isAfter(before) && key.creationDate().isBefore(after), "created on the store's clock"));
        }

        @Test
        void acceptsTheDefaultsSpelledOut() {
            KeyMetadata key = kms.createKey(b -> b.keySpec("SYMMETRIC_DEFAULT").keyUsage("ENCRYPT_DECRYPT").origin("AWS_KMS")
                    .multiRegion(false)).keyMetadata();
            assertEquals("Enabled", key.keyStateAsString());
        }

        @Test
        void describeKeyReturnsWhatCreateKeyReturned() {
            KeyMetadata created = newKey();
            assertEquals(created, kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata());
        }

        @Test
        void keepsTagsAndPolicyGivenAtCreation() {
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                    + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
            KeyMetadata key = kms.createKey(b -> b.policy(policy)
                    .tags(Tag.builder().tagKey("team").tagValue("payments").build(), Tag.builder().tagKey("env").tagValue("").build()))
                    .keyMetadata();

            assertEquals(List.of(Tag.builder().tagKey("env").tagValue("").build(), Tag.builder().tagKey("team").tagValue("payments").build()),
                    kms.listResourceTags(b -> b.keyId(key.keyId())).tags());
            assertEquals(policy, kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy());
        }

        @Test
        void givesANewKeyTheDefaultKeyPolicyOfItsAccount() {
            String policy = kms.getKeyPolicy(b -> b.keyId(newKey().keyId()).policyName("default")).policy();
            assertTrue(policy.contains("\"arn:aws:iam::" + account + ":root\""), policy);
            assertTrue(policy.contains("\"kms:*\""), policy);
        }

        static Stream<Arguments> refusedRequests() {
            return Stream.of(
                    refused("an ECC key spec with the default usage (ENCRYPT_DECRYPT)", b -> b.keySpec("ECC_NIST_P256"),
                            "ValidationException"),
                    refused("an HMAC key spec with the default usage (ENCRYPT_DECRYPT)", b -> b.keySpec("HMAC_256"), "ValidationException"),
                    refused("an ECC spec by its deprecated name with the default usage", b -> b.customerMasterKeySpec("ECC_NIST_P256"),
                            "ValidationException"),
                    refused("secp256k1, which the JDK lacks", b -> b.keySpec("ECC_SECG_P256K1").keyUsage("SIGN_VERIFY"),
                            "UnsupportedOperationException"),
                    refused("a key spec this endpoint does not make", b -> b.keySpec("ECC_NIST_EDWARDS25519").keyUsage("SIGN_VERIFY"),
                            "UnsupportedOperationException"),
                    refused("both KeySpec and CustomerMasterKeySpec", b -> b.keySpec("SYMMETRIC_DEFAULT")
                            .customerMasterKeySpec("SYMMETRIC_DEFAULT"), "ValidationException"),
                    refused("an unknown key spec", b -> b.keySpec("AES_999"), "ValidationException"),
                    refused("signing usage for a symmetric key", b -> b.keyUsage("SIGN_VERIFY"), "ValidationException"),
                    refused("an unknown key usage", b -> b.keyUsage("ENCRYPT_ONLY"), "ValidationException"),
                    refused("imported key material", b -> b.origin("EXTERNAL"), "UnsupportedOperationException"),
                    refused("a custom key store", b -> b.customKeyStoreId("cks-1234567890abcdef0"), "CustomKeyStoreNotFoundException"),
                    refused("a multi-Region key", b -> b.multiRegion(true), "UnsupportedOperationException"),
                    refused("a policy that is not JSON", b -> b.policy("{not json"), "MalformedPolicyDocumentException"),
                    refused("a policy without statements", b -> b.policy("{\"Version\":\"2012-10-17\"}"), "MalformedPolicyDocumentException"),
                    refused("an empty policy", b -> b.policy(""), "ValidationException"),
                    refused("a description over 8192 characters", b -> b.description("d".repeat(8193)), "ValidationException"),
                    refused("a tag key under aws:", b -> b.tags(Tag.builder().tagKey("aws:owner").tagValue("x").build()), "TagException"),
                    refused("the same tag key twice", b -> b.tags(Tag.builder().tagKey("a").tagValue("1").build(),
                            Tag.builder().tagKey("a").tagValue("2").build()), "TagException"),
                    refused("an empty tag key", b -> b.tags(Tag.builder().tagKey("").tagValue("x").build()), "ValidationException"),
                    refused("a tag without a value", b -> b.tags(Tag.builder().tagKey("k").build()), "ValidationException"),
                    refused("51 tags", b -> b.tags(IntStream.range(0, 51)
                            .mapToObj(i -> Tag.builder().tagKey("k" + i).tagValue("v").build()).toList()), "LimitExceededException"));
        }

        static Arguments refused(String what, Consumer<CreateKeyRequest.Builder> request, String code) {
            return Arguments.of(what, request, code);
        }

        @ParameterizedTest(name = "{0} is refused with {2}")
        @MethodSource("refusedRequests")
        void refusesWhatThisEndpointOrAwsDoesNotAccept(String what, Consumer<CreateKeyRequest.Builder> request, String code) {
            int before = allKeyIds().size();
            fails(code, () -> kms.createKey(request));
            assertEquals(before, allKeyIds().size(), "no key may be created by a refused request");
        }

        @Test
        void namesTheValidationFailureAsAwsDoes() {
            KmsException e = fails("ValidationException", () -> kms.createKey(b -> b.keySpec("AES_999")));
            assertTrue(message(e).startsWith("1 validation error detected: Value 'AES_999' at 'keySpec' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: ["), message(e));
        }

        List<String> allKeyIds() {
            return kms.listKeysPaginator(b -> b.limit(1000)).keys().stream().map(KeyListEntry::keyId).toList();
        }
    }

    // ---- DescribeKey and key references ------------------------------------------------------

    @Nested
    class FindingKeys {

        @Test
        void findsAKeyByIdArnAliasNameAndAliasArn() {
            KeyMetadata key = newKey();
            String alias = uniqueAlias("find");
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

            for (String reference : List.of(key.keyId(), key.arn(), alias, "arn:aws:kms:" + REGION + ":" + account + ":" + alias)) {
                assertEquals(key.keyId(), kms.describeKey(b -> b.keyId(reference)).keyMetadata().keyId(), reference);
            }
        }

        @Test
        void anUnknownKeyIsNotFoundAndNamedByItsArn() {
            String id = "11111111-2222-3333-4444-555555555555";
            KmsException e = fails("NotFoundException", () -> kms.describeKey(b -> b.keyId(id)));
            assertEquals("Key '" + arnOf(id) + "' does not exist", message(e));
        }

        @Test
        void anUnknownKeyArnIsNotFound() {
            String arn = arnOf("11111111-2222-3333-4444-555555555555");
            assertEquals("Key '" + arn + "' does not exist", message(fails("NotFoundException", () -> kms.describeKey(b -> b.keyId(arn)))));
        }

        @Test
        void anUnknownAliasIsNotFoundAndNamedByItsArn() {
            KmsException e = fails("NotFoundException", () -> kms.describeKey(b -> b.keyId("alias/nobody-has-this")));
            assertEquals("Alias arn:aws:kms:" + REGION + ":" + account + ":alias/nobody-has-this is not found.", message(e));
        }

        @ParameterizedTest(name = "key id ''{0}''")
        @ValueSource(strings = {"not-a-key", "1234", "11111111-2222-3333-4444-55555555555Z"})
        void aMalformedKeyIdIsNotFound(String keyId) {
            assertEquals("Invalid keyId '" + keyId + "'", message(fails("NotFoundException", () -> kms.describeKey(b -> b.keyId(keyId)))));
        }

        @ParameterizedTest(name = "ARN ''{0}''")
        @ValueSource(strings = {"arn:aws:kms:us-east-1:123456789012", "arn:aws:s3:::bucket/key", "arn:aws:kms:us-east-1:12345:key/x",
                "arn:aws:kms:us-east-1:123456789012:grant/abc"})
        void aMalformedArnIsAnInvalidArn(String arn) {
            fails("InvalidArnException", () -> kms.describeKey(b -> b.keyId(arn)));
        }

        @Test
        void aKeyArnOfAnotherRegionIsNotFound() {
            KeyMetadata key = newKey();
            String elsewhere = key.arn().replace(":" + REGION + ":", ":eu-west-1:");
            assertEquals("Invalid arn eu-west-1", message(fails("NotFoundException", () -> kms.describeKey(b -> b.keyId(elsewhere)))));
        }

        @Test
        void aKeyIsNotFoundFromAnotherRegionByItsId() {
            KeyMetadata key = newKey();
            KmsClient westClient = store.kms(store.adminKey(0), Region.EU_WEST_1);
            fails("NotFoundException", () -> westClient.describeKey(b -> b.keyId(key.keyId())));
        }

        @Test
        void anotherAccountsKeyIsDeniedByItsKeyPolicy() {
            KeyMetadata key = newKey();
            KmsClient other = store.kms(store.adminKey(1), RunningStore.REGION);
            KmsException e = fails("AccessDeniedException", () -> other.describeKey(b -> b.keyId(key.arn())));
            assertTrue(message(e).contains("kms:DescribeKey on resource: " + key.arn()), message(e));
            fails("NotFoundException", () -> other.describeKey(b -> b.keyId(key.keyId())));
        }

        @Test
        void aMissingKeyIdIsAValidationErrorWordedAsAws() {
            KmsException e = fails("ValidationException", () -> kms.describeKey(b -> { }));
            assertEquals("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
                    message(e));
        }

        @Test
        void anEmptyKeyIdIsTooShort() {
            KmsException e = fails("ValidationException", () -> kms.describeKey(b -> b.keyId("")));
            assertEquals("1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1", message(e));
        }

        @Test
        void describingThePredefinedSecretsManagerAliasCreatesItsAwsManagedKey() {
            KeyMetadata managed = awsManagedKey();
            assertAll(
                    () -> assertEquals("AWS", managed.keyManagerAsString()),
                    () -> assertEquals("Enabled", managed.keyStateAsString()),
                    () -> assertEquals(managed, kms.describeKey(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS)).keyMetadata()),
                    () -> assertEquals(managed.keyId(), kms.listAliases(b -> b.keyId(managed.keyId())).aliases().get(0).targetKeyId()));
        }

        @Test
        void otherOperationsDoNotCreateAwsManagedKeys() {
            KmsClient fresh = store.kms(store.adminKey(2), Region.AP_SOUTHEAST_1);
            fails("NotFoundException", () -> fresh.encrypt(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS).plaintext(bytes("x"))));
            assertEquals(List.of(), fresh.listKeys().keys());
        }
    }

    // ---- ListKeys -----------------------------------------------------------------------------

    @Nested
    class ListKeys {

        /** A Region no other test uses, so the listing holds exactly the keys made here. */
        final KmsClient paging = store.kms(store.adminKey(0), Region.EU_NORTH_1);

        @Test
        void pagesThroughEveryKeyOldestFirstWithLimitAndMarker() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(paging.createKey(b -> { }).keyMetadata().keyId());
            }
            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String marker = null;
            do {
                String from = marker;
                ListKeysResponse page = paging.listKeys(b -> b.limit(2).marker(from));
                page.keys().forEach(k -> {
                    seen.add(k.keyId());
                    assertEquals("arn:aws:kms:eu-north-1:" + account + ":key/" + k.keyId(), k.keyArn());
                });
                pageSizes.add(page.keys().size());
                assertEquals(page.nextMarker() != null, page.truncated());
                marker = page.nextMarker();
            } while (marker != null);

            assertEquals(created, seen);
            assertEquals(List.of(2, 2, 1), pageSizes);
        }

        @Test
        void listsOnlyTheCallersAccountAndRegion() {
            String mine = newKey().keyId();
            List<String> otherAccount = store.kms(store.adminKey(1), RunningStore.REGION).listKeys().keys().stream()
                    .map(KeyListEntry::keyId).toList();
            assertFalse(otherAccount.contains(mine));
            assertTrue(kms.listKeysPaginator(b -> b.limit(1000)).keys().stream().anyMatch(k -> k.keyId().equals(mine)));
        }

        @ParameterizedTest(name = "Limit {0}")
        @ValueSource(ints = {0, 1001, -1})
        void refusesALimitOutside1To1000(int limit) {
            fails("ValidationException", () -> kms.listKeys(b -> b.limit(limit)));
        }

        @Test
        void refusesAMarkerItDidNotHandOut() {
            fails("InvalidMarkerException", () -> kms.listKeys(b -> b.marker("bm90LWEtbWFya2Vy")));
        }
    }

    // ---- Aliases ------------------------------------------------------------------------------

    @Nested
    class Aliases {

        @Test
        void aliasLifecycleCreateUseRetargetDelete() {
            KeyMetadata first = newKey();
            KeyMetadata second = newKey();
            String alias = uniqueAlias("lifecycle");

            kms.createAlias(b -> b.aliasName(alias).targetKeyId(first.arn()));
            AliasListEntry listed = kms.listAliases(b -> b.keyId(first.keyId())).aliases().get(0);
            assertAll(
                    () -> assertEquals(alias, listed.aliasName()),
                    () -> assertEquals("arn:aws:kms:" + REGION + ":" + account + ":" + alias, listed.aliasArn()),
                    () -> assertEquals(first.keyId(), listed.targetKeyId()),
                    () -> assertEquals(listed.creationDate(), listed.lastUpdatedDate()));
            assertEquals(first.arn(), kms.encrypt(b -> b.keyId(alias).plaintext(bytes("via alias"))).keyId());

            store.clock().advance(Duration.ofSeconds(5));
            kms.updateAlias(b -> b.aliasName(alias).targetKeyId(second.keyId()));
            assertEquals(second.keyId(), kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId());
            assertEquals(List.of(), kms.listAliases(b -> b.keyId(first.keyId())).aliases());
            AliasListEntry moved = kms.listAliases(b -> b.keyId(second.keyId())).aliases().get(0);
            assertEquals(listed.creationDate(), moved.creationDate());
            assertTrue(moved.lastUpdatedDate().isAfter(moved.creationDate()));

            kms.deleteAlias(b -> b.aliasName(alias));
            fails("NotFoundException", () -> kms.describeKey(b -> b.keyId(alias)));
            assertEquals(second.keyId(), kms.describeKey(b -> b.keyId(second.keyId())).keyMetadata().keyId(), "the key outlives its alias");
        }

        @Test
        void aKeyCanHaveSeveralAliases() {
            KeyMetadata key = newKey();
            String a = uniqueAlias("a");
            String b2 = uniqueAlias("b");
            kms.createAlias(b -> b.aliasName(a).targetKeyId(key.keyId()));
            kms.createAlias(b -> b.aliasName(b2).targetKeyId(key.keyId()));
            assertEquals(List.of(a, b2), kms.listAliases(b -> b.keyId(key.keyId())).aliases().stream().map(AliasListEntry::aliasName).toList());
        }

        @Test
        void anAliasNameIsTakenOnlyOnce() {
            String alias = uniqueAlias("taken");
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(newKey().keyId()));
            KmsException e = fails("AlreadyExistsException", () -> kms.createAlias(b -> b.aliasName(alias).targetKeyId(newKey().keyId())));
            assertEquals("An alias with the name arn:aws:kms:" + REGION + ":" + account + ":" + alias + " already exists", message(e));
        }

        static Stream<Arguments> refusedNames() {
            return Stream.of(
                    Arguments.of("no-prefix", "ValidationException"),
                    Arguments.of("alias/aws/mine", "NotAuthorizedException"),
                    Arguments.of("alias/aws/secretsmanager", "NotAuthorizedException"),
                    Arguments.of("alias/has space", "ValidationException"),
                    Arguments.of("alias/" + "x".repeat(251), "ValidationException"),
                    Arguments.of("alias/", "InvalidAliasNameException"),
                    Arguments.of("alias/with:colon", "InvalidAliasNameException"),
                    Arguments.of("", "ValidationException"));
        }

        @ParameterizedTest(name = "''{0}'' is refused with {1}")
        @MethodSource("refusedNames")
        void refusesAliasNamesAwsRefuses(String name, String code) {
            String key = newKey().keyId();
            fails(code, () -> kms.createAlias(b -> b.aliasName(name).targetKeyId(key)));
        }

        @Test
        void aNameWithoutThePrefixIsExplainedAsAwsExplainsIt() {
            KmsException e = fails("ValidationException", () -> kms.createAlias(b -> b.aliasName("plain").targetKeyId(newKey().keyId())));
            assertEquals("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html", message(e));
        }

        @Test
        void aNameOf256CharactersIsAccepted() {
            String name = "alias/" + "n".repeat(250);
            kms.createAlias(b -> b.aliasName(name).targetKeyId(newKey().keyId()));
            assertEquals(name, kms.listAliases(b -> b.keyId(name)).aliases().get(0).aliasName());
        }

        @Test
        void refusesATargetThatIsNotACustomerKeyOfThisAccountAndRegion() {
            KeyMetadata key = newKey();
            String existing = uniqueAlias("existing");
            kms.createAlias(b -> b.aliasName(existing).targetKeyId(key.keyId()));
            String managed = awsManagedKey().keyId();
            KmsClient other = store.kms(store.adminKey(1), RunningStore.REGION);

            assertAll(
                    () -> fails("NotFoundException", () -> kms.createAlias(b -> b.aliasName(uniqueAlias("t"))
                            .targetKeyId("11111111-2222-3333-4444-555555555555"))),
                    () -> fails("ValidationException", () -> kms.createAlias(b -> b.aliasName(uniqueAlias("t")).targetKeyId(existing))),
                    () -> fails("AccessDeniedException", () -> kms.createAlias(b -> b.aliasName(uniqueAlias("t")).targetKeyId(managed))),
                    () -> fails("AccessDeniedException", () -> other.createAlias(b -> b.aliasName(uniqueAlias("t")).targetKeyId(key.arn()))),
                    () -> fails("ValidationException", () -> kms.createAlias(b -> b.aliasName(uniqueAlias("t")))));
        }

        @Test
        void refusesAKeyPendingDeletionAsTarget() {
            KeyMetadata key = newKey();
            kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()));
            KmsException e = fails("KMSInvalidStateException", () -> kms.createAlias(b -> b.aliasName(uniqueAlias("p")).targetKeyId(key.keyId())));
            assertEquals(key.arn() + " is pending deletion.", message(e));
        }

        @Test
        void updatingOrDeletingAnUnknownAliasIsNotFound() {
            String key = newKey().keyId();
            fails("NotFoundException", () -> kms.updateAlias(b -> b.aliasName("alias/never-made").targetKeyId(key)));
            KmsException e = fails("NotFoundException", () -> kms.deleteAlias(b -> b.aliasName("alias/never-made")));
            assertEquals("Alias arn:aws:kms:" + REGION + ":" + account + ":alias/never-made is not found.", message(e));
        }

        @Test
        void awsManagedAliasesCannotBeChangedOrDeleted() {
            awsManagedKey();
            String key = newKey().keyId();
            fails("NotAuthorizedException", () -> kms.updateAlias(b -> b.aliasName(KmsKeys.SECRETS_MANAGER_ALIAS).targetKeyId(key)));
            fails("NotAuthorizedException", () -> kms.deleteAlias(b -> b.aliasName(KmsKeys.SECRETS_MANAGER_ALIAS)));
            assertEquals("AWS", awsManagedKey().keyManagerAsString());
        }

        @Test
        void listsThePredefinedSecretsManagerAliasWithoutTargetUntilItsKeyExists() {
            KmsClient fresh = store.kms(store.adminKey(1), Region.SA_EAST_1);
            AliasListEntry predefined = fresh.listAliases().aliases().stream()
                    .filter(a -> a.aliasName().equals(KmsKeys.SECRETS_MANAGER_ALIAS)).findFirst().orElseThrow();
            assertNull(predefined.targetKeyId());
            assertEquals("arn:aws:kms:sa-east-1:" + store.adminKey(1).accountId() + ":alias/aws/secretsmanager", predefined.aliasArn());

            String keyId = fresh.describeKey(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS)).keyMetadata().keyId();
            List<AliasListEntry> after = fresh.listAliases().aliases();
            assertEquals(1, after.size());
            assertEquals(keyId, after.get(0).targetKeyId());
        }

        @Test
        void pagesThroughAliasesInNameOrder() {
            KmsClient paging = store.kms(store.adminKey(1), Region.AP_NORTHEAST_2);
            String key = paging.createKey(b -> { }).keyMetadata().keyId();
            for (String name : List.of("alias/c", "alias/a", "alias/b")) {
                paging.createAlias(b -> b.aliasName(name).targetKeyId(key));
            }
            ListAliasesResponse first = paging.listAliases(b -> b.limit(2));
            ListAliasesResponse second = paging.listAliases(b -> b.limit(2).marker(first.nextMarker()));
            assertEquals(List.of("alias/a", "alias/aws/secretsmanager"), first.aliases().stream().map(AliasListEntry::aliasName).toList());
            assertTrue(first.truncated());
            assertEquals(List.of("alias/b", "alias/c"), second.aliases().stream().map(AliasListEntry::aliasName).toList());
            assertFalse(second.truncated());
            assertNull(second.nextMarker());
        }

        @Test
        void listingAliasesOfAnUnknownKeyIsNotFound() {
            fails("NotFoundException", () -> kms.listAliases(b -> b.keyId("11111111-2222-3333-4444-555555555555")));
        }
    }

    // ---- Encrypt, Decrypt, GenerateDataKey ----------------------------------------------------

    @Nested
    class Cryptography {

        @Test
        void roundTripsWithoutEncryptionContext() {
            KeyMetadata key = newKey();
            EncryptResponse encrypted = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("hunter2")));
            assertEquals(key.arn(), encrypted.keyId());
            assertEquals("SYMMETRIC_DEFAULT", encrypted.encryptionAlgorithmAsString());
            assertFalse(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1).contains("hunter2"));

            DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob()));
            assertEquals("hunter2", decrypted.plaintext().asUtf8String());
            assertEquals(key.arn(), decrypted.keyId());
        }

        @Test
        void roundTripsWithEncryptionContextInAnyOrder() {
            String key = newKey().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("bound"))
                    .encryptionContext(Map.of("secret", "db-password", "version", "1"))).ciphertextBlob();
            java.util.LinkedHashMap<String, String> reordered = new java.util.LinkedHashMap<>();
            reordered.put("version", "1");
            reordered.put("secret", "db-password");
            assertEquals("bound", kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(reordered)).plaintext().asUtf8String());
        }

        static Stream<Arguments> wrongContexts() {
            return Stream.of(
                    Arguments.of("no context", Map.of()),
                    Arguments.of("a different value", Map.of("secret", "db-password", "version", "2")),
                    Arguments.of("a missing pair", Map.of("secret", "db-password")),
                    Arguments.of("an extra pair", Map.of("secret", "db-password", "version", "1", "extra", "x")),
                    Arguments.of("a different case", Map.of("Secret", "db-password", "version", "1")),
                    Arguments.of("pairs run together", Map.of("secret", "db-password\u0000version\u00011")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongContexts")
        void refusesToDecryptWithAnotherEncryptionContext(String what, Map<String, String> context) {
            String key = newKey().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("bound"))
                    .encryptionContext(Map.of("secret", "db-password", "version", "1"))).ciphertextBlob();
            KmsException e = fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(context)));
            assertFalse(message(e).contains("bound"));
        }

        @Test
        void aContextGivenOnlyAtDecryptionIsRefused() {
            String key = newKey().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("free"))).ciphertextBlob();
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("a", "b"))));
        }

        @Test
        void aDamagedCiphertextIsInvalid() {
            String key = newKey().keyId();
            byte[] blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("intact"))).ciphertextBlob().asByteArray();
            blob[blob.length - 1] ^= 1;
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))));
        }

        @ParameterizedTest(name = "{0} bytes of noise")
        @ValueSource(ints = {1, 40, 100})
        void noiseIsAnInvalidCiphertext(int length) {
            byte[] noise = new byte[length];
            new java.util.Random(length).nextBytes(noise);
            noise[0] = 1;
            fails("InvalidCiphertextException", () -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(noise))));
        }

        @Test
        void decryptsWithTheKeyNamedByAliasAndRefusesAnotherKey() {
            KeyMetadata key = newKey();
            String alias = uniqueAlias("decrypt");
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("named"))).ciphertextBlob();

            assertEquals("named", kms.decrypt(b -> b.ciphertextBlob(blob).keyId(alias)).plaintext().asUtf8String());
            String other = newKey().keyId();
            fails("IncorrectKeyException", () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(other)));
            fails("NotFoundException", () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId("alias/none-such")));
        }

        @Test
        void eachEncryptionGivesADifferentCiphertext() {
            String key = newKey().keyId();
            SdkBytes first = kms.encrypt(b -> b.keyId(key).plaintext(bytes("same"))).ciphertextBlob();
            SdkBytes second = kms.encrypt(b -> b.keyId(key).plaintext(bytes("same"))).ciphertextBlob();
            assertNotEquals(first, second);
        }

        @Test
        void acceptsPlaintextsOf1To4096Bytes() {
            String key = newKey().keyId();
            for (int size : new int[] {1, 4096}) {
                byte[] plaintext = new byte[size];
                java.util.Arrays.fill(plaintext, (byte) 7);
                SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
                assertArrayEquals(plaintext, kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asByteArray());
            }
        }

        @Test
        void refusesAnOversizePlaintextWithoutRepeatingIt() {
            String key = newKey().keyId();
            String secret = "s3cr3t-".repeat(600);
            KmsException e = fails("ValidationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes(secret))));
            assertEquals("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 4096", message(e));
        }

        @Test
        void refusesAnEmptyPlaintext() {
            String key = newKey().keyId();
            fails("ValidationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[0]))));
        }

        @Test
        void reportsEveryMissingParameterAtOnce() {
            KmsException e = fails("ValidationException", () -> kms.encrypt(b -> { }));
            assertEquals("2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; "
                    + "Value null at 'plaintext' failed to satisfy constraint: Member must not be null", message(e));
            fails("ValidationException", () -> kms.decrypt(b -> { }));
        }

        @Test
        void refusesAnAsymmetricAlgorithmForASymmetricKey() {
            String key = newKey().keyId();
            fails("InvalidKeyUsageException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x")).encryptionAlgorithm("RSAES_OAEP_SHA_256")));
            fails("ValidationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x")).encryptionAlgorithm("ROT13")));
        }

        @Test
        void aDryRunChecksEverythingButDoesNotEncrypt() {
            String key = newKey().keyId();
            KmsException e = fails("DryRunOperationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x")).dryRun(true)));
            assertEquals(412, e.statusCode());
            fails("NotFoundException", () -> kms.encrypt(b -> b.keyId("alias/none-such").plaintext(bytes("x")).dryRun(true)));
        }

        static Stream<Arguments> dataKeySizes() {
            return Stream.of(Arguments.of(DataKeySpec.AES_256, null, 32), Arguments.of(DataKeySpec.AES_128, null, 16),
                    Arguments.of(null, 1, 1), Arguments.of(null, 64, 64), Arguments.of(null, 1024, 1024));
        }

        @ParameterizedTest(name = "KeySpec {0}, NumberOfBytes {1} gives {2} bytes")
        @MethodSource("dataKeySizes")
        void generatesADataKeyWhoseCiphertextDecryptsToItsPlaintext(DataKeySpec spec, Integer numberOfBytes, int expected) {
            KeyMetadata key = newKey();
            GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(spec).numberOfBytes(numberOfBytes)
                    .encryptionContext(Map.of("purpose", "test")));
            assertEquals(expected, dataKey.plaintext().asByteArray().length);
            assertEquals(key.arn(), dataKey.keyId());
            assertEquals(dataKey.plaintext(), kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                    .encryptionContext(Map.of("purpose", "test"))).plaintext());
        }

        @Test
        void dataKeysAreRandom() {
            String key = newKey().keyId();
            SdkBytes a = kms.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)).plaintext();
            SdkBytes c = kms.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)).plaintext();
            assertNotEquals(a, c);
        }

        @Test
        void generatesADataKeyWithoutPlaintext() {
            KeyMetadata key = newKey();
            var dataKey = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256));
            assertEquals(key.arn(), dataKey.keyId());
            assertEquals(32, kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray().length);
        }

        static Stream<Arguments> badDataKeyRequests() {
            return Stream.of(
                    Arguments.of("neither KeySpec nor NumberOfBytes", null, null),
                    Arguments.of("both KeySpec and NumberOfBytes", "AES_256", 32),
                    Arguments.of("NumberOfBytes 0", null, 0),
                    Arguments.of("NumberOfBytes 1025", null, 1025),
                    Arguments.of("an unknown KeySpec", "AES_512", null));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badDataKeyRequests")
        void refusesDataKeyRequestsThatDoNotSayOneSize(String what, String spec, Integer numberOfBytes) {
            String key = newKey().keyId();
            fails("ValidationException", () -> kms.generateDataKey(b -> b.keyId(key).keySpec(spec).numberOfBytes(numberOfBytes)));
        }

        @Test
        void awsManagedKeysCannotBeUsedDirectly() {
            KeyMetadata managed = awsManagedKey();
            KmsException e = fails("AccessDeniedException", () -> kms.encrypt(b -> b.keyId(KmsKeys.SECRETS_MANAGER_ALIAS).plaintext(bytes("x"))));
            assertEquals("User: arn:aws:iam::" + account + ":user/admin is not authorized to perform: kms:Encrypt on resource: "
                    + managed.arn() + " because no resource-based policy allows the kms:Encrypt action", message(e));
            fails("AccessDeniedException", () -> kms.generateDataKey(b -> b.keyId(managed.keyId()).keySpec(DataKeySpec.AES_256)));
        }

        @Test
        void anotherAccountCannotDecryptMyCiphertext() {
            String key = newKey().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("mine"))).ciphertextBlob();
            KmsClient other = store.kms(store.adminKey(1), RunningStore.REGION);
            fails("AccessDeniedException", () -> other.decrypt(b -> b.ciphertextBlob(blob)));
        }

        @Test
        void theAuditTrailNamesTheKeyButNeverThePlaintext() {
            KeyMetadata key = newKey();
            String plaintext = "audit-must-not-see-this";
            kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes(plaintext)).encryptionContext(Map.of("ctx", "v")));
            fails("ValidationException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes(plaintext.repeat(200)))));

            AuditLog.Page page = store.store().audit().lookup(new AuditLog.Query(account, REGION, "ResourceName", key.arn(),
                    null, null, 50, null));
            List<String> names = page.events().stream().map(e -> e.event().eventName()).toList();
            assertTrue(names.contains("Encrypt"), names.toString());
            assertTrue(names.contains("CreateKey"), names.toString());
            String encoded = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
            for (AuditLog.StoredEvent event : store.store().audit().lookup(new AuditLog.Query(account, REGION, "EventName", "Encrypt",
                    null, null, 50, null)).events()) {
                assertFalse(event.cloudTrailJson().contains(plaintext), event.cloudTrailJson());
                assertFalse(event.cloudTrailJson().contains(encoded), event.cloudTrailJson());
            }
        }
    }

    // ---- Key states ---------------------------------------------------------------------------

    @Nested
    class KeyStates {

        @Test
        void aDisabledKeyRefusesCryptographyUntilEnabledAgain() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("before"))).ciphertextBlob();

            kms.disableKey(b -> b.keyId(key.keyId()));
            KeyMetadata disabled = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
            assertEquals("Disabled", disabled.keyStateAsString());
            assertFalse(disabled.enabled());
            KmsException e = fails("DisabledException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("x"))));
            assertEquals(key.arn() + " is disabled.", message(e));
            fails("DisabledException", () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
            fails("DisabledException", () -> kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)));

            kms.enableKey(b -> b.keyId(key.arn()));
            assertEquals("before", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
            assertTrue(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().enabled());
        }

        @Test
        void enablingAndDisablingTwiceIsHarmless() {
            String key = newKey().keyId();
            kms.disableKey(b -> b.keyId(key));
            kms.disableKey(b -> b.keyId(key));
            kms.enableKey(b -> b.keyId(key));
            kms.enableKey(b -> b.keyId(key));
            assertEquals("Enabled", kms.describeKey(b -> b.keyId(key)).keyMetadata().keyStateAsString());
        }

        @Test
        void scheduleDeletionThenCancelLeavesTheKeyDisabled() {
            KeyMetadata key = newKey();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("kept"))).ciphertextBlob();
            Instant before = store.clock().instant();

            ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
            assertAll(
                    () -> assertEquals(key.arn(), scheduled.keyId()),
                    () -> assertEquals("PendingDeletion", scheduled.keyStateAsString()),
                    () -> assertEquals(7, scheduled.pendingWindowInDays()),
                    () -> assertTrue(Duration.between(before.plus(Duration.ofDays(7)), scheduled.deletionDate()).abs().getSeconds() < 5));
            KeyMetadata pending = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
            assertEquals("PendingDeletion", pending.keyStateAsString());
            assertEquals(scheduled.deletionDate(), pending.deletionDate());
            assertFalse(pending.enabled());

            KmsException e = fails("KMSInvalidStateException", () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
            assertEquals(key.arn() + " is pending deletion.", message(e));
            fails("KMSInvalidStateException", () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("x"))));
            fails("KMSInvalidStateException", () -> kms.enableKey(b -> b.keyId(key.keyId())));
            fails("KMSInvalidStateException", () -> kms.disableKey(b -> b.keyId(key.keyId())));
            fails("KMSInvalidStateException", () -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId())));

            assertEquals(key.arn(), kms.cancelKeyDeletion(b -> b.keyId(key.keyId())).keyId());
            KeyMetadata cancelled = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
            assertEquals("Disabled", cancelled.keyStateAsString());
            assertNull(cancelled.deletionDate());
            fails("DisabledException", () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
            kms.enableKey(b -> b.keyId(key.keyId()));
            assertEquals("kept", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
        }

        @Test
        void theDefaultWaitingPeriodIs30Days() {
            Instant before = store.clock().instant();
            ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(newKey().keyId()));
            assertEquals(30, scheduled.pendingWindowInDays());
            assertTrue(Duration.between(before.plus(Duration.ofDays(30)), scheduled.deletionDate()).abs().getSeconds() < 5);
        }

        @Test
        void aDisabledKeyCanBeScheduledForDeletion() {
            String key = newKey().keyId();
            kms.disableKey(b -> b.keyId(key));
            assertEquals("PendingDeletion", kms.scheduleKeyDeletion(b -> b.keyId(key)).keyStateAsString());
        }

        @ParameterizedTest(name = "{0} days")
        @ValueSource(ints = {0, 6, 31, 365})
        void refusesAWaitingPeriodOutside7To30Days(int days) {
            String key = newKey().keyId();
            KmsException e = fails("ValidationException", () -> kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(days)));
            assertTrue(message(e).contains("at 'pendingWindowInDays'"), message(e));
            assertEquals("Enabled", kms.describeKey(b -> b.keyId(key)).keyMetadata().keyStateAsString());
        }

        @Test
        void cancellingAKeyThatIsNotPendingDeletionIsAnInvalidState() {
            KeyMetadata key = newKey();
            KmsException e = fails("KMSInvalidStateException", () -> kms.cancelKeyDeletion(b -> b.keyId(key.keyId())));
            assertEquals(key.arn() + " is not pending deletion.", message(e));
        }

        @Test
        void stateChangesNeedAKeyIdOrKeyArnNotAnAlias() {
            KeyMetadata key = newKey();
            String alias = uniqueAlias("state");
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
            fails("NotFoundException", () -> kms.disableKey(b -> b.keyId(alias)));
            fails("InvalidArnException", () -> kms.disableKey(b -> b.keyId("arn:aws:kms:" + REGION + ":" + account + ":" + alias)));
            assertEquals("Enabled", kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyStateAsString());
        }

        static Stream<Arguments> managementOfAwsManagedKeys() {
            return Stream.of(
                    Arguments.of("DisableKey", (Consumer<String>) id -> kms.disableKey(b -> b.keyId(id))),
                    Arguments.of("EnableKey", (Consumer<String>) id -> kms.enableKey(b -> b.keyId(id))),
                    Arguments.of("ScheduleKeyDeletion", (Consumer<String>) id -> kms.scheduleKeyDeletion(b -> b.keyId(id))),
                    Arguments.of("CancelKeyDeletion", (Consumer<String>) id -> kms.cancelKeyDeletion(b -> b.keyId(id))),
                    Arguments.of("PutKeyPolicy", (Consumer<String>) id -> kms.putKeyPolicy(b -> b.keyId(id).policyName("default")
                            .policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"))),
                    Arguments.of("EnableKeyRotation", (Consumer<String>) id -> kms.enableKeyRotation(b -> b.keyId(id))),
                    Arguments.of("DisableKeyRotation", (Consumer<String>) id -> kms.disableKeyRotation(b -> b.keyId(id))),
                    Arguments.of("RotateKeyOnDemand", (Consumer<String>) id -> kms.rotateKeyOnDemand(b -> b.keyId(id))),
                    Arguments.of("TagResource", (Consumer<String>) id -> kms.tagResource(b -> b.keyId(id)
                            .tags(Tag.builder().tagKey("k").tagValue("v").build()))),
                    Arguments.of("UntagResource", (Consumer<String>) id -> kms.untagResource(b -> b.keyId(id).tagKeys("k"))),
                    Arguments.of("UpdateKeyDescription", (Consumer<String>) id -> kms.updateKeyDescription(b -> b.keyId(id).description("mine"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("managementOfAwsManagedKeys")
        void awsManagedKeysCannotBeManagedByTheAccount(String action, Consumer<String> call) {
            KeyMetadata managed = awsManagedKey();
            KmsException e = fails("AccessDeniedException", () -> call.accept(managed.keyId()));
            assertTrue(message(e).contains("kms:" + action + " on resource: " + managed.arn()), message(e));
            KeyMetadata after = awsManagedKey();
            assertEquals("Enabled", after.keyStateAsString());
            assertEquals(managed.description(), after.description());
        }

        @Test
        void awsManagedKeysCanBeReadByTheAccount() {
            KeyMetadata managed = awsManagedKey();
            GetKeyRotationStatusResponse rotation = kms.getKeyRotationStatus(b -> b.keyId(managed.keyId()));
            assertTrue(rotation.keyRotationEnabled());
            assertEquals(365, rotation.rotationPeriodInDays());
            String policy = kms.getKeyPolicy(b -> b.keyId(managed.arn())).policy();
            assertTrue(policy.contains("\"kms:ViaService\" : \"secretsmanager." + REGION + ".amazonaws.com\""), policy);
            assertEquals(List.of(), kms.listResourceTags(b -> b.keyId(managed.keyId())).tags());
        }

        @Test
        void updatesADescription() {
            String key = newKey().keyId();
            kms.updateKeyDescription(b -> b.keyId(key).description("renamed"));
            assertEquals("renamed", kms.describeKey(b -> b.keyId(key)).keyMetadata().description());
            fails("ValidationException", () -> kms.updateKeyDescription(b -> b.keyId(key)));
        }
    }

    // ---- Rotation -----------------------------------------------------------------------------

    @Nested
    class Rotation {

        @Test
        void rotationIsOffForANewCustomerKey() {
            GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(newKey().keyId()));
            assertFalse(status.keyRotationEnabled());
            assertNull(status.rotationPeriodInDays());
            assertNull(status.nextRotationDate());
        }

        @Test
        void enablingRotationDefaultsToAYearAndCanBeTurnedOff() {
            KeyMetadata key = newKey();
            Instant before = store.clock().instant();
            kms.enableKeyRotation(b -> b.keyId(key.keyId()));
            GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.arn()));
            assertTrue(status.keyRotationEnabled());
            assertEquals(key.keyId(), status.keyId());
            assertEquals(365, status.rotationPeriodInDays());
            assertTrue(Duration.between(before.plus(Duration.ofDays(365)), status.nextRotationDate()).abs().getSeconds() < 5);

            kms.disableKeyRotation(b -> b.keyId(key.keyId()));
            assertFalse(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled());
        }

        @Test
        void aCustomPeriodMovesTheNextRotation() {
            String key = newKey().keyId();
            Instant before = store.clock().instant();
            kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(90));
            GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key));
            assertEquals(90, status.rotationPeriodInDays());
            assertTrue(Duration.between(before.plus(Duration.ofDays(90)), status.nextRotationDate()).abs().getSeconds() < 5);

            kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(180));
            GetKeyRotationStatusResponse changed = kms.getKeyRotationStatus(b -> b.keyId(key));
            assertEquals(180, changed.rotationPeriodInDays());
            assertEquals(status.nextRotationDate().plus(Duration.ofDays(90)), changed.nextRotationDate());
        }

        @ParameterizedTest(name = "{0} days")
        @ValueSource(ints = {89, 2561, 0})
        void refusesAPeriodOutside90To2560Days(int days) {
            String key = newKey().keyId();
            fails("ValidationException", () -> kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(days)));
            assertFalse(kms.getKeyRotationStatus(b -> b.keyId(key)).keyRotationEnabled());
        }

        @Test
        void rotationSettingsNeedAnEnabledKey() {
            KeyMetadata key = newKey();
            kms.disableKey(b -> b.keyId(key.keyId()));
            fails("DisabledException", () -> kms.enableKeyRotation(b -> b.keyId(key.keyId())));
            fails("DisabledException", () -> kms.disableKeyRotation(b -> b.keyId(key.keyId())));
            fails("DisabledException", () -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())));
        }

        @Test
        void aKeyPendingDeletionReportsRotationOffUntilDeletionIsCancelled() {
            String key = newKey().keyId();
            kms.enableKeyRotation(b -> b.keyId(key));
            kms.scheduleKeyDeletion(b -> b.keyId(key));
            assertFalse(kms.getKeyRotationStatus(b -> b.keyId(key)).keyRotationEnabled());
            fails("KMSInvalidStateException", () -> kms.enableKeyRotation(b -> b.keyId(key)));

            kms.cancelKeyDeletion(b -> b.keyId(key));
            assertTrue(kms.getKeyRotationStatus(b -> b.keyId(key)).keyRotationEnabled());
        }

        @Test
        void oldCiphertextStillDecryptsAfterOnDemandRotation() {
            KeyMetadata key = newKey();
            SdkBytes before = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("old material"))
                    .encryptionContext(Map.of("k", "v"))).ciphertextBlob();

            assertEquals(key.keyId(), kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())).keyId());
            kms.rotateKeyOnDemand(b -> b.keyId(key.arn()));
            SdkBytes after = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(bytes("new material"))).ciphertextBlob();

            assertEquals("old material", kms.decrypt(b -> b.ciphertextBlob(before).encryptionContext(Map.of("k", "v"))).plaintext().asUtf8String());
            assertEquals("new material", kms.decrypt(b -> b.ciphertextBlob(after)).plaintext().asUtf8String());
            assertFalse(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled(),
                    "on-demand rotation does not turn automatic rotation on");
        }
    }

    // ---- Key policy ---------------------------------------------------------------------------

    @Nested
    class KeyPolicy {

        static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"admins\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        @Test
        void putThenGetReturnsThePolicyAsWritten() {
            String key = newKey().keyId();
            kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(POLICY));
            var got = kms.getKeyPolicy(b -> b.keyId(key));
            assertEquals(POLICY, got.policy());
            assertEquals("default", got.policyName());
        }

        @Test
        void thePolicyNameIsOptionalAndOnlyDefaultExists() {
            String key = newKey().keyId();
            kms.putKeyPolicy(b -> b.keyId(key).policy(POLICY));
            assertEquals(POLICY, kms.getKeyPolicy(b -> b.keyId(key).policyName("default")).policy());
            fails("NotFoundException", () -> kms.getKeyPolicy(b -> b.keyId(key).policyName("other")));
            fails("ValidationException", () -> kms.getKeyPolicy(b -> b.keyId(key).policyName("not valid!")));
            assertEquals(List.of("default"), kms.listKeyPolicies(b -> b.keyId(key)).policyNames());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{not json", "[]", "\"text\"", "{\"Statement\":[]}", "{\"Statement\":[{\"Effect\":\"Maybe\"}]}"})
        void refusesAMalformedPolicyAndKeepsTheOldOne(String policy) {
            String key = newKey().keyId();
            String old = kms.getKeyPolicy(b -> b.keyId(key)).policy();
            fails("MalformedPolicyDocumentException", () -> kms.putKeyPolicy(b -> b.keyId(key).policy(policy)));
            assertEquals(old, kms.getKeyPolicy(b -> b.keyId(key)).policy());
        }

        @Test
        void aPolicyIsRequired() {
            String key = newKey().keyId();
            KmsException e = fails("ValidationException", () -> kms.putKeyPolicy(b -> b.keyId(key)));
            assertEquals("1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null", message(e));
        }

        @Test
        void aKeyPendingDeletionStillHasAPolicy() {
            String key = newKey().keyId();
            kms.scheduleKeyDeletion(b -> b.keyId(key));
            kms.putKeyPolicy(b -> b.keyId(key).policy(POLICY));
            assertEquals(POLICY, kms.getKeyPolicy(b -> b.keyId(key)).policy());
        }

        @Test
        void anUnknownKeyHasNoPolicy() {
            fails("NotFoundException", () -> kms.getKeyPolicy(b -> b.keyId("11111111-2222-3333-4444-555555555555")));
        }
    }

    // ---- Tags ---------------------------------------------------------------------------------

    @Nested
    class Tags {

        static Tag tag(String key, String value) {
            return Tag.builder().tagKey(key).tagValue(value).build();
        }

        @Test
        void tagsAreAddedReplacedAndRemoved() {
            String key = newKey().keyId();
            kms.tagResource(b -> b.keyId(key).tags(tag("team", "payments"), tag("env", "prod")));
            kms.tagResource(b -> b.keyId(key).tags(tag("env", "staging"), tag("cost-center", "42")));
            assertEquals(List.of(tag("cost-center", "42"), tag("env", "staging"), tag("team", "payments")),
                    kms.listResourceTags(b -> b.keyId(key)).tags());

            kms.untagResource(b -> b.keyId(key).tagKeys("env", "not-there"));
            ListResourceTagsResponse after = kms.listResourceTags(b -> b.keyId(key));
            assertEquals(List.of(tag("cost-center", "42"), tag("team", "payments")), after.tags());
            assertFalse(after.truncated());
        }

        @Test
        void pagesThroughTagsWithLimit() {
            String key = newKey().keyId();
            kms.tagResource(b -> b.keyId(key).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
            ListResourceTagsResponse first = kms.listResourceTags(b -> b.keyId(key).limit(2));
            assertEquals(List.of(tag("a", "1"), tag("b", "2")), first.tags());
            assertTrue(first.truncated());
            ListResourceTagsResponse second = kms.listResourceTags(b -> b.keyId(key).limit(2).marker(first.nextMarker()));
            assertEquals(List.of(tag("c", "3")), second.tags());
            assertFalse(second.truncated());
        }

        static Stream<Arguments> refusedTags() {
            return Stream.of(
                    Arguments.of("an empty key", List.of(tag("", "v")), "ValidationException"),
                    Arguments.of("a key of 129 characters", List.of(tag("k".repeat(129), "v")), "ValidationException"),
                    Arguments.of("a value of 257 characters", List.of(tag("k", "v".repeat(257))), "ValidationException"),
                    Arguments.of("a key under aws:", List.of(tag("AWS:owner", "v")), "TagException"),
                    Arguments.of("a duplicate key", List.of(tag("k", "1"), tag("k", "2")), "TagException"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusedTags")
        void refusesInvalidTags(String what, List<Tag> tags, String code) {
            String key = newKey().keyId();
            fails(code, () -> kms.tagResource(b -> b.keyId(key).tags(tags)));
            assertEquals(List.of(), kms.listResourceTags(b -> b.keyId(key)).tags());
        }

        @Test
        void aKeyHoldsAtMost50Tags() {
            String key = newKey().keyId();
            kms.tagResource(b -> b.keyId(key).tags(IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList()));
            kms.tagResource(b -> b.keyId(key).tags(tag("k0", "replaced")));
            fails("LimitExceededException", () -> kms.tagResource(b -> b.keyId(key).tags(tag("one-too-many", "v"))));
            assertEquals(50, kms.listResourceTagsPaginator(b -> b.keyId(key)).tags().stream().count());
        }

        @Test
        void tagsNeedAKeyAndTags() {
            String key = newKey().keyId();
            fails("ValidationException", () -> kms.tagResource(b -> b.keyId(key)));
            fails("ValidationException", () -> kms.untagResource(b -> b.keyId(key)));
            fails("NotFoundException", () -> kms.tagResource(b -> b.keyId("11111111-2222-3333-4444-555555555555").tags(tag("k", "v"))));
        }

        @Test
        void aKeyPendingDeletionCannotBeTaggedButKeepsItsTags() {
            String key = newKey().keyId();
            kms.tagResource(b -> b.keyId(key).tags(tag("k", "v")));
            kms.scheduleKeyDeletion(b -> b.keyId(key));
            fails("KMSInvalidStateException", () -> kms.tagResource(b -> b.keyId(key).tags(tag("k2", "v"))));
            fails("KMSInvalidStateException", () -> kms.untagResource(b -> b.keyId(key).tagKeys("k")));
            assertEquals(List.of(tag("k", "v")), kms.listResourceTags(b -> b.keyId(key)).tags());
        }

        @Test
        void aDisabledKeyCanBeTagged() {
            String key = newKey().keyId();
            kms.disableKey(b -> b.keyId(key));
            kms.tagResource(b -> b.keyId(key).tags(tag("k", "v")));
            assertEquals(List.of(tag("k", "v")), kms.listResourceTags(b -> b.keyId(key)).tags());
        }
    }
}
