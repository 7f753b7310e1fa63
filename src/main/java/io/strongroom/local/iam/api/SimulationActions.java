package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.IamErrors;
import io.strongroom.local.iam.Simulator;
import io.strongroom.local.policy.ConditionContext;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.RequestPrincipal;
import io.strongroom.local.wire.AwsException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM's policy simulator: SimulatePrincipalPolicy (the policies of a user or role of a local
 * account, plus any given) and SimulateCustomPolicy (only the policies given), each over
 * {@link Simulator}, paged by {@code Marker}/{@code MaxItems} over the (action, resource) results.
 *
 * <p>Choices, where AWS differs or was not observed:
 * <ul>
 *   <li>{@code PermissionsBoundaryPolicyInputList} is refused (InvalidInput): the store's
 *       evaluator has no permission boundaries yet, and a simulation that ignored one would
 *       report access the boundary removes.</li>
 *   <li>A role simulated with a {@code ResourcePolicy} needs a {@code CallerArn}, as on AWS (the
 *       Principal element needs a caller to match); {@code CallerArn} must name a user.</li>
 *   <li>{@code ResourceOwner} is an account ID (or its root ARN); the resource's account is it, or
 *       the simulated caller's account when it is left out, as the model's documentation says.</li>
 *   <li>{@code ResourceHandlingOption} (EC2 scenarios) is checked and has no effect.</li>
 *   <li>SimulateCustomPolicy with no CallerArn (and no resource policy) simulates the signed caller.</li>
 * </ul>
 */
final class SimulationActions {

    private static final IamRequest.Spec ACTION_NAME = IamRequest.Spec.of(3, 128, null);
    private static final IamRequest.Spec RESOURCE_NAME = IamRequest.Spec.of(1, 2048, null);
    private static final IamRequest.Spec HANDLING_OPTION = IamRequest.Spec.of(1, 64, null);
    private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):(user|role|group)(/.*)?/([^/]+)");
    private static final Pattern OWNER = Pattern.compile("([0-9]{12})|arn:aws:iam::([0-9]{12}):root");

    private final Simulator simulator;
    private final IamPaging paging;

    SimulationActions(Accounts accounts, IamPaging paging) {
        this.simulator = new Simulator(accounts.iam());
        this.paging = paging;
    }

    /** What both actions read alike. */
    private record Common(List<String> actions, List<String> resources, String resourcePolicy, String owner,
                          String callerArn, Supplier<ConditionContext> context, List<String> inputs, String marker,
                          int maxItems) {}

    String simulatePrincipalPolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String sourceArn = r.string("PolicySourceArn", true, IamRequest.ARN);
        Common c = common(r, false);
        r.done();
        Matcher m = PRINCIPAL_ARN.matcher(sourceArn);
        if (!m.matches()) {
            throw IamErrors.invalidInput("Invalid ARN " + sourceArn + ": PolicySourceArn names a user, group or role.");
        }
        ctx.authorize("iam:SimulatePrincipalPolicy", AccessTarget.resource(sourceArn, m.group(1), null, Map.of()));
        Simulator.Subject subject = simulator.subject(sourceArn).orElseThrow(() ->
                IamErrors.noSuchEntity("The " + m.group(2) + " with name " + m.group(4) + " cannot be found."));
        List<Simulator.SourcePolicy> policies = new ArrayList<>(subject.policies());
        policies.addAll(inputs(c.inputs()));
        if (c.resourcePolicy() != null && c.callerArn() == null && subject.role()) {
            // As AWS: the resource policy's Principal element needs a caller to match, and only a user can be one.
            throw IamErrors.invalidInput("CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the ARN "
                    + "for an IAM user.");
        }
        RequestPrincipal principal = c.callerArn() != null ? caller(c.callerArn()) : simulator.principal(subject);
        return run(ctx, "SimulatePrincipalPolicy", params, principal, policies, c);
    }

    String simulateCustomPolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        Common c = common(r, true);
        r.done();
        List<Simulator.SourcePolicy> policies = inputs(c.inputs());
        RequestPrincipal principal;
        if (c.callerArn() != null) {
            principal = caller(c.callerArn());
        } else if (c.resourcePolicy() != null) {
            throw IamErrors.invalidInput("CallerArn is required when a ResourcePolicy is given: the Principal element needs a caller to match.");
        } else {
            Caller self = ctx.caller();
            principal = new RequestPrincipal(self.arn(), self.accountId(), self.sessionTags(),
                    self.roleSession() ? self.entityArn() : null);
        }
        return run(ctx, "SimulateCustomPolicy", params, principal, policies, c);
    }

    private Common common(IamRequest r, boolean inputsRequired) {
        List<String> inputs = r.documents("PolicyInputList", inputsRequired);
        List<String> boundaries = r.documents("PermissionsBoundaryPolicyInputList", false);
        List<String> actions = r.list("ActionNames", true, ACTION_NAME, true);
        List<String> resources = r.list("ResourceArns", false, RESOURCE_NAME, true);
        String resourcePolicy = r.optionalDocument("ResourcePolicy");
        String owner = r.string("ResourceOwner", false, RESOURCE_NAME);
        String callerArn = r.string("CallerArn", false, RESOURCE_NAME);
        Supplier<ConditionContext> context = SimulationContext.read(r);
        r.string("ResourceHandlingOption", false, HANDLING_OPTION);
        String marker = r.marker();
        int max = r.maxItems();
        if (!boundaries.isEmpty()) {
            r.done();
            throw IamErrors.invalidInput("Permissions boundaries are not supported by the Strongroom embedded store yet.");
        }
        return new Common(actions, resources, resourcePolicy, owner, callerArn, context, inputs, marker, max);
    }

    private String run(RequestContext ctx, String action, Map<String, String> params, RequestPrincipal principal,
                       List<Simulator.SourcePolicy> policies, Common c) {
        Simulator.SourcePolicy resourcePolicy = null;
        if (c.resourcePolicy() != null) {
            ParsedPolicy parsed = Simulator.SourcePolicy.parse(c.resourcePolicy(), true);
            requireValid(parsed, "ResourcePolicy");
            resourcePolicy = Simulator.SourcePolicy.of("ResourcePolicy", "resource", c.resourcePolicy(), parsed);
        }
        Simulator.Scenario scenario = new Simulator.Scenario(c.actions(), c.resources(), resourcePolicy,
                owner(c.owner()), c.context().get());
        List<Simulator.Result> results = simulator.simulate(principal, policies, scenario);
        IamPaging.Page<Simulator.Result> page = paging.page(ctx, action, List.of(digest(params)), c.marker(), c.maxItems(),
                results, res -> res.action() + '\n' + res.resource());
        List<String> members = new ArrayList<>(page.items().size());
        page.items().forEach(res -> members.add(SimulationXml.result(res)));
        return IamXml.list("EvaluationResults", members) + page.trailer();
    }

    /** {@code PolicyInputList.N}: identity policies reported with type {@code none}, as they belong to no entity. */
    private static List<Simulator.SourcePolicy> inputs(List<String> documents) {
        List<Simulator.SourcePolicy> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String id = "PolicyInputList." + (i + 1);
            ParsedPolicy parsed = Simulator.SourcePolicy.parse(documents.get(i), false);
            requireValid(parsed, id);
            out.add(Simulator.SourcePolicy.of(id, "none", documents.get(i), parsed));
        }
        return out;
    }

    private static void requireValid(ParsedPolicy parsed, String member) {
        if (!parsed.valid()) {
            String why = parsed.errors().isEmpty() ? "it is not a policy" : parsed.errors().get(0).message();
            throw IamErrors.invalidInput("The policy in " + member + " is not valid: " + why);
        }
    }

    private RequestPrincipal caller(String callerArn) {
        Matcher m = PRINCIPAL_ARN.matcher(callerArn);
        if (!m.matches() || !"user".equals(m.group(2))) {
            throw IamErrors.invalidInput("CallerArn must be the ARN of an IAM user: " + callerArn);
        }
        return simulator.callerUser(callerArn);
    }

    private static String owner(String owner) {
        if (owner == null) {
            return null;
        }
        Matcher m = OWNER.matcher(owner);
        if (!m.matches()) {
            throw IamErrors.invalidInput("ResourceOwner must be an AWS account ID: " + owner);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** What a marker is bound to: every parameter of the simulation but the paging ones. */
    private static String digest(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Marker");
        sorted.remove("MaxItems");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.forEach((k, v) -> sha.update((k + '=' + v + '\n').getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AwsException("InternalFailure", 500, "SHA-256 is unavailable");
        }
    }
}
