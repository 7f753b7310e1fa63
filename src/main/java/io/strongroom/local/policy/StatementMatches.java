package io.strongroom.local.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a policy simulation shows beside the evaluator's decision: every statement that applies
 * to a request (its action, resource, principal and conditions all match), and the condition
 * keys that statements about the request test but the request does not carry. The decision
 * itself is always {@link PolicyEvaluator}'s; this only explains it.
 */
public final class StatementMatches {

    /** A statement that applies, with its policy and whether that is the resource's policy. */
    public record Match(NamedPolicy policy, Statement statement, boolean resourcePolicy) {
        public boolean deny() {
            return statement.effect() == Effect.DENY;
        }
    }

    private StatementMatches() {
    }

    /**
     * The statements that apply, identity policies first (in order), then the resource policy's
     * statements that name the principal (directly or through its account).
     */
    public static List<Match> applying(AccessRequest request, List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy) {
        List<Match> matches = new ArrayList<>();
        for (NamedPolicy policy : identityPolicies) {
            for (Statement statement : policy.document().statements()) {
                if (PolicyEvaluator.applies(statement, request)) {
                    matches.add(new Match(policy, statement, false));
                }
            }
        }
        if (resourcePolicy != null) {
            for (Statement statement : resourcePolicy.document().statements()) {
                if (statement.principalMatch(request.principal()) != Principals.Match.NONE
                        && PolicyEvaluator.applies(statement, request)) {
                    matches.add(new Match(resourcePolicy, statement, true));
                }
            }
        }
        return matches;
    }

    /**
     * The condition keys (as the policies write them, first spelling kept, case-insensitively
     * distinct) tested by statements whose action and resource (and, in the resource policy,
     * principal) cover the request, which the request does not carry.
     */
    public static List<String> missingKeys(AccessRequest request, List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy) {
        Set<String> lowerSeen = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (NamedPolicy policy : identityPolicies) {
            for (Statement statement : policy.document().statements()) {
                collect(statement, request, lowerSeen, missing);
            }
        }
        if (resourcePolicy != null) {
            for (Statement statement : resourcePolicy.document().statements()) {
                if (statement.principalMatch(request.principal()) != Principals.Match.NONE) {
                    collect(statement, request, lowerSeen, missing);
                }
            }
        }
        return missing;
    }

    private static void collect(Statement statement, AccessRequest request, Set<String> lowerSeen, List<String> missing) {
        if (!statement.coversAction(request.action()) || !statement.coversResource(request)) {
            return;
        }
        for (Condition condition : statement.conditions()) {
            String lower = condition.key().toLowerCase(java.util.Locale.ROOT);
            if (request.values(lower) == null && lowerSeen.add(lower)) {
                missing.add(condition.key());
            }
        }
    }
}
