package io.strongroom.local.policy;

import io.strongroom.local.policy.Decision.Outcome;
import io.strongroom.local.policy.Decision.PolicyKind;
import io.strongroom.local.policy.PolicyEvaluator.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator against AWS's documented outcomes, one case per rule. Each case names the rule
 * it checks and the page it comes from:
 * <ul>
 *   <li>EVAL: IAM User Guide, "Policy evaluation logic" (and "Determining whether a request is
 *       allowed or denied within an account");</li>
 *   <li>XACCT: IAM User Guide, "Cross-account policy evaluation logic";</li>
 *   <li>PRINCIPAL / NOTPRINCIPAL / ACTION / NOTACTION / NOTRESOURCE / RESOURCE: IAM User Guide,
 *       "IAM JSON policy elements: ...";</li>
 *   <li>OPS: IAM User Guide, "IAM JSON policy elements: Condition operators";</li>
 *   <li>MULTI: IAM User Guide, "Condition with multiple context keys or values" (set operators);</li>
 *   <li>KEYS: IAM User Guide, "AWS global condition context keys", and the Secrets Manager and
 *       KMS condition key references;</li>
 *   <li>VARS: IAM User Guide, "IAM policy elements: Variables and tags";</li>
 *   <li>KMS: AWS KMS Developer Guide, "Key policies in AWS KMS" (the default key policy);</li>
 *   <li>DENIED: IAM User Guide, "Troubleshoot access denied error messages".</li>
 * </ul>
 * Policies are written with single quotes, read as double quotes.
 */
class PolicyEvaluationTest {

    static final String ACCOUNT_A = "111122223333";
    static final String ACCOUNT_B = "444455556666";
    static final String ROOT_A = "arn:aws:iam::111122223333:root";
    static final String ALICE_ARN = "arn:aws:iam::111122223333:user/alice";
    static final String CAROL_ARN = "arn:aws:iam::111122223333:user/carol";
    static final String BOB_ARN = "arn:aws:iam::444455556666:user/bob";
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/Deployer";
    static final String SESSION_ARN = "arn:aws:sts::111122223333:assumed-role/Deployer/ci-run";

    static final RequestPrincipal ALICE = RequestPrincipal.of(ALICE_ARN, ACCOUNT_A);
    static final RequestPrincipal CAROL = RequestPrincipal.of(CAROL_ARN, ACCOUNT_A);
    static final RequestPrincipal BOB = RequestPrincipal.of(BOB_ARN, ACCOUNT_B);
    static final RequestPrincipal ROOT = RequestPrincipal.of(ROOT_A, ACCOUNT_A);
    static final RequestPrincipal SESSION = new RequestPrincipal(SESSION_ARN, ACCOUNT_A, Map.of(), ROLE_ARN);

    static final String SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf";
    static final String OTHER_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:dev/db-XyZ123";
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String GET = "secretsmanager:GetSecretValue";

    static final String ALLOW_GET = "{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'*'}";
    static final String ALLOW_ALL_SM = "{'Effect':'Allow','Action':'secretsmanager:*','Resource':'*'}";

    // ---------------------------------------------------------------- the table

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(evaluationLogic());
        all.addAll(crossAccount());
        all.addAll(kmsKeyPolicies());
        all.addAll(negatedElements());
        all.addAll(wildcards());
        all.addAll(stringAndArnOperators());
        all.addAll(otherOperators());
        all.addAll(setOperatorsAndIfExists());
        all.addAll(conditionKeys());
        all.addAll(policyVariables());
        return all.stream();
    }

    static List<Case> evaluationLogic() {
        return List.of(
                when("same account: an Allow in an identity policy alone allows (EVAL: 'an explicit allow in an identity-based or resource-based policy overrides this default')")
                        .identity(ALLOW_GET).allows(),
                when("no policy at all: implicit deny, reported as no identity-based policy (EVAL: 'by default, all requests are implicitly denied')")
                        .denied(PolicyKind.IDENTITY),
                when("an Allow for another action does not apply: implicit deny (EVAL)")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:DescribeSecret','Resource':'*'}")
                        .denied(PolicyKind.IDENTITY),
                when("explicit Deny in an identity policy beats an Allow in another identity policy (EVAL: 'an explicit deny in any policy overrides any allows')")
                        .identity(ALLOW_ALL_SM, "{'Effect':'Deny','Action':'secretsmanager:GetSecretValue','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.IDENTITY),
                when("explicit Deny in an identity policy beats an Allow in the resource policy naming the user (EVAL, 'explicit deny')")
                        .identity("{'Effect':'Deny','Action':'secretsmanager:*','Resource':'*'}")
                        .resource(allowTo("'" + ALICE_ARN + "'")).explicitlyDenied(PolicyKind.IDENTITY),
                when("explicit Deny in the resource policy beats an Allow in an identity policy (EVAL, 'explicit deny')")
                        .identity(ALLOW_ALL_SM)
                        .resource("{'Effect':'Deny','Principal':{'AWS':'" + ALICE_ARN + "'},'Action':'secretsmanager:GetSecretValue','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.RESOURCE),
                when("explicit Deny to Principal '*' in the resource policy denies every caller (EVAL, PRINCIPAL: all principals)")
                        .identity(ALLOW_ALL_SM)
                        .resource("{'Effect':'Deny','Principal':'*','Action':'secretsmanager:*','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.RESOURCE),
                when("same account: a resource-policy Allow naming the IAM user directly allows with no identity policy (EVAL: IAM user row)")
                        .resource(allowTo("'" + ALICE_ARN + "'")).allows(),
                when("same account: a resource-policy Allow naming the role session ARN allows the session directly (EVAL: IAM role session row)")
                        .by(SESSION).resource(allowTo("'" + SESSION_ARN + "'")).allows(),
                when("same account: a resource-policy Allow naming the role ARN allows its sessions; only boundaries and session policies limit it (EVAL: IAM role row)")
                        .by(SESSION).resource(allowTo("'" + ROLE_ARN + "'")).allows(),
                when("same account: a resource policy naming only the account root delegates to IAM and allows nothing by itself (PRINCIPAL: 'This delegates authority to the account')")
                        .resource(allowTo("'" + ROOT_A + "'")).denied(PolicyKind.IDENTITY),
                when("same account: the short account ID form delegates the same way as the root ARN (PRINCIPAL: 'behave the same way')")
                        .resource(allowTo("'" + ACCOUNT_A + "'")).denied(PolicyKind.IDENTITY),
                when("same account: account-root delegation plus an identity Allow allows (PRINCIPAL, EVAL)")
                        .identity(ALLOW_GET).resource(allowTo("'" + ROOT_A + "'")).allows(),
                when("same account: a resource policy naming another user does not allow this one (PRINCIPAL)")
                        .resource(allowTo("'" + CAROL_ARN + "'")).denied(PolicyKind.IDENTITY),
                when("a resource-policy Allow whose Principal is another account's root does not allow (PRINCIPAL)")
                        .resource(allowTo("'" + ACCOUNT_B + "'")).denied(PolicyKind.IDENTITY),
                when("the account root user in its own account is allowed with no policy (EVAL: 'with the exception of the AWS account root user, which has full access')")
                        .by(ROOT).allows(),
                when("the account root user is still bound by an explicit Deny in the resource policy (EVAL: 'an explicit deny in any policy overrides any allows')")
                        .by(ROOT).resource("{'Effect':'Deny','Principal':{'AWS':'" + ACCOUNT_A + "'},'Action':'secretsmanager:*','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.RESOURCE));
    }

    static List<Case> crossAccount() {
        return List.of(
                when("cross-account: identity Allow plus a resource policy naming the caller's account allows (XACCT: both evaluations return Allow)")
                        .by(BOB).identity(ALLOW_GET).resource(allowTo("'" + ACCOUNT_B + "'")).allows(),
                when("cross-account: identity Allow plus a resource policy naming the caller directly allows (XACCT)")
                        .by(BOB).identity(ALLOW_GET).resource(allowTo("'" + BOB_ARN + "'")).allows(),
                when("cross-account: identity Allow plus a resource policy to Principal '*' allows (XACCT, PRINCIPAL)")
                        .by(BOB).identity(ALLOW_GET).resource(allowTo("'*'")).allows(),
                when("cross-account: an identity Allow without any resource policy is denied, no resource-based policy allows (XACCT)")
                        .by(BOB).identity(ALLOW_GET).denied(PolicyKind.RESOURCE),
                when("cross-account: an identity Allow with a resource policy for another account is denied, no resource-based policy allows (XACCT)")
                        .by(BOB).identity(ALLOW_GET).resource(allowTo("'999988887777'")).denied(PolicyKind.RESOURCE),
                when("cross-account: a resource policy naming the caller directly is not enough without its identity Allow (XACCT: 'must also attach an identity-based policy')")
                        .by(BOB).resource(allowTo("'" + BOB_ARN + "'")).denied(PolicyKind.IDENTITY),
                when("cross-account: a resource policy naming the caller's account is not enough without an identity Allow (XACCT)")
                        .by(BOB).resource(allowTo("'" + ACCOUNT_B + "'")).denied(PolicyKind.IDENTITY),
                when("cross-account: the root user of the other account needs only the resource policy, its own account allows it everything (XACCT: both evaluations Allow; EVAL: root 'has full access')")
                        .by(RequestPrincipal.of("arn:aws:iam::444455556666:root", ACCOUNT_B)).resource(allowTo("'" + ACCOUNT_B + "'")).allows(),
                when("cross-account: the root user of the other account is still denied without a resource policy (XACCT)")
                        .by(RequestPrincipal.of("arn:aws:iam::444455556666:root", ACCOUNT_B)).denied(PolicyKind.RESOURCE),
                when("cross-account: an explicit Deny in the resource policy beats both Allows (XACCT, EVAL)")
                        .by(BOB).identity(ALLOW_GET)
                        .resource(allowTo("'" + ACCOUNT_B + "'"),
                                "{'Effect':'Deny','Principal':{'AWS':'" + BOB_ARN + "'},'Action':'secretsmanager:GetSecretValue','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.RESOURCE),
                when("cross-account: an explicit Deny in the caller's identity policy beats both Allows (XACCT, EVAL)")
                        .by(BOB).identity(ALLOW_GET, "{'Effect':'Deny','Action':'secretsmanager:*','Resource':'*'}")
                        .resource(allowTo("'" + ACCOUNT_B + "'")).explicitlyDenied(PolicyKind.IDENTITY));
    }

    static List<Case> kmsKeyPolicies() {
        String decrypt = "kms:Decrypt";
        String iamAllowsDecrypt = "{'Effect':'Allow','Action':'kms:Decrypt','Resource':'*'}";
        String defaultKeyPolicy = "{'Sid':'Enable IAM User Permissions','Effect':'Allow','Principal':{'AWS':'" + ROOT_A
                + "'},'Action':'kms:*','Resource':'*'}";
        return List.of(
                when("KMS: a key policy naming the user directly allows with no IAM policy (KMS: key policies are the primary way to control access)")
                        .key(decrypt).resource(keyAllowTo("'" + ALICE_ARN + "'")).allows(),
                when("KMS: the default key policy (account root) lets an IAM policy allow (KMS: default key policy 'enables IAM policies')")
                        .key(decrypt).identity(iamAllowsDecrypt).resource(defaultKeyPolicy).allows(),
                when("KMS: root delegation without an IAM Allow is denied, no identity-based policy allows (KMS)")
                        .key(decrypt).resource(defaultKeyPolicy).denied(PolicyKind.IDENTITY),
                when("KMS: an IAM Allow is not enough when the key policy neither names the user nor the account (KMS: 'IAM policies by themselves are not sufficient')")
                        .key(decrypt).identity(iamAllowsDecrypt).resource(keyAllowTo("'" + CAROL_ARN + "'"))
                        .denied(PolicyKind.RESOURCE),
                when("KMS: an IAM Allow is not enough with no key policy at all (KMS: every key must have a key policy that allows)")
                        .key(decrypt).identity(iamAllowsDecrypt).denied(PolicyKind.RESOURCE),
                when("KMS: the root user has no access the key policy does not give it (KMS: 'No AWS principal, including the account root user ... has any permissions to a KMS key unless they are explicitly allowed')")
                        .by(ROOT).key(decrypt).resource(keyAllowTo("'" + ALICE_ARN + "'")).denied(PolicyKind.RESOURCE),
                when("KMS: the root user is allowed by the default key policy that names it (KMS)")
                        .by(ROOT).key(decrypt).resource(defaultKeyPolicy).allows(),
                when("KMS: an explicit Deny in the key policy beats the IAM Allow (KMS, EVAL)")
                        .key(decrypt).identity(iamAllowsDecrypt)
                        .resource(defaultKeyPolicy, "{'Effect':'Deny','Principal':'*','Action':'kms:Decrypt','Resource':'*'}")
                        .explicitlyDenied(PolicyKind.RESOURCE),
                when("KMS cross-account: the key policy names the external account and its IAM policy allows (KMS: 'Allowing users in other accounts to use a KMS key')")
                        .by(BOB).key(decrypt).identity(iamAllowsDecrypt).resource(keyAllowTo("'" + ACCOUNT_B + "'")).allows(),
                when("KMS cross-account: the key policy alone is not enough without the external IAM Allow (KMS, XACCT)")
                        .by(BOB).key(decrypt).resource(keyAllowTo("'" + BOB_ARN + "'")).denied(PolicyKind.IDENTITY));
    }

    static List<Case> negatedElements() {
        String denyUnlessAliceAndAccount = "{'Effect':'Deny','NotPrincipal':{'AWS':['" + ALICE_ARN + "','" + ROOT_A
                + "']},'Action':'secretsmanager:*','Resource':'*'}";
        String denyUnlessAliceOnly = "{'Effect':'Deny','NotPrincipal':{'AWS':'" + ALICE_ARN + "'},'Action':'secretsmanager:*','Resource':'*'}";
        return List.of(
                when("NotAction with Allow allows every action but the listed one (NOTACTION)")
                        .identity("{'Effect':'Allow','NotAction':'secretsmanager:DeleteSecret','Resource':'*'}").allows(),
                when("NotAction with Allow does not allow the listed action (NOTACTION)")
                        .does("secretsmanager:DeleteSecret")
                        .identity("{'Effect':'Allow','NotAction':'secretsmanager:DeleteSecret','Resource':'*'}")
                        .denied(PolicyKind.IDENTITY),
                when("NotAction with Deny denies every action but the listed ones (NOTACTION)")
                        .does("secretsmanager:PutSecretValue")
                        .identity(ALLOW_ALL_SM, "{'Effect':'Deny','NotAction':['secretsmanager:Get*','secretsmanager:Describe*'],'Resource':'*'}")
                        .explicitlyDenied(PolicyKind.IDENTITY),
                when("NotAction with Deny leaves the listed actions to the Allow (NOTACTION)")
                        .identity(ALLOW_ALL_SM, "{'Effect':'Deny','NotAction':['secretsmanager:Get*','secretsmanager:Describe*'],'Resource':'*'}")
                        .allows(),
                when("NotResource with Allow covers every resource but the listed one (NOTRESOURCE)")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','NotResource':'" + OTHER_SECRET + "'}")
                        .allows(),
                when("NotResource with Allow does not cover the listed resource (NOTRESOURCE)")
                        .on(OTHER_SECRET)
                        .identity("{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','NotResource':'" + OTHER_SECRET + "'}")
                        .denied(PolicyKind.IDENTITY),
                when("NotResource with Deny denies everything outside the listed resources (NOTRESOURCE)")
                        .on(OTHER_SECRET)
                        .identity(ALLOW_ALL_SM, "{'Effect':'Deny','Action':'secretsmanager:*','NotResource':'arn:aws:secretsmanager:*:*:secret:prod/*'}")
                        .explicitlyDenied(PolicyKind.IDENTITY),
                when("NotPrincipal with Deny listing the user and its account leaves the user to the Allow (NOTPRINCIPAL: example 'IAM user')")
                        .identity(ALLOW_GET).resource(denyUnlessAliceAndAccount).allows(),
                when("NotPrincipal with Deny listing only the user still denies it: its account is not listed (NOTPRINCIPAL: 'you must also specify the account ARN')")
                        .identity(ALLOW_GET).resource(denyUnlessAliceOnly).explicitlyDenied(PolicyKind.RESOURCE),
                when("NotPrincipal with Deny denies a user that is not listed, though its account is (NOTPRINCIPAL)")
                        .by(CAROL).identity(ALLOW_GET).resource(denyUnlessAliceAndAccount).explicitlyDenied(PolicyKind.RESOURCE),
                when("NotPrincipal with Deny listing session, role and account leaves the role session out (NOTPRINCIPAL: example 'IAM role')")
                        .by(SESSION).identity(ALLOW_GET)
                        .resource("{'Effect':'Deny','NotPrincipal':{'AWS':['" + SESSION_ARN + "','" + ROLE_ARN + "','" + ROOT_A
                                + "']},'Action':'secretsmanager:*','Resource':'*'}").allows(),
                when("NotPrincipal with Deny missing the role ARN still denies the session (NOTPRINCIPAL: 'If the NotPrincipal element was missing the ARN of the role')")
                        .by(SESSION).identity(ALLOW_GET)
                        .resource("{'Effect':'Deny','NotPrincipal':{'AWS':['" + SESSION_ARN + "','" + ROOT_A
                                + "']},'Action':'secretsmanager:*','Resource':'*'}").explicitlyDenied(PolicyKind.RESOURCE),
                when("NotPrincipal with Deny naming the role but not the session still denies the session (NOTPRINCIPAL: 'Principals must always name a specific session')")
                        .by(SESSION).identity(ALLOW_GET)
                        .resource("{'Effect':'Deny','NotPrincipal':{'AWS':['" + ROLE_ARN + "','" + ROOT_A
                                + "']},'Action':'secretsmanager:*','Resource':'*'}").explicitlyDenied(PolicyKind.RESOURCE),
                when("NotPrincipal with Allow grants every principal but the listed ones (NOTPRINCIPAL: 'NotPrincipal with Allow')")
                        .resource("{'Effect':'Allow','NotPrincipal':{'AWS':'" + CAROL_ARN + "'},'Action':'secretsmanager:GetSecretValue','Resource':'*'}")
                        .allows());
    }

    static List<Case> wildcards() {
        return List.of(
                when("action wildcard secretsmanager:Get* matches GetSecretValue (ACTION)")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:Get*','Resource':'*'}").allows(),
                when("action wildcard secretsmanager:Get* does not match PutSecretValue (ACTION)")
                        .does("secretsmanager:PutSecretValue")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:Get*','Resource':'*'}").denied(PolicyKind.IDENTITY),
                when("Action '*' matches every action of every service (ACTION)")
                        .does("kms:Decrypt").identity("{'Effect':'Allow','Action':'*','Resource':'*'}").allows(),
                when("'?' in an action matches exactly one character (ACTION)")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:?etSecretValu?','Resource':'*'}").allows(),
                when("'?' in an action does not match zero characters (ACTION)")
                        .identity("{'Effect':'Allow','Action':'secretsmanager:GetSecretValue?','Resource':'*'}").denied(PolicyKind.IDENTITY),
                when("action names are case-insensitive (ACTION: 'not case sensitive')")
                        .identity("{'Effect':'Allow','Action':'SecretsManager:getsecretVALUE','Resource':'*'}").allows(),
                when("a service prefix wildcard does not match another service (ACTION)")
                        .does("kms:Decrypt").identity(ALLOW_ALL_SM).denied(PolicyKind.IDENTITY),
                when("resource ARNs are case-sensitive (RESOURCE: ARNs are case sensitive)")
                        .identity("{'Effect':'Allow','Action':'*','Resource':'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/DB-AbCdEf'}")
                        .denied(PolicyKind.IDENTITY),
                when("'*' in a resource ARN spans any characters, across fields (RESOURCE: wildcards)")
                        .identity("{'Effect':'Allow','Action':'*','Resource':'arn:aws:secretsmanager:*:111122223333:secret:prod/*'}").allows(),
                when("a resource ARN wildcard for another path does not match (RESOURCE)")
                        .identity("{'Effect':'Allow','Action':'*','Resource':'arn:aws:secretsmanager:*:111122223333:secret:dev/*'}")
                        .denied(PolicyKind.IDENTITY),
                when("'?' in a resource ARN matches one character, as the random suffix (RESOURCE)")
                        .identity("{'Effect':'Allow','Action':'*','Resource':'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????'}")
                        .allows(),
                when("one of several resources matching is enough (RESOURCE: array is OR)")
                        .identity("{'Effect':'Allow','Action':'*','Resource':['" + OTHER_SECRET + "','" + SECRET + "']}").allows());
    }

    static List<Case> stringAndArnOperators() {
        ConditionContext prod = ctx("secretsmanager:ResourceTag/env", "prod");
        return List.of(
                when("StringEquals holds when the key has the value (OPS: string)")
                        .with(prod).identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("StringEquals is false when the key is absent (OPS: 'If the key ... is not present in the request context, the values do not match')")
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod'}")).denied(PolicyKind.IDENTITY),
                when("StringEquals is case-sensitive (OPS: 'Exact matching, case sensitive')")
                        .with(ctx("secretsmanager:ResourceTag/env", "Prod"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod'}")).denied(PolicyKind.IDENTITY),
                when("StringEquals takes '*' literally (OPS: StringEquals is exact matching)")
                        .with(ctx("secretsmanager:ResourceTag/env", "production"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod*'}")).denied(PolicyKind.IDENTITY),
                when("StringEqualsIgnoreCase ignores case (OPS)")
                        .with(ctx("secretsmanager:ResourceTag/env", "PROD"))
                        .identity(allowIf("'StringEqualsIgnoreCase':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("StringNotEquals holds for another value (OPS)")
                        .with(ctx("secretsmanager:ResourceTag/env", "dev"))
                        .identity(allowIf("'StringNotEquals':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("StringNotEquals with the key absent is true (OPS: negated operators 'and the right key is not present, the condition is true')")
                        .identity(allowIf("'StringNotEquals':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("StringNotEqualsIgnoreCase is false for the value in another case (OPS)")
                        .with(ctx("secretsmanager:ResourceTag/env", "PROD"))
                        .identity(allowIf("'StringNotEqualsIgnoreCase':{'secretsmanager:ResourceTag/env':'prod'}")).denied(PolicyKind.IDENTITY),
                when("StringLike '*' matches any run of characters (OPS: StringLike multi-character wildcard)")
                        .with(ctx("secretsmanager:SecretId", SECRET))
                        .identity(allowIf("'StringLike':{'secretsmanager:SecretId':'arn:aws:secretsmanager:*:*:secret:prod/*'}")).allows(),
                when("StringLike '?' matches exactly one character (OPS: single-character wildcard)")
                        .with(ctx("secretsmanager:VersionStage", "AWSCURRENT"))
                        .identity(allowIf("'StringLike':{'secretsmanager:VersionStage':'AWS?URRENT'}")).allows(),
                when("StringLike is case-sensitive (OPS)")
                        .with(ctx("secretsmanager:VersionStage", "awscurrent"))
                        .identity(allowIf("'StringLike':{'secretsmanager:VersionStage':'AWS*'}")).denied(PolicyKind.IDENTITY),
                when("StringNotLike with the key absent is true (OPS: negated operators)")
                        .identity(allowIf("'StringNotLike':{'secretsmanager:SecretId':'*dev*'}")).allows(),
                when("several values of one key are ORed (OPS / Condition: 'multiple values ... evaluated using a logical OR')")
                        .with(ctx("secretsmanager:VersionStage", "AWSPENDING"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:VersionStage':['AWSCURRENT','AWSPENDING']}")).allows(),
                when("several keys under one operator are ANDed: one unmet key fails the statement (Condition: logical AND)")
                        .with(prod)
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod','aws:PrincipalTag/team':'payments'}"))
                        .denied(PolicyKind.IDENTITY),
                when("several keys under one operator are ANDed: all met allows (Condition: logical AND)")
                        .by(ALICE.withTags(Map.of("team", "payments"))).with(prod)
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod','aws:PrincipalTag/team':'payments'}"))
                        .allows(),
                when("several operators are ANDed: a false IpAddress fails the statement (Condition: logical AND)")
                        .with(ConditionContext.builder().put("secretsmanager:ResourceTag/env", "prod").put("aws:SourceIp", "198.51.100.7").build())
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod'},'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}"))
                        .denied(PolicyKind.IDENTITY),
                when("condition key names are case-insensitive (VARS/KEYS: 'Key names are case-insensitive')")
                        .with(prod).identity(allowIf("'StringEquals':{'SecretsManager:RESOURCETAG/env':'prod'}")).allows(),
                when("ArnLike on aws:PrincipalArn: a role session matches its role's ARN (KEYS: aws:PrincipalArn is the role ARN for a role session)")
                        .by(SESSION).identity(allowIf("'ArnLike':{'aws:PrincipalArn':'" + ROLE_ARN + "'}")).allows(),
                when("ArnEquals accepts wildcards and behaves as ArnLike (OPS: 'These behave identically')")
                        .by(SESSION).identity(allowIf("'ArnEquals':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/*'}")).allows(),
                when("ArnLike checks each of the six fields separately: '*' in a field matches that field (OPS: ARN operators)")
                        .by(SESSION).identity(allowIf("'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/Deployer'}")).allows(),
                when("ArnLike checks each field separately: a '*' does not reach across a colon into the next field (OPS: 'Each of the six colon-delimited components ... is checked separately')")
                        .by(SESSION).identity(allowIf("'ArnLike':{'aws:PrincipalArn':'arn:aws:*:111122223333:role/Deployer'}"))
                        .denied(PolicyKind.IDENTITY),
                when("ArnLike is case-sensitive (OPS: 'Case-sensitive matching of the ARN')")
                        .by(SESSION).identity(allowIf("'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/deployer'}"))
                        .denied(PolicyKind.IDENTITY),
                when("ArnNotLike with the key absent is true (OPS: negated operators)")
                        .identity(allowIf("'ArnNotLike':{'aws:SourceArn':'arn:aws:lambda:*:*:function:*'}")).allows(),
                when("ArnNotEquals is false for a matching ARN (OPS)")
                        .by(SESSION).identity(allowIf("'ArnNotEquals':{'aws:PrincipalArn':'" + ROLE_ARN + "'}")).denied(PolicyKind.IDENTITY));
    }

    static List<Case> otherOperators() {
        ConditionContext now = ctx("aws:CurrentTime", "2024-05-01T12:00:00Z");
        return List.of(
                when("NumericLessThanEquals holds for a smaller number (OPS: numeric)")
                        .with(ctx("aws:MultiFactorAuthAge", "300"))
                        .identity(allowIf("'NumericLessThanEquals':{'aws:MultiFactorAuthAge':'3600'}")).allows(),
                when("NumericLessThanEquals fails for a larger number (OPS: numeric)")
                        .with(ctx("aws:MultiFactorAuthAge", "7200"))
                        .identity(allowIf("'NumericLessThanEquals':{'aws:MultiFactorAuthAge':'3600'}")).denied(PolicyKind.IDENTITY),
                when("NumericEquals compares numbers, not strings (OPS: numeric)")
                        .with(ctx("aws:MultiFactorAuthAge", "10.0"))
                        .identity(allowIf("'NumericEquals':{'aws:MultiFactorAuthAge':'10'}")).allows(),
                when("NumericGreaterThan with the key absent is false (OPS: missing key)")
                        .identity(allowIf("'NumericGreaterThan':{'aws:MultiFactorAuthAge':'0'}")).denied(PolicyKind.IDENTITY),
                when("NumericNotEquals with the key absent is true (OPS: negated operators)")
                        .identity(allowIf("'NumericNotEquals':{'aws:MultiFactorAuthAge':'0'}")).allows(),
                when("DateGreaterThan on aws:CurrentTime with an ISO 8601 date (OPS: date, KEYS: aws:CurrentTime)")
                        .with(now).identity(allowIf("'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}")).allows(),
                when("DateLessThan on aws:CurrentTime is false after the date (OPS: date)")
                        .with(now).identity(allowIf("'DateLessThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}")).denied(PolicyKind.IDENTITY),
                when("a date may be written as epoch seconds (OPS: date 'ISO 8601 ... or epoch (UNIX) time')")
                        .with(now).identity(allowIf("'DateGreaterThan':{'aws:CurrentTime':'1577836800'}")).allows(),
                when("an epoch date after the request time is not less (OPS: date, epoch)")
                        .with(now).identity(allowIf("'DateLessThanEquals':{'aws:CurrentTime':'1577836800'}")).denied(PolicyKind.IDENTITY),
                when("DateEquals compares instants, whatever the format (OPS: date)")
                        .with(ctx("aws:CurrentTime", "2020-01-01T00:00:00Z"))
                        .identity(allowIf("'DateEquals':{'aws:CurrentTime':'1577836800'}")).allows(),
                when("Deny with Bool aws:SecureTransport false denies a plain-HTTP request (OPS: Bool, KEYS: aws:SecureTransport)")
                        .with(ctx("aws:SecureTransport", "false"))
                        .identity(ALLOW_GET, denyIf("'Bool':{'aws:SecureTransport':'false'}")).explicitlyDenied(PolicyKind.IDENTITY),
                when("Deny with Bool aws:SecureTransport false leaves a TLS request alone (OPS: Bool)")
                        .with(ctx("aws:SecureTransport", "true"))
                        .identity(ALLOW_GET, denyIf("'Bool':{'aws:SecureTransport':'false'}")).allows(),
                when("Allow with Bool aws:MultiFactorAuthPresent true allows an MFA session (KEYS: aws:MultiFactorAuthPresent)")
                        .with(ctx("aws:MultiFactorAuthPresent", "true"))
                        .identity(allowIf("'Bool':{'aws:MultiFactorAuthPresent':'true'}")).allows(),
                when("Bool with the key absent is false: long-term keys carry no aws:MultiFactorAuthPresent (KEYS: aws:MultiFactorAuthPresent)")
                        .identity(allowIf("'Bool':{'aws:MultiFactorAuthPresent':'true'}")).denied(PolicyKind.IDENTITY),
                when("Deny with BoolIfExists aws:MultiFactorAuthPresent false denies when the key is absent (KEYS: the documented BoolIfExists pattern)")
                        .identity(ALLOW_GET, denyIf("'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}")).explicitlyDenied(PolicyKind.IDENTITY),
                when("Deny with BoolIfExists aws:MultiFactorAuthPresent false leaves an MFA session alone (KEYS)")
                        .with(ctx("aws:MultiFactorAuthPresent", "true"))
                        .identity(ALLOW_GET, denyIf("'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}")).allows(),
                when("IpAddress holds for an IPv4 address inside the CIDR block (OPS: IP address, KEYS: aws:SourceIp)")
                        .with(ctx("aws:SourceIp", "203.0.113.7"))
                        .identity(allowIf("'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}")).allows(),
                when("IpAddress fails for an IPv4 address outside the block (OPS: IP address)")
                        .with(ctx("aws:SourceIp", "203.0.114.7"))
                        .identity(allowIf("'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}")).denied(PolicyKind.IDENTITY),
                when("IpAddress holds for an IPv6 address inside the block (OPS: IP address 'IPv4 or IPv6')")
                        .with(ctx("aws:SourceIp", "2001:db8:1234:5678::1"))
                        .identity(allowIf("'IpAddress':{'aws:SourceIp':['203.0.113.0/24','2001:DB8:1234:5678::/64']}")).allows(),
                when("IpAddress fails for an IPv6 address outside the block (OPS: IP address)")
                        .with(ctx("aws:SourceIp", "2001:db8:1234:5679::1"))
                        .identity(allowIf("'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}")).denied(PolicyKind.IDENTITY),
                when("Deny with NotIpAddress denies a request from outside the range (OPS: NotIpAddress)")
                        .with(ctx("aws:SourceIp", "198.51.100.7"))
                        .identity(ALLOW_GET, denyIf("'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}")).explicitlyDenied(PolicyKind.IDENTITY),
                when("Deny with NotIpAddress leaves a request from inside the range alone (OPS: NotIpAddress)")
                        .with(ctx("aws:SourceIp", "203.0.113.9"))
                        .identity(ALLOW_GET, denyIf("'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}")).allows(),
                when("NotIpAddress with aws:SourceIp absent is true, so the Deny applies (OPS: negated operators with a missing key)")
                        .identity(ALLOW_GET, denyIf("'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}")).explicitlyDenied(PolicyKind.IDENTITY),
                when("Null true holds when the key is absent (OPS: Null 'the key is absent')")
                        .identity(allowIf("'Null':{'aws:MultiFactorAuthAge':'true'}")).allows(),
                when("Null true fails when the key is present (OPS: Null)")
                        .with(ctx("aws:MultiFactorAuthAge", "60"))
                        .identity(allowIf("'Null':{'aws:MultiFactorAuthAge':'true'}")).denied(PolicyKind.IDENTITY),
                when("Null false holds when the key is present (OPS: Null 'the key exists and its value is not null')")
                        .with(ctx("aws:MultiFactorAuthAge", "60"))
                        .identity(allowIf("'Null':{'aws:MultiFactorAuthAge':'false'}")).allows(),
                when("Null false fails when the key is absent (OPS: Null)")
                        .identity(allowIf("'Null':{'aws:MultiFactorAuthAge':'false'}")).denied(PolicyKind.IDENTITY),
                when("BinaryEquals holds for the same base-64 value (OPS: binary)")
                        .with(ctx("app:Fingerprint", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="))
                        .identity(allowIf("'BinaryEquals':{'app:Fingerprint':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}")).allows(),
                when("BinaryEquals fails for another value (OPS: binary)")
                        .with(ctx("app:Fingerprint", "T3RoZXJWYWx1ZQ=="))
                        .identity(allowIf("'BinaryEquals':{'app:Fingerprint':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}")).denied(PolicyKind.IDENTITY));
    }

    static List<Case> setOperatorsAndIfExists() {
        String onlyEnvAndTeam = "'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}";
        String anyEnv = "'ForAnyValue:StringEquals':{'aws:TagKeys':['env']}";
        return List.of(
                when("StringEqualsIfExists with the key absent is true (OPS: '...IfExists': 'If the key is not present, evaluate the condition element as true')")
                        .identity(allowIf("'StringEqualsIfExists':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("StringEqualsIfExists with the key present compares as StringEquals (OPS: IfExists)")
                        .with(ctx("secretsmanager:ResourceTag/env", "dev"))
                        .identity(allowIf("'StringEqualsIfExists':{'secretsmanager:ResourceTag/env':'prod'}")).denied(PolicyKind.IDENTITY),
                when("NumericLessThanIfExists with the key absent is true (OPS: IfExists)")
                        .identity(allowIf("'NumericLessThanIfExists':{'aws:MultiFactorAuthAge':'3600'}")).allows(),
                when("IpAddressIfExists with the key present compares as IpAddress (OPS: IfExists)")
                        .with(ctx("aws:SourceIp", "198.51.100.1"))
                        .identity(allowIf("'IpAddressIfExists':{'aws:SourceIp':'203.0.113.0/24'}")).denied(PolicyKind.IDENTITY),
                when("ForAllValues holds when every request value is in the policy's set (MULTI)")
                        .with(ctxList("aws:TagKeys", "env"))
                        .identity(allowIf(onlyEnvAndTeam)).allows(),
                when("ForAllValues fails when one request value is outside the set (MULTI)")
                        .with(ctxList("aws:TagKeys", "env", "owner"))
                        .identity(allowIf(onlyEnvAndTeam)).denied(PolicyKind.IDENTITY),
                when("ForAllValues is true when the key is missing (MULTI: 'returns true if there are no context keys in the request')")
                        .identity(allowIf(onlyEnvAndTeam)).allows(),
                when("ForAllValues is true for an empty set of values (MULTI: 'resolve to an empty data set ... ForAllValues returns true')")
                        .with(ctxList("aws:TagKeys"))
                        .identity(allowIf(onlyEnvAndTeam)).allows(),
                when("ForAllValues is true when the values resolve to an empty string (MULTI: 'an empty data set (for example, an empty string)')")
                        .with(ctx("aws:TagKeys", ""))
                        .identity(allowIf(onlyEnvAndTeam)).allows(),
                when("ForAnyValue holds when one request value is in the set (MULTI)")
                        .with(ctxList("aws:TagKeys", "owner", "env"))
                        .identity(allowIf(anyEnv)).allows(),
                when("ForAnyValue fails when no request value is in the set (MULTI)")
                        .with(ctxList("aws:TagKeys", "owner", "team"))
                        .identity(allowIf(anyEnv)).denied(PolicyKind.IDENTITY),
                when("ForAnyValue is false when the key is missing (MULTI: ForAnyValue 'if the key does not exist, the condition returns false')")
                        .identity(allowIf(anyEnv)).denied(PolicyKind.IDENTITY),
                when("ForAnyValue is false when the values resolve to an empty string (MULTI: empty data set)")
                        .with(ctx("aws:TagKeys", ""))
                        .identity(allowIf(anyEnv)).denied(PolicyKind.IDENTITY),
                when("Deny with ForAnyValue:StringLike denies when any request value matches (MULTI: the documented Deny example)")
                        .with(ctxList("aws:TagKeys", "Name", "env"))
                        .identity(ALLOW_GET, denyIf("'ForAnyValue:StringLike':{'aws:TagKeys':['env*','secret*']}"))
                        .explicitlyDenied(PolicyKind.IDENTITY),
                when("a multivalued key without a set operator matches when any value matches (MULTI)")
                        .with(ctxList("aws:TagKeys", "owner", "env"))
                        .identity(allowIf("'StringEquals':{'aws:TagKeys':'env'}")).allows());
    }

    static List<Case> conditionKeys() {
        RequestPrincipal taggedAlice = ALICE.withTags(Map.of("team", "payments"));
        return List.of(
                when("aws:PrincipalArn of a user is its ARN (KEYS: aws:PrincipalArn)")
                        .identity(allowIf("'StringEquals':{'aws:PrincipalArn':'" + ALICE_ARN + "'}")).allows(),
                when("aws:PrincipalArn of a role session is the role ARN, not the session ARN (KEYS: aws:PrincipalArn)")
                        .by(SESSION).identity(allowIf("'StringEquals':{'aws:PrincipalArn':'" + SESSION_ARN + "'}"))
                        .denied(PolicyKind.IDENTITY),
                when("aws:PrincipalAccount is the caller's account in a resource policy to '*' (KEYS: aws:PrincipalAccount)")
                        .resource("{'Effect':'Allow','Principal':'*','Action':'secretsmanager:GetSecretValue','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalAccount':'"
                                + ACCOUNT_A + "'}}}").allows(),
                when("aws:PrincipalAccount of a caller from another account does not match (KEYS: aws:PrincipalAccount)")
                        .by(BOB).identity(ALLOW_GET)
                        .resource("{'Effect':'Allow','Principal':'*','Action':'secretsmanager:GetSecretValue','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalAccount':'"
                                + ACCOUNT_A + "'}}}").denied(PolicyKind.RESOURCE),
                when("aws:PrincipalTag/team is the principal's tag (KEYS: aws:PrincipalTag/tag-key)")
                        .by(taggedAlice).identity(allowIf("'StringEquals':{'aws:PrincipalTag/team':'payments'}")).allows(),
                when("aws:PrincipalTag/team is absent for an untagged principal (KEYS: aws:PrincipalTag/tag-key)")
                        .identity(allowIf("'StringEquals':{'aws:PrincipalTag/team':'payments'}")).denied(PolicyKind.IDENTITY),
                when("secretsmanager:ResourceTag/env compares the secret's tag (Secrets Manager condition keys)")
                        .with(ctx("secretsmanager:ResourceTag/env", "prod"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/env':'prod'}")).allows(),
                when("secretsmanager:SecretId given as the ARN matches an ArnLike (Secrets Manager condition keys)")
                        .with(ctx("secretsmanager:SecretId", SECRET))
                        .identity(allowIf("'ArnLike':{'secretsmanager:SecretId':'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/*'}")).allows(),
                when("secretsmanager:VersionStage absent fails a StringEquals (Secrets Manager condition keys)")
                        .identity(allowIf("'StringEquals':{'secretsmanager:VersionStage':'AWSCURRENT'}")).denied(PolicyKind.IDENTITY),
                when("kms:EncryptionContext:SecretARN matches the secret bound into the ciphertext (KMS: kms:EncryptionContext:context-key)")
                        .key("kms:Decrypt").with(ctx("kms:EncryptionContext:SecretARN", SECRET))
                        .resource(keyAllowTo("'" + ALICE_ARN + "'", "'StringEquals':{'kms:EncryptionContext:SecretARN':'" + SECRET + "'}"))
                        .allows(),
                when("kms:EncryptionContext:SecretARN absent fails the StringEquals (KMS: kms:EncryptionContext:context-key)")
                        .key("kms:Decrypt")
                        .resource(keyAllowTo("'" + ALICE_ARN + "'", "'StringEquals':{'kms:EncryptionContext:SecretARN':'" + SECRET + "'}"))
                        .denied(PolicyKind.RESOURCE),
                when("kms:ViaService allows a call made through Secrets Manager (KMS: kms:ViaService)")
                        .key("kms:Decrypt").with(ctx("kms:ViaService", "secretsmanager.us-east-1.amazonaws.com"))
                        .resource(keyAllowTo("'" + ALICE_ARN + "'", "'StringEquals':{'kms:ViaService':'secretsmanager.us-east-1.amazonaws.com'}"))
                        .allows(),
                when("kms:ViaService absent: a direct call does not match (KMS: kms:ViaService)")
                        .key("kms:Decrypt")
                        .resource(keyAllowTo("'" + ALICE_ARN + "'", "'StringEquals':{'kms:ViaService':'secretsmanager.us-east-1.amazonaws.com'}"))
                        .denied(PolicyKind.RESOURCE),
                when("a context value set by the caller wins over the derived one (AccessRequest: the context may set principal keys)")
                        .with(ctx("aws:PrincipalArn", "arn:aws:iam::111122223333:role/Other"))
                        .identity(allowIf("'StringEquals':{'aws:PrincipalArn':'" + ALICE_ARN + "'}")).denied(PolicyKind.IDENTITY));
    }

    static List<Case> policyVariables() {
        String home = "arn:aws:secretsmanager:us-east-1:111122223333:secret:home/alice/token-AbCdEf";
        String allowHome = "{'Effect':'Allow','Action':'secretsmanager:*','Resource':'arn:aws:secretsmanager:us-east-1:111122223333:secret:home/${aws:username}/*'}";
        return List.of(
                when("${aws:username} in a Resource is replaced by the user's name (VARS)")
                        .on(home).identity(allowHome).allows(),
                when("${aws:username} does not match another user's path (VARS)")
                        .by(CAROL).on(home).identity(allowHome).denied(PolicyKind.IDENTITY),
                when("${aws:username} is absent for a role session, so the Resource matches nothing (VARS: aws:username is 'not present' for a role, 'any attempt to match it fails')")
                        .by(SESSION).on(home).identity(allowHome).denied(PolicyKind.IDENTITY),
                when("a policy variable is literal text unless Version is 2012-10-17 (VARS: 'If you don't include the Version element and set it to an appropriate version date, variables ... are treated as literal strings')")
                        .on(home).identityDocument("{'Version':'2008-10-17','Statement':[" + allowHome + "]}")
                        .denied(PolicyKind.IDENTITY),
                when("a substituted value is literal: a '*' in a principal tag is not a wildcard (VARS)")
                        .by(ALICE.withTags(Map.of("team", "*")))
                        .on("arn:aws:secretsmanager:us-east-1:111122223333:secret:team/payments/db-AbCdEf")
                        .identity("{'Effect':'Allow','Action':'*','Resource':'arn:aws:secretsmanager:*:*:secret:team/${aws:PrincipalTag/team}/*'}")
                        .denied(PolicyKind.IDENTITY),
                when("a variable in a condition value is resolved per request (VARS: ${aws:PrincipalTag/team} in StringEquals)")
                        .by(ALICE.withTags(Map.of("team", "payments"))).with(ctx("secretsmanager:ResourceTag/team", "payments"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/team':'${aws:PrincipalTag/team}'}")).allows(),
                when("a variable's default value stands in when the key is absent (VARS: default values)")
                        .with(ctx("secretsmanager:ResourceTag/team", "none"))
                        .identity(allowIf("'StringEquals':{'secretsmanager:ResourceTag/team':'${aws:PrincipalTag/team, \\u0027none\\u0027}'}"))
                        .allows());
    }

    // ---------------------------------------------------------------- the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsAwsDocuments(Case c) {
        Decision decision = PolicyEvaluator.evaluate(c.request(), c.identityPolicies(), c.resourcePolicy(), c.kind());

        assertEquals(c.expected(), decision.outcome(), () -> c.name() + " — decided: " + decision);
        if (c.expectedReason() != null) {
            assertEquals(c.expectedReason(), decision.reason(), c.name());
        }
        if (decision.outcome() == Outcome.EXPLICIT_DENY) {
            assertEquals(c.denyingKind(), decision.decidedBy().kind(), c.name());
        }
    }

    // ---------------------------------------------------------------- AccessDeniedException wording (DENIED)

    @Test
    void implicitDenyByIdentityPoliciesReadsAsAwsWritesIt() {
        AccessRequest request = request(ALICE, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request, List.of(), null);
        assertEquals("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: secretsmanager:GetSecretValue"
                        + " on resource: " + SECRET + " because no identity-based policy allows the secretsmanager:GetSecretValue action",
                decision.denialMessage(request));
    }

    @Test
    void implicitDenyByTheResourcePolicyReadsAsAwsWritesIt() {
        AccessRequest request = request(BOB, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request, List.of(identityPolicy(ALLOW_GET)), null);
        assertEquals("User: arn:aws:iam::444455556666:user/bob is not authorized to perform: secretsmanager:GetSecretValue"
                        + " on resource: " + SECRET + " because no resource-based policy allows the secretsmanager:GetSecretValue action",
                decision.denialMessage(request));
    }

    @Test
    void explicitDenyInAnIdentityPolicyReadsAsAwsWritesIt() {
        AccessRequest request = request(SESSION, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request,
                List.of(identityPolicy(ALLOW_GET, "{'Effect':'Deny','Action':'*','Resource':'*'}")), null);
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/Deployer/ci-run is not authorized to perform:"
                        + " secretsmanager:GetSecretValue on resource: " + SECRET + " with an explicit deny in an identity-based policy",
                decision.denialMessage(request));
    }

    @Test
    void explicitDenyInTheResourcePolicyReadsAsAwsWritesIt() {
        AccessRequest request = request(ALICE, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request, List.of(identityPolicy(ALLOW_GET)),
                resourcePolicy("{'Sid':'NoReads','Effect':'Deny','Principal':'*','Action':'secretsmanager:GetSecretValue','Resource':'*'}"));
        assertEquals("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: secretsmanager:GetSecretValue"
                        + " on resource: " + SECRET + " with an explicit deny in a resource-based policy",
                decision.denialMessage(request));
        assertEquals("NoReads", decision.decidedBy().statement());
        assertEquals("secret-policy", decision.decidedBy().policyName());
    }

    @Test
    void anAllowedRequestHasNoDenialMessage() {
        AccessRequest request = request(ALICE, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request, List.of(identityPolicy(ALLOW_GET)), null);
        assertTrue(decision.allowed());
        assertThrows(IllegalStateException.class, () -> decision.denialMessage(request));
    }

    @Test
    void theDecidingStatementIsNamedBySidOrPosition() {
        AccessRequest request = request(ALICE, GET, SECRET, ACCOUNT_A, ConditionContext.empty());
        Decision decision = PolicyEvaluator.evaluate(request,
                List.of(identityPolicy("{'Effect':'Allow','Action':'kms:*','Resource':'*'}", ALLOW_GET)), null);
        assertEquals("Statement[1]", decision.decidedBy().statement());
        assertEquals(PolicyKind.IDENTITY, decision.decidedBy().kind());
    }

    // ---------------------------------------------------------------- helpers

    /** One row: the rule it checks (its name), the request, the policies, and AWS's outcome. */
    record Case(String name, AccessRequest request, List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy,
                ResourceKind kind, Outcome expected, String expectedReason, PolicyKind denyingKind) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Builder when(String name) {
        return new Builder(name);
    }

    /** Defaults: alice (account A) reads the prod secret of account A, no context, no policies. */
    static final class Builder {
        private final String name;
        private RequestPrincipal principal = ALICE;
        private String action = GET;
        private String resource = SECRET;
        private String resourceAccount = ACCOUNT_A;
        private ConditionContext context = ConditionContext.empty();
        private final List<NamedPolicy> identity = new ArrayList<>();
        private NamedPolicy resourcePolicy;
        private ResourceKind kind = ResourceKind.ORDINARY;

        Builder(String name) {
            this.name = name;
        }

        Builder by(RequestPrincipal who) {
            principal = who;
            return this;
        }

        Builder does(String what) {
            action = what;
            return this;
        }

        Builder on(String arn) {
            resource = arn;
            return this;
        }

        /** The request is on the KMS key of account A, whose key policy is the resource policy. */
        Builder key(String kmsAction) {
            action = kmsAction;
            resource = KEY;
            kind = ResourceKind.KMS_KEY;
            return this;
        }

        Builder with(ConditionContext keys) {
            context = keys;
            return this;
        }

        /** One identity policy (Version 2012-10-17) holding these statements. */
        Builder identity(String... statements) {
            identity.add(identityPolicy(statements));
            return this;
        }

        Builder identityDocument(String document) {
            identity.add(parsed("identity-policy-" + identity.size(), document, PolicyType.IDENTITY_POLICY));
            return this;
        }

        Builder resource(String... statements) {
            resourcePolicy = resourcePolicy(statements);
            return this;
        }

        Case allows() {
            return build(Outcome.ALLOW, null, null);
        }

        Case denied(PolicyKind missing) {
            return build(Outcome.IMPLICIT_DENY, "because no " + missing.phrase() + " policy allows the " + action + " action", null);
        }

        Case explicitlyDenied(PolicyKind where) {
            String reason = where == PolicyKind.IDENTITY ? "with an explicit deny in an identity-based policy"
                    : "with an explicit deny in a resource-based policy";
            return build(Outcome.EXPLICIT_DENY, reason, where);
        }

        private Case build(Outcome outcome, String reason, PolicyKind denyingKind) {
            return new Case(name, request(principal, action, resource, resourceAccount, context), List.copyOf(identity),
                    resourcePolicy, kind, outcome, reason, denyingKind);
        }
    }

    static AccessRequest request(RequestPrincipal who, String action, String resource, String account, ConditionContext context) {
        return new AccessRequest(who, action, resource, account, context);
    }

    static NamedPolicy identityPolicy(String... statements) {
        return parsed("identity-policy", document(statements), PolicyType.IDENTITY_POLICY);
    }

    static NamedPolicy resourcePolicy(String... statements) {
        return parsed("secret-policy", document(statements), PolicyType.RESOURCE_POLICY);
    }

    static String document(String... statements) {
        return "{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}";
    }

    /** Every policy of the table must be one AWS accepts: a parse error would make the case meaningless. */
    static NamedPolicy parsed(String name, String singleQuoted, PolicyType type) {
        ParsedPolicy parsed = PolicyParser.parse(singleQuoted.replace('\'', '"'), type);
        if (!parsed.valid()) {
            throw new IllegalArgumentException(name + " is not a valid policy: " + parsed.errors());
        }
        return new NamedPolicy(name, parsed.document());
    }

    static String allowTo(String principal) {
        return "{'Effect':'Allow','Principal':{'AWS':" + principal + "},'Action':'secretsmanager:GetSecretValue','Resource':'*'}";
    }

    static String keyAllowTo(String principal) {
        return "{'Effect':'Allow','Principal':{'AWS':" + principal + "},'Action':['kms:Decrypt','kms:Encrypt'],'Resource':'*'}";
    }

    static String keyAllowTo(String principal, String condition) {
        return "{'Effect':'Allow','Principal':{'AWS':" + principal + "},'Action':'kms:Decrypt','Resource':'*','Condition':{"
                + condition + "}}";
    }

    static String allowIf(String condition) {
        return "{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'*','Condition':{" + condition + "}}";
    }

    static String denyIf(String condition) {
        return "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{" + condition + "}}";
    }

    static ConditionContext ctx(String key, String value) {
        return ConditionContext.builder().put(key, value).build();
    }

    static ConditionContext ctxList(String key, String... values) {
        return ConditionContext.builder().put(key, List.of(values)).build();
    }
}
