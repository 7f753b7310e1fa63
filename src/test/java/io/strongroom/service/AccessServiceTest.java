package io.strongroom.service;

import io.strongroom.domain.AccessDecision;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretReader;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Who can read this secret?" and "Test access as…" against the real embedded store, over the SDK.
 *
 * <p>The estate: a secret of account 0 under a customer managed key (its default key policy
 * delegates to account 0's IAM only), whose resource policy allows two roles of account 1:
 * {@code partner} (whose identity policy allows the read and decrypting) and {@code stranger}
 * (no identity policy), and the user {@code partner-user} of account 1 (identity policy: read and
 * decrypt). Account 0 has the role {@code app-reader} (identity policy: read and decrypt). Account 2
 * is reached by a user allowed nothing, so listing its IAM is refused. IAM's simulator evaluates
 * the resource and key policies only for users: roles are asked with their own policies.
 */
class AccessServiceTest {

    private static final String REGION = "us-east-1";

    private static ServiceStack stack;
    private static AccessService access;
    private static String secretArn;
    private static String defaultKeySecretArn;
    private static String appReader;
    private static String partner;
    private static String stranger;
    private static String partnerUser;

    @BeforeAll
    static void estate() {
        stack = ServiceStack.start(4, 2);
        access = stack.access(3);
        RunningStore store = stack.store();
        IamClient iam0 = iam(store.adminKey(0));
        IamClient iam1 = iam(store.adminKey(1));

        appReader = iam0.createRole(r -> r.roleName("app-reader").assumeRolePolicyDocument(trust(0))).role().arn();
        iam0.putRolePolicy(r -> r.roleName("app-reader").policyName("read-app-secrets").policyDocument(
                allow("[\"secretsmanager:GetSecretValue\",\"kms:Decrypt\"]", "*")));
        partner = iam1.createRole(r -> r.roleName("partner").assumeRolePolicyDocument(trust(1))).role().arn();
        iam1.putRolePolicy(r -> r.roleName("partner").policyName("read-shared").policyDocument(
                allow("[\"secretsmanager:GetSecretValue\",\"kms:Decrypt\"]", "*")));
        stranger = iam1.createRole(r -> r.roleName("stranger").assumeRolePolicyDocument(trust(1))).role().arn();
        partnerUser = iam1.createUser(r -> r.userName("partner-user")).user().arn();
        iam1.putUserPolicy(r -> r.userName("partner-user").policyName("read-shared").policyDocument(
                allow("[\"secretsmanager:GetSecretValue\",\"kms:Decrypt\"]", "*")));

        KmsClient kms = store.kms(store.adminKey(0), Region.US_EAST_1);
        String keyId = kms.createKey(r -> r.description("shared secrets")).keyMetadata().keyId();
        SecretsManagerClient sm = store.secrets(store.adminKey(0), Region.US_EAST_1);
        secretArn = sm.createSecret(r -> r.name("shared/api").secretString("s3cr3t").kmsKeyId(keyId)).arn();
        sm.putResourcePolicy(r -> r.secretId(secretArn).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partners\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + partner + "\",\"" + stranger + "\",\"" + partnerUser + "\"]},"
                + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}"));
        defaultKeySecretArn = sm.createSecret(r -> r.name("local/only").secretString("x")).arn();
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static IamClient iam(AccessKey key) {
        return stack.store().iam(key);
    }

    static String account(int index) {
        return stack.store().adminKey(index).accountId();
    }

    static String admin(int index) {
        return "arn:aws:iam::" + account(index) + ":user/admin";
    }

    static String trust(int index) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + account(index) + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String allow(String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":\"" + resource + "\"}]}";
    }

    /** Every account, account 0 twice (two regions: one simulation per account is enough). */
    static List<Scope> scopes() {
        return List.of(stack.scope(0, REGION), stack.scope(0, "eu-west-1"), stack.scope(1, REGION), stack.scope(2, REGION));
    }

    static Map<String, SecretReader> byArn(List<SecretReader> readers) {
        return readers.stream().collect(Collectors.toMap(SecretReader::principalArn, r -> r, (a, b) -> a, TreeMap::new));
    }

    @Test
    void readersAreTheAdminsTheSameAccountRoleAndTheCrossAccountRoleWhoseOwnPolicyAllowsToo() {
        List<ScopeError> failures = Collections.synchronizedList(new ArrayList<>());
        List<SecretReader> readers = access.whoCanRead(scopes(), stack.scope(0, REGION), secretArn, failures::add);

        Map<String, SecretReader> found = byArn(readers);
        // account 1 is a member of the store's organization: its OrganizationAccountAccessRole is an administrator there too
        String orgAccess = partner.replace(":role/partner", ":role/OrganizationAccountAccessRole");
        assertEquals(new java.util.TreeSet<>(List.of(admin(0), appReader, partner, partnerUser, orgAccess)), found.keySet(),
                "account 1's admin is not named by the resource policy and the stranger has no policy of its own; account 2 could not be listed");
        SecretReader admin = found.get(admin(0));
        assertEquals(SecretReader.Kind.USER, admin.kind());
        assertEquals(account(0), admin.account());
        assertEquals("AdministratorAccess", admin.via().get(0).policyId());
        assertEquals("aws-managed", admin.via().get(0).policyType());
        SecretReader role = found.get(appReader);
        assertEquals(SecretReader.Kind.ROLE, role.kind());
        assertEquals("read-app-secrets", role.via().get(0).policyId());
        assertNotNull(role.via().get(0).position());
        assertTrue(admin.resourcePolicyEvaluated());
        assertFalse(role.resourcePolicyEvaluated(), "a role is asked with its own policies only");
        SecretReader crossAccountUser = found.get(partnerUser);
        assertEquals(account(1), crossAccountUser.account());
        assertEquals(List.of("read-shared", "ResourcePolicy"), crossAccountUser.via().stream().map(AccessDecision.DecidingStatement::policyId).toList());
        assertTrue(crossAccountUser.resourcePolicyEvaluated());
        SecretReader crossAccountRole = found.get(partner);
        assertEquals(List.of("read-shared"), crossAccountRole.via().stream().map(AccessDecision.DecidingStatement::policyId).toList());
        assertFalse(crossAccountRole.resourcePolicyEvaluated());

        assertEquals(1, failures.size(), failures.toString());
        assertEquals(account(2), failures.get(0).scope().accountId());
        assertTrue(failures.get(0).isAccessDenied(), failures.get(0).toString());
    }

    @Test
    void theKeyFlagsAReaderWhomItsKeyPolicyRefuses() {
        Map<String, SecretReader> found = byArn(access.whoCanRead(scopes(), stack.scope(0, REGION), secretArn, e -> { }));
        assertEquals(SecretReader.KeyAccess.ALLOWED, found.get(admin(0)).key());
        assertEquals(SecretReader.KeyAccess.NOT_EVALUATED, found.get(appReader).key(), "a key policy is simulated for users only");
        SecretReader partnerReader = found.get(partnerUser);
        assertEquals(SecretReader.KeyAccess.REFUSED, partnerReader.key(), "the key policy delegates to account 0 only");
        assertTrue(!partnerReader.canRead());
    }

    @Test
    void theAwsManagedKeyIsStatedNotSimulated() {
        Map<String, SecretReader> found = byArn(access.whoCanRead(List.of(stack.scope(0, REGION), stack.scope(1, REGION)),
                stack.scope(0, REGION), defaultKeySecretArn, e -> { }));
        assertEquals(new java.util.TreeSet<>(List.of(admin(0), appReader)), found.keySet());
        assertEquals(SecretReader.KeyAccess.AWS_MANAGED_SAME_ACCOUNT, found.get(admin(0)).key());
    }

    @Test
    void withoutAFailureConsumerAFailedAccountIsThrownOnceEveryAccountWasTried() {
        ScopeException e = assertThrows(ScopeException.class,
                () -> access.whoCanRead(scopes(), stack.scope(0, REGION), secretArn));
        assertEquals(account(2), e.error().scope().accountId());
        assertThrows(ScopeException.class, () -> access.whoCanRead(scopes(), stack.scope(2, REGION), secretArn),
                "the secret itself cannot be read from a scope that is refused");
    }

    @Test
    void testAccessNamesTheDecidingStatement() {
        AccessDecision allowed = access.testAccess(stack.scope(0, REGION), appReader, "secretsmanager:GetSecretValue", secretArn, null, null);
        assertEquals(AccessDecision.Outcome.ALLOWED, allowed.decision());
        assertEquals(secretArn, allowed.resourceArn());
        assertEquals("read-app-secrets", allowed.decidedBy().get(0).policyId());
        assertEquals("role", allowed.decidedBy().get(0).policyType());
        assertEquals(new AccessDecision.TextSpan(1, 39, 1, 128), allowed.decidedBy().get(0).position());

        String policy = stack.policies().secretPolicy(stack.scope(0, REGION), secretArn).document();
        AccessDecision strangerRead = access.testAccess(stack.scope(1, REGION), stranger, "secretsmanager:GetSecretValue",
                secretArn, policy, account(0));
        assertEquals(AccessDecision.Outcome.IMPLICIT_DENY, strangerRead.decision(), "the role's own policies allow nothing");
        assertTrue(strangerRead.decidedBy().isEmpty());
        assertFalse(strangerRead.resourcePolicyEvaluated(), "a role is asked without the resource policy");

        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Lockdown\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"secretsmanager:*\",\"Resource\":\"*\"}]}";
        AccessDecision denied = access.testAccess(stack.scope(0, REGION), admin(0), "secretsmanager:GetSecretValue", secretArn, deny, null);
        assertEquals(AccessDecision.Outcome.EXPLICIT_DENY, denied.decision());
        assertEquals(List.of(new AccessDecision.DecidingStatement("ResourcePolicy", "resource", new AccessDecision.TextSpan(1, 39, 1, 131))),
                denied.decidedBy());

        assertEquals(AccessDecision.Outcome.IMPLICIT_DENY,
                access.testAccess(stack.scope(1, REGION), stranger, "kms:Decrypt", null, null, null).decision());
    }
}
