package io.strongroom.local.iam;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control as the embedded store enforces it, through the real SDK over HTTP: identity
 * policies, secrets' resource policies, KMS key policies behind Secrets Manager, cross-account
 * access needing both sides, STS temporary credentials with their session tokens, and the
 * AccessDeniedException wording AWS uses.
 */
class AccessControlTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

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

    private static AwsServiceException refused(Runnable call) {
        return assertThrows(AwsServiceException.class, call::run);
    }

    private static String createSecret(SecretsManagerClient client, String name, String kmsKeyId) {
        return client.createSecret(r -> r.name(name).secretString("value-of-" + name).kmsKeyId(kmsKeyId)).arn();
    }

    private static AccessKey user(String account, String policy) {
        return store.userWithPolicy(account, policy);
    }

    private static String allow(String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":\"" + resource + "\"}]}";
    }

    private static <C> C sessionClient(Supplier<? extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, C>> builder,
                                       Credentials credentials, String token) {
        return builder.get().endpointOverride(store.store().endpoint()).region(RunningStore.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(token == null
                        ? software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                        : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), token)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    @Nested
    class IdentityPolicies {

        @Test
        void anIdentityPolicyAllowsOnlyTheActionsAndResourcesItNames() {
            SecretsManagerClient admin = store.secrets();
            String allowed = createSecret(admin, unique("app/allowed"), null);
            String other = createSecret(admin, unique("app/other"), null);
            AccessKey reader = user(a, allow("[\"secretsmanager:GetSecretValue\"]", allowed));
            SecretsManagerClient client = store.secrets(reader, RunningStore.REGION);

            assertTrue(client.getSecretValue(r -> r.secretId(allowed)).secretString().startsWith("value-of-"));
            AwsServiceException denied = refused(() -> client.getSecretValue(r -> r.secretId(other)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals("User: " + reader.principalArn() + " is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                    + other + " because no identity-based policy allows the secretsmanager:GetSecretValue action",
                    denied.awsErrorDetails().errorMessage());
            AwsServiceException list = refused(() -> client.listSecrets());
            assertEquals("User: " + reader.principalArn() + " is not authorized to perform: secretsmanager:ListSecrets"
                    + " because no identity-based policy allows the secretsmanager:ListSecrets action", list.awsErrorDetails().errorMessage());
        }

        @Test
        void anExplicitDenyInAnIdentityPolicyBeatsAdministratorAccess() {
            String secret = createSecret(store.secrets(), unique("app/denied"), null);
            AccessKey user = user(a, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"secretsmanager:GetSecretValue\","
                    + "\"Resource\":\"*\"}]}");
            iam.attach(user.principalArn(), AwsManagedPolicies.ADMINISTRATOR_ACCESS);
            AwsServiceException denied = refused(() -> store.secrets(user, RunningStore.REGION).getSecretValue(r -> r.secretId(secret)));
            assertTrue(denied.awsErrorDetails().errorMessage().endsWith("with an explicit deny in an identity-based policy"),
                    denied.awsErrorDetails().errorMessage());
        }

        @Test
        void aResourceTagConditionInAnIdentityPolicyReadsTheSecretsTags() {
            SecretsManagerClient admin = store.secrets();
            String tagged = admin.createSecret(r -> r.name(unique("team/tagged")).secretString("t")
                    .tags(t -> t.key("team").value("payments"))).arn();
            String untagged = createSecret(admin, unique("team/untagged"), null);
            AccessKey teamReader = user(a, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                    + "{\"secretsmanager:ResourceTag/team\":\"payments\"}}}]}");
            SecretsManagerClient client = store.secrets(teamReader, RunningStore.REGION);
            assertEquals("t", client.getSecretValue(r -> r.secretId(tagged)).secretString());
            assertEquals("AccessDeniedException", refused(() -> client.getSecretValue(r -> r.secretId(untagged)))
                    .awsErrorDetails().errorCode());
        }

        @Test
        void aResourceTagConditionInAResourcePolicyReadsTheSecretsTags() {
            SecretsManagerClient admin = store.secrets();
            String name = unique("team/resource-tag");
            admin.createSecret(r -> r.name(name).secretString("t").tags(t -> t.key("stage").value("frozen")));
            admin.putResourcePolicy(r -> r.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                    + "\"Principal\":\"*\",\"Action\":\"secretsmanager:PutSecretValue\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                    + "{\"aws:ResourceTag/stage\":\"frozen\"}}}]}"));
            AwsServiceException frozen = refused(() -> admin.putSecretValue(r -> r.secretId(name).secretString("new")));
            assertTrue(frozen.awsErrorDetails().errorMessage().endsWith("with an explicit deny in a resource-based policy"));
            admin.untagResource(r -> r.secretId(name).tagKeys("stage"));
            admin.putSecretValue(r -> r.secretId(name).secretString("new"));
            assertEquals("new", admin.getSecretValue(r -> r.secretId(name)).secretString());
        }

        @Test
        void readingAValueUnderACustomerKeyNeedsKmsDecryptAsWell() {
            KmsClient kms = store.kms();
            String key = kms.createKey(r -> r.description("app key")).keyMetadata().arn();
            String secret = createSecret(store.secrets(), unique("app/cmk"), key);
            AccessKey reader = user(a, allow("[\"secretsmanager:GetSecretValue\"]", "*"));
            AwsServiceException denied = refused(() -> store.secrets(reader, RunningStore.REGION).getSecretValue(r -> r.secretId(secret)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals("Access to KMS is not allowed", denied.awsErrorDetails().errorMessage());

            iam.putInlinePolicy(reader.principalArn(), "decrypt", allow("[\"kms:Decrypt\"]", key));
            assertEquals("value-of-", store.secrets(reader, RunningStore.REGION).getSecretValue(r -> r.secretId(secret))
                    .secretString().substring(0, 9));
        }
    }

    @Nested
    class ResourcePolicies {

        @Test
        void putGetAndDeleteRoundTripAndGetOmitsThePolicyWhenThereIsNone() {
            SecretsManagerClient admin = store.secrets();
            String name = unique("policy/roundtrip");
            String arn = createSecret(admin, name, null);
            assertNull(admin.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + b
                    + ":root\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
            assertEquals(arn, admin.putResourcePolicy(r -> r.secretId(name).resourcePolicy(policy)).arn());
            GetResourcePolicyResponse got = admin.getResourcePolicy(r -> r.secretId(arn));
            assertEquals(policy, got.resourcePolicy());
            assertEquals(name, got.name());
            admin.deleteResourcePolicy(r -> r.secretId(name));
            assertNull(admin.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
        }

        @Test
        void aPublicPolicyIsRefusedUnderBlockPublicPolicyAndAcceptedWithoutIt() {
            SecretsManagerClient admin = store.secrets();
            String name = unique("policy/public");
            createSecret(admin, name, null);
            String open = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                    + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
            AwsServiceException blocked = refused(() -> admin.putResourcePolicy(r -> r.secretId(name).resourcePolicy(open).blockPublicPolicy(true)));
            assertEquals("PublicPolicyException", blocked.awsErrorDetails().errorCode());
            assertNull(admin.getResourcePolicy(r -> r.secretId(name)).resourcePolicy(), "a refused policy is not stored");
            admin.putResourcePolicy(r -> r.secretId(name).resourcePolicy(open));
            assertEquals(open, admin.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
        }

        @Test
        void aMalformedPolicyIsRefusedAndNothingIsStored() {
            SecretsManagerClient admin = store.secrets();
            String name = unique("policy/bad");
            createSecret(admin, name, null);
            AwsServiceException bad = refused(() -> admin.putResourcePolicy(r -> r.secretId(name)
                    .resourcePolicy("{\"Statement\":[{\"Action\":\"secretsmanager:*\"}]}")));
            assertEquals("MalformedPolicyDocumentException", bad.awsErrorDetails().errorCode());
            assertNull(admin.getResourcePolicy(r -> r.secretId(name)).resourcePolicy());
        }

        @Test
        void aDenyAllPolicyWithABreakGlassExceptionLocksOutTheAdministratorButNotTheBreakGlassRole() {
            SecretsManagerClient admin = store.secrets();
            String name = unique("policy/lockdown");
            String arn = createSecret(admin, name, null);
            String roleName = unique("break-glass");
            IamRole role = iam.createRole(a, roleName, "/", trustAccount(a), null, null, Map.of());
            iam.attach(role.arn(), AwsManagedPolicies.ADMINISTRATOR_ACCESS);
            String lockdown = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyAllButBreakGlass\",\"Effect\":\"Deny\","
                    + "\"Principal\":\"*\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
                    + "{\"aws:PrincipalArn\":\"" + role.arn() + "\"}}}]}";
            admin.putResourcePolicy(r -> r.secretId(name).resourcePolicy(lockdown));

            AwsServiceException locked = refused(() -> admin.getSecretValue(r -> r.secretId(name)));
            assertEquals("User: arn:aws:iam::" + a + ":user/admin is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                    + arn + " with an explicit deny in a resource-based policy", locked.awsErrorDetails().errorMessage());

            AssumeRoleResponse assumed = store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("incident-42"));
            try (SecretsManagerClient breakGlass = sessionClient(SecretsManagerClient::builder, assumed.credentials(),
                    assumed.credentials().sessionToken())) {
                assertEquals("value-of-" + name, breakGlass.getSecretValue(r -> r.secretId(name)).secretString());
                // The break-glass role can lift the lockdown; then the administrator reads again.
                breakGlass.deleteResourcePolicy(r -> r.secretId(name));
            }
            assertEquals("value-of-" + name, admin.getSecretValue(r -> r.secretId(name)).secretString());
        }
    }

    @Nested
    class CrossAccount {

        @Test
        void anotherAccountIsRefusedUntilBothTheResourcePolicyAndItsIdentityPolicyAllow() {
            KmsClient kmsA = store.kms();
            String keyPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Owner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                    + "\"arn:aws:iam::" + a + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"AccountB\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + b + ":root\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
            String key = kmsA.createKey(r -> r.description("shared").policy(keyPolicy)).keyMetadata().arn();
            String name = unique("shared/db");
            String arn = createSecret(store.secrets(), name, key);
            SecretsManagerClient adminB = store.secrets(store.adminKey(1), RunningStore.REGION);

            AwsServiceException before = refused(() -> adminB.getSecretValue(r -> r.secretId(arn)));
            assertEquals("User: arn:aws:iam::" + b + ":user/admin is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                    + arn + " because no resource-based policy allows the secretsmanager:GetSecretValue action",
                    before.awsErrorDetails().errorMessage());

            store.secrets().putResourcePolicy(r -> r.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + b + "\"},\"Action\":\"secretsmanager:GetSecretValue\","
                    + "\"Resource\":\"*\"}]}"));
            assertEquals("value-of-" + name, adminB.getSecretValue(r -> r.secretId(arn)).secretString());

            // The other side: a user of B without an identity policy is still refused.
            AccessKey plainB = user(b, null);
            AwsServiceException noIdentity = refused(() -> store.secrets(plainB, RunningStore.REGION).getSecretValue(r -> r.secretId(arn)));
            assertTrue(noIdentity.awsErrorDetails().errorMessage().endsWith("because no identity-based policy allows the "
                    + "secretsmanager:GetSecretValue action"), noIdentity.awsErrorDetails().errorMessage());
        }

        @Test
        void aSecretUnderTheDefaultServiceKeyCannotBeReadFromAnotherAccount() {
            String name = unique("shared/default-key");
            String arn = createSecret(store.secrets(), name, null);
            store.secrets().putResourcePolicy(r -> r.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + b + "\"},\"Action\":\"secretsmanager:GetSecretValue\","
                    + "\"Resource\":\"*\"}]}"));
            AwsServiceException denied = refused(() -> store.secrets(store.adminKey(1), RunningStore.REGION)
                    .getSecretValue(r -> r.secretId(arn)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertTrue(denied.awsErrorDetails().errorMessage().contains("default KMS service key"), denied.awsErrorDetails().errorMessage());
        }

        @Test
        void aSecretThatDoesNotExistInAnotherAccountIsAccessDeniedNotNotFound() {
            String ghost = "arn:aws:secretsmanager:us-east-1:" + a + ":secret:" + unique("ghost") + "-AbCdEf";
            AwsServiceException denied = refused(() -> store.secrets(store.adminKey(1), RunningStore.REGION)
                    .describeSecret(r -> r.secretId(ghost)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        }
    }

    @Nested
    class TemporaryCredentials {

        @Test
        void anAssumedRoleSessionActsAsTheRoleAndIsKnownByItsSessionArn() {
            IamRole role = iam.createRole(a, unique("reader"), "/app/", trustAccount(a), "reads", null, Map.of());
            AssumeRoleResponse assumed = store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("build-7"));
            assertEquals("arn:aws:sts::" + a + ":assumed-role/" + role.roleName() + "/build-7", assumed.assumedRoleUser().arn());
            assertEquals(role.roleId() + ":build-7", assumed.assumedRoleUser().assumedRoleId());
            assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
            try (StsClient asRole = sessionClient(StsClient::builder, assumed.credentials(), assumed.credentials().sessionToken())) {
                GetCallerIdentityResponse me = asRole.getCallerIdentity();
                assertEquals(assumed.assumedRoleUser().arn(), me.arn());
                assertEquals(role.roleId() + ":build-7", me.userId());
                assertEquals(a, me.account());
            }
            // The role has no policy: the session can do nothing but say who it is.
            try (SecretsManagerClient asRole = sessionClient(SecretsManagerClient::builder, assumed.credentials(),
                    assumed.credentials().sessionToken())) {
                AwsServiceException denied = refused(asRole::listSecrets);
                assertTrue(denied.awsErrorDetails().errorMessage().startsWith("User: " + assumed.assumedRoleUser().arn()),
                        denied.awsErrorDetails().errorMessage());
            }
        }

        @Test
        void aTemporaryKeyWithAMissingOrWrongSessionTokenIsRefused() {
            IamRole role = iam.createRole(a, unique("token-check"), "/", trustAccount(a), null, null, Map.of());
            Credentials creds = store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("session-1")).credentials();
            try (StsClient noToken = sessionClient(StsClient::builder, creds, null)) {
                AwsServiceException e = refused(noToken::getCallerIdentity);
                assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
            }
            try (SecretsManagerClient wrongToken = sessionClient(SecretsManagerClient::builder, creds, creds.sessionToken() + "x")) {
                AwsServiceException e = refused(wrongToken::listSecrets);
                assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
                assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
            }
        }

        @Test
        void temporaryCredentialsExpireOnTheStoresClock() {
            IamRole role = iam.createRole(a, unique("short"), "/", trustAccount(a), null, null, Map.of());
            Credentials creds = store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("session-1").durationSeconds(900)).credentials();
            try (StsClient session = sessionClient(StsClient::builder, creds, creds.sessionToken())) {
                session.getCallerIdentity();
                store.clock().advance(Duration.ofSeconds(901));
                AwsServiceException e = refused(session::getCallerIdentity);
                assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
                assertEquals("The security token included in the request is expired", e.awsErrorDetails().errorMessage());
            }
        }

        @Test
        void aRoleWhoseTrustPolicyDoesNotNameTheCallerCannotBeAssumed() {
            IamRole role = iam.createRole(a, unique("other-trust"), "/", trustAccount(b), null, null, Map.of());
            AwsServiceException e = refused(() -> store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("session-1")));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().startsWith("User: arn:aws:iam::" + a
                    + ":user/admin is not authorized to perform: sts:AssumeRole on resource: " + role.arn()), e.awsErrorDetails().errorMessage());
            AwsServiceException missing = refused(() -> store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn("arn:aws:iam::" + a + ":role/no-such-role").roleSessionName("session-1")));
            assertEquals("AccessDenied", missing.awsErrorDetails().errorCode(), "a missing role is refused as an untrusting one");
        }

        @Test
        void aDurationBeyondTheRolesMaximumIsAValidationError() {
            IamRole role = iam.createRole(a, unique("one-hour"), "/", trustAccount(a), null, null, Map.of());
            AwsServiceException e = refused(() -> store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("session-1").durationSeconds(7200)));
            assertEquals("ValidationError", e.awsErrorDetails().errorCode());
            assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", e.awsErrorDetails().errorMessage());
        }

        @Test
        void getSessionTokenActsAsTheUserAndCannotBeCalledWithSessionCredentials() {
            Credentials creds = store.sts(store.adminKey(0), RunningStore.REGION).getSessionToken().credentials();
            try (StsClient session = sessionClient(StsClient::builder, creds, creds.sessionToken())) {
                assertEquals("arn:aws:iam::" + a + ":user/admin", session.getCallerIdentity().arn());
                AwsServiceException e = refused(session::getSessionToken);
                assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            }
            try (SecretsManagerClient session = sessionClient(SecretsManagerClient::builder, creds, creds.sessionToken())) {
                session.listSecrets();      // the user's own permissions apply
            }
        }
    }

    /** A trust policy that lets {@code account}'s principals assume the role, as far as their identity policies allow. */
    static String trustAccount(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
