package io.strongroom.local.analyzer;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Access;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckResourceType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResult;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access Analyzer's custom policy checks (CheckNoNewAccess, CheckAccessNotGranted,
 * CheckNoPublicAccess) through the SDK's own client over REST-JSON to the embedded store.
 */
class PolicyChecksTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static AccessAnalyzerClient analyzer;

    @BeforeAll
    static void client() {
        analyzer = RunningStore.client(AccessAnalyzerClient.builder(), store.store().endpoint(), store.adminKey(0), RunningStore.REGION);
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-db-AbCdEf";

    /** A policy document of the given statements (JSON objects separated by commas). */
    static String secretPolicy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    static String allow(String sid, String principal, String actions, String resource, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + actions
                + ",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static final String READERS = allow("Readers", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}",
            "[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]", "*", null);
    static final String DENY_OUTSIDE_VPC = "{\"Sid\":\"OnlyFromVpce\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}";

    private static CheckNoNewAccessResponse noNew(String existing, String updated, AccessCheckPolicyType type) {
        return analyzer.checkNoNewAccess(b -> b.existingPolicyDocument(existing).newPolicyDocument(updated).policyType(type));
    }

    // ---- CheckNoNewAccess -------------------------------------------------------------------------

    @Test
    void addingAnotherAccountToASecretPolicyIsNewAccessInThatStatement() {
        String existing = secretPolicy(READERS);
        String updated = secretPolicy(allow("Readers", "{\"AWS\":[\"arn:aws:iam::111122223333:role/orders-app\",\"444455556666\"]}",
                "[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]", "*", null));
        CheckNoNewAccessResponse answer = noNew(existing, updated, AccessCheckPolicyType.RESOURCE_POLICY);
        assertEquals(CheckNoNewAccessResult.FAIL, answer.result());
        assertEquals("The modified permissions grant new access compared to your existing policy.", answer.message());
        ReasonSummary reason = answer.reasons().get(0);
        assertEquals(1, answer.reasons().size());
        assertEquals(0, reason.statementIndex());
        assertEquals("Readers", reason.statementId());
        assertEquals("New access in the statement with index: 0.", reason.description());
    }

    @Test
    void removingAnActionAddingAConditionOrNarrowingAResourceIsNoNewAccess() {
        String existing = secretPolicy(allow("Readers", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}",
                "[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]",
                "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/*", null));
        String narrowed = secretPolicy(allow("Readers", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}",
                "\"secretsmanager:GetSecretValue\"", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-*",
                "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}"));
        CheckNoNewAccessResponse answer = noNew(existing, narrowed, AccessCheckPolicyType.RESOURCE_POLICY);
        assertEquals(CheckNoNewAccessResult.PASS, answer.result(), String.valueOf(answer.reasons()));
        assertEquals("The modified permissions do not grant new access compared to your existing policy.", answer.message());
        assertEquals(List.of(), answer.reasons());
    }

    @Test
    void droppingAConditionIsNewAccess() {
        String conditioned = secretPolicy(allow("Readers", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}",
                "\"secretsmanager:GetSecretValue\"", "*", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}"));
        String unconditioned = secretPolicy(allow("Readers", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}",
                "\"secretsmanager:GetSecretValue\"", "*", null));
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(conditioned, unconditioned, AccessCheckPolicyType.RESOURCE_POLICY).result());
        assertEquals(CheckNoNewAccessResult.PASS, noNew(unconditioned, conditioned, AccessCheckPolicyType.RESOURCE_POLICY).result());
    }

    @Test
    void removingADenyIsNewAccessNamingTheExistingStatement() {
        String existing = secretPolicy(READERS + "," + DENY_OUTSIDE_VPC);
        CheckNoNewAccessResponse answer = noNew(existing, secretPolicy(READERS), AccessCheckPolicyType.RESOURCE_POLICY);
        assertEquals(CheckNoNewAccessResult.FAIL, answer.result());
        assertEquals(1, answer.reasons().size());
        assertTrue(answer.reasons().get(0).description().contains("index: 1 (OnlyFromVpce)"), answer.reasons().get(0).description());
        // Keeping it, or widening it, is no new access.
        String widerDeny = DENY_OUTSIDE_VPC.replace("\"secretsmanager:*\"", "\"*\"");
        assertEquals(CheckNoNewAccessResult.PASS, noNew(existing, secretPolicy(READERS + "," + widerDeny), AccessCheckPolicyType.RESOURCE_POLICY).result());
        // Narrowing its actions weakens it.
        String narrowerDeny = DENY_OUTSIDE_VPC.replace("\"secretsmanager:*\"", "\"secretsmanager:GetSecretValue\"");
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(existing, secretPolicy(READERS + "," + narrowerDeny), AccessCheckPolicyType.RESOURCE_POLICY).result());
    }

    @Test
    void wideningAnActionWildcardIsNewAccess() {
        String get = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:Get*\",\"Resource\":\"" + SECRET + "\"}]}";
        String all = get.replace("secretsmanager:Get*", "*");
        CheckNoNewAccessResponse answer = noNew(get, all, AccessCheckPolicyType.IDENTITY_POLICY);
        assertEquals(CheckNoNewAccessResult.FAIL, answer.result());
        assertEquals(0, answer.reasons().get(0).statementIndex());
        assertEquals(null, answer.reasons().get(0).statementId(), "a statement without Sid has no statementId");
        assertEquals(CheckNoNewAccessResult.PASS, noNew(all, get, AccessCheckPolicyType.IDENTITY_POLICY).result());
        String exact = get.replace("secretsmanager:Get*", "secretsmanager:getsecretvalue");
        assertEquals(CheckNoNewAccessResult.PASS, noNew(get, exact, AccessCheckPolicyType.IDENTITY_POLICY).result(),
                "action names ignore case");
    }

    @Test
    void identicalPoliciesWithStatementsReorderedAreNoNewAccess() {
        String second = allow("Rotation", "{\"Service\":\"secretsmanager.amazonaws.com\"}", "\"secretsmanager:PutSecretValue\"", SECRET, null);
        String existing = secretPolicy(READERS + "," + second + "," + DENY_OUTSIDE_VPC);
        String reordered = secretPolicy(DENY_OUTSIDE_VPC + "," + second + "," + READERS);
        assertEquals(CheckNoNewAccessResult.PASS, noNew(existing, reordered, AccessCheckPolicyType.RESOURCE_POLICY).result());
        assertEquals(CheckNoNewAccessResult.PASS, noNew(reordered, existing, AccessCheckPolicyType.RESOURCE_POLICY).result());
    }

    @Test
    void anAccountIdAndItsRootArnAreTheSamePrincipalButTheRootDoesNotCoverTheAccountsRoles() {
        String byId = secretPolicy(allow("A", "{\"AWS\":\"111122223333\"}", "\"secretsmanager:GetSecretValue\"", "*", null));
        String byRoot = secretPolicy(allow("A", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "\"secretsmanager:GetSecretValue\"", "*", null));
        String byRole = secretPolicy(allow("A", "{\"AWS\":\"arn:aws:iam::111122223333:role/orders-app\"}", "\"secretsmanager:GetSecretValue\"", "*", null));
        String everyone = secretPolicy(allow("A", "\"*\"", "\"secretsmanager:GetSecretValue\"", "*", null));
        assertEquals(CheckNoNewAccessResult.PASS, noNew(byId, byRoot, AccessCheckPolicyType.RESOURCE_POLICY).result());
        assertEquals(CheckNoNewAccessResult.PASS, noNew(byRoot, byId, AccessCheckPolicyType.RESOURCE_POLICY).result());
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(byRoot, byRole, AccessCheckPolicyType.RESOURCE_POLICY).result(),
                "naming a role directly lets it in without its identity policy: new access");
        assertEquals(CheckNoNewAccessResult.PASS, noNew(everyone, byRole, AccessCheckPolicyType.RESOURCE_POLICY).result());
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(byRole, everyone, AccessCheckPolicyType.RESOURCE_POLICY).result());
    }

    @Test
    void notActionIsCoveredOnlyWhenProvablySo() {
        String allButDelete = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"secretsmanager:Delete*\",\"Resource\":\"*\"}]}";
        String read = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:Get*\",\"Resource\":\"*\"}]}";
        String deleteOne = read.replace("secretsmanager:Get*", "secretsmanager:DeleteSecret");
        assertEquals(CheckNoNewAccessResult.PASS, noNew(allButDelete, read, AccessCheckPolicyType.IDENTITY_POLICY).result());
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(allButDelete, deleteOne, AccessCheckPolicyType.IDENTITY_POLICY).result());
        assertEquals(CheckNoNewAccessResult.FAIL, noNew(read, allButDelete, AccessCheckPolicyType.IDENTITY_POLICY).result());
    }

    // ---- CheckAccessNotGranted ---------------------------------------------------------------------

    private static CheckAccessNotGrantedResponse notGranted(String policy, List<String> actions, List<String> resources) {
        Access.Builder access = Access.builder();
        if (actions != null) {
            access.actions(actions);
        }
        if (resources != null) {
            access.resources(resources);
        }
        return analyzer.checkAccessNotGranted(b -> b.policyDocument(policy).policyType(AccessCheckPolicyType.IDENTITY_POLICY)
                .access(access.build()));
    }

    static final String READ_ORDERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
            + "\"Action\":\"secretsmanager:Get*\",\"Resource\":\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-*\"}]}";

    @Test
    void accessNotGrantedFailsWhenTheDangerousActionIsAllowed() {
        CheckAccessNotGrantedResponse answer = notGranted(READ_ORDERS, List.of("secretsmanager:GetSecretValue"), null);
        assertEquals(CheckAccessNotGrantedResult.FAIL, answer.result());
        assertEquals("The policy document grants access to perform one or more of the listed actions.", answer.message());
        assertEquals(0, answer.reasons().get(0).statementIndex());
        assertEquals("Read", answer.reasons().get(0).statementId());
    }

    @Test
    void accessNotGrantedPassesForOtherActionsOrOtherResources() {
        CheckAccessNotGrantedResponse answer = notGranted(READ_ORDERS, List.of("secretsmanager:DeleteSecret", "kms:Decrypt"), null);
        assertEquals(CheckAccessNotGrantedResult.PASS, answer.result());
        assertEquals("The policy document does not grant access to perform one or more of the listed actions.", answer.message());
        assertEquals(CheckAccessNotGrantedResult.PASS, notGranted(READ_ORDERS, List.of("secretsmanager:GetSecretValue"),
                List.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/payments-*")).result());
        assertEquals(CheckAccessNotGrantedResult.FAIL, notGranted(READ_ORDERS, null,
                List.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/*")).result(), "any action on a resource it may reach");
    }

    @Test
    void anUnconditionalDenyMakesAnAllowedActionNotGranted() {
        String policy = READ_ORDERS.replace("}]}", "},{\"Effect\":\"Deny\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}");
        assertEquals(CheckAccessNotGrantedResult.PASS, notGranted(policy, List.of("secretsmanager:GetSecretValue"), null).result());
        assertEquals(CheckAccessNotGrantedResult.FAIL, notGranted(policy, List.of("secretsmanager:GetResourcePolicy"), null).result());
    }

    @Test
    void accessNotGrantedRefusesMoreThanTheModelAllows() {
        List<String> many = Collections.nCopies(101, "secretsmanager:GetSecretValue");
        ValidationException e = assertThrows(ValidationException.class, () -> notGranted(READ_ORDERS, many, null));
        assertTrue(e.awsErrorDetails().errorMessage().contains("Member must have length less than or equal to 100"), e.getMessage());
        assertThrows(ValidationException.class, () -> analyzer.checkAccessNotGranted(b -> b.policyDocument(READ_ORDERS)
                .policyType(AccessCheckPolicyType.IDENTITY_POLICY)
                .access(Access.builder().actions("s3:GetObject").build(), Access.builder().actions("kms:Decrypt").build())));
        assertThrows(ValidationException.class, () -> notGranted(READ_ORDERS, List.of(), List.of()), "an entry naming nothing");
        assertThrows(ValidationException.class, () -> analyzer.checkAccessNotGranted(b -> b.policyDocument(READ_ORDERS)
                .policyType(AccessCheckPolicyType.IDENTITY_POLICY)), "access is required");
    }

    // ---- CheckNoPublicAccess -----------------------------------------------------------------------

    private static CheckNoPublicAccessResponse publicCheck(String policy, AccessCheckResourceType type) {
        return analyzer.checkNoPublicAccess(b -> b.policyDocument(policy).resourceType(type));
    }

    static final String PUBLIC_SECRET = secretPolicy(allow("Everyone", "\"*\"", "\"secretsmanager:GetSecretValue\"", "*", null));
    static final String PUBLIC_KEY = secretPolicy(allow("Everyone", "{\"AWS\":\"*\"}", "[\"kms:Decrypt\",\"kms:DescribeKey\"]", "*", null));

    @Test
    void everyoneWithoutAConditionIsPublicForASecretAndAKey() {
        for (var c : List.of(new Object[] {PUBLIC_SECRET, AccessCheckResourceType.AWS_SECRETS_MANAGER_SECRET},
                new Object[] {PUBLIC_KEY, AccessCheckResourceType.AWS_KMS_KEY})) {
            CheckNoPublicAccessResponse answer = publicCheck((String) c[0], (AccessCheckResourceType) c[1]);
            assertEquals(CheckNoPublicAccessResult.FAIL, answer.result(), String.valueOf(c[1]));
            assertEquals("The resource policy grants public access for the given resource type.", answer.message());
            assertEquals(0, answer.reasons().get(0).statementIndex());
            assertEquals("Everyone", answer.reasons().get(0).statementId());
        }
    }

    @Test
    void aConditionOnTheOrganizationOrAccountMakesEveryoneNotPublic() {
        String org = "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}";
        String account = "{\"StringEquals\":{\"aws:PrincipalAccount\":\"111122223333\"}}";
        String secretOrg = secretPolicy(allow("Org", "\"*\"", "\"secretsmanager:GetSecretValue\"", "*", org));
        String keyAccount = secretPolicy(allow("Account", "{\"AWS\":\"*\"}", "\"kms:Decrypt\"", "*", account));
        CheckNoPublicAccessResponse answer = publicCheck(secretOrg, AccessCheckResourceType.AWS_SECRETS_MANAGER_SECRET);
        assertEquals(CheckNoPublicAccessResult.PASS, answer.result());
        assertEquals("The resource policy does not grant public access for the given resource type.", answer.message());
        assertEquals(CheckNoPublicAccessResult.PASS, publicCheck(keyAccount, AccessCheckResourceType.AWS_KMS_KEY).result());
        assertEquals(CheckNoPublicAccessResult.PASS, publicCheck(secretOrg, AccessCheckResourceType.AWS_KMS_KEY).result());
        assertEquals(CheckNoPublicAccessResult.PASS, publicCheck(keyAccount, AccessCheckResourceType.AWS_SECRETS_MANAGER_SECRET).result());
    }

    @Test
    void aNamedPrincipalWithoutResourceIsNotPublicAsInAwsExample() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Named\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/JohnDoe\"},\"Action\":[\"s3:GetObject\"]}]}";
        assertEquals(CheckNoPublicAccessResult.PASS, publicCheck(policy, AccessCheckResourceType.AWS_S3_BUCKET).result());
    }

    // ---- Bad input ---------------------------------------------------------------------------------

    @Test
    void badInputIsAValidationExceptionNeverAServerError() {
        String good = READ_ORDERS;
        ValidationException notJson = assertThrows(ValidationException.class, () -> noNew(good, "{\"Version\":", AccessCheckPolicyType.IDENTITY_POLICY));
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.awsErrorDetails().errorMessage().contains("newPolicyDocument"), notJson.awsErrorDetails().errorMessage());
        assertTrue(notJson.awsErrorDetails().errorMessage().contains("JSON_SYNTAX_ERROR"), notJson.awsErrorDetails().errorMessage());
        String badEffect = good.replace("\"Allow\"", "\"Permit\"");
        ValidationException grammar = assertThrows(ValidationException.class, () -> noNew(badEffect, good, AccessCheckPolicyType.IDENTITY_POLICY));
        assertTrue(grammar.awsErrorDetails().errorMessage().contains("existingPolicyDocument"), grammar.awsErrorDetails().errorMessage());
        assertTrue(grammar.awsErrorDetails().errorMessage().contains("INVALID_EFFECT"), grammar.awsErrorDetails().errorMessage());
        ValidationException unknownType = assertThrows(ValidationException.class, () -> analyzer.checkNoNewAccess(b ->
                b.existingPolicyDocument(good).newPolicyDocument(good).policyType("SERVICE_CONTROL_POLICY")));
        assertTrue(unknownType.awsErrorDetails().errorMessage().contains("Member must satisfy enum value set: [IDENTITY_POLICY, RESOURCE_POLICY]"),
                unknownType.awsErrorDetails().errorMessage());
        ValidationException missing = assertThrows(ValidationException.class, () -> analyzer.checkNoNewAccess(b ->
                b.newPolicyDocument(good).policyType(AccessCheckPolicyType.IDENTITY_POLICY)));
        assertEquals("1 validation error detected: Value null at 'existingPolicyDocument' failed to satisfy constraint: Member must not be null",
                missing.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class, () -> analyzer.checkNoPublicAccess(b -> b.policyDocument(PUBLIC_SECRET).resourceType("AWS::Made::Up")));
        assertThrows(ValidationException.class, () -> publicCheck("not json", AccessCheckResourceType.AWS_KMS_KEY));
        assertThrows(ValidationException.class, () -> notGranted("[]", List.of("s3:GetObject"), null));
        String identityWithPrincipal = PUBLIC_SECRET;
        assertThrows(ValidationException.class, () -> noNew(identityWithPrincipal, identityWithPrincipal, AccessCheckPolicyType.IDENTITY_POLICY),
                "an identity policy may not name a principal");
    }
}
