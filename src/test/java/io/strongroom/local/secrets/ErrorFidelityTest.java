package io.strongroom.local.secrets;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/** Refusals as AWS words them: the code a caller switches on and the message it may match. */
class ErrorFidelityTest extends StoreTestCase {

    static final String MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

    static String unique(String what) {
        return uniqueName("errors/", what);
    }

    static String message(AwsServiceException e) {
        return e.awsErrorDetails().errorMessage();
    }

    static void refusedWith(String code, String message, Executable call) {
        assertEquals(message, message(refused(code, call)));
    }

    /** Each of the calls on a secret that does not exist is ResourceNotFoundException. */
    static void refusedOnAMissingSecret(Function<String, List<Executable>> calls) {
        for (Executable call : calls.apply(unique("missing"))) {
            refusedWith("ResourceNotFoundException", "Secrets Manager can't find the specified secret.", call);
        }
    }

    /** Each of the calls on a secret {@code name}, created and then marked for deletion, is refused as marked. */
    static void refusedOnASecretMarkedForDeletion(String name, Function<String, List<Executable>> calls) {
        sm.createSecret(b -> b.name(name).secretString("v"));
        sm.deleteSecret(b -> b.secretId(name));
        for (Executable call : calls.apply(name)) {
            refusedWith("InvalidRequestException", MARKED, call);
        }
    }

    @Nested
    class Values {

        static final String BOTH = "You can't specify both a binary secret value and a string secret value in the same secret.";

        @Test
        void createWithBothAStringAndABinaryValueIsInvalidParameter() {
            refusedWith("InvalidParameterException", BOTH, () -> sm.createSecret(b -> b.name(unique("both"))
                    .secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))));
        }

        @Test
        void putWithBothAStringAndABinaryValueIsInvalidParameter() {
            String name = unique("put-both");
            sm.createSecret(b -> b.name(name).secretString("v"));
            refusedWith("InvalidParameterException", BOTH, () -> sm.putSecretValue(b -> b.secretId(name)
                    .secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))));
        }
    }

    @Nested
    class ClientRequestTokens {

        String expected(String token, String arn) {
            return "You can't use ClientRequestToken " + token + " because that value is already in use for a version of secret " + arn + ".";
        }

        @Test
        void createAgainWithTheSameTokenAndAnotherValue() {
            String name = unique("create-token");
            String token = UUID.randomUUID().toString();
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v1").clientRequestToken(token));
            refusedWith("ResourceExistsException", expected(token, created.arn()),
                    () -> sm.createSecret(b -> b.name(name).secretString("v2").clientRequestToken(token)));
        }

        @Test
        void createAgainWithAnotherTokenIsTheSecretAlreadyExists() {
            String name = unique("create-exists");
            sm.createSecret(b -> b.name(name).secretString("v1"));
            refusedWith("ResourceExistsException", "The operation failed because the secret " + name + " already exists.",
                    () -> sm.createSecret(b -> b.name(name).secretString("v1")));
        }

        @Test
        void putWithAUsedTokenAndAnotherValue() {
            String name = unique("put-token");
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v1"));
            String token = UUID.randomUUID().toString();
            sm.putSecretValue(b -> b.secretId(name).secretString("v2").clientRequestToken(token));
            refusedWith("ResourceExistsException", expected(token, created.arn()),
                    () -> sm.putSecretValue(b -> b.secretId(name).secretString("v3").clientRequestToken(token)));
            assertEquals("v2", sm.getSecretValue(b -> b.secretId(name)).secretString());
        }

        @Test
        void updateWithAUsedTokenAndAnotherValue() {
            String name = unique("update-token");
            String token = UUID.randomUUID().toString();
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v1").clientRequestToken(token));
            refusedWith("ResourceExistsException", expected(token, created.arn()),
                    () -> sm.updateSecret(b -> b.secretId(name).secretString("v2").clientRequestToken(token)));
        }
    }

    @Nested
    class Replicas {

        @Test
        void aReplicaInTheSecretsOwnRegionIsAnInvalidReplicaRegion() {
            String name = unique("own-region");
            refusedWith("InvalidParameterException", "Invalid replica region.", () -> sm.createSecret(b -> b.name(name).secretString("v")
                    .addReplicaRegions(r -> r.region("eu-west-1"), r -> r.region(RunningStore.REGION.id()))));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
        }

        @Test
        void aReplicaRegionNamedTwiceIsAnInvalidReplicaRegion() {
            String name = unique("twice");
            refusedWith("InvalidParameterException", "Invalid replica region.", () -> sm.createSecret(b -> b.name(name).secretString("v")
                    .addReplicaRegions(r -> r.region("eu-west-1"), r -> r.region("eu-west-1"))));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
        }
    }

    @Nested
    class ResourcePolicies {

        static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

        /** The calls that attach, read and remove a policy. */
        List<Executable> policyCalls(String secretId) {
            return List.of(
                    () -> sm.getResourcePolicy(b -> b.secretId(secretId)),
                    () -> sm.putResourcePolicy(b -> b.secretId(secretId).resourcePolicy(POLICY)),
                    () -> sm.deleteResourcePolicy(b -> b.secretId(secretId)));
        }

        List<Executable> calls(String secretId) {
            List<Executable> all = new java.util.ArrayList<>(policyCalls(secretId));
            all.add(() -> sm.validateResourcePolicy(b -> b.secretId(secretId).resourcePolicy(POLICY)));
            return all;
        }

        @Test
        void policyCallsOnAMissingSecretAreResourceNotFound() {
            refusedOnAMissingSecret(this::calls);
        }

        @Test
        void policyCallsOnASecretMarkedForDeletionAreRefusedAsSuch() {
            refusedOnASecretMarkedForDeletion(unique("policy-deleted"), this::calls);
        }
    }

    @Nested
    class RotationAndReplication {

        List<Executable> calls(String secretId) {
            return List.of(
                    () -> sm.rotateSecret(b -> b.secretId(secretId).rotationRules(r -> r.automaticallyAfterDays(30L))),
                    () -> sm.cancelRotateSecret(b -> b.secretId(secretId)),
                    () -> sm.replicateSecretToRegions(b -> b.secretId(secretId).addReplicaRegions(r -> r.region("eu-west-1"))),
                    () -> sm.removeRegionsFromReplication(b -> b.secretId(secretId).removeReplicaRegions("eu-west-1")),
                    () -> sm.stopReplicationToReplica(b -> b.secretId(secretId)));
        }

        @Test
        void onAMissingSecretTheyAreResourceNotFound() {
            refusedOnAMissingSecret(this::calls);
        }

        @Test
        void onASecretMarkedForDeletionTheyAreRefusedAsSuch() {
            refusedOnASecretMarkedForDeletion(unique("rotate-deleted"), this::calls);
        }
    }

    @Nested
    class MarkedForDeletion {

        @Test
        void everyOperationButDescribeListVersionsRestoreAndForcedDeleteIsRefused() {
            String name = unique("marked");
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v").tags(t -> t.key("k").value("v")));
            sm.putSecretValue(b -> b.secretId(name).secretString("v2").versionStages("CUSTOM"));
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            List<Executable> refusedCalls = new ArrayList<>(List.of(
                    () -> sm.getSecretValue(b -> b.secretId(name)),
                    () -> sm.putSecretValue(b -> b.secretId(name).secretString("x")),
                    () -> sm.updateSecret(b -> b.secretId(name).description("x")),
                    () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("CUSTOM").removeFromVersionId(created.versionId())),
                    () -> sm.tagResource(b -> b.secretId(name).tags(t -> t.key("k2").value("v"))),
                    () -> sm.untagResource(b -> b.secretId(name).tagKeys("k")),
                    () -> sm.deleteSecret(b -> b.secretId(name))));
            for (Executable call : refusedCalls) {
                refusedWith("InvalidRequestException", MARKED, call);
            }
            BatchGetSecretValueResponse batch = sm.batchGetSecretValue(b -> b.secretIdList(name));
            assertEquals("InvalidRequestException", batch.errors().get(0).errorCode());
            assertEquals(MARKED, batch.errors().get(0).message());

            assertNotNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
            assertFalse(sm.listSecretVersionIds(b -> b.secretId(name)).versions().isEmpty());
            sm.restoreSecret(b -> b.secretId(name));
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
            refused("ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
        }
    }

    @Nested
    class BatchArguments {

        static final String EITHER = "Either 'SecretIdList' or 'Filters' must be provided, but not both.";

        @Test
        void idsTogetherWithFilters() {
            refusedWith("InvalidParameterException", EITHER, () -> sm.batchGetSecretValue(b -> b.secretIdList("a")
                    .filters(f -> f.key(FilterNameStringType.NAME).values("a"))));
        }

        @Test
        void neitherIdsNorFilters() {
            refusedWith("InvalidParameterException", EITHER, () -> sm.batchGetSecretValue(b -> { }));
        }

        @Test
        void maxResultsWithIds() {
            refusedWith("InvalidParameterException", "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.",
                    () -> sm.batchGetSecretValue(b -> b.secretIdList("a").maxResults(5)));
        }

        @Test
        void moreThanTwentyIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                ids.add("id-" + i);
            }
            refusedWith("ValidationException", "1 validation error detected: Value at 'secretIdList' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 20", () -> sm.batchGetSecretValue(b -> b.secretIdList(ids)));
        }
    }

    @Nested
    class VersionStageMoves {

        @Test
        void movingALabelAttachedElsewhereWithoutRemoveFromVersionId() {
            String name = unique("stage-elsewhere");
            CreateSecretResponse first = sm.createSecret(b -> b.name(name).secretString("v1"));
            PutSecretValueResponse second = sm.putSecretValue(b -> b.secretId(name).secretString("v2").versionStages("STAGED"));
            refusedWith("InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is "
                    + "currently attached to version " + first.versionId() + ", so you must explicitly reference that version in "
                    + "RemoveFromVersionId.", () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                    .moveToVersionId(second.versionId())));
            assertEquals("v1", sm.getSecretValue(b -> b.secretId(name)).secretString());
        }

        @Test
        void movingToAVersionTheSecretDoesNotHave() {
            String name = unique("stage-unknown");
            CreateSecretResponse first = sm.createSecret(b -> b.name(name).secretString("v1"));
            String ghost = UUID.randomUUID().toString();
            refusedWith("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: " + ghost,
                    () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                            .removeFromVersionId(first.versionId()).moveToVersionId(ghost)));
        }

        @Test
        void removingFromAVersionThatDoesNotHoldTheLabel() {
            String name = unique("stage-not-there");
            CreateSecretResponse first = sm.createSecret(b -> b.name(name).secretString("v1"));
            PutSecretValueResponse second = sm.putSecretValue(b -> b.secretId(name).secretString("v2").versionStages("STAGED"));
            refusedWith("InvalidParameterException", "The staging label STAGED is not attached to version " + first.versionId() + ".",
                    () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("STAGED").removeFromVersionId(first.versionId())));
            assertEquals(List.of("STAGED"), sm.describeSecret(b -> b.secretId(name)).versionIdsToStages().get(second.versionId()));
        }
    }

    @Nested
    class KmsKeyReferences {

        final KmsClient kms = store.kms();

        @Test
        void everyFormOfKeyReferenceAwsAcceptsIsResolvedOnCreateAndUpdate() {
            KeyMetadata key = kms.createKey(b -> b.description("secrets")).keyMetadata();
            String alias = "alias/" + unique("key").replace('/', '-');
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
            String aliasArn = key.arn().substring(0, key.arn().indexOf(":key/")) + ":" + alias;
            for (String ref : List.of(key.keyId(), key.arn(), alias, aliasArn)) {
                String name = unique("kms");
                sm.createSecret(b -> b.name(name).secretString("v").kmsKeyId(ref));
                assertEquals("v", sm.getSecretValue(b -> b.secretId(name)).secretString(), ref);
                assertEquals(ref, sm.describeSecret(b -> b.secretId(name)).kmsKeyId(), "DescribeSecret shows the key as given");
                String other = unique("kms-update");
                sm.createSecret(b -> b.name(other).secretString("w"));
                sm.updateSecret(b -> b.secretId(other).kmsKeyId(ref));
                assertEquals("w", sm.getSecretValue(b -> b.secretId(other)).secretString(), ref);
                assertEquals(ref, sm.describeSecret(b -> b.secretId(other)).kmsKeyId());
                assertEquals(List.of(key.arn()), sm.listSecretVersionIds(b -> b.secretId(other)).versions().get(0).kmsKeyIds());
            }
        }

        @Test
        void aReferenceOfNoFormKmsKnowsIsAnInvalidKmsKey() {
            String existing = unique("kms-malformed-existing");
            sm.createSecret(b -> b.name(existing).secretString("v"));
            for (String ref : List.of("my-alias", "not-a-key", "arn:aws:kms:us-east-1:123:key/x", "key/" + UUID.randomUUID())) {
                String name = unique("kms-malformed");
                refusedWith("InvalidParameterException", "The operation failed because of an invalid KMS key: Invalid keyId",
                        () -> sm.createSecret(b -> b.name(name).secretString("v").kmsKeyId(ref)));
                refusedWith("InvalidParameterException", "The operation failed because of an invalid KMS key: Invalid keyId",
                        () -> sm.createSecret(b -> b.name(name).kmsKeyId(ref)));
                refused("ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
                refusedWith("InvalidParameterException", "The operation failed because of an invalid KMS key: Invalid keyId",
                        () -> sm.updateSecret(b -> b.secretId(existing).kmsKeyId(ref)));
            }
            assertNull(sm.describeSecret(b -> b.secretId(existing)).kmsKeyId());
        }

        @Test
        void aWellFormedReferenceToNoKeyFailsToEncryptNamingTheKeyAsKmsDoes() {
            String account = store.adminKey(0).accountId();
            String missingId = UUID.randomUUID().toString();
            String keyArn = "arn:aws:kms:us-east-1:" + account + ":key/" + missingId;
            String aliasArn = "arn:aws:kms:us-east-1:" + account + ":alias/does-not-exist";
            Map<String, String> kmsSays = new LinkedHashMap<>();
            kmsSays.put(missingId, "Key '" + keyArn + "' does not exist");
            kmsSays.put(keyArn, "Key '" + keyArn + "' does not exist");
            kmsSays.put("alias/does-not-exist", "Alias " + aliasArn + " is not found.");
            kmsSays.put(aliasArn, "Alias " + aliasArn + " is not found.");
            String existing = unique("kms-missing-existing");
            sm.createSecret(b -> b.name(existing).secretString("v"));
            kmsSays.forEach((ref, kms) -> {
                String expected = "Secrets Manager can't encrypt the secret value: " + kms
                        + " (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: ";
                String name = unique("kms-missing");
                assertTrue(message(refused("EncryptionFailure", () -> sm.createSecret(b -> b.name(name).secretString("v").kmsKeyId(ref))))
                        .startsWith(expected), ref);
                refused("ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
                assertTrue(message(refused("EncryptionFailure", () -> sm.updateSecret(b -> b.secretId(existing).kmsKeyId(ref))))
                        .startsWith(expected), ref);
            });
            assertEquals("v", sm.getSecretValue(b -> b.secretId(existing)).secretString());
            assertNull(sm.describeSecret(b -> b.secretId(existing)).kmsKeyId());
        }
    }
}
