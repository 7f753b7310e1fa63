package io.strongroom.local.secrets;

import io.strongroom.local.LocalStore;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret is found only in its own account and region, whatever its ARN's text says. Account A
 * creates a secret in a "region" that smuggles account B's ARN prefix in
 * ({@code us-east-1:<B>:secret:victim}), so the ARN reads as B's; B, in us-east-1, must not be
 * able to read, change or even see it by that ARN: every operation answers as for a secret that
 * does not exist.
 */
class CrossScopeSecretLookupTest {

    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static LocalStore local;
    static String accountA;
    static String accountB;
    static String craftedRegion;
    static String arn;
    static SecretsManagerClient b;

    @BeforeAll
    static void start() {
        local = store.store();
        accountA = store.adminKey(0).accountId();
        accountB = store.adminKey(1).accountId();
        craftedRegion = "us-east-1:" + accountB + ":secret:victim";
        CreateSecretResponse created = asA("CreateSecret", CreateSecretRequest.builder().name("db")
                .secretString("a's password").tags(Tag.builder().key("owner").value("a").build()).build());
        arn = created.arn();
        b = store.secrets(store.adminKey(1), RunningStore.REGION);
        // B's own secret of the same name: a malformed ARN must not fall back on it either.
        b.createSecret(r -> r.name("db").secretString("b's own"));
    }

    static <R extends SdkPojo> R asA(String operation, SdkPojo request) {
        return local.invoke(accountA, craftedRegion, store.clock().instant(), "secretsmanager", operation, request);
    }

    static void notFound(Executable call) {
        ResourceNotFoundException e = refused(ResourceNotFoundException.class, "ResourceNotFoundException", call);
        assertEquals(NOT_FOUND, e.awsErrorDetails().errorMessage());
    }

    @Test
    void theCraftedArnReadsAsAnotherAccountsArn() {
        assertTrue(arn.startsWith("arn:aws:secretsmanager:us-east-1:" + accountB + ":secret:victim:"), arn);
    }

    @Test
    void theOtherAccountCannotReadOrDescribeIt() {
        String partial = arn.substring(0, arn.length() - 7);       // without the "-XXXXXX" suffix
        for (String id : List.of(arn, partial)) {
            notFound(() -> b.getSecretValue(r -> r.secretId(id)));
            notFound(() -> b.getSecretValue(r -> r.secretId(id).versionStage("AWSCURRENT")));
            notFound(() -> b.describeSecret(r -> r.secretId(id)));
            notFound(() -> b.listSecretVersionIds(r -> r.secretId(id)));
        }
        BatchGetSecretValueResponse batch = b.batchGetSecretValue(r -> r.secretIdList(arn));
        assertTrue(batch.secretValues().isEmpty());
        assertEquals(1, batch.errors().size());
        assertEquals("ResourceNotFoundException", batch.errors().get(0).errorCode());
        assertEquals(NOT_FOUND, batch.errors().get(0).message());
        assertTrue(b.listSecrets().secretList().stream().noneMatch(s -> s.arn().equals(arn)));
    }

    @Test
    void theOtherAccountCannotChangeTagOrDeleteIt() {
        notFound(() -> b.putSecretValue(r -> r.secretId(arn).secretString("b was here")));
        notFound(() -> b.putSecretValue(r -> r.secretId(arn).secretBinary(SdkBytes.fromUtf8String("b"))));
        notFound(() -> b.updateSecret(r -> r.secretId(arn).description("b's now").secretString("b was here")));
        notFound(() -> b.tagResource(r -> r.secretId(arn).tags(Tag.builder().key("owner").value("b").build())));
        notFound(() -> b.untagResource(r -> r.secretId(arn).tagKeys("owner")));
        notFound(() -> b.updateSecretVersionStage(r -> r.secretId(arn).versionStage("MINE")
                .moveToVersionId("00000000-0000-0000-0000-000000000000")));
        notFound(() -> b.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L)));
        // A forced delete of a secret the caller cannot see answers as AWS does for any missing
        // secret: success, echoing the ARN asked for, with nothing deleted (checked below).
        assertEquals(arn, b.deleteSecret(r -> r.secretId(arn).forceDeleteWithoutRecovery(true)).arn());
        notFound(() -> b.restoreSecret(r -> r.secretId(arn)));

        // Untouched, as its owner sees it in its own (crafted) scope.
        GetSecretValueResponse value = asA("GetSecretValue", GetSecretValueRequest.builder().secretId("db").build());
        assertEquals("a's password", value.secretString());
        DescribeSecretResponse described = asA("DescribeSecret", DescribeSecretRequest.builder().secretId("db").build());
        assertNull(described.description());
        assertNull(described.deletedDate());
        assertEquals(Map.of("owner", "a"), described.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
        assertEquals(1, described.versionIdsToStages().size());
    }

    @Test
    void anAccountCannotReachItFromTheRealRegionEither() {
        // Its owner, signed in us-east-1, does not reach a secret that lives in another "region".
        SecretsManagerClient a = store.secrets(store.adminKey(0), RunningStore.REGION);
        refused("AccessDeniedException", () -> a.getSecretValue(r -> r.secretId(arn)));
        String ownArnShape = "arn:aws:secretsmanager:us-east-1:" + accountA + ":secret:db";
        notFound(() -> a.getSecretValue(r -> r.secretId(ownArnShape)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:secretsmanager:US-EAST-1:%s:secret:db",
            "arn:aws:secretsmanager:us_east_1:%s:secret:db",
            "arn:aws:secretsmanager::%s:secret:db",
            "arn:aws:secretsmanager:us-east-1:%s0:secret:db",
            "arn:aws:secretsmanager:us-east-1: %s:secret:db",
            "arn:aws:secretsmanager:us-east-1::secret:db",
            "arn:aws:secretsmanager:us-east-1:abcdefghijkl:secret:db",
    })
    void anArnWithMalformedRegionOrAccountFieldIsNotFound(String shape) {
        String id = shape.formatted(accountB);
        notFound(() -> b.getSecretValue(r -> r.secretId(id)));
        notFound(() -> b.describeSecret(r -> r.secretId(id)));
    }
}
