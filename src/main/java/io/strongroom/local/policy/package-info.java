/**
 * The one IAM policy evaluator of the store, shared by Secrets Manager, KMS, IAM and Access
 * Analyzer. It is pure: no I/O, no clock, no store types; it imports nothing of
 * {@code io.strongroom.local} (so any service package may use it without a cycle).
 *
 * <h2>Parsing</h2>
 * {@link io.strongroom.local.policy.PolicyParser#parse(String, io.strongroom.local.policy.PolicyType)}
 * reads a JSON policy once into an immutable {@link io.strongroom.local.policy.PolicyDocument}
 * (statements with compiled wildcards, principals with account IDs as root ARNs, conditions with
 * their values read) and returns every problem as a {@link io.strongroom.local.policy.Finding}
 * with Access Analyzer's finding type, issue code ({@code MISSING_EFFECT}, {@code INVALID_ACTION},
 * {@code INVALID_ARN_ACCOUNT}, ...) and location ({@code Statement[0].Action[1]}). Nothing is
 * thrown: ValidatePolicy and ValidateResourcePolicy report the findings, PutResourcePolicy refuses
 * a policy that is not {@link io.strongroom.local.policy.ParsedPolicy#valid()}.
 * {@link io.strongroom.local.policy.PublicAccess#principalIsPublic} answers BlockPublicPolicy.
 *
 * <h2>Evaluating</h2>
 * <pre>{@code
 * AccessRequest request = new AccessRequest(principal, "secretsmanager:GetSecretValue", secretArn,
 *         secretAccount, ConditionContext.builder().put("aws:SourceIp", ip).build());
 * Decision decision = PolicyEvaluator.evaluate(request, identityPolicies, resourcePolicyOrNull);
 * if (!decision.allowed()) {
 *     throw AwsException.accessDenied(decision.denialMessage(request));
 * }
 * }</pre>
 * For a KMS key pass {@link io.strongroom.local.policy.PolicyEvaluator.ResourceKind#KMS_KEY} and
 * the key policy as the resource policy. The {@link io.strongroom.local.policy.Decision} says
 * ALLOW, EXPLICIT_DENY or IMPLICIT_DENY, the deciding statement (policy name and Sid or index)
 * and AWS's reason phrase. Parse policies when they are stored, not per request: evaluation then
 * allocates little and does no parsing.
 */
package io.strongroom.local.policy;
