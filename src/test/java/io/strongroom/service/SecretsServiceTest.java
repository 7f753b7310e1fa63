package io.strongroom.service;

import io.strongroom.domain.BatchValues;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.PasswordSpec;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.SecretValue;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-secret operations through the real SDK against an embedded store. */
class SecretsServiceTest {

    static ServiceStack stack;
    static SecretsService secrets;
    static Scope scope;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        secrets = stack.secrets();
        scope = stack.scope(0, "eu-west-1");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static VersionWritten create(String name, String value) {
        return secrets.create(scope, new NewSecret(name, "about " + name, null, SecretPayload.ofText(value),
                Map.of("env", "test"), SecretsService.newRequestToken()));
    }

    private static String current(String name) {
        return secrets.getValue(scope, name, VersionSelector.current()).payload().text();
    }

    @Test
    void createDescribeAndReadTheCurrentValue() {
        VersionWritten v = create("svc/describe", "s3cr3t-value");
        assertNotNull(v.versionId());
        SecretSummary d = secrets.describe(scope, "svc/describe");
        assertEquals(v.arn(), d.arn());
        assertEquals("about svc/describe", d.description());
        assertEquals(Map.of("env", "test"), d.tags());
        assertEquals(v.versionId(), d.currentVersionId());
        assertEquals("eu-west-1", d.region());
        assertFalse(d.rotation().enabled());

        SecretValue value = secrets.getValue(scope, v.arn(), VersionSelector.current());
        assertEquals("s3cr3t-value", value.payload().text());
        assertEquals(List.of("AWSCURRENT"), value.stages());
        assertFalse(value.toString().contains("s3cr3t-value"), "toString never shows the value");
        assertFalse(value.payload().toString().contains("s3cr3t-value"));
    }

    @Test
    void binaryValuesRoundTrip() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
        secrets.create(scope, new NewSecret("svc/binary", null, null, SecretPayload.ofBinary(bytes), null, null));
        SecretPayload read = secrets.getValue(scope, "svc/binary", VersionSelector.current()).payload();
        assertTrue(read.isBinary());
        assertArrayEquals(bytes, read.bytes());
    }

    @Test
    void putValueIsIdempotentPerTokenAndReadableByStageAndVersion() {
        VersionWritten v1 = create("svc/put", "one");
        String token = SecretsService.newRequestToken();
        VersionWritten v2 = secrets.putValue(scope, "svc/put", SecretPayload.ofText("two"), token);
        VersionWritten again = secrets.putValue(scope, "svc/put", SecretPayload.ofText("two"), token);
        assertEquals(v2.versionId(), again.versionId(), "same token, same value: no new version");
        ScopeException conflict = assertThrows(ScopeException.class,
                () -> secrets.putValue(scope, "svc/put", SecretPayload.ofText("different"), token));
        assertEquals(400, conflict.error().status());
        assertNotNull(conflict.error().requestId());
        assertFalse(conflict.getMessage().contains("different"), "error text carries no value");

        assertEquals("two", current("svc/put"));
        assertEquals("one", secrets.getValue(scope, "svc/put", VersionSelector.stage(VersionSelector.AWSPREVIOUS)).payload().text());
        assertEquals("one", secrets.getValue(scope, "svc/put", VersionSelector.version(v1.versionId())).payload().text());
    }

    @Test
    void rollbackMovesAwsCurrentBackAndListVersionsShowsDeprecatedOnlyWhenAsked() {
        VersionWritten v1 = create("svc/rollback", "one");
        VersionWritten v2 = secrets.putValue(scope, "svc/rollback", SecretPayload.ofText("two"), SecretsService.newRequestToken());
        VersionWritten v3 = secrets.putValue(scope, "svc/rollback", SecretPayload.ofText("three"), SecretsService.newRequestToken());

        List<SecretVersion> labelled = secrets.listVersions(scope, "svc/rollback", false);
        List<SecretVersion> all = secrets.listVersions(scope, "svc/rollback", true);
        assertEquals(2, labelled.size());
        assertEquals(3, all.size());
        assertTrue(all.stream().filter(v -> v.versionId().equals(v1.versionId())).findFirst().orElseThrow().isDeprecated());

        secrets.rollback(scope, "svc/rollback", v2.versionId());
        assertEquals("two", current("svc/rollback"));
        SecretSummary d = secrets.describe(scope, "svc/rollback");
        assertEquals(v2.versionId(), d.currentVersionId());
        assertEquals(List.of("AWSPREVIOUS"), d.versionsToStages().get(v3.versionId()));

        secrets.rollback(scope, "svc/rollback", v2.versionId());    // already current: no-op
        assertEquals("two", current("svc/rollback"));
    }

    @Test
    void moveStageAttachesACustomLabel() {
        VersionWritten v1 = create("svc/stage", "one");
        secrets.moveStage(scope, "svc/stage", "BLUE", v1.versionId(), null);
        assertEquals("one", secrets.getValue(scope, "svc/stage", VersionSelector.stage("BLUE")).payload().text());
    }

    @Test
    void updateChangesDescriptionAndValue() {
        create("svc/update", "one");
        VersionWritten meta = secrets.update(scope, "svc/update", SecretUpdate.description("new words"));
        assertNull(meta.versionId());
        assertEquals("new words", secrets.describe(scope, "svc/update").description());
        VersionWritten value = secrets.update(scope, "svc/update", SecretUpdate.value(SecretPayload.ofText("two"), SecretsService.newRequestToken()));
        assertNotNull(value.versionId());
        assertEquals("two", current("svc/update"));
    }

    @Test
    void tagAndUntag() {
        create("svc/tags", "x");
        secrets.tag(scope, "svc/tags", Map.of("owner", "payments", "env", "prod"));
        assertEquals(Map.of("owner", "payments", "env", "prod"), secrets.describe(scope, "svc/tags").tags());
        secrets.untag(scope, "svc/tags", List.of("env"));
        assertEquals(Map.of("owner", "payments"), secrets.describe(scope, "svc/tags").tags());
    }

    @Test
    void deleteWithRecoveryRestoreAndForce() throws Exception {
        VersionWritten v = create("svc/delete", "x");
        SecretDeletion scheduled = secrets.delete(scope, "svc/delete", DeletionMode.withRecovery(7));
        assertEquals(v.arn(), scheduled.arn());
        assertNotNull(scheduled.deletionDate());
        assertTrue(secrets.describe(scope, "svc/delete").isPlannedForDeletion());

        ScopeException read = assertThrows(ScopeException.class, () -> current("svc/delete"));
        assertEquals("InvalidRequestException", read.errorCode());

        Collector<SecretSummary> hidden = new Collector<>();
        SecretQuery byName = SecretQuery.all().withFilter(SecretFilter.of(SecretFilter.Key.NAME, "svc/delete"));
        secrets.list(List.of(scope), byName, hidden).done().get(30, TimeUnit.SECONDS);
        assertTrue(hidden.items(scope).isEmpty(), "planned deletions are left out by default");
        Collector<SecretSummary> shown = new Collector<>();
        secrets.list(List.of(scope), byName.withPlannedDeletion(true), shown).done().get(30, TimeUnit.SECONDS);
        assertEquals(1, shown.items(scope).size());
        assertTrue(shown.items(scope).get(0).isPlannedForDeletion());

        assertEquals(v.arn(), secrets.restore(scope, "svc/delete"));
        assertEquals("x", current("svc/delete"));

        secrets.delete(scope, "svc/delete", DeletionMode.forceWithoutRecovery());
        ScopeException gone = assertThrows(ScopeException.class, () -> secrets.describe(scope, "svc/delete"));
        assertEquals("ResourceNotFoundException", gone.errorCode());
    }

    @Test
    void batchGetReportsPartialFailures() {
        create("batch/a", "A");
        create("batch/b", "B");
        BatchValues got = secrets.getValues(scope, List.of("batch/a", "batch/b", "batch/missing"));
        assertEquals(Map.of("batch/a", "A", "batch/b", "B"),
                got.values().stream().collect(java.util.stream.Collectors.toMap(SecretValue::name, v -> v.payload().text())));
        assertEquals(1, got.failures().size());
        assertEquals("batch/missing", got.failures().get(0).secretId());
        assertEquals("ResourceNotFoundException", got.failures().get(0).errorCode());
    }

    @Test
    void batchGetSplitsIntoCallsOfTwenty() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            names.add("many/" + i);
            create("many/" + i, "v" + i);
        }
        BatchValues got = secrets.getValues(scope, names);
        assertEquals(25, got.values().size());
        assertTrue(got.failures().isEmpty());
    }

    @Test
    void randomPasswordFollowsTheSpec() {
        SecretPayload p = secrets.randomPassword(scope,
                new PasswordSpec(24L, null, null, true, null, null, null, null));
        assertEquals(24, p.text().length());
        assertTrue(p.text().chars().allMatch(Character::isLetterOrDigit));
        SecretPayload q = secrets.randomPassword(scope, PasswordSpec.defaults());
        assertEquals(32, q.text().length());
        assertNotEquals(p, q);
        assertEquals(32, q.text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void errorsNameTheScopeCodeAndRequestId() {
        ScopeException e = assertThrows(ScopeException.class, () -> secrets.describe(scope, "does/not/exist"));
        assertEquals("ResourceNotFoundException", e.errorCode());
        assertEquals(scope, e.error().scope());
        assertNotNull(e.error().requestId());
        assertEquals(400, e.error().status());
        assertTrue(e.getMessage().startsWith(scope.label()), e.getMessage());
    }
}
