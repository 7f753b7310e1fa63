package io.strongroom.local.iam;

import io.strongroom.local.policy.AccessRequest;
import io.strongroom.local.policy.ConditionContext;
import io.strongroom.local.policy.Decision;
import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyEvaluator;
import io.strongroom.local.policy.PolicyEvaluator.ResourceKind;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.policy.RequestPrincipal;
import io.strongroom.local.policy.StatementMatches;
import io.strongroom.local.policy.StatementSpans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM's policy simulator over the store's one evaluator: decides requests for a named principal
 * (a user, or a session of a role) rather than a signed caller, with the policies the
 * simulation is given, and explains each decision as IAM does (the statements that decided it,
 * with their positions, the condition keys the policies test but the simulation lacked, and for
 * a cross-account request what each side decided).
 *
 * <p>Decisions come from {@link PolicyEvaluator} alone, with the semantics every request of the
 * store gets: a simulated request is allowed exactly when the same request, signed, would be
 * (for the policies given). A KMS key ARN simulated with a resource policy is evaluated as a key
 * (its key policy must take part), as KMS authorizes it.
 */
public final class Simulator {

    /** The session name a role is simulated under: a role acts only through a session. */
    public static final String SESSION_NAME = "strongroom-simulation";
    /** IAM's {@code EvalDecisionDetails} keys: how the identity side and the resource side decided. */
    public static final String IDENTITY_SIDE = "IAM Policy";
    public static final String RESOURCE_SIDE = "Resource Policy";

    /** A policy taking part: the id and type IAM reports it by, its text (for positions) and the parsed document. */
    public record SourcePolicy(String id, String type, String text, NamedPolicy policy) {
        /** Parses {@code text}; empty when it is not a policy the evaluator can take (the parser's first error says why). */
        public static ParsedPolicy parse(String text, boolean resource) {
            return PolicyParser.parse(text, resource ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY);
        }

        public static SourcePolicy of(String id, String type, String text, ParsedPolicy parsed) {
            return new SourcePolicy(id, type, text, new NamedPolicy(id, parsed.document()));
        }
    }

    /** A user or role whose policies a simulation uses. */
    public record Subject(String arn, String account, boolean role, List<SourcePolicy> policies) {}

    /** A statement that decided a result, located in its policy's text (null span when it cannot be). */
    public record MatchedStatement(String sourceId, String sourceType, StatementSpans.Span span) {}

    /**
     * What to simulate: every action on every resource ({@code *} when none is given), with an
     * optional resource policy owned by {@code resourceOwner} (the principal's account when null).
     */
    public record Scenario(List<String> actions, List<String> resources, SourcePolicy resourcePolicy,
                           String resourceOwner, ConditionContext context) {
        public Scenario {
            actions = List.copyOf(actions);
            resources = resources == null || resources.isEmpty() ? List.of(AccessTarget.ANY) : List.copyOf(resources);
            context = context == null ? ConditionContext.empty() : context;
        }
    }

    /**
     * One action on one resource: the decision, the statements that made it, the condition keys
     * missing, and (null when IAM reports none: same account on {@code *}) what each side decided.
     */
    public record Result(String action, String resource, Decision.Outcome outcome, List<MatchedStatement> matched,
                         List<String> missingContext, Map<String, Decision.Outcome> details) {}

    private final IamDirectory iam;

    public Simulator(IamDirectory iam) {
        this.iam = iam;
    }

    /**
     * The user or role {@code arn} names exactly (path included), with its inline policies (type
     * {@code user} or {@code role}, named by policy name) and its attached managed policies
     * ({@code aws-managed} or {@code user-managed}, named by policy name); empty when there is none.
     */
    public Optional<Subject> subject(String arn) {
        String account = IamDirectory.accountOf(arn);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        boolean role = arn.contains(":role/");
        Optional<String> found = role ? iam.roleByArn(arn).map(IamRole::arn)
                : arn.contains(":user/") ? iam.user(account, name).map(IamUser::arn).filter(arn::equals) : Optional.empty();
        return found.map(a -> new Subject(a, account, role, policiesOf(a, role)));
    }

    private List<SourcePolicy> policiesOf(String arn, boolean role) {
        List<SourcePolicy> policies = new ArrayList<>();
        for (String name : iam.inlinePolicyNames(arn)) {
            iam.inlinePolicy(arn, name).ifPresent(text -> stored(name, role ? "role" : "user", text, policies));
        }
        for (String policyArn : iam.attachedPolicies(arn)) {
            iam.policy(policyArn).ifPresent(p -> stored(p.policyName(), p.awsManaged() ? "aws-managed" : "user-managed",
                    p.document(), policies));
        }
        return policies;
    }

    private static void stored(String id, String type, String text, List<SourcePolicy> into) {
        ParsedPolicy parsed = SourcePolicy.parse(text, false);
        if (parsed.valid()) {       // the store accepts only valid documents; one edited outside it grants nothing
            into.add(SourcePolicy.of(id, type, text, parsed));
        }
    }

    /**
     * Who a subject acts as: a user as itself, a role as a session of it
     * ({@code arn:aws:sts::ACCOUNT:assumed-role/NAME/}{@value #SESSION_NAME}), with the entity's tags.
     */
    public RequestPrincipal principal(Subject subject) {
        Map<String, String> tags = iam.tags(subject.arn());
        if (!subject.role()) {
            return new RequestPrincipal(subject.arn(), subject.account(), tags, null);
        }
        String roleName = subject.arn().substring(subject.arn().lastIndexOf('/') + 1);
        return new RequestPrincipal("arn:aws:sts::" + subject.account() + ":assumed-role/" + roleName + "/" + SESSION_NAME,
                subject.account(), tags, subject.arn());
    }

    /** A user named as the simulated caller ({@code CallerArn}), with its tags when it is one of the store's. */
    public RequestPrincipal callerUser(String userArn) {
        return new RequestPrincipal(userArn, IamDirectory.accountOf(userArn), iam.tags(userArn), null);
    }

    /** Every action on every resource, in that order (actions outer, as IAM lists them). */
    public List<Result> simulate(RequestPrincipal principal, List<SourcePolicy> identity, Scenario scenario) {
        List<NamedPolicy> named = identity.stream().map(SourcePolicy::policy).toList();
        NamedPolicy resourcePolicy = scenario.resourcePolicy() == null ? null : scenario.resourcePolicy().policy();
        String owner = scenario.resourceOwner() != null ? scenario.resourceOwner() : principal.account();
        List<Result> results = new ArrayList<>();
        for (String action : scenario.actions()) {
            for (String resource : scenario.resources()) {
                AccessRequest request = new AccessRequest(principal, action, resource, owner, scenario.context());
                ResourceKind kind = resourcePolicy != null && resource.startsWith("arn:aws:kms:") && resource.contains(":key/")
                        ? ResourceKind.KMS_KEY : ResourceKind.ORDINARY;
                Decision decision = PolicyEvaluator.evaluate(request, named, resourcePolicy, kind);
                List<StatementMatches.Match> matches = StatementMatches.applying(request, named, resourcePolicy);
                results.add(new Result(action, resource, decision.outcome(),
                        matched(decision.outcome(), matches, identity, scenario.resourcePolicy()),
                        StatementMatches.missingKeys(request, named, resourcePolicy),
                        details(request, resource, matches)));
            }
        }
        return results;
    }

    /**
     * The statements IAM lists for a result: for an explicit deny the one deny that decided it
     * (the evaluator's first), for an allow every Allow that applies, for an implicit deny none.
     */
    private static List<MatchedStatement> matched(Decision.Outcome outcome, List<StatementMatches.Match> matches,
                                                  List<SourcePolicy> identity, SourcePolicy resource) {
        List<MatchedStatement> out = new ArrayList<>();
        for (StatementMatches.Match m : matches) {
            boolean wanted = outcome == Decision.Outcome.EXPLICIT_DENY ? m.deny() : outcome == Decision.Outcome.ALLOW && !m.deny();
            if (!wanted) {
                continue;
            }
            SourcePolicy source = m.resourcePolicy() ? resource : sourceOf(m.policy(), identity);
            List<StatementSpans.Span> spans = StatementSpans.of(source.text());
            int index = m.statement().index();
            out.add(new MatchedStatement(source.id(), source.type(), index < spans.size() ? spans.get(index) : null));
            if (outcome == Decision.Outcome.EXPLICIT_DENY) {
                break;
            }
        }
        return out;
    }

    private static SourcePolicy sourceOf(NamedPolicy policy, List<SourcePolicy> identity) {
        for (SourcePolicy s : identity) {
            if (s.policy() == policy) {
                return s;
            }
        }
        throw new IllegalStateException("a matched statement of a policy not in the simulation");
    }

    /**
     * {@code EvalDecisionDetails}: for a cross-account request what the identity side and the
     * resource side each decided; for one account, empty on a named resource and absent on {@code *}.
     */
    private static Map<String, Decision.Outcome> details(AccessRequest request, String resource,
                                                         List<StatementMatches.Match> matches) {
        if (!request.crossAccount()) {
            return AccessTarget.ANY.equals(resource) ? null : Map.of();
        }
        Map<String, Decision.Outcome> details = new LinkedHashMap<>();
        details.put(IDENTITY_SIDE, side(matches, false));
        details.put(RESOURCE_SIDE, side(matches, true));
        return details;
    }

    private static Decision.Outcome side(List<StatementMatches.Match> matches, boolean resourceSide) {
        Decision.Outcome outcome = Decision.Outcome.IMPLICIT_DENY;
        for (StatementMatches.Match m : matches) {
            if (m.resourcePolicy() != resourceSide) {
                continue;
            }
            if (m.deny()) {
                return Decision.Outcome.EXPLICIT_DENY;
            }
            outcome = Decision.Outcome.ALLOW;
        }
        return outcome;
    }
}
