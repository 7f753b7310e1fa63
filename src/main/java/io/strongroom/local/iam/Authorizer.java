package io.strongroom.local.iam;

import io.strongroom.local.policy.AccessRequest;
import io.strongroom.local.policy.ConditionContext;
import io.strongroom.local.policy.Decision;
import io.strongroom.local.policy.PolicyEvaluator;
import io.strongroom.local.policy.RequestPrincipal;
import io.strongroom.local.wire.AwsException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides every request of every service with the one policy evaluator: the caller's identity
 * policies (its user's or role's inline and attached policies) and the target's resource-based
 * policy, under the request's condition keys. A refusal is AWS's AccessDeniedException, worded
 * as AWS words it.
 *
 * <p>Condition keys every request carries: {@code aws:SourceIp}, {@code aws:CurrentTime},
 * {@code aws:EpochTime}, {@code aws:RequestedRegion}, {@code aws:SecureTransport},
 * {@code aws:PrincipalType}, {@code aws:userid}, and for temporary credentials
 * {@code aws:MultiFactorAuthPresent}; the principal's ARN, account and tags come from the caller.
 * {@code aws:SecureTransport} is {@code true}: the store listens on the loopback interface only,
 * so a request never crosses a network, and a policy written for AWS (whose endpoints are HTTPS
 * only) must not lock every local caller out (see docs/decisions/0012).
 */
public final class Authorizer {

    /** What the transport knows of a request. */
    public record Facts(String sourceIp, Instant now, String region) {}

    private final IamDirectory iam;

    public Authorizer(IamDirectory iam) {
        this.iam = iam;
    }

    /** Refuses the request with AccessDeniedException unless the policies allow it. */
    public void authorize(Caller caller, Facts facts, String action, AccessTarget target) {
        Decision decision = decide(caller, facts, action, target);
        if (!decision.allowed()) {
            throw AwsException.accessDenied(denialMessage(caller, action, target, decision));
        }
    }

    public Decision decide(Caller caller, Facts facts, String action, AccessTarget target) {
        if (caller.entityArn() == null) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY, null, "because no identity-based policy allows the " + action + " action");
        }
        IamDirectory.Entity entity = iam.entity(caller.entityArn());
        Map<String, String> tags = entity.tags();
        if (!caller.sessionTags().isEmpty()) {
            tags = new HashMap<>(tags);
            tags.putAll(caller.sessionTags());     // session tags override the role's own tags of the same key
        }
        RequestPrincipal principal = new RequestPrincipal(caller.arn(), caller.accountId(), tags,
                caller.roleSession() ? caller.entityArn() : null);
        AccessRequest request = new AccessRequest(principal, action, target.arn(), target.account(), conditions(caller, facts, target));
        return PolicyEvaluator.evaluate(request, entity.policies(), target.resourcePolicy(), target.kind());
    }

    /**
     * Whether evaluating a request of this caller may test the resource's tags, given whether the
     * resource's own policy does ({@link PolicyCache#testsResourceTags}): only then does an
     * operation need to read them.
     */
    public boolean needsResourceTags(Caller caller, boolean resourcePolicyTestsTags) {
        return resourcePolicyTestsTags || caller.entityArn() != null && iam.entity(caller.entityArn()).testsResourceTags();
    }

    /** {@code User: ARN is not authorized to perform: ACTION on resource: ARN because ...}, without "on resource" for {@code *}. */
    public static String denialMessage(Caller caller, String action, AccessTarget target, Decision decision) {
        return "User: " + caller.arn() + " is not authorized to perform: " + action
                + (AccessTarget.ANY.equals(target.arn()) ? "" : " on resource: " + target.arn()) + " " + decision.reason();
    }

    private static ConditionContext conditions(Caller caller, Facts facts, AccessTarget target) {
        ConditionContext.Builder b = ConditionContext.builder();
        if (facts.sourceIp() != null) {
            b.put("aws:SourceIp", facts.sourceIp());
        }
        b.put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(facts.now()));
        b.put("aws:EpochTime", Long.toString(facts.now().getEpochSecond()));
        if (facts.region() != null) {
            b.put("aws:RequestedRegion", facts.region());
        }
        b.put("aws:SecureTransport", "true");
        b.put("aws:PrincipalType", caller.roleSession() ? "AssumedRole" : "User");
        if (caller.userId() != null) {
            b.put("aws:userid", caller.userId());
        }
        if (caller.mfa() != null) {
            b.put("aws:MultiFactorAuthPresent", caller.mfa().toString());
        }
        if (Boolean.TRUE.equals(caller.mfa()) && caller.sessionCreated() != null) {
            // seconds since the MFA sign-in: the session's issue (a chained session counts from its own)
            b.put("aws:MultiFactorAuthAge", Long.toString(Math.max(0,
                    java.time.Duration.between(caller.sessionCreated(), facts.now()).toSeconds())));
        }
        for (Map.Entry<String, List<String>> c : target.conditions().entrySet()) {
            b.put(c.getKey(), c.getValue());
        }
        return b.build();
    }
}
