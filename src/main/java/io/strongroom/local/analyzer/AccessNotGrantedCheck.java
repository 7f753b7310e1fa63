package io.strongroom.local.analyzer;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.policy.Effect;
import io.strongroom.local.policy.PolicyDocument;
import io.strongroom.local.policy.Statement;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.accessanalyzer.model.Access;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedRequest;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResult;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * CheckAccessNotGranted ({@code POST /policy/check-access-not-granted}): whether a policy allows
 * none of the listed access. With actions only, any of them on any resource; with resources only,
 * any action on any of them; with both, any of the actions on any of the resources (AWS's API
 * reference). Listed actions and resources may hold wildcards and are read as wildcards.
 *
 * <p>PASS is a proof: for every listed (action, resource) pair and every Allow statement, either
 * the statement surely cannot reach the action or the resource (its patterns share no string with
 * the listed one: {@link GlobContainment#intersects}, exact; a NotAction/NotResource only when the
 * listed pattern lies within one of its exclusions), or Deny statements of the same policy cover
 * that pair for every principal the Allow names, with no condition the Allow lacks. Anything else
 * is a FAIL naming the Allow statement: conditions are never assumed false, so a conditional grant
 * fails the check.
 *
 * <p>Limits are the model's: at most one access entry, at most 100 actions and 100 resources in
 * it, each resource at most 2,048 characters. An entry with neither actions nor resources names no
 * access to check and is refused.
 */
final class AccessNotGrantedCheck {

    private static final List<String> POLICY_TYPES = AccessCheckPolicyType.knownValues().stream().map(Object::toString).sorted().toList();
    static final int MAX_ACCESS = 1;
    static final int MAX_ACTIONS = 100;
    static final int MAX_RESOURCES = 100;
    static final int MAX_RESOURCE_LENGTH = 2048;

    CheckAccessNotGrantedResponse check(RequestContext ctx, CheckAccessNotGrantedRequest r) {
        List<Access> access = r.hasAccess() ? r.access() : null;
        Validator v = Validator.check()
                .notNull("policyDocument", r.policyDocument())
                .notNull("access", access)
                .size("access", access, MAX_ACCESS)
                .notNull("policyType", r.policyTypeAsString())
                .oneOf("policyType", r.policyTypeAsString(), POLICY_TYPES);
        if (access != null) {
            for (int i = 0; i < access.size(); i++) {
                Access a = access.get(i);
                String at = "access." + (i + 1) + ".member.";
                if (a == null) {
                    v.notNull("access." + (i + 1) + ".member", null);
                    continue;
                }
                v.size(at + "actions", a.hasActions() ? a.actions() : null, MAX_ACTIONS);
                v.size(at + "resources", a.hasResources() ? a.resources() : null, MAX_RESOURCES);
                if (a.hasResources()) {
                    for (int j = 0; j < a.resources().size(); j++) {
                        String resource = a.resources().get(j);
                        v.notNull(at + "resources." + (j + 1) + ".member", resource);
                        v.boundedLength(at + "resources." + (j + 1) + ".member", resource, 0, MAX_RESOURCE_LENGTH);
                    }
                }
                if (a.hasActions()) {
                    for (int j = 0; j < a.actions().size(); j++) {
                        v.notNull(at + "actions." + (j + 1) + ".member", a.actions().get(j));
                    }
                }
            }
        }
        v.orThrow();
        if (access.isEmpty() || access.stream().anyMatch(a -> empty(a.actions()) && empty(a.resources()))) {
            throw AwsException.validation("The access to check must list at least one action or resource.");
        }
        PolicyDocument document = CheckedPolicy.parse("policyDocument", r.policyDocument(), CheckedPolicy.grammar(r.policyTypeAsString()), Set.of());
        List<ReasonSummary> reasons = new ArrayList<>();
        Access a = access.get(0);
        String listed = listed(a.actions(), a.resources());
        reasons.addAll(grants(document, a.actions(), a.resources()));
        return CheckAccessNotGrantedResponse.builder()
                .result(reasons.isEmpty() ? CheckAccessNotGrantedResult.PASS : CheckAccessNotGrantedResult.FAIL)
                .message(reasons.isEmpty() ? "The policy document does not grant access to perform one or more of the listed " + listed + "."
                        : "The policy document grants access to perform one or more of the listed " + listed + ".")
                .reasons(reasons.isEmpty() ? null : reasons)
                .build();
    }

    /** One reason per Allow statement that may grant any of the actions on any of the resources (empty lists: any). */
    static List<ReasonSummary> grants(PolicyDocument document, List<String> actions, List<String> resources) {
        List<StatementScope> allows = new ArrayList<>();
        List<StatementScope> denies = new ArrayList<>();
        for (Statement s : document.statements()) {
            (s.effect() == Effect.ALLOW ? allows : denies).add(StatementScope.of(s, document.version()));
        }
        List<String> actionList = empty(actions) ? Arrays.asList((String) null) : actions;
        List<String> resourceList = empty(resources) ? Arrays.asList((String) null) : resources;
        List<ReasonSummary> reasons = new ArrayList<>();
        for (StatementScope allow : allows) {
            if (mayGrant(allow, actionList, resourceList, denies)) {
                Statement s = allow.statement();
                reasons.add(ReasonSummary.builder()
                        .description("One or more of the listed " + listed(actions, resources) + " in the statement with index: " + s.index() + ".")
                        .statementIndex(s.index())
                        .statementId(s.sid() == null || s.sid().isEmpty() ? null : s.sid())
                        .build());
            }
        }
        return reasons;
    }

    private static boolean mayGrant(StatementScope allow, List<String> actions, List<String> resources, List<StatementScope> denies) {
        for (String action : actions) {
            if (action != null && !StatementScope.mayReach(allow.actions(), action)) {
                continue;
            }
            for (String resource : resources) {
                if (resource != null && !StatementScope.mayReach(allow.resources(), resource)) {
                    continue;
                }
                if (!allow.boxDeniedBy(action, resource, denies)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How AWS's messages name what was listed: "actions", "resources" or "actions or resources". */
    private static String listed(List<String> actions, List<String> resources) {
        return empty(resources) ? "actions" : empty(actions) ? "resources" : "actions or resources";
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
