package io.strongroom.local.secrets;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Secrets Manager operation by operation, through the real SDK over HTTP with SigV4, as the
 * console and any AWS client see the embedded store.
 */
class SecretsManagerApiTest extends StoreTestCase {

    /** A name no other test uses. */
    static String unique(String what) {
        return uniqueName("api/", what);
    }

    static String token() {
        return UUID.randomUUID().toString();
    }

    static CreateSecretResponse create(String name, String value) {
        return sm.createSecret(b -> b.name(name).secretString(value));
    }

    static String valueOf(String secretId) {
        return sm.getSecretValue(b -> b.secretId(secretId)).secretString();
    }

    static Map<String, List<String>> stages(String secretId) {
        return sm.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
    }

    static List<SecretVersionsListEntry> allVersions(String secretId) {
        List<SecretVersionsListEntry> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListSecretVersionIdsResponse page = sm.listSecretVersionIds(b -> b.secretId(secretId).includeDeprecated(true).nextToken(token));
            out.addAll(page.versions());
            next = page.nextToken();
        } while (next != null);
        return out;
    }

    static void assertNear(Instant expected, Instant actual, Duration tolerance) {
        assertNotNull(actual);
        assertTrue(Duration.between(expected, actual).abs().compareTo(tolerance) <= 0,
                "expected about " + expected + " but was " + actual);
    }

    // ================================================================================================

    @Nested
    class CreateSecret {

        @Test
        void aStringSecretGetsAnArnWithARandomSuffixAndAnAwscurrentVersion() {
            String name = unique("string");
            CreateSecretResponse created = create(name, "s3cr3t");
            assertEquals(name, created.name());
            assertTrue(created.arn().matches("arn:aws:secretsmanager:us-east-1:\\d{12}:secret:" + name + "-[A-Za-z0-9]{6}"), created.arn());
            assertNotNull(created.versionId());
            GetSecretValueResponse got = sm.getSecretValue(b -> b.secretId(name));
            assertEquals("s3cr3t", got.secretString());
            assertNull(got.secretBinary());
            assertEquals(created.versionId(), got.versionId());
            assertEquals(List.of("AWSCURRENT"), got.versionStages());
        }

        @Test
        void aBinarySecretComesBackByteForByte() {
            String name = unique("binary");
            byte[] every = new byte[256];
            for (int i = 0; i < every.length; i++) {
                every[i] = (byte) i;
            }
            sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(every)));
            GetSecretValueResponse got = sm.getSecretValue(b -> b.secretId(name));
            assertArrayEquals(every, got.secretBinary().asByteArray());
            assertNull(got.secretString());
        }

        @Test
        void aSecretWithoutAValueHasNoVersionsAndGetSecretValueSaysSo() {
            String name = unique("empty");
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).description("filled in later"));
            assertNull(created.versionId());
            assertTrue(stages(name).isEmpty());
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.getSecretValue(b -> b.secretId(name)));
        }

        @Test
        void tagsKeepTheOrderTheyWereGivenIn() {
            String name = unique("tags");
            List<Tag> tags = List.of(tag("zeta", "1"), tag("alpha", "2"), tag("Mid", ""), tag("beta", "4"));
            sm.createSecret(b -> b.name(name).secretString("v").tags(tags));
            assertEquals(tags, sm.describeSecret(b -> b.secretId(name)).tags());
        }

        @Test
        void aDuplicateNameIsRefusedWithResourceExistsAndTheFirstSecretIsUntouched() {
            String name = unique("dup");
            CreateSecretResponse first = create(name, "first");
            refused(ResourceExistsException.class, "ResourceExistsException", () -> create(name, "second"));
            assertEquals("first", valueOf(name));
            assertEquals(Set.of(first.versionId()), stages(name).keySet());
        }

        @Test
        void aNameScheduledForDeletionCannotBeReusedUntilTheSecretIsGone() {
            String name = unique("scheduled");
            create(name, "v");
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            refused(InvalidRequestException.class, "InvalidRequestException", () -> create(name, "again"));
        }

        @Test
        void retryingWithTheSameClientRequestTokenAndValueReturnsTheSameSecretAndVersion() {
            String name = unique("idempotent");
            String token = token();
            CreateSecretResponse first = sm.createSecret(b -> b.name(name).secretString("v").clientRequestToken(token));
            CreateSecretResponse retry = sm.createSecret(b -> b.name(name).secretString("v").clientRequestToken(token));
            assertEquals(first.arn(), retry.arn());
            assertEquals(token, first.versionId());
            assertEquals(token, retry.versionId());
            assertEquals(Map.of(token, List.of("AWSCURRENT")), stages(name));
        }

        @Test
        void retryingWithTheSameClientRequestTokenButAnotherValueFailsAndKeepsTheFirstValue() {
            String name = unique("idempotent-conflict");
            String token = token();
            sm.createSecret(b -> b.name(name).secretString("v1").clientRequestToken(token));
            refused(ResourceExistsException.class, "ResourceExistsException",
                    () -> sm.createSecret(b -> b.name(name).secretString("v2").clientRequestToken(token)));
            assertEquals("v1", valueOf(name));
        }

        @Test
        void bothAStringAndABinaryValueAreRefused() {
            String name = unique("both");
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.createSecret(b -> b.name(name)
                    .secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
        }

        @Test
        void nameCharactersOutsideTheAllowedSetAreRefused() {
            refused(InvalidParameterException.class, "InvalidParameterException", () -> create("has space", "v"));
            refused(InvalidParameterException.class, "InvalidParameterException", () -> create("semi;colon", "v"));
            String allowed = unique("ok/_+=.@-Z9");
            assertEquals(allowed, create(allowed, "v").name());
        }

        @Test
        void theSameNameInAnotherRegionOrAccountIsADifferentSecret() {
            String name = unique("scoped");
            CreateSecretResponse here = create(name, "here");
            SecretsManagerClient west = store.secrets(store.adminKey(0), software.amazon.awssdk.regions.Region.US_WEST_2);
            SecretsManagerClient other = store.secrets(store.adminKey(1), RunningStore.REGION);
            CreateSecretResponse there = west.createSecret(b -> b.name(name).secretString("there"));
            CreateSecretResponse elsewhere = other.createSecret(b -> b.name(name).secretString("elsewhere"));
            assertNotEquals(here.arn(), there.arn());
            assertNotEquals(here.arn(), elsewhere.arn());
            assertEquals("here", valueOf(name));
            assertEquals("there", west.getSecretValue(b -> b.secretId(name)).secretString());
            assertEquals("elsewhere", other.getSecretValue(b -> b.secretId(name)).secretString());
        }

        @Test
        void replicaRegionsAreCreatedWithTheSecret() throws Exception {
            String name = unique("replicas");
            var created = sm.createSecret(b -> b.name(name).secretString("v").addReplicaRegions(r -> r.region("eu-west-1")));
            assertEquals("InProgress", created.replicationStatus().get(0).statusAsString());
            assertTrue(store.store().replication().awaitIdle(java.time.Duration.ofSeconds(20)));
            assertEquals("InSync", sm.describeSecret(b -> b.secretId(name)).replicationStatus().get(0).statusAsString());
            sm.removeRegionsFromReplication(b -> b.secretId(name).removeReplicaRegions("eu-west-1"));
        }
    }

    // ================================================================================================

    @Nested
    class DescribeSecret {

        @Test
        void describeShowsNameDescriptionDatesStagesAndTagsButNoKeyForTheDefaultKey() {
            String name = unique("describe");
            Instant before = store.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("v").description("The description")
                    .tags(tag("team", "payments")));
            DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
            assertEquals(created.arn(), d.arn());
            assertEquals(name, d.name());
            assertEquals("The description", d.description());
            assertNull(d.kmsKeyId(), "the aws/secretsmanager key is not named");
            assertNear(before, d.createdDate(), Duration.ofSeconds(5));
            assertFalse(d.createdDate().isBefore(before));
            assertEquals(d.createdDate(), d.lastChangedDate());
            assertNull(d.lastAccessedDate());
            assertNull(d.deletedDate());
            assertEquals(Map.of(created.versionId(), List.of("AWSCURRENT")), d.versionIdsToStages());
            assertEquals(List.of(tag("team", "payments")), d.tags());
        }

        @Test
        void describeFindsASecretByNameFullArnAndPartialArn() {
            String name = unique("ids");
            CreateSecretResponse created = create(name, "v");
            String partial = created.arn().substring(0, created.arn().length() - 7);
            assertEquals(created.arn(), sm.describeSecret(b -> b.secretId(name)).arn());
            assertEquals(created.arn(), sm.describeSecret(b -> b.secretId(created.arn())).arn());
            assertEquals(created.arn(), sm.describeSecret(b -> b.secretId(partial)).arn());
            assertEquals("v", valueOf(partial));
        }

        @Test
        void anUnknownSecretIsResourceNotFound() {
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(unique("missing"))));
        }

        @Test
        void theArnOfADeletedSecretDoesNotReachANewSecretWithTheSameName() {
            String name = unique("reborn");
            CreateSecretResponse old = create(name, "old");
            sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
            CreateSecretResponse reborn = create(name, "new");
            assertNotEquals(old.arn(), reborn.arn());
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.getSecretValue(b -> b.secretId(old.arn())));
            assertEquals("new", valueOf(reborn.arn()));
        }

        @Test
        void lastChangedDateMovesWhenTheValueOrDescriptionChanges() {
            String name = unique("changed");
            create(name, "v1");
            Instant created = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
            store.clock().advance(Duration.ofMinutes(5));
            sm.putSecretValue(b -> b.secretId(name).secretString("v2"));
            Instant afterPut = sm.describeSecret(b -> b.secretId(name)).lastChangedDate();
            assertNear(created.plus(Duration.ofMinutes(5)), afterPut, Duration.ofSeconds(5));
            store.clock().advance(Duration.ofMinutes(5));
            sm.updateSecret(b -> b.secretId(name).description("now described"));
            assertNear(afterPut.plus(Duration.ofMinutes(5)), sm.describeSecret(b -> b.secretId(name)).lastChangedDate(), Duration.ofSeconds(5));
        }
    }

    // ================================================================================================

    @Nested
    class GetSecretValue {

        @Test
        void aVersionCanBeReadByVersionIdOrByStagingLabel() {
            String name = unique("get");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            GetSecretValueResponse byId = sm.getSecretValue(b -> b.secretId(name).versionId(v1.versionId()));
            assertEquals("one", byId.secretString());
            assertEquals(List.of("AWSPREVIOUS"), byId.versionStages());
            assertEquals("one", sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString());
            assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionStage("AWSCURRENT")).secretString());
            assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionId(v2.versionId()).versionStage("AWSCURRENT")).secretString());
        }

        @Test
        void aVersionIdAndAStageThatDoNotMatchAreRefused() {
            String name = unique("mismatch");
            CreateSecretResponse v1 = create(name, "one");
            sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            refused(InvalidRequestException.class, "InvalidRequestException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionId(v1.versionId()).versionStage("AWSCURRENT")));
        }

        @Test
        void anUnknownVersionIdOrStageIsResourceNotFound() {
            String name = unique("unknown-version");
            create(name, "v");
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionId(token())));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionStage("NOPE")));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")));
        }

        @Test
        void lastAccessedDateIsTheDayOfTheLastReadAtMidnightUtc() {
            String name = unique("accessed");
            CreateSecretResponse created = create(name, "v");
            assertNull(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate());
            Instant dayBefore = store.clock().instant().truncatedTo(ChronoUnit.DAYS);
            sm.getSecretValue(b -> b.secretId(name));
            Instant dayAfter = store.clock().instant().truncatedTo(ChronoUnit.DAYS);
            Instant accessed = sm.describeSecret(b -> b.secretId(name)).lastAccessedDate();
            assertTrue(accessed.equals(dayBefore) || accessed.equals(dayAfter), "LastAccessedDate " + accessed + " is not a day start");
            SecretVersionsListEntry version = sm.listSecretVersionIds(b -> b.secretId(name)).versions().get(0);
            assertEquals(created.versionId(), version.versionId());
            assertEquals(accessed, version.lastAccessedDate());

            store.clock().advance(Duration.ofDays(3));
            sm.getSecretValue(b -> b.secretId(name));
            Instant later = sm.describeSecret(b -> b.secretId(name)).lastAccessedDate();
            assertEquals(later.truncatedTo(ChronoUnit.DAYS), later);
            assertTrue(Duration.between(accessed, later).toDays() >= 3);
        }

        @Test
        void describeAndListDoNotCountAsAccess() {
            String name = unique("not-accessed");
            create(name, "v");
            sm.describeSecret(b -> b.secretId(name));
            sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(name)));
            sm.listSecretVersionIds(b -> b.secretId(name));
            assertNull(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate());
        }
    }

    // ================================================================================================

    @Nested
    class PutSecretValue {

        @Test
        void aNewValueBecomesAwscurrentAndTheOldOneAwsprevious() {
            String name = unique("put");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            assertEquals(List.of("AWSCURRENT"), v2.versionStages());
            PutSecretValueResponse v3 = sm.putSecretValue(b -> b.secretId(name).secretString("three"));
            Map<String, List<String>> stages = stages(name);
            assertEquals(List.of("AWSCURRENT"), stages.get(v3.versionId()));
            assertEquals(List.of("AWSPREVIOUS"), stages.get(v2.versionId()));
            assertFalse(stages.containsKey(v1.versionId()), "the version before AWSPREVIOUS has no labels left");
            assertEquals("three", valueOf(name));
        }

        @Test
        void theSameTokenAndValueAgainIsANoOp() {
            String name = unique("put-idempotent");
            create(name, "one");
            String token = token();
            sm.putSecretValue(b -> b.secretId(name).secretString("two").clientRequestToken(token));
            PutSecretValueResponse v3 = sm.putSecretValue(b -> b.secretId(name).secretString("three"));
            PutSecretValueResponse retry = sm.putSecretValue(b -> b.secretId(name).secretString("two").clientRequestToken(token));
            assertEquals(token, retry.versionId());
            assertEquals(List.of("AWSPREVIOUS"), retry.versionStages());
            assertEquals("three", valueOf(name));
            assertEquals(List.of("AWSCURRENT"), stages(name).get(v3.versionId()));
            assertEquals(3, allVersions(name).size());
        }

        @Test
        void theSameTokenWithAnotherValueIsRefusedWithResourceExists() {
            String name = unique("put-conflict");
            create(name, "one");
            String token = token();
            sm.putSecretValue(b -> b.secretId(name).secretString("two").clientRequestToken(token));
            refused(ResourceExistsException.class, "ResourceExistsException",
                    () -> sm.putSecretValue(b -> b.secretId(name).secretString("other").clientRequestToken(token)));
            refused(ResourceExistsException.class, "ResourceExistsException",
                    () -> sm.putSecretValue(b -> b.secretId(name).secretBinary(SdkBytes.fromUtf8String("two")).clientRequestToken(token)));
            assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionId(token)).secretString());
        }

        @Test
        void customStagesLeaveAwscurrentWhereItIs() {
            String name = unique("custom-stage");
            CreateSecretResponse v1 = create(name, "live");
            PutSecretValueResponse staged = sm.putSecretValue(b -> b.secretId(name).secretString("candidate").versionStages("STAGED", "QA"));
            assertEquals(Set.of("STAGED", "QA"), new HashSet<>(staged.versionStages()));
            assertEquals("live", valueOf(name));
            assertEquals(List.of("AWSCURRENT"), stages(name).get(v1.versionId()));
            assertEquals("candidate", sm.getSecretValue(b -> b.secretId(name).versionStage("QA")).secretString());

            PutSecretValueResponse next = sm.putSecretValue(b -> b.secretId(name).secretString("next").versionStages("STAGED"));
            Map<String, List<String>> stages = stages(name);
            assertEquals(List.of("STAGED"), stages.get(next.versionId()));
            assertEquals(List.of("QA"), stages.get(staged.versionId()), "only the label that moved left the old version");
            assertEquals(List.of("AWSCURRENT"), stages.get(v1.versionId()), "AWSPREVIOUS only moves with AWSCURRENT");
        }

        @Test
        void theFirstVersionOfASecretCreatedWithoutAValueAlwaysGetsAwscurrent() {
            String name = unique("first-version");
            sm.createSecret(b -> b.name(name));
            PutSecretValueResponse first = sm.putSecretValue(b -> b.secretId(name).secretString("v").versionStages("STAGED"));
            assertEquals(Set.of("AWSCURRENT", "STAGED"), new HashSet<>(first.versionStages()));
            assertEquals("v", valueOf(name));
        }

        @Test
        void aPutWithAwscurrentAmongOtherStagesMovesAwspreviousToo() {
            String name = unique("current-and-more");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two").versionStages("AWSCURRENT", "BLUE"));
            Map<String, List<String>> stages = stages(name);
            assertEquals(Set.of("AWSCURRENT", "BLUE"), new HashSet<>(stages.get(v2.versionId())));
            assertEquals(List.of("AWSPREVIOUS"), stages.get(v1.versionId()));
        }

        @Test
        void aPutWithoutAValueOrWithBothIsRefused() {
            String name = unique("put-bad");
            create(name, "v");
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.putSecretValue(b -> b.secretId(name)));
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.putSecretValue(b -> b.secretId(name)
                    .secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))));
            assertEquals(1, allVersions(name).size());
        }

        @Test
        void anEmptyListOfStagesIsRefused() {
            String name = unique("no-stages");
            create(name, "v");
            refused("ValidationException", () -> sm.putSecretValue(b -> b.secretId(name).secretString("x").versionStages(List.of())));
            assertEquals(1, allVersions(name).size());
        }

        @Test
        void aPutToAnUnknownSecretIsResourceNotFound() {
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.putSecretValue(b -> b.secretId(unique("nobody")).secretString("v")));
        }
    }

    // ================================================================================================

    @Nested
    class UpdateSecret {

        @Test
        void aDescriptionOnlyUpdateCreatesNoVersion() {
            String name = unique("update-desc");
            CreateSecretResponse v1 = create(name, "v");
            UpdateSecretResponse updated = sm.updateSecret(b -> b.secretId(name).description("new words"));
            assertNull(updated.versionId());
            DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
            assertEquals("new words", d.description());
            assertEquals(Map.of(v1.versionId(), List.of("AWSCURRENT")), d.versionIdsToStages());
        }

        @Test
        void aValueUpdateCreatesAnAwscurrentVersionAndMovesAwsprevious() {
            String name = unique("update-value");
            CreateSecretResponse v1 = sm.createSecret(b -> b.name(name).secretString("one").description("kept"));
            UpdateSecretResponse v2 = sm.updateSecret(b -> b.secretId(name).secretBinary(SdkBytes.fromUtf8String("two")));
            assertNotNull(v2.versionId());
            assertEquals("two", sm.getSecretValue(b -> b.secretId(name)).secretBinary().asUtf8String());
            Map<String, List<String>> stages = stages(name);
            assertEquals(List.of("AWSCURRENT"), stages.get(v2.versionId()));
            assertEquals(List.of("AWSPREVIOUS"), stages.get(v1.versionId()));
            assertEquals("kept", sm.describeSecret(b -> b.secretId(name)).description());
        }

        @Test
        void anUpdateWithAUsedTokenAndAnotherValueIsRefused() {
            String name = unique("update-token");
            String token = token();
            sm.createSecret(b -> b.name(name).secretString("one").clientRequestToken(token));
            refused(ResourceExistsException.class, "ResourceExistsException",
                    () -> sm.updateSecret(b -> b.secretId(name).secretString("two").clientRequestToken(token)));
            UpdateSecretResponse same = sm.updateSecret(b -> b.secretId(name).secretString("one").clientRequestToken(token));
            assertEquals(token, same.versionId());
            assertEquals(1, allVersions(name).size());
        }

        @Test
        void anUpdateOfASecretScheduledForDeletionIsRefused() {
            String name = unique("update-deleted");
            create(name, "v");
            sm.deleteSecret(b -> b.secretId(name));
            refused(InvalidRequestException.class, "InvalidRequestException", () -> sm.updateSecret(b -> b.secretId(name).description("x")));
        }
    }

    // ================================================================================================

    @Nested
    class UpdateSecretVersionStage {

        @Test
        void rollingAwscurrentBackMovesAwspreviousToTheVersionItLeft() {
            String name = unique("rollback");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                    .moveToVersionId(v1.versionId()).removeFromVersionId(v2.versionId()));
            assertEquals("one", valueOf(name));
            Map<String, List<String>> stages = stages(name);
            assertEquals(List.of("AWSCURRENT"), stages.get(v1.versionId()));
            assertEquals(List.of("AWSPREVIOUS"), stages.get(v2.versionId()));
        }

        @Test
        void movingALabelAttachedElsewhereNeedsRemoveFromVersionId() {
            String name = unique("no-remove-from");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.updateSecretVersionStage(b -> b.secretId(name)
                    .versionStage("AWSCURRENT").moveToVersionId(v1.versionId())));
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.updateSecretVersionStage(b -> b.secretId(name)
                    .versionStage("AWSCURRENT").moveToVersionId(v1.versionId()).removeFromVersionId(v1.versionId())));
            assertEquals(List.of("AWSCURRENT"), stages(name).get(v2.versionId()));
        }

        @Test
        void awscurrentCannotBeRemovedWithoutMovingIt() {
            String name = unique("remove-current");
            CreateSecretResponse v1 = create(name, "one");
            refused(InvalidParameterException.class, "InvalidParameterException", () -> sm.updateSecretVersionStage(b -> b.secretId(name)
                    .versionStage("AWSCURRENT").removeFromVersionId(v1.versionId())));
            assertEquals("one", valueOf(name));
        }

        @Test
        void aCustomLabelCanBeAddedMovedAndRemoved() {
            String name = unique("custom-label");
            CreateSecretResponse v1 = create(name, "one");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("two"));
            sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("CANARY").moveToVersionId(v1.versionId()));
            assertEquals(Set.of("AWSPREVIOUS", "CANARY"), new HashSet<>(stages(name).get(v1.versionId())));
            assertEquals("one", sm.getSecretValue(b -> b.secretId(name).versionStage("CANARY")).secretString());

            sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("CANARY")
                    .moveToVersionId(v2.versionId()).removeFromVersionId(v1.versionId()));
            assertEquals(Set.of("AWSCURRENT", "CANARY"), new HashSet<>(stages(name).get(v2.versionId())));
            assertEquals(List.of("AWSPREVIOUS"), stages(name).get(v1.versionId()), "moving a custom label does not move AWSPREVIOUS");

            sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("CANARY").removeFromVersionId(v2.versionId()));
            assertEquals(List.of("AWSCURRENT"), stages(name).get(v2.versionId()));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionStage("CANARY")));
        }

        @Test
        void removingTheLastLabelDeprecatesTheVersionButKeepsIt() {
            String name = unique("deprecate");
            create(name, "one");
            PutSecretValueResponse pending = sm.putSecretValue(b -> b.secretId(name).secretString("pending").versionStages("AWSPENDING"));
            sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSPENDING").removeFromVersionId(pending.versionId()));
            assertFalse(stages(name).containsKey(pending.versionId()));
            assertTrue(allVersions(name).stream().anyMatch(v -> v.versionId().equals(pending.versionId()) && v.versionStages().isEmpty()));
            assertEquals("pending", sm.getSecretValue(b -> b.secretId(name).versionId(pending.versionId())).secretString());
        }

        @Test
        void aVersionHoldsAtMostTwentyLabels() {
            String name = unique("many-labels");
            CreateSecretResponse v1 = create(name, "one");
            for (int i = 1; i < 20; i++) {
                String label = "L" + i;
                sm.updateSecretVersionStage(b -> b.secretId(name).versionStage(label).moveToVersionId(v1.versionId()));
            }
            assertEquals(20, stages(name).get(v1.versionId()).size());
            refused(LimitExceededException.class, "LimitExceededException",
                    () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("L20").moveToVersionId(v1.versionId())));
            assertEquals(20, stages(name).get(v1.versionId()).size());
        }

        @Test
        void neitherMoveToNorRemoveFromIsRefused() {
            String name = unique("stage-nothing");
            create(name, "one");
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("X")));
        }
    }

    // ================================================================================================

    @Nested
    class ListSecretVersionIds {

        @Test
        void deprecatedVersionsAreListedOnlyWhenAskedFor() {
            String name = unique("versions");
            CreateSecretResponse v1 = create(name, "1");
            PutSecretValueResponse v2 = sm.putSecretValue(b -> b.secretId(name).secretString("2"));
            PutSecretValueResponse v3 = sm.putSecretValue(b -> b.secretId(name).secretString("3"));
            PutSecretValueResponse v4 = sm.putSecretValue(b -> b.secretId(name).secretString("4"));
            ListSecretVersionIdsResponse labelled = sm.listSecretVersionIds(b -> b.secretId(name));
            assertEquals(Set.of(v3.versionId(), v4.versionId()), ids(labelled.versions()));
            assertEquals(name, labelled.name());
            ListSecretVersionIdsResponse all = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true));
            assertEquals(Set.of(v1.versionId(), v2.versionId(), v3.versionId(), v4.versionId()), ids(all.versions()));
            assertNull(all.nextToken());
            for (SecretVersionsListEntry v : all.versions()) {
                assertNotNull(v.createdDate());
            }
        }

        @Test
        void pagingWalksEveryVersionOnceWithoutGaps() {
            String name = unique("version-pages");
            Set<String> expected = new HashSet<>();
            expected.add(create(name, "0").versionId());
            for (int i = 1; i < 11; i++) {
                String value = Integer.toString(i);
                expected.add(sm.putSecretValue(b -> b.secretId(name).secretString(value)).versionId());
            }
            List<String> seen = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                String token = next;
                ListSecretVersionIdsResponse page = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true)
                        .maxResults(3).nextToken(token));
                assertTrue(page.versions().size() <= 3);
                page.versions().forEach(v -> seen.add(v.versionId()));
                next = page.nextToken();
                pages++;
            } while (next != null);
            assertEquals(4, pages);
            assertEquals(11, seen.size(), "no duplicates");
            assertEquals(expected, new HashSet<>(seen));
        }

        @Test
        void aTamperedOrForeignNextTokenIsRefused() {
            String name = unique("version-token");
            String other = unique("version-token-other");
            create(name, "0");
            create(other, "0");
            for (int i = 1; i < 4; i++) {
                String value = Integer.toString(i);
                sm.putSecretValue(b -> b.secretId(name).secretString(value));
                sm.putSecretValue(b -> b.secretId(other).secretString(value));
            }
            String token = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true).maxResults(1)).nextToken();
            assertNotNull(token);
            refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                    () -> sm.listSecretVersionIds(b -> b.secretId(other).includeDeprecated(true).maxResults(1).nextToken(token)));
            for (int i = 0; i < token.length(); i++) {
                String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
                refused(InvalidNextTokenException.class, "InvalidNextTokenException",
                        () -> sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true).maxResults(1).nextToken(tampered)));
            }
        }

        @Test
        void maxResultsAboveOneHundredIsRefused() {
            String name = unique("versions-max");
            create(name, "v");
            refused("ValidationException", () -> sm.listSecretVersionIds(b -> b.secretId(name).maxResults(101)));
        }

        private Set<String> ids(List<SecretVersionsListEntry> versions) {
            Set<String> out = new HashSet<>();
            versions.forEach(v -> out.add(v.versionId()));
            assertEquals(versions.size(), out.size(), "no duplicates");
            return out;
        }
    }

    // ================================================================================================

    @Nested
    class VersionPruning {

        @Test
        void moreThanOneHundredDeprecatedVersionsAreCutBackOldestFirstOnceADayOld() {
            String name = unique("prune");
            String first = create(name, "v0").versionId();
            List<String> order = new ArrayList<>(List.of(first));
            for (int i = 1; i <= 101; i++) {
                String value = "v" + i;
                order.add(sm.putSecretValue(b -> b.secretId(name).secretString(value)).versionId());
            }
            assertEquals(102, allVersions(name).size(), "100 deprecated + AWSCURRENT + AWSPREVIOUS");

            store.clock().advance(Duration.ofHours(25));
            String newest = sm.putSecretValue(b -> b.secretId(name).secretString("v102")).versionId();
            order.add(newest);
            List<String> kept = allVersions(name).stream().map(SecretVersionsListEntry::versionId).toList();
            assertEquals(102, kept.size());
            assertFalse(kept.contains(order.get(0)), "the oldest deprecated version was pruned");
            assertTrue(kept.contains(order.get(1)));
            assertTrue(kept.containsAll(order.subList(1, order.size())));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.getSecretValue(b -> b.secretId(name).versionId(first)));
            assertEquals("v102", valueOf(name));
            assertEquals("v101", sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString());
        }

        @Test
        void deprecatedVersionsYoungerThanADayAreNeverPruned() {
            String name = unique("young");
            List<String> order = new ArrayList<>(List.of(create(name, "v0").versionId()));
            for (int i = 1; i <= 101; i++) {
                String value = "v" + i;
                order.add(sm.putSecretValue(b -> b.secretId(name).secretString(value)).versionId());
            }
            refused(LimitExceededException.class, "LimitExceededException", () -> sm.putSecretValue(b -> b.secretId(name).secretString("v102")));
            List<String> kept = allVersions(name).stream().map(SecretVersionsListEntry::versionId).toList();
            assertEquals(new HashSet<>(order), new HashSet<>(kept));
            assertEquals("v101", valueOf(name));
        }
    }

    // ================================================================================================

    @Nested
    class DeleteAndRestore {

        @ParameterizedTest
        @ValueSource(longs = {-1, 0, 6, 31, 365})
        void aRecoveryWindowOutsideSevenToThirtyDaysIsRefused(long days) {
            String name = unique("window");
            create(name, "v");
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(days)));
            assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
        }

        @ParameterizedTest
        @ValueSource(longs = {7, 30})
        void aRecoveryWindowOfSevenToThirtyDaysSchedulesTheDeletion(long days) {
            String name = unique("window-ok");
            create(name, "v");
            Instant now = store.clock().instant();
            DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(days));
            assertNear(now.plus(Duration.ofDays(days)), deleted.deletionDate(), Duration.ofSeconds(5));
        }

        @Test
        void theDefaultRecoveryWindowIsThirtyDays() {
            String name = unique("default-window");
            create(name, "v");
            Instant now = store.clock().instant();
            DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name));
            assertNear(now.plus(Duration.ofDays(30)), deleted.deletionDate(), Duration.ofSeconds(5));
            assertEquals(deleted.deletionDate(), sm.describeSecret(b -> b.secretId(name)).deletedDate());
        }

        @Test
        void forceDeleteWithARecoveryWindowIsRefused() {
            String name = unique("force-and-window");
            create(name, "v");
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true).recoveryWindowInDays(7L)));
            assertEquals("v", valueOf(name));
        }

        @Test
        void forceDeleteRemovesTheSecretAtOnceAndFreesTheName() {
            String name = unique("force");
            create(name, "v");
            sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
            assertEquals(0, sm.listSecrets(b -> b.includePlannedDeletion(true)
                    .filters(f -> f.key(FilterNameStringType.NAME).values(name))).secretList().size());
            create(name, "again");
            assertEquals("again", valueOf(name));
        }

        @Test
        void aSecretAlreadyScheduledForDeletionCanStillBeForceDeleted() {
            String name = unique("scheduled-then-forced");
            create(name, "v");
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(30L));
            sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
        }

        @Test
        void aScheduledSecretCanBeDescribedButNotReadOrChanged() {
            String name = unique("scheduled");
            create(name, "v");
            sm.tagResource(b -> b.secretId(name).tags(tag("k", "v")));
            DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            refused(InvalidRequestException.class, "InvalidRequestException", () -> sm.getSecretValue(b -> b.secretId(name)));
            refused(InvalidRequestException.class, "InvalidRequestException", () -> sm.putSecretValue(b -> b.secretId(name).secretString("x")));
            refused(InvalidRequestException.class, "InvalidRequestException", () -> sm.deleteSecret(b -> b.secretId(name)));
            DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
            assertEquals(deleted.deletionDate(), d.deletedDate());
            assertEquals(List.of(tag("k", "v")), d.tags());
            assertEquals(1, d.versionIdsToStages().size());
        }

        @Test
        void listSecretsHidesScheduledSecretsUnlessAskedToIncludeThem() {
            String name = unique("hidden");
            create(name, "v");
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            Consumer<ListSecretsRequest.Builder> byName = b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(name));
            assertTrue(sm.listSecrets(byName).secretList().isEmpty());
            List<SecretListEntry> listed = sm.listSecrets(b -> { byName.accept(b); b.includePlannedDeletion(true); }).secretList();
            assertEquals(1, listed.size());
            assertNotNull(listed.get(0).deletedDate());
        }

        @Test
        void restoringCancelsTheDeletionAndTheValueIsReadableAgain() {
            String name = unique("restore");
            CreateSecretResponse created = create(name, "v");
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            RestoreSecretResponse restored = sm.restoreSecret(b -> b.secretId(name));
            assertEquals(created.arn(), restored.arn());
            assertEquals("v", valueOf(name));
            assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
            assertEquals(1, sm.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(name))).secretList().size());
            sm.restoreSecret(b -> b.secretId(name));     // restoring a live secret is harmless
            assertEquals("v", valueOf(name));
        }

        @Test
        void afterTheRecoveryWindowTheSecretIsGoneAndItsNameFree() {
            String name = unique("expired");
            String keeper = unique("expired-keeper");
            create(name, "v");
            create(keeper, "kept");
            sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
            store.clock().advance(Duration.ofDays(7).plusMinutes(1));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.restoreSecret(b -> b.secretId(name)));
            store.store().runMaintenance();
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(name)));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.getSecretValue(b -> b.secretId(name)));
            assertTrue(sm.listSecrets(b -> b.includePlannedDeletion(true)
                    .filters(f -> f.key(FilterNameStringType.NAME).values(name))).secretList().isEmpty());
            create(name, "reborn");
            assertEquals("reborn", valueOf(name));
            assertEquals("kept", valueOf(keeper));
        }

        @Test
        void deletingAnUnknownSecretIsResourceNotFound() {
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.deleteSecret(b -> b.secretId(unique("ghost"))));
        }
    }

    // ================================================================================================

    @Nested
    class Tags {

        @Test
        void tagResourceAddsNewKeysAtTheEndAndOverwritesExistingValuesInPlace() {
            String name = unique("tagging");
            sm.createSecret(b -> b.name(name).secretString("v").tags(tag("a", "1"), tag("b", "2")));
            sm.tagResource(b -> b.secretId(name).tags(tag("c", "3"), tag("a", "one")));
            assertEquals(List.of(tag("a", "one"), tag("b", "2"), tag("c", "3")), sm.describeSecret(b -> b.secretId(name)).tags());
        }

        @Test
        void untagResourceRemovesOnlyTheNamedKeys() {
            String name = unique("untagging");
            sm.createSecret(b -> b.name(name).secretString("v").tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
            sm.untagResource(b -> b.secretId(name).tagKeys("b", "not-there"));
            assertEquals(List.of(tag("a", "1"), tag("c", "3")), sm.describeSecret(b -> b.secretId(name)).tags());
            sm.untagResource(b -> b.secretId(name).tagKeys("a", "c"));
            assertTrue(sm.describeSecret(b -> b.secretId(name)).tags().isEmpty());
        }

        @Test
        void fiftyTagsAreAllowedAndAFiftyFirstIsRefused() {
            String name = unique("fifty");
            List<Tag> fifty = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                fifty.add(tag("k" + i, "v" + i));
            }
            sm.createSecret(b -> b.name(name).secretString("v").tags(fifty));
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.tagResource(b -> b.secretId(name).tags(tag("k50", "v50"))));
            sm.tagResource(b -> b.secretId(name).tags(tag("k7", "overwritten")));     // overwriting is not adding
            List<Tag> after = sm.describeSecret(b -> b.secretId(name)).tags();
            assertEquals(50, after.size());
            assertEquals(tag("k7", "overwritten"), after.get(7));

            List<Tag> fiftyOne = new ArrayList<>(fifty);
            fiftyOne.add(tag("k50", "v50"));
            String other = unique("fifty-one");
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.createSecret(b -> b.name(other).secretString("v").tags(fiftyOne)));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(other)));
        }

        @Test
        void tagKeysWithTheReservedAwsPrefixAreRefused() {
            String name = unique("aws-prefix");
            create(name, "v");
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.tagResource(b -> b.secretId(name).tags(tag("aws:owner", "me"))));
            refused(InvalidParameterException.class, "InvalidParameterException",
                    () -> sm.createSecret(b -> b.name(unique("aws-prefix-create")).secretString("v").tags(tag("aws:x", "y"))));
            assertTrue(sm.describeSecret(b -> b.secretId(name)).tags().isEmpty());
            sm.tagResource(b -> b.secretId(name).tags(tag("awsome", "fine")));
            assertEquals(List.of(tag("awsome", "fine")), sm.describeSecret(b -> b.secretId(name)).tags());
        }

        @Test
        void tagKeysAreCaseSensitive() {
            String name = unique("case");
            sm.createSecret(b -> b.name(name).secretString("v").tags(tag("Env", "prod"), tag("env", "dev")));
            assertEquals(List.of(tag("Env", "prod"), tag("env", "dev")), sm.describeSecret(b -> b.secretId(name)).tags());
        }

        @Test
        void taggingAnUnknownSecretIsResourceNotFound() {
            refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                    () -> sm.tagResource(b -> b.secretId(unique("ghost")).tags(tag("a", "b"))));
        }
    }

    // ================================================================================================

    @Nested
    class AccessControl {

        @Test
        void anotherAccountsArnIsRefusedWithAccessDenied() {
            String name = unique("mine");
            CreateSecretResponse mine = create(name, "v");
            SecretsManagerClient intruder = store.secrets(store.adminKey(1), RunningStore.REGION);
            refused("AccessDeniedException", () -> intruder.getSecretValue(b -> b.secretId(mine.arn())));
            refused("AccessDeniedException", () -> intruder.describeSecret(b -> b.secretId(mine.arn())));
            refused("AccessDeniedException", () -> intruder.putSecretValue(b -> b.secretId(mine.arn()).secretString("owned")));
            refused("AccessDeniedException", () -> intruder.deleteSecret(b -> b.secretId(mine.arn()).forceDeleteWithoutRecovery(true)));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> intruder.getSecretValue(b -> b.secretId(name)));
            assertTrue(intruder.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME).values(name))).secretList().isEmpty());
            assertEquals("v", valueOf(name));
        }

        @Test
        void aPrincipalWithoutPermissionIsRefusedWithAccessDenied() {
            String name = unique("guarded");
            create(name, "v");
            AccessKey reader = store.store().accounts().createUser(store.adminKey(0).accountId(), uniqueName("", "describer"),
                    List.of("secretsmanager:Describe*", "secretsmanager:List*"));
            SecretsManagerClient limited = store.secrets(reader, RunningStore.REGION);
            assertEquals(name, limited.describeSecret(b -> b.secretId(name)).name());
            refused("AccessDeniedException", () -> limited.getSecretValue(b -> b.secretId(name)));
            refused("AccessDeniedException", () -> limited.putSecretValue(b -> b.secretId(name).secretString("x")));
            refused("AccessDeniedException", () -> limited.createSecret(b -> b.name(unique("not-allowed")).secretString("x")));
            refused("AccessDeniedException", () -> limited.deleteSecret(b -> b.secretId(name)));
            assertEquals("v", valueOf(name));
            assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
        }

        @Test
        void creatingWithTagsAlsoNeedsTagResourcePermission() {
            AccessKey creator = store.store().accounts().createUser(store.adminKey(0).accountId(), uniqueName("", "creator"),
                    List.of("secretsmanager:CreateSecret"));
            SecretsManagerClient limited = store.secrets(creator, RunningStore.REGION);
            String tagged = unique("tagged-create");
            refused("AccessDeniedException", () -> limited.createSecret(b -> b.name(tagged).secretString("v").tags(tag("a", "b"))));
            refused(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(tagged)));
            String plain = unique("plain-create");
            limited.createSecret(b -> b.name(plain).secretString("v"));
            assertEquals("v", valueOf(plain));
        }

        @Test
        void replicationOperationsThatCannotApplyAnswerWithAClientErrorNeverAServerError() {
            String name = unique("not-replicated");
            create(name, "v");
            List<Runnable> calls = List.of(
                    () -> sm.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region(RunningStore.REGION.id()))),
                    () -> sm.removeRegionsFromReplication(b -> b.secretId(name).removeReplicaRegions("eu-west-1")),
                    () -> sm.stopReplicationToReplica(b -> b.secretId(name)));
            for (Runnable call : calls) {
                AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
                assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, e.awsErrorDetails().errorCode() + " " + e.statusCode());
                assertNotNull(e.awsErrorDetails().errorCode());
            }
            assertEquals("v", valueOf(name));
        }
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
