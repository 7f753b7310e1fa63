package io.strongroom.local.replication;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Multi-Region secrets through the SDK over HTTP: the operations, the asynchronous statuses, read-only replicas and failures. */
class ReplicationTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static final Region WEST = Region.EU_WEST_1;
    static final Region SOUTH = Region.AP_SOUTHEAST_2;
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQ = new AtomicInteger();
    static SecretsManagerClient primary;
    static SecretsManagerClient west;
    static SecretsManagerClient south;

    @BeforeAll
    static void clients() {
        primary = store.secrets();
        west = store.secrets(store.adminKey(0), WEST);
        south = store.secrets(store.adminKey(0), SOUTH);
    }

    static String name(String what) {
        return "repl/" + what + "-" + SEQ.incrementAndGet();
    }

    static String create(String name, String value) {
        return primary.createSecret(b -> b.name(name).secretString(value)).arn();
    }

    static ReplicaRegionType region(Region r) {
        return ReplicaRegionType.builder().region(r.id()).build();
    }

    /** The primary's status for {@code region} once it satisfies {@code done}, polled within a bounded wait. */
    static ReplicationStatusType awaitStatus(String secretId, Region region, Predicate<ReplicationStatusType> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ReplicationStatusType last = null;
        while (System.nanoTime() < deadline) {
            last = statusIn(primary.describeSecret(b -> b.secretId(secretId)), region);
            if (last != null && done.test(last)) {
                return last;
            }
            pause();
        }
        fail("replication to " + region + " never reached the expected state; last: " + last);
        return null;
    }

    static ReplicationStatusType awaitSettled(String secretId, Region region) {
        return awaitStatus(secretId, region, s -> !"InProgress".equals(s.statusAsString()));
    }

    static ReplicationStatusType statusIn(DescribeSecretResponse d, Region region) {
        return d.replicationStatus().stream().filter(s -> s.region().equals(region.id())).findFirst().orElse(null);
    }

    static String awaitValue(SecretsManagerClient client, String name, String expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = client.getSecretValue(b -> b.secretId(name)).secretString();
                if (expected.equals(last)) {
                    return last;
                }
            } catch (SecretsManagerException e) {
                last = e.awsErrorDetails().errorCode();
            }
            pause();
        }
        fail("the replica never showed the value; last: " + (last == null || !last.contains("Exception") ? "another value" : last));
        return null;
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static SecretsManagerException refused(org.junit.jupiter.api.function.Executable call) {
        SecretsManagerException e = assertThrows(SecretsManagerException.class, call);
        assertTrue(e.statusCode() < 500, "no 5xx: " + e.statusCode());
        return e;
    }

    @Test
    void replicateShowsInProgressThenInSyncAndTheReplicaHasThePrimarysValueUnderItsOwnKey() throws Exception {
        String name = name("basic");
        String arn = create(name, "s3cr3t-basic");
        store.store().replication().faults().delayRegion(WEST.id(), Duration.ofMillis(300));
        try {
            ReplicateSecretToRegionsResponse r = primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
            assertEquals(arn, r.arn());
            assertEquals(1, r.replicationStatus().size());
            assertEquals("InProgress", r.replicationStatus().get(0).statusAsString());
            assertEquals("alias/aws/secretsmanager", r.replicationStatus().get(0).kmsKeyId());
            DescribeSecretResponse during = primary.describeSecret(b -> b.secretId(name));
            assertEquals("InProgress", statusIn(during, WEST).statusAsString());
            assertEquals("us-east-1", during.primaryRegion());
        } finally {
            store.store().replication().faults().delayRegion(WEST.id(), null);
        }
        ReplicationStatusType done = awaitSettled(name, WEST);
        assertEquals("InSync", done.statusAsString());
        assertEquals("Replication succeeded", done.statusMessage());

        var replica = west.getSecretValue(b -> b.secretId(name));
        assertEquals("s3cr3t-basic", replica.secretString());
        String replicaArn = arn.replace(":us-east-1:", ":eu-west-1:");
        assertEquals(replicaArn, replica.arn(), "the replica's ARN is the primary's with the region replaced");
        assertEquals("us-east-1", west.describeSecret(b -> b.secretId(name)).primaryRegion());
        DescribeSecretResponse onReplica = west.describeSecret(b -> b.secretId(name));
        assertTrue(!onReplica.hasReplicationStatus() || onReplica.replicationStatus().isEmpty(), "a replica shows no ReplicationStatus");

        String westKey = store.kms(store.adminKey(0), WEST).describeKey(b -> b.keyId("alias/aws/secretsmanager")).keyMetadata().arn();
        assertEquals(List.of(westKey), versionKeys(replicaArn), "each replica version is sealed under the replica region's key");
        assertFalse(versionKeys(arn).contains(westKey));
        assertTrue(west.describeSecret(b -> b.secretId(name)).lastAccessedDate() != null);
        assertNotNull(awaitStatus(name, WEST, s -> s.lastAccessedDate() != null).lastAccessedDate(),
                "the primary's status shows when the replica was read");
    }

    @Test
    void namingTheAwsManagedKeyOfARegionWhereItWasNeverUsedCreatesItAsLeavingItOutDoes() {
        String name = name("named-default");
        create(name, "named-default-value");
        Region fresh = Region.AP_NORTHEAST_2;
        primary.replicateSecretToRegions(b -> b.secretId(name)
                .addReplicaRegions(r -> r.region(fresh.id()).kmsKeyId("alias/aws/secretsmanager")));
        ReplicationStatusType done = awaitSettled(name, fresh);
        assertEquals("InSync", done.statusAsString(), done.statusMessage());
        SecretsManagerClient there = store.secrets(store.adminKey(0), fresh);
        assertEquals("named-default-value", there.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void everyChangeOfThePrimaryReachesTheReplica() {
        String name = name("changes");
        create(name, "v1");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST), region(SOUTH)));
        awaitSettled(name, WEST);
        awaitSettled(name, SOUTH);

        for (int i = 2; i <= 6; i++) {           // a burst: coalesced, the last value wins
            String v = "v" + i;
            primary.putSecretValue(b -> b.secretId(name).secretString(v));
        }
        primary.updateSecret(b -> b.secretId(name).description("replicated description"));
        primary.tagResource(b -> b.secretId(name).tags(Tag.builder().key("team").value("payments").build()));
        primary.putResourcePolicy(b -> b.secretId(name).resourcePolicy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""".formatted(store.adminKey(0).accountId())));
        String awsPrevious = primary.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).versionId();

        awaitValue(west, name, "v6");
        awaitValue(south, name, "v6");
        assertEquals("InSync", awaitSettled(name, WEST).statusAsString());
        assertEquals("InSync", awaitSettled(name, SOUTH).statusAsString());
        DescribeSecretResponse replica = west.describeSecret(b -> b.secretId(name));
        assertEquals("replicated description", replica.description());
        assertEquals(List.of(Tag.builder().key("team").value("payments").build()), replica.tags());
        assertEquals(primary.describeSecret(b -> b.secretId(name)).versionIdsToStages(), replica.versionIdsToStages());
        assertEquals(awsPrevious, west.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).versionId());
        assertNotNull(west.getResourcePolicy(b -> b.secretId(name)).resourcePolicy());

        primary.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT").moveToVersionId(awsPrevious)
                .removeFromVersionId(primary.getSecretValue(g -> g.secretId(name)).versionId()));
        awaitValue(west, name, "v5");
        primary.untagResource(b -> b.secretId(name).tagKeys("team"));
        primary.deleteResourcePolicy(b -> b.secretId(name));
        awaitSettled(name, WEST);
        assertEquals(List.of(), west.describeSecret(b -> b.secretId(name)).tags());
        assertNull(west.getResourcePolicy(b -> b.secretId(name)).resourcePolicy());
    }

    @Test
    void aReplicaRefusesEveryWriteWithAwsError() {
        String name = name("readonly");
        create(name, "ro");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
        awaitSettled(name, WEST);
        String message = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
        List<org.junit.jupiter.api.function.Executable> writes = List.of(
                () -> west.putSecretValue(b -> b.secretId(name).secretString("x")),
                () -> west.updateSecret(b -> b.secretId(name).description("x")),
                () -> west.updateSecretVersionStage(b -> b.secretId(name).versionStage("X").moveToVersionId("a".repeat(32))),
                () -> west.tagResource(b -> b.secretId(name).tags(Tag.builder().key("k").value("v").build())),
                () -> west.untagResource(b -> b.secretId(name).tagKeys("k")),
                () -> west.putResourcePolicy(b -> b.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
                () -> west.deleteResourcePolicy(b -> b.secretId(name)),
                () -> west.rotateSecret(b -> b.secretId(name)),
                () -> west.cancelRotateSecret(b -> b.secretId(name)),
                () -> west.deleteSecret(b -> b.secretId(name)),
                () -> west.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true)),
                () -> west.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(SOUTH))),
                () -> west.removeRegionsFromReplication(b -> b.secretId(name).removeReplicaRegions(SOUTH.id())));
        for (var write : writes) {
            SecretsManagerException e = refused(write);
            assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
            assertEquals(message, e.awsErrorDetails().errorMessage());
        }
        assertEquals("ro", west.getSecretValue(b -> b.secretId(name)).secretString(), "reads still work");
    }

    @Test
    void aReplicaTakesAnotherKmsKeyTheOneWriteAwsAllowsOnIt() {
        String name = name("replicakey");
        create(name, "k1");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
        awaitSettled(name, WEST);
        String westKey = store.kms(store.adminKey(0), WEST).createKey(b -> b.description("replica's own")).keyMetadata().arn();
        west.updateSecret(b -> b.secretId(name).kmsKeyId(westKey));
        String replicaArn = arnOf(west, name);
        assertEquals(List.of(westKey), versionKeys(replicaArn));
        assertEquals(westKey, statusIn(primary.describeSecret(b -> b.secretId(name)), WEST).kmsKeyId());
        refused(() -> west.updateSecret(b -> b.secretId(name).kmsKeyId(westKey).description("and more")));

        primary.putSecretValue(b -> b.secretId(name).secretString("k2"));
        awaitValue(west, name, "k2");
        assertEquals(List.of(westKey), versionKeys(replicaArn), "later versions are sealed under the replica's key too");
    }

    @Test
    void aPrimaryWithReplicasCannotBeDeleted() {
        String name = name("nodelete");
        String arn = create(name, "x");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST), region(SOUTH)));
        SecretsManagerException e = refused(() -> primary.deleteSecret(b -> b.secretId(name)));
        assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
        assertEquals("You can't delete secret " + arn + " that still has replica regions [eu-west-1, ap-southeast-2].",
                e.awsErrorDetails().errorMessage());
        awaitSettled(name, WEST);
        awaitSettled(name, SOUTH);
        primary.removeRegionsFromReplication(b -> b.secretId(name).removeReplicaRegions(WEST.id(), SOUTH.id()));
        primary.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
    }

    @Test
    void aSameNameSecretInTheTargetRegionFailsTheReplicaUntilOverwriteIsForced() {
        String name = name("conflict");
        create(name, "primary value");
        west.createSecret(b -> b.name(name).secretString("someone else's"));
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
        ReplicationStatusType failed = awaitSettled(name, WEST);
        assertEquals("Failed", failed.statusAsString());
        assertEquals("Secret with this name already exists in this region", failed.statusMessage());
        assertEquals("someone else's", west.getSecretValue(b -> b.secretId(name)).secretString(), "the other secret is untouched");

        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)).forceOverwriteReplicaSecret(true));
        assertEquals("InSync", awaitSettled(name, WEST).statusAsString());
        assertEquals("primary value", west.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void aMissingOrDisabledKeyInTheTargetRegionFailsTheReplica() {
        String name = name("badkey");
        create(name, "k");
        String missing = "arn:aws:kms:eu-west-1:" + store.adminKey(0).accountId() + ":key/00000000-0000-0000-0000-000000000000";
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region(WEST.id()).kmsKeyId(missing)));
        ReplicationStatusType notFound = awaitSettled(name, WEST);
        assertEquals("Failed", notFound.statusAsString());
        assertEquals(missing, notFound.kmsKeyId());
        assertTrue(notFound.statusMessage().contains("was not found"), notFound.statusMessage());
        refused(() -> west.getSecretValue(b -> b.secretId(name)));     // no replica was left behind

        KmsClient kmsWest = store.kms(store.adminKey(0), WEST);
        String key = kmsWest.createKey(b -> b.description("replica key")).keyMetadata().arn();
        kmsWest.disableKey(b -> b.keyId(key));
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region(WEST.id()).kmsKeyId(key)));
        ReplicationStatusType disabled = awaitSettled(name, WEST);
        assertEquals("Failed", disabled.statusAsString());
        assertTrue(disabled.statusMessage().contains("disabled"), disabled.statusMessage());

        kmsWest.enableKey(b -> b.keyId(key));
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region(WEST.id()).kmsKeyId(key)));
        assertEquals("InSync", awaitSettled(name, WEST).statusAsString());
        assertEquals(List.of(key), versionKeys(arnOf(west, name)), "sealed under the key asked for");
    }

    @Test
    void aPrimaryKeyThatBecomesUnusableFailsTheNextReplicationAndTheReplicaKeepsWhatItHad() {
        String name = name("primarykey");
        KmsClient kms = store.kms();
        String key = kms.createKey(b -> b.description("primary key")).keyMetadata().arn();
        primary.createSecret(b -> b.name(name).secretString("before").kmsKeyId(key));
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
        assertEquals("InSync", awaitSettled(name, WEST).statusAsString());
        kms.disableKey(b -> b.keyId(key));
        try {
            primary.tagResource(b -> b.secretId(name).tags(Tag.builder().key("a").value("b").build()));
            assertEquals("InSync", awaitSettled(name, WEST).statusAsString(), "nothing to decrypt: metadata still replicates");
            String version = primary.describeSecret(b -> b.secretId(name)).versionIdsToStages().keySet().iterator().next();
            // a new version cannot be written under a disabled key; a replica key change forces re-encryption of the old one
            KmsClient kmsWest = store.kms(store.adminKey(0), WEST);
            String westKey = kmsWest.createKey(b -> b.description("w")).keyMetadata().arn();
            primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(r -> r.region(WEST.id()).kmsKeyId(westKey)));
            ReplicationStatusType failed = awaitSettled(name, WEST);
            assertEquals("Failed", failed.statusAsString());
            assertTrue(failed.statusMessage().contains("primary Region"), failed.statusMessage());
            assertEquals("before", west.getSecretValue(b -> b.secretId(name)).secretString(), "the replicated version remains");
            assertNotNull(version);
        } finally {
            kms.enableKey(b -> b.keyId(key));
        }
    }

    @Test
    void theFaultKnobFailsARegionOnDemand() {
        String name = name("fault");
        create(name, "f1");
        store.store().replication().faults().failRegion(SOUTH.id(), true);
        try {
            primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(SOUTH), region(WEST)));
            ReplicationStatusType failed = awaitSettled(name, SOUTH);
            assertEquals("Failed", failed.statusAsString());
            assertTrue(failed.statusMessage().contains("fault injected"), failed.statusMessage());
            assertEquals("InSync", awaitSettled(name, WEST).statusAsString(), "other regions are unaffected");
        } finally {
            store.store().replication().faults().failRegion(SOUTH.id(), false);
        }
        primary.putSecretValue(b -> b.secretId(name).secretString("f2"));       // the next change retries every replica
        assertEquals("InSync", awaitSettled(name, SOUTH).statusAsString());
        awaitValue(south, name, "f2");
    }

    @Test
    void stopReplicationPromotesTheReplicaToAWritableStandaloneSecret() {
        String name = name("promote");
        create(name, "p1");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST), region(SOUTH)));
        awaitSettled(name, WEST);
        awaitSettled(name, SOUTH);
        refused(() -> west.stopReplicationToReplica(b -> b.secretId(name + "-nope")));
        String promoted = west.stopReplicationToReplica(b -> b.secretId(name)).arn();
        assertEquals(arnOf(primary, name).replace(":us-east-1:", ":eu-west-1:"), promoted);

        DescribeSecretResponse standalone = west.describeSecret(b -> b.secretId(name));
        assertNull(standalone.primaryRegion());
        west.putSecretValue(b -> b.secretId(name).secretString("promoted value"));
        assertEquals("promoted value", west.getSecretValue(b -> b.secretId(name)).secretString());
        assertEquals(List.of("ap-southeast-2"), primary.describeSecret(b -> b.secretId(name)).replicationStatus().stream()
                .map(ReplicationStatusType::region).toList());

        primary.putSecretValue(b -> b.secretId(name).secretString("p2"));
        awaitValue(south, name, "p2");
        assertEquals("promoted value", west.getSecretValue(b -> b.secretId(name)).secretString(), "no longer replicated");
        SecretsManagerException onPrimary = refused(() -> primary.stopReplicationToReplica(b -> b.secretId(name)));
        assertEquals("InvalidRequestException", onPrimary.awsErrorDetails().errorCode());
    }

    @Test
    void removingARegionDeletesTheReplicaAndTheLastOneMakesASingleRegionSecret() {
        String name = name("remove");
        create(name, "r");
        primary.replicateSecretToRegions(b -> b.secretId(name).addReplicaRegions(region(WEST)));
        awaitSettled(name, WEST);
        var removed = primary.removeRegionsFromReplication(b -> b.secretId(name).removeReplicaRegions(WEST.id()));
        assertEquals(List.of(), removed.replicationStatus());
        SecretsManagerException gone = refused(() -> west.getSecretValue(b -> b.secretId(name)));
        assertEquals("ResourceNotFoundException", gone.awsErrorDetails().errorCode());
        DescribeSecretResponse d = primary.describeSecret(b -> b.secretId(name));
        assertNull(d.primaryRegion());
        assertFalse(d.hasReplicationStatus() && !d.replicationStatus().isEmpty());
        primary.putSecretValue(b -> b.secretId(name).secretString("after"));
    }

    @Test
    void createSecretWithReplicaRegionsAndListSecretsShowsThePrimaryRegion() {
        String name = name("create");
        var created = primary.createSecret(b -> b.name(name).secretString("c").addReplicaRegions(region(WEST)));
        assertEquals(1, created.replicationStatus().size());
        assertEquals("InProgress", created.replicationStatus().get(0).statusAsString());
        assertEquals("InSync", awaitSettled(name, WEST).statusAsString());
        assertEquals("c", west.getSecretValue(b -> b.secretId(name)).secretString());
        var listed = primary.listSecrets(b -> b.filters(f -> f.key("name").values(name))).secretList();
        assertEquals("us-east-1", listed.get(0).primaryRegion());
        var listedReplica = west.listSecrets(b -> b.filters(f -> f.key("name").values(name))).secretList();
        assertEquals("us-east-1", listedReplica.get(0).primaryRegion());
        String single = name("single");
        create(single, "s");
        assertNull(primary.listSecrets(b -> b.filters(f -> f.key("name").values(single))).secretList().get(0).primaryRegion());
    }

    @Test
    void badInputGetsAwsErrorCodes() {
        String name = name("bad");
        create(name, "b");
        assertEquals("InvalidParameterException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(region(Region.US_EAST_1)))).awsErrorDetails().errorCode());
        assertEquals("Invalid replica region.", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(region(Region.US_EAST_1)))).awsErrorDetails().errorMessage());
        assertEquals("InvalidParameterException", refused(() -> primary.createSecret(
                b -> b.name(name("own")).secretString("x").addReplicaRegions(region(Region.US_EAST_1)))).awsErrorDetails().errorCode());
        assertEquals("ValidationException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(r -> r.region("Not_A_Region")))).awsErrorDetails().errorCode());
        assertEquals("ValidationException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(List.of()))).awsErrorDetails().errorCode());
        assertEquals("InvalidParameterException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(region(WEST), region(WEST)))).awsErrorDetails().errorCode());
        assertEquals("ResourceNotFoundException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name + "-missing").addReplicaRegions(region(WEST)))).awsErrorDetails().errorCode());
        assertEquals("InvalidParameterException", refused(() -> primary.removeRegionsFromReplication(
                b -> b.secretId(name).removeReplicaRegions(SOUTH.id()))).awsErrorDetails().errorCode());
        assertEquals("ValidationException", refused(() -> primary.removeRegionsFromReplication(
                b -> b.secretId(name).removeReplicaRegions("bad region"))).awsErrorDetails().errorCode());
        assertEquals("ResourceNotFoundException", refused(() -> west.stopReplicationToReplica(
                b -> b.secretId(name))).awsErrorDetails().errorCode());
        primary.deleteSecret(b -> b.secretId(name));
        assertEquals("InvalidRequestException", refused(() -> primary.replicateSecretToRegions(
                b -> b.secretId(name).addReplicaRegions(region(WEST)))).awsErrorDetails().errorCode());
    }

    static String arnOf(SecretsManagerClient client, String name) {
        return client.describeSecret(b -> b.secretId(name)).arn();
    }

    /** The KMS key each stored version of a secret names (the store's own rows, read beside the running store). */
    static List<String> versionKeys(String secretArn) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.dataDir().resolve("strongroom.db").toAbsolutePath());
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT kms_key_id FROM secret_versions WHERE secret_arn=?")) {
            ps.setString(1, secretArn);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
