package io.strongroom.local.demo;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's IAM roles and the grants that name them, seeded into a real store and tried through
 * the real SDK over HTTP with the roles' own temporary credentials. Values are compared, never
 * printed.
 */
class DemoPrincipalsTest {

    static final String US_EAST_1 = "us-east-1";

    static RunningStore running;
    static DemoEstate.Summary seeded;

    @BeforeAll
    static void seed() {
        running = new RunningStore();
        seeded = DemoEstate.seed(running.store());
        System.out.printf(Locale.ROOT, "demo estate with principals: %d secrets, %d roles seeded in %d ms%n",
                seeded.secrets(), seeded.roles(), seeded.elapsed().toMillis());
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    // ---- Helpers ------------------------------------------------------------------------------

    static String id(RunningStore store, String alias) {
        return store.store().accounts().find(alias).map(LocalAccount::accountId).orElseThrow();
    }

    static AccessKey admin(RunningStore store, String alias) {
        return store.store().accounts().adminKey(id(store, alias)).orElseThrow();
    }

    static SecretsManagerClient adminSecrets(RunningStore store, String alias) {
        return store.secrets(admin(store, alias), Region.US_EAST_1);
    }

    /** Secrets Manager as a session of {@code role} in {@code roleAlias}'s account, assumed by {@code callerAlias}'s admin. */
    static SecretsManagerClient as(RunningStore store, String callerAlias, String roleAlias, String role) {
        Credentials c = store.sts(admin(store, callerAlias), Region.US_EAST_1)
                .assumeRole(r -> r.roleArn(DemoPrincipals.roleArn(id(store, roleAlias), role)).roleSessionName("demo-test"))
                .credentials();
        return SecretsManagerClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    static String arnOf(RunningStore store, String alias, String name) {
        return adminSecrets(store, alias).describeSecret(b -> b.secretId(name)).arn();
    }

    static String valueOf(RunningStore store, String alias, String name) {
        return adminSecrets(store, alias).getSecretValue(b -> b.secretId(name)).secretString();
    }

    static String keyId(RunningStore store, String alias, String keyAlias) {
        return store.kms(admin(store, alias), Region.US_EAST_1).describeKey(b -> b.keyId(keyAlias)).keyMetadata().keyId();
    }

    static AwsServiceException refused(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        return e;
    }

    static int expectedRoles(RunningStore store) {
        int roles = 0;
        for (String alias : List.of("security-audit", "payments-prod", "analytics-dev")) {
            if (store.store().accounts().find(alias).isPresent()) {
                roles += DemoCatalog.services(alias).size() + 2 + (alias.equals("security-audit") ? 2 : 0);
            }
        }
        return roles;
    }

    // ---- The roles ----------------------------------------------------------------------------

    @Test
    void everyAccountHasItsRolesWithTheirPoliciesAndTags() {
        IamDirectory iam = running.store().accounts().iam();
        assertEquals(expectedRoles(running), seeded.roles());
        assertEquals(seeded.roles(), DemoPrincipals.roles(running.store()).size());
        String audit = id(running, "security-audit");
        for (String alias : List.of("security-audit", "payments-prod", "analytics-dev")) {
            String account = id(running, alias);
            List<IamRole> roles = iam.roles(account, DemoPrincipals.PATH);
            for (IamRole r : roles) {
                assertEquals("true", iam.tags(r.arn()).get("strongroom:demo"), r.arn());
            }
            for (DemoCatalog.ServiceAccess s : DemoCatalog.services(alias)) {
                IamRole app = iam.requireRole(account, "app-" + s.service());
                assertEquals(DemoPrincipals.roleArn(account, "app-" + s.service()), app.arn());
                assertTrue(app.trustPolicy().contains("ecs-tasks.amazonaws.com") && app.trustPolicy().contains(account + ":root"));
                String policy = iam.inlinePolicy(app.arn(), DemoPrincipals.INLINE_POLICY).orElseThrow();
                assertTrue(policy.contains("secretsmanager:GetSecretValue") && policy.contains("secretsmanager:DescribeSecret"), policy);
                assertTrue(policy.contains("arn:aws:secretsmanager:*:" + account + ":secret:" + s.secretNames().get(0)), policy);
                assertTrue(policy.contains("\"kms:ViaService\":\"secretsmanager.*.amazonaws.com\""), policy);
                assertEquals(Map.of("strongroom:demo", "true", "team", s.team(), "service", s.service()), iam.tags(app.arn()));
            }
            IamRole auditor = iam.requireRole(account, DemoPrincipals.SECURITY_AUDITOR);
            assertEquals(List.of(AwsManagedPolicies.SECURITY_AUDIT), iam.attachedPolicies(auditor.arn()));
            assertTrue(auditor.trustPolicy().contains("arn:aws:iam::" + audit + ":root"), auditor.trustPolicy());
            IamRole breakGlass = iam.requireRole(account, DemoPrincipals.BREAK_GLASS);
            assertEquals(List.of(AwsManagedPolicies.ADMINISTRATOR_ACCESS), iam.attachedPolicies(breakGlass.arn()));
            assertTrue(breakGlass.description().contains("incidents"), breakGlass.description());
            assertEquals(alias.equals("security-audit"), iam.role(account, DemoPrincipals.CI_DEPLOYER).isPresent(), alias);
            assertEquals(alias.equals("security-audit"), iam.role(account, DemoPrincipals.MFA_ADMIN).isPresent(), alias);
            assertEquals(DemoCatalog.services(alias).size() + (alias.equals("security-audit") ? 4 : 2), roles.size(), alias);
        }
    }

    @Test
    void anAppRoleReadsItsOwnServicesSecretsAndNoOtherServices() {
        try (SecretsManagerClient payments = as(running, "payments-prod", "payments-prod", "app-payments")) {
            String own = payments.getSecretValue(b -> b.secretId("prod/payments/stripe-api-key")).secretString();
            assertTrue(own.equals(valueOf(running, "payments-prod", "prod/payments/stripe-api-key")), "its own service's secret");
            AwsServiceException other = refused(() -> payments.getSecretValue(b -> b.secretId("prod/card-vault/tls-keystore")));
            assertTrue(other.awsErrorDetails().errorMessage().contains("assumed-role/app-payments/demo-test"),
                    other.awsErrorDetails().errorMessage());
            refused(() -> payments.getSecretValue(b -> b.secretId("rds/orders-db/master")));
            refused(payments::listSecrets);
        }
    }

    @Test
    void theCiDeployerReadsPaymentsCiSecretsAcrossAccountsAndNothingElse() {
        String ci = arnOf(running, "payments-prod", "ci/github/deploy-token");
        String keyArn = running.kms(admin(running, "payments-prod"), Region.US_EAST_1)
                .describeKey(b -> b.keyId(DemoCatalog.CI_SHARED_KEY_ALIAS)).keyMetadata().arn();
        String secretKey = adminSecrets(running, "payments-prod").describeSecret(b -> b.secretId(ci)).kmsKeyId();
        assertTrue(secretKey.equals(DemoCatalog.CI_SHARED_KEY_ALIAS) || secretKey.equals(keyArn), secretKey);
        try (SecretsManagerClient deployer = as(running, "security-audit", "security-audit", DemoPrincipals.CI_DEPLOYER)) {
            assertTrue(deployer.getSecretValue(b -> b.secretId(ci)).secretString()
                    .equals(valueOf(running, "payments-prod", "ci/github/deploy-token")), "read across accounts");
            String stripe = arnOf(running, "payments-prod", "prod/payments/stripe-api-key");
            refused(() -> deployer.getSecretValue(b -> b.secretId(stripe)));
        }
        // The resource policy names the CI role, not its account: security-audit's admin is not let in.
        AwsServiceException admin = refused(() -> adminSecrets(running, "security-audit").getSecretValue(b -> b.secretId(ci)));
        assertTrue(admin.awsErrorDetails().errorMessage().endsWith("because no resource-based policy allows the "
                + "secretsmanager:GetSecretValue action"), admin.awsErrorDetails().errorMessage());
    }

    @Test
    void theBreakGlassLockdownDeniesEveryoneButTheBreakGlassRole() {
        String name = DemoGrants.LOCKED_DOWN_SECRET;
        String arn = arnOf(running, "security-audit", name);
        try (SecretsManagerClient app = as(running, "security-audit", "security-audit", "app-break-glass");
             SecretsManagerClient auditor = as(running, "security-audit", "security-audit", DemoPrincipals.SECURITY_AUDITOR);
             SecretsManagerClient breakGlass = as(running, "security-audit", "security-audit", DemoPrincipals.BREAK_GLASS)) {
            // The service's own role is allowed by its identity policy; the resource policy's Deny wins.
            AwsServiceException denied = refused(() -> app.getSecretValue(b -> b.secretId(name)));
            assertTrue(denied.awsErrorDetails().errorMessage().endsWith("with an explicit deny in a resource-based policy"),
                    denied.awsErrorDetails().errorMessage());
            refused(() -> auditor.describeSecret(b -> b.secretId(name)));
            assertTrue(breakGlass.getSecretValue(b -> b.secretId(name)).secretString().equals(valueOf(running, "security-audit", name)));
        }
        refused(() -> adminSecrets(running, "payments-prod").getSecretValue(b -> b.secretId(arn)));
        // The account's admin user is exempt on purpose: seeding and removal act as it.
        assertNotNull(adminSecrets(running, "security-audit").getResourcePolicy(b -> b.secretId(name)).resourcePolicy());
        for (String region : DemoEstate.REGIONS) {
            assertTrue(running.secrets(admin(running, "security-audit"), Region.of(region))
                    .getResourcePolicy(b -> b.secretId(name)).resourcePolicy().contains("DenyAllButBreakGlass"), region);
        }
    }

    @Test
    void theMfaAdminRoleIsAssumedOnlyWithAnMfaCodeAndTheDemoMakesNoMfaDevice() {
        IamDirectory iam = running.store().accounts().iam();
        String audit = id(running, "security-audit");
        IamRole mfaAdmin = iam.requireRole(audit, DemoPrincipals.MFA_ADMIN);
        assertTrue(mfaAdmin.trustPolicy().contains("\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
                mfaAdmin.trustPolicy());
        assertTrue(mfaAdmin.trustPolicy().contains(DemoPolicies.root(audit)), mfaAdmin.trustPolicy());
        assertEquals(List.of(AwsManagedPolicies.ADMINISTRATOR_ACCESS), iam.attachedPolicies(mfaAdmin.arn()));
        assertEquals(Map.of("strongroom:demo", "true", "team", "secops"), iam.tags(mfaAdmin.arn()));
        IamClient iamApi = running.iam(admin(running, "security-audit"));
        for (LocalAccount a : running.store().accounts().list()) {
            assertEquals(List.of(), running.store().accounts().mfa().list(a.accountId(), null), "the demo creates no MFA device");
        }

        String arn = DemoPrincipals.roleArn(audit, DemoPrincipals.MFA_ADMIN);
        StsClient sts = running.sts(admin(running, "security-audit"), Region.US_EAST_1);
        AwsServiceException withoutMfa = assertThrows(AwsServiceException.class,
                () -> sts.assumeRole(r -> r.roleArn(arn).roleSessionName("no-mfa")));
        assertEquals("AccessDenied", withoutMfa.awsErrorDetails().errorCode());
        assertTrue(withoutMfa.awsErrorDetails().errorMessage().contains("is not authorized to perform: sts:AssumeRole on resource: "
                + arn), withoutMfa.awsErrorDetails().errorMessage());

        Totp device = Totp.enable(iamApi, "admin", "demo-test-mfa");
        try {
            Credentials c = sts.assumeRole(r -> r.roleArn(arn).roleSessionName("with-mfa")
                    .serialNumber(device.serial()).tokenCode(device.code())).credentials();
            try (SecretsManagerClient admin = SecretsManagerClient.builder().endpointOverride(running.store().endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build()) {
                assertFalse(admin.listSecrets().secretList().isEmpty(), "an MFA session of the role lists the account's secrets");
            }
        } finally {
            device.remove(iamApi, "admin");
        }
    }

    @Test
    void theSecurityAuditorReviewsMetadataButNeverValues() {
        String reviewed = arnOf(running, "payments-prod", DemoGrants.AUDITOR_REVIEWED_SECRET);
        try (SecretsManagerClient auditor = as(running, "security-audit", "security-audit", DemoPrincipals.SECURITY_AUDITOR)) {
            assertEquals(reviewed, auditor.describeSecret(b -> b.secretId(reviewed)).arn(), "across accounts, by resource policy");
            assertNotNull(auditor.getResourcePolicy(b -> b.secretId(reviewed)).resourcePolicy());
            refused(() -> auditor.getSecretValue(b -> b.secretId(reviewed)));
        }
        // In payments-prod itself, by assuming its auditor role from security-audit.
        try (SecretsManagerClient inPayments = as(running, "security-audit", "payments-prod", DemoPrincipals.SECURITY_AUDITOR)) {
            assertFalse(inPayments.listSecrets().secretList().isEmpty());
            refused(() -> inPayments.getSecretValue(b -> b.secretId("prod/payments/stripe-api-key")));
        }
    }

    // ---- Older stores and removal -------------------------------------------------------------

    @Test
    void aStoreSeededWithoutPrincipalsGainsThemOnceAndRemovalTakesThemAllAway() {
        try (RunningStore other = new RunningStore()) {
            DemoEstate.seed(other.store());
            // As an older version left it: no roles, no resource policies, a ci/ secret under aws/secretsmanager.
            DemoPrincipals.remove(other.store(), other.clock().instant());
            SecretsManagerClient payments = adminSecrets(other, "payments-prod");
            String ci = arnOf(other, "payments-prod", "ci/github/deploy-token");
            payments.deleteResourcePolicy(b -> b.secretId(ci));
            payments.updateSecret(b -> b.secretId(ci).kmsKeyId("alias/aws/secretsmanager"));
            adminSecrets(other, "security-audit").deleteResourcePolicy(b -> b.secretId(DemoGrants.LOCKED_DOWN_SECRET));
            assertTrue(DemoPrincipals.roles(other.store()).isEmpty());

            DemoEstate.Summary upgraded = DemoEstate.seed(other.store());
            assertEquals(DemoEstate.Outcome.ALREADY_PRESENT, upgraded.outcome());
            System.out.printf(Locale.ROOT, "demo principals added to a seeded store in %d ms%n", upgraded.elapsed().toMillis());
            assertEquals(expectedRoles(other), upgraded.roles());
            assertEquals(DemoCatalog.CI_SHARED_KEY_ALIAS, payments.describeSecret(b -> b.secretId(ci)).kmsKeyId());
            try (SecretsManagerClient deployer = as(other, "security-audit", "security-audit", DemoPrincipals.CI_DEPLOYER)) {
                assertTrue(deployer.getSecretValue(b -> b.secretId(ci)).secretString()
                        .equals(valueOf(other, "payments-prod", "ci/github/deploy-token")));
            }
            assertNotNull(adminSecrets(other, "security-audit").getResourcePolicy(b -> b.secretId(DemoGrants.LOCKED_DOWN_SECRET))
                    .resourcePolicy());
            assertEquals(0, DemoEstate.seed(other.store()).roles(), "nothing more the second time");

            // Removal: every demo role and the locked-down secret go; a role of someone's own and a kept key's policy stay clean.
            IamDirectory iam = other.store().accounts().iam();
            String audit = id(other, "security-audit");
            iam.createRole(audit, "my-own-role", "/strongroom-demo/", DemoPolicies.trust(audit), null, null, Map.of("team", "me"));
            payments.createSecret(b -> b.name("ci/mine/token").secretString("mine").kmsKeyId(DemoCatalog.CI_SHARED_KEY_ALIAS));
            DemoEstate.Summary removed = DemoEstate.remove(other.store());
            assertEquals(expectedRoles(other), removed.roles());
            assertTrue(DemoPrincipals.roles(other.store()).isEmpty());
            List<String> left = new ArrayList<>();
            for (LocalAccount a : other.store().accounts().list()) {
                iam.roles(a.accountId(), null).forEach(r -> left.add(r.roleName()));
            }
            left.removeIf("OrganizationAccountAccessRole"::equals);   // the store's organization's, not the demo's
            assertEquals(List.of("my-own-role"), left);
            for (String region : DemoEstate.REGIONS) {
                SecretsManagerClient sm = other.secrets(admin(other, "security-audit"), Region.of(region));
                assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(b -> b.secretId(DemoGrants.LOCKED_DOWN_SECRET)));
            }
            String keptPolicy = other.kms(admin(other, "payments-prod"), Region.US_EAST_1)
                    .getKeyPolicy(b -> b.keyId(keyId(other, "payments-prod", DemoCatalog.CI_SHARED_KEY_ALIAS)).policyName("default")).policy();
            assertFalse(keptPolicy.contains(DemoPolicies.CI_KEY_STATEMENT), "a kept key grants the auditing account nothing");
            assertEquals(DemoEstate.Outcome.NOTHING_TO_REMOVE, DemoEstate.remove(other.store()).outcome());
        }
    }
}
