package io.strongroom.local.analyzer;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.policy.Effect;
import io.strongroom.local.policy.PolicyDocument;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.policy.Statement;
import io.strongroom.local.validation.Validator;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessRequest;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CheckNoNewAccess ({@code POST /policy/check-no-new-access}): whether an updated policy allows
 * anything the existing (reference) policy does not. PASS is a proof; FAIL means "could not prove
 * it", and names the statements it could not prove.
 *
 * <h2>What a PASS proves</h2>
 * Read a policy as the set of requests (principal, action, resource, request context) its Allow
 * statements match, less those its Deny statements match. PASS is answered only when both hold:
 * <ol>
 *   <li><b>Every Allow statement of the new policy is covered</b> by the existing policy's Allow
 *       statements: split into boxes (one principal, one Action pattern, one Resource pattern; a
 *       NotAction, NotResource or NotPrincipal stays whole), each box is reached by a single
 *       existing Allow statement whose conditions are a subset of the new statement's
 *       ({@link StatementScope#coveredBy}). So every request a new Allow matches, an existing
 *       Allow matches.</li>
 *   <li><b>Every Deny statement of the existing policy is kept</b>: each of its boxes is reached by
 *       a Deny statement of the new policy whose conditions are a subset of its own, a root ARN
 *       there covering the account's principals as a Deny does. So every request the existing
 *       policy denies, the new policy denies.</li>
 * </ol>
 * Together: the new policy allows less and denies more, statement by statement, which holds for
 * the policy alone and also next to any other policies (an identity policy beside others, a
 * resource policy beside identity policies), because a policy's effect on the overall decision
 * only grows with its Allows and shrinks with its Denies.
 *
 * <h2>Where it is conservative (a FAIL may be a false alarm)</h2>
 * <ul>
 *   <li>A box must be covered by one existing statement; a union of several is not tried (a
 *       new {@code s3:Get*} is not covered by {@code s3:GetA*} and {@code s3:Get[^A]*} together).</li>
 *   <li>Conditions imply each other only as subsets of identical blocks: a new
 *       {@code StringEquals} with fewer values, a narrower IP range, a later date are not
 *       recognised as narrower.</li>
 *   <li>The new policy's own Deny statements are not used to excuse a broader Allow.</li>
 *   <li>A Deny of the existing policy that the new one drops or weakens fails the check even
 *       when no new Allow reaches what it denied (another policy might); the reason names the
 *       existing statement, since no statement of the new policy is to blame.</li>
 *   <li>Principals: a root ARN in an Allow does not cover the users and roles of its account
 *       (see {@link StatementScope}); NotPrincipal reads as everyone and covers nothing;
 *       principal values are compared exactly, so AWS's wildcards in a reference policy's
 *       Principal are not supported (the grammar refuses them).</li>
 *   <li>Policy variables: a new pattern's variable reads as {@code *}; an existing pattern with a
 *       variable covers only the same text under the same Version.</li>
 * </ul>
 * Both documents must be valid for {@code policyType}; a grammar error in either is a
 * ValidationException ({@link CheckedPolicy}).
 */
final class NoNewAccessCheck {

    static final String NEW_ACCESS = "The modified permissions grant new access compared to your existing policy.";
    static final String NO_NEW_ACCESS = "The modified permissions do not grant new access compared to your existing policy.";
    private static final List<String> POLICY_TYPES = AccessCheckPolicyType.knownValues().stream().map(Object::toString).sorted().toList();

    CheckNoNewAccessResponse check(RequestContext ctx, CheckNoNewAccessRequest r) {
        Validator.check()
                .notNull("existingPolicyDocument", r.existingPolicyDocument())
                .notNull("newPolicyDocument", r.newPolicyDocument())
                .notNull("policyType", r.policyTypeAsString())
                .oneOf("policyType", r.policyTypeAsString(), POLICY_TYPES)
                .orThrow();
        PolicyType grammar = CheckedPolicy.grammar(r.policyTypeAsString());
        PolicyDocument existing = CheckedPolicy.parse("existingPolicyDocument", r.existingPolicyDocument(), grammar, Set.of());
        PolicyDocument updated = CheckedPolicy.parse("newPolicyDocument", r.newPolicyDocument(), grammar, Set.of());
        List<ReasonSummary> reasons = compare(existing, updated);
        return CheckNoNewAccessResponse.builder()
                .result(reasons.isEmpty() ? CheckNoNewAccessResult.PASS : CheckNoNewAccessResult.FAIL)
                .message(reasons.isEmpty() ? NO_NEW_ACCESS : NEW_ACCESS)
                .reasons(reasons.isEmpty() ? null : reasons)
                .build();
    }

    /** The reasons the new policy may grant access the existing one does not; none means PASS. */
    static List<ReasonSummary> compare(PolicyDocument existing, PolicyDocument updated) {
        List<StatementScope> existingAllows = scopes(existing, Effect.ALLOW);
        List<StatementScope> existingDenies = scopes(existing, Effect.DENY);
        List<StatementScope> newAllows = scopes(updated, Effect.ALLOW);
        List<StatementScope> newDenies = scopes(updated, Effect.DENY);
        List<ReasonSummary> reasons = new ArrayList<>();
        for (StatementScope allow : newAllows) {
            if (!allow.coveredBy(existingAllows, false)) {
                Statement s = allow.statement();
                reasons.add(ReasonSummary.builder()
                        .description("New access in the statement with index: " + s.index() + ".")
                        .statementIndex(s.index())
                        .statementId(emptyToNull(s.sid()))
                        .build());
            }
        }
        for (StatementScope deny : existingDenies) {
            if (!deny.coveredBy(newDenies, true)) {
                Statement s = deny.statement();
                String named = s.sid() == null || s.sid().isEmpty() ? "" : " (" + s.sid() + ")";
                reasons.add(ReasonSummary.builder()
                        .description("New access: the Deny in the existing policy's statement with index: " + s.index() + named
                                + " is removed or weakened in the new policy.")
                        .build());
            }
        }
        return reasons;
    }

    private static List<StatementScope> scopes(PolicyDocument document, Effect effect) {
        return document.statements().stream().filter(s -> s.effect() == effect)
                .map(s -> StatementScope.of(s, document.version())).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
