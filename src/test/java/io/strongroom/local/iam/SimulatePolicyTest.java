package io.strongroom.local.iam;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM's policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy) through the SDK's IamClient, over HTTP. */
class SimulatePolicyTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A user's policy, laid out on lines so that positions are easy to read: statement 1 spans 4:6-9:6, statement 2 10:6-15:6 (just past each brace). */
    private static final String READ_BUT_NOT_PROD = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadAll",
                  "Effect": "Allow",
                  "Action": "secretsmanager:GetSecretValue",
                  "Resource": "*"
                },
                {
                  "Sid": "NoProd",
                  "Effect": "Deny",
                  "Action": "secretsmanager:*",
                  "Resource": "arn:aws:secretsmanager:*:*:secret:prod/*"
                }
              ]
            }""";

    /** AWS's own example of simulate-custom-policy (AWS CLI documentation), whose positions AWS gives as 1:38 and 1:167. */
    private static final String AWS_EXAMPLE = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}";


    static IamClient iam(AccessKey key) {
        return store.iam(key);
    }

    static String account(int index) {
        return store.adminKey(index).accountId();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static String secretArn(int accountIndex, String name) {
        return "arn:aws:secretsmanager:us-east-1:" + account(accountIndex) + ":secret:" + name + "-AbCdEf";
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String trust(int accountIndex) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + account(accountIndex) + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** A user of account 0 with {@link #READ_BUT_NOT_PROD} as its inline policy "readers". */
    static String reader() {
        IamClient iam = iam(store.adminKey(0));
        String name = unique("reader");
        String arn = iam.createUser(r -> r.userName(name)).user().arn();
        iam.putUserPolicy(r -> r.userName(name).policyName("readers").policyDocument(READ_BUT_NOT_PROD));
        return arn;
    }

    static EvaluationResult simulate(int accountIndex, Consumer<SimulatePrincipalPolicyRequest.Builder> request) {
        SimulatePrincipalPolicyResponse r = iam(store.adminKey(accountIndex)).simulatePrincipalPolicy(request);
        assertEquals(1, r.evaluationResults().size(), r.toString());
        assertFalse(r.isTruncated());
        return r.evaluationResults().get(0);
    }

    static void assertStatement(Statement s, String id, String type, int startLine, int startColumn, int endLine, int endColumn) {
        assertEquals(id, s.sourcePolicyId(), s.toString());
        assertEquals(type, s.sourcePolicyTypeAsString(), s.toString());
        assertEquals(List.of(startLine, startColumn, endLine, endColumn),
                List.of(s.startPosition().line(), s.startPosition().column(), s.endPosition().line(), s.endPosition().column()), s.toString());
    }

    static void assertRefused(String code, int status, org.junit.jupiter.api.function.Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
    }

    @Nested
    class OneAccount {

        @Test
        void allowedNamesTheAllowingStatementOfTheUsersPolicyWithItsPositions() {
            String user = reader();
            String secret = secretArn(0, "app/db");
            EvaluationResult result = simulate(0, r -> r.policySourceArn(user).actionNames("secretsmanager:GetSecretValue").resourceArns(secret));

            assertEquals("secretsmanager:GetSecretValue", result.evalActionName());
            assertEquals(secret, result.evalResourceName());
            assertEquals("allowed", result.evalDecisionAsString());
            assertEquals(1, result.matchedStatements().size());
            assertStatement(result.matchedStatements().get(0), "readers", "user", 4, 6, 9, 6);
            assertEquals(Map.of(), result.evalDecisionDetailsAsStrings(), "same account on a named resource: present and empty");
            ResourceSpecificResult specific = result.resourceSpecificResults().get(0);
            assertEquals(secret, specific.evalResourceName());
            assertEquals("allowed", specific.evalResourceDecisionAsString());
            assertStatement(specific.matchedStatements().get(0), "readers", "user", 4, 6, 9, 6);
        }

        @Test
        void anExplicitDenyIsTheOnlyMatchedStatementAndAnActionNoPolicyNamesIsAnImplicitDeny() {
            String user = reader();
            EvaluationResult denied = simulate(0, r -> r.policySourceArn(user).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secretArn(0, "prod/db")));
            assertEquals("explicitDeny", denied.evalDecisionAsString());
            assertEquals(1, denied.matchedStatements().size());
            assertStatement(denied.matchedStatements().get(0), "readers", "user", 10, 6, 15, 6);

            EvaluationResult implicit = simulate(0, r -> r.policySourceArn(user).actionNames("kms:Decrypt"));
            assertEquals("implicitDeny", implicit.evalDecisionAsString());
            assertEquals("*", implicit.evalResourceName());
            assertTrue(implicit.matchedStatements().isEmpty());
            assertFalse(implicit.hasEvalDecisionDetails(), "same account on *: no details");
            assertFalse(implicit.hasResourceSpecificResults());
        }

        @Test
        void attachedManagedPoliciesAndRolesTakePartUnderTheirOwnTypes() {
            IamClient iam = iam(store.adminKey(0));
            String role = unique("auditor");
            String roleArn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(trust(0))).role().arn();
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(AwsManagedPolicies.SECURITY_AUDIT));
            iam.putRolePolicy(r -> r.roleName(role).policyName("read-one").policyDocument(allow("secretsmanager:GetSecretValue", "*")));

            EvaluationResult describe = simulate(0, r -> r.policySourceArn(roleArn).actionNames("secretsmanager:DescribeSecret"));
            assertEquals("allowed", describe.evalDecisionAsString());
            assertEquals("SecurityAudit", describe.matchedStatements().get(0).sourcePolicyId());
            assertEquals("aws-managed", describe.matchedStatements().get(0).sourcePolicyTypeAsString());
            EvaluationResult read = simulate(0, r -> r.policySourceArn(roleArn).actionNames("secretsmanager:GetSecretValue"));
            assertStatement(read.matchedStatements().get(0), "read-one", "role", 1, 39, 1, 112);
        }

        @Test
        void resultsPageByMaxItemsAndMarker() {
            String user = reader();
            IamClient iam = iam(store.adminKey(0));
            SimulatePrincipalPolicyResponse first = iam.simulatePrincipalPolicy(r -> r.policySourceArn(user)
                    .actionNames("secretsmanager:GetSecretValue", "kms:Decrypt", "secretsmanager:DeleteSecret").maxItems(2));
            assertTrue(first.isTruncated());
            assertEquals(2, first.evaluationResults().size());
            SimulatePrincipalPolicyResponse rest = iam.simulatePrincipalPolicy(r -> r.policySourceArn(user)
                    .actionNames("secretsmanager:GetSecretValue", "kms:Decrypt", "secretsmanager:DeleteSecret").maxItems(2)
                    .marker(first.marker()));
            assertFalse(rest.isTruncated());
            assertEquals("secretsmanager:DeleteSecret", rest.evaluationResults().get(0).evalActionName());
            int pages = 0;
            for (SimulatePrincipalPolicyResponse page : iam.simulatePrincipalPolicyPaginator(r -> r.policySourceArn(user)
                    .actionNames("secretsmanager:GetSecretValue", "kms:Decrypt", "secretsmanager:DeleteSecret").maxItems(1))) {
                pages++;
            }
            assertEquals(3, pages);
        }
    }

    @Nested
    class CustomPolicies {

        @Test
        void awsOwnExampleGivesAwsOwnPositionsAndTheDateDecides() {
            IamClient iam = iam(store.adminKey(0));
            EvaluationResult after = iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE).actionNames("dynamodb:CreateBackup")
                    .contextEntries(date("2019-04-25T11:00:00Z"))).evaluationResults().get(0);
            assertEquals("allowed", after.evalDecisionAsString());
            assertStatement(after.matchedStatements().get(0), "PolicyInputList.1", "none", 1, 38, 1, 167);
            assertTrue(after.missingContextValues().isEmpty());

            EvaluationResult before = iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE).actionNames("dynamodb:CreateBackup")
                    .contextEntries(date("2014-04-25T11:00:00Z"))).evaluationResults().get(0);
            assertEquals("implicitDeny", before.evalDecisionAsString());
            assertTrue(before.matchedStatements().isEmpty());
        }

        @Test
        void conditionKeysTheSimulationLacksAreListedAtTheTopOnStarAndPerResourceOtherwise() {
            IamClient iam = iam(store.adminKey(0));
            EvaluationResult onStar = iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE).actionNames("dynamodb:CreateBackup"))
                    .evaluationResults().get(0);
            assertEquals("implicitDeny", onStar.evalDecisionAsString(), "a condition on a missing key does not hold");
            assertEquals(List.of("aws:CurrentTime"), onStar.missingContextValues());

            String table = "arn:aws:dynamodb:us-east-1:" + account(0) + ":table/orders";
            EvaluationResult named = iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE).actionNames("dynamodb:CreateBackup")
                    .resourceArns(table)).evaluationResults().get(0);
            assertTrue(named.missingContextValues().isEmpty());
            assertEquals(List.of("aws:CurrentTime"), named.resourceSpecificResults().get(0).missingContextValues());

            EvaluationResult unrelated = iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE).actionNames("kms:Decrypt"))
                    .evaluationResults().get(0);
            assertTrue(unrelated.missingContextValues().isEmpty(), "only statements about the request count");
        }

        static ContextEntry date(String value) {
            return ContextEntry.builder().contextKeyName("aws:CurrentTime").contextKeyValues(value).contextKeyType(ContextKeyTypeEnum.DATE).build();
        }
    }

    /** A secret of account 0 whose resource policy allows a user of account 1: cross-account needs both policies. */
    @Nested
    class CrossAccount {

        String resourcePolicyFor(String roleArn) {
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + roleArn + "\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        }

        /** A user of account 1 (the simulator evaluates a resource policy only for users), with or without its own Allow. */
        String userOfAccount1(boolean withIdentityPolicy) {
            IamClient iam = iam(store.adminKey(1));
            String user = unique("partner");
            String arn = iam.createUser(r -> r.userName(user)).user().arn();
            if (withIdentityPolicy) {
                iam.putUserPolicy(r -> r.userName(user).policyName("read-partner-secrets")
                        .policyDocument(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:" + account(0) + ":secret:*")));
            }
            return arn;
        }

        @Test
        void aRoleWithAResourcePolicyNeedsAUsersCallerArnAsOnAws() {
            IamClient iam = iam(store.adminKey(1));
            String role = unique("partner-role");
            String arn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(trust(1))).role().arn();
            assertRefused("InvalidInput", 400, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(arn)
                    .actionNames("secretsmanager:GetSecretValue").resourceArns(secretArn(0, "shared/api"))
                    .resourcePolicy(resourcePolicyFor(arn)).resourceOwner(account(0))));
            EvaluationResult ownPolicies = simulate(1, r -> r.policySourceArn(arn).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secretArn(0, "shared/api")));
            assertEquals("implicitDeny", ownPolicies.evalDecisionAsString(), "without a resource policy a role is simulated as usual");
        }

        @Test
        void bothPoliciesAllowingAllowAndTheDetailsSaySoPerSide() {
            String role = userOfAccount1(true);
            String secret = secretArn(0, "shared/api");
            EvaluationResult result = simulate(1, r -> r.policySourceArn(role).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secret).resourcePolicy(resourcePolicyFor(role)).resourceOwner(account(0)));
            assertEquals("allowed", result.evalDecisionAsString());
            assertEquals(Map.of("IAM Policy", "allowed", "Resource Policy", "allowed"), result.evalDecisionDetailsAsStrings());
            assertEquals(List.of("read-partner-secrets", "ResourcePolicy"),
                    result.matchedStatements().stream().map(Statement::sourcePolicyId).toList());
            assertEquals("resource", result.matchedStatements().get(1).sourcePolicyTypeAsString());
            assertEquals(result.evalDecisionDetailsAsStrings(), result.resourceSpecificResults().get(0).evalDecisionDetailsAsStrings());
        }

        @Test
        void theResourcePolicyAloneDoesNotLetAnotherAccountsRoleIn() {
            String role = userOfAccount1(false);
            String secret = secretArn(0, "shared/api");
            EvaluationResult result = simulate(1, r -> r.policySourceArn(role).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secret).resourcePolicy(resourcePolicyFor(role)).resourceOwner(account(0)));
            assertEquals("implicitDeny", result.evalDecisionAsString());
            assertEquals(Map.of("IAM Policy", "implicitDeny", "Resource Policy", "allowed"), result.evalDecisionDetailsAsStrings());
            assertTrue(result.matchedStatements().isEmpty());

            EvaluationResult noOwner = simulate(1, r -> r.policySourceArn(role).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secret).resourcePolicy(resourcePolicyFor(role)));
            assertEquals("allowed", noOwner.evalDecisionAsString(),
                    "without ResourceOwner the resource is the caller's account's, where a policy naming the user suffices");
        }

        @Test
        void aResourcePolicyDenyWinsAcrossAccounts() {
            String role = userOfAccount1(true);
            String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},"
                    + "\"Action\":\"secretsmanager:*\",\"Resource\":\"*\"}]}";
            EvaluationResult result = simulate(1, r -> r.policySourceArn(role).actionNames("secretsmanager:GetSecretValue")
                    .resourceArns(secretArn(0, "x")).resourcePolicy(deny).resourceOwner(account(0)));
            assertEquals("explicitDeny", result.evalDecisionAsString());
            assertStatement(result.matchedStatements().get(0), "ResourcePolicy", "resource", 1, 39, 1, 122);
        }
    }

    @Nested
    class BadInput {

        @Test
        void missingMembersAreValidationErrors() {
            IamClient iam = iam(store.adminKey(0));
            String user = reader();
            assertRefused("ValidationError", 400, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(user)));
            assertRefused("ValidationError", 400, () -> iam.simulateCustomPolicy(r -> r.actionNames("kms:Decrypt")));
            assertRefused("ValidationError", 400, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(user)
                    .actionNames("kms:Decrypt").maxItems(0)));
        }

        @Test
        void unknownOrMalformedPrincipalsAndPoliciesAreRefusedAsIamDoes() {
            IamClient iam = iam(store.adminKey(0));
            String user = reader();
            String prefix = "arn:aws:iam::" + account(0) + ":";
            assertRefused("NoSuchEntity", 404, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(prefix + "user/nobody-here")
                    .actionNames("kms:Decrypt")));
            assertRefused("NoSuchEntity", 404, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(prefix + "group/admins")
                    .actionNames("kms:Decrypt")));
            assertRefused("InvalidInput", 400, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:s3:::a-bucket-name")
                    .actionNames("kms:Decrypt")));
            assertRefused("InvalidInput", 400, () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(user)
                    .actionNames("kms:Decrypt").permissionsBoundaryPolicyInputList(allow("*", "*"))));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList("{\"Statement\":")
                    .actionNames("kms:Decrypt")));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*", "*"))
                    .actionNames("kms:Decrypt").resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}").callerArn(user)));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*", "*"))
                    .actionNames("kms:Decrypt").callerArn(prefix + "role/some-role")));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*", "*"))
                    .actionNames("kms:Decrypt").resourceOwner("not-an-account")));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE)
                    .actionNames("dynamodb:CreateBackup").contextEntries(ContextEntry.builder().contextKeyName("aws:CurrentTime")
                            .contextKeyValues("yesterday").contextKeyType(ContextKeyTypeEnum.DATE).build())));
            assertRefused("InvalidInput", 400, () -> iam.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE)
                    .actionNames("dynamodb:CreateBackup").contextEntries(ContextEntry.builder().contextKeyName("aws:SecureTransport")
                            .contextKeyValues("true", "false").contextKeyType(ContextKeyTypeEnum.BOOLEAN).build())));
        }

        @Test
        void simulatingIsAuthorizedOnThePrincipalAndAnotherAccountsPrincipalIsRefused() {
            String user = reader();
            assertRefused("AccessDenied", 403, () -> iam(store.adminKey(1)).simulatePrincipalPolicy(r -> r.policySourceArn(user)
                    .actionNames("kms:Decrypt")));
            IamClient iam = iam(store.adminKey(0));
            String name = unique("lister");
            iam.createUser(r -> r.userName(name));
            iam.putUserPolicy(r -> r.userName(name).policyName("simulate-self").policyDocument(allow("iam:SimulatePrincipalPolicy",
                    "arn:aws:iam::" + account(0) + ":user/" + name)));
            var created = iam.createAccessKey(r -> r.userName(name)).accessKey();
            IamClient asUser = iam(new AccessKey(account(0), "arn:aws:iam::" + account(0) + ":user/" + name,
                    created.accessKeyId(), created.secretAccessKey()));
            String self = "arn:aws:iam::" + account(0) + ":user/" + name;
            assertEquals("implicitDeny", asUser.simulatePrincipalPolicy(r -> r.policySourceArn(self).actionNames("kms:Decrypt"))
                    .evaluationResults().get(0).evalDecisionAsString());
            assertRefused("AccessDenied", 403, () -> asUser.simulatePrincipalPolicy(r -> r.policySourceArn(user).actionNames("kms:Decrypt")));
            assertRefused("AccessDenied", 403, () -> asUser.simulateCustomPolicy(r -> r.policyInputList(AWS_EXAMPLE)
                    .actionNames("kms:Decrypt")));
        }
    }
}
