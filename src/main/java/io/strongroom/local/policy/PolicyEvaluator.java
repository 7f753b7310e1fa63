package io.strongroom.local.policy;

import java.util.List;

/**
 * The one policy evaluator, as AWS documents its evaluation logic for identity and
 * resource-based policies (no SCPs, permission boundaries or session policies yet):
 * <ol>
 *   <li>an explicit Deny in any applicable policy wins;</li>
 *   <li>the account root user needs no identity policy in its own account ("all requests are
 *       implicitly denied with the exception of the AWS account root user, which has full
 *       access"), though a KMS key policy must still allow it;</li>
 *   <li>within one account, an Allow in an identity policy, or in the resource policy for the
 *       principal itself, allows; a resource policy that names only the account's root delegates
 *       to the account's identity policies and allows nothing by itself;</li>
 *   <li>across accounts, the identity policy and the resource policy must both allow (the
 *       resource policy may name the caller's account);</li>
 *   <li>for a KMS key the key policy must always take part: it allows the principal itself, or
 *       names the account root so that identity policies may allow; without it nothing does.</li>
 * </ol>
 * It is stateless and does no I/O; policies are parsed once by {@link PolicyParser}.
 */
public final class PolicyEvaluator {

    /**
     * Whether the resource's own policy must always take part: a KMS key's key policy and a role's
     * trust policy must allow (alone, or by naming the account so that identity policies may),
     * even within one account; an ordinary resource's policy is one way among two.
     */
    public enum ResourceKind {
        ORDINARY, KMS_KEY, ROLE_TRUST;

        boolean policyRequired() {
            return this != ORDINARY;
        }
    }

    private PolicyEvaluator() {
    }

    /** An ordinary resource: a secret, with its resource policy or null. */
    public static Decision evaluate(AccessRequest request, List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy) {
        return evaluate(request, identityPolicies, resourcePolicy, ResourceKind.ORDINARY);
    }

    public static Decision evaluate(AccessRequest request, List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy,
                                    ResourceKind kind) {
        NamedPolicy identityAllowPolicy = null;
        Statement identityAllow = null;
        for (NamedPolicy policy : identityPolicies) {
            for (Statement statement : policy.document().statements()) {
                if (!applies(statement, request)) {
                    continue;
                }
                if (statement.effect() == Effect.DENY) {
                    return Decision.explicitDeny(policy, Decision.PolicyKind.IDENTITY, statement);
                }
                if (identityAllow == null) {
                    identityAllow = statement;
                    identityAllowPolicy = policy;
                }
            }
        }
        Statement directAllow = null;
        Statement accountAllow = null;
        if (resourcePolicy != null) {
            for (Statement statement : resourcePolicy.document().statements()) {
                Principals.Match match = statement.principalMatch(request.principal());
                if (match == Principals.Match.NONE || !applies(statement, request)) {
                    continue;
                }
                if (statement.effect() == Effect.DENY) {
                    return Decision.explicitDeny(resourcePolicy, Decision.PolicyKind.RESOURCE, statement);
                }
                if (match == Principals.Match.DIRECT && directAllow == null) {
                    directAllow = statement;
                } else if (match == Principals.Match.ACCOUNT && accountAllow == null) {
                    accountAllow = statement;
                }
            }
        }
        Statement resourceAllow = directAllow != null ? directAllow : accountAllow;
        boolean crossAccount = request.crossAccount();
        boolean root = request.principal().arn().equals(request.principal().accountRootArn());
        String action = request.action();
        if (crossAccount || kind.policyRequired()) {
            if (!crossAccount && directAllow != null) {
                return Decision.allow(resourcePolicy, Decision.PolicyKind.RESOURCE, directAllow);
            }
            if (resourceAllow == null) {
                return Decision.implicitDeny(Decision.PolicyKind.RESOURCE, action);
            }
            if (identityAllow == null) {
                // The root user's own account allows it everything, so only the resource side decides.
                return root ? Decision.allow(resourcePolicy, Decision.PolicyKind.RESOURCE, resourceAllow)
                        : Decision.implicitDeny(Decision.PolicyKind.IDENTITY, action);
            }
            return Decision.allow(identityAllowPolicy, Decision.PolicyKind.IDENTITY, identityAllow);
        }
        if (identityAllow != null) {
            return Decision.allow(identityAllowPolicy, Decision.PolicyKind.IDENTITY, identityAllow);
        }
        if (root) {
            return Decision.allowRoot();
        }
        if (directAllow != null) {
            return Decision.allow(resourcePolicy, Decision.PolicyKind.RESOURCE, directAllow);
        }
        return Decision.implicitDeny(Decision.PolicyKind.IDENTITY, action);
    }

    static boolean applies(Statement statement, AccessRequest request) {
        return statement.coversAction(request.action()) && statement.coversResource(request)
                && statement.conditionsHold(request);
    }
}
