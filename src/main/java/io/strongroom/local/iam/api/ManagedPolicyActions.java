package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamErrors;
import io.strongroom.local.iam.ManagedPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Managed policies: CreatePolicy, GetPolicy, GetPolicyVersion, ListPolicyVersions, ListPolicies,
 * DeletePolicy. Every policy the store holds has one version, {@code v1}, its default; a
 * customer managed policy is visible only to its own account, AWS's to every account.
 */
final class ManagedPolicyActions {

    /** A managed policy's ARN: an account's ({@code arn:aws:iam::123456789012:policy/...}) or AWS's ({@code arn:aws:iam::aws:policy/...}). */
    static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(\\d{12}|aws):policy/([\\x{21}-\\x{7E}]*/)?[\\w+=,.@-]+");
    private static final List<String> SCOPES = List.of("All", "AWS", "Local");
    private static final List<String> USAGES = List.of("PermissionsPolicy", "PermissionsBoundary");

    private final IamDirectory iam;
    private final IamPaging paging;

    ManagedPolicyActions(Accounts accounts, IamPaging paging) {
        this.iam = accounts.iam();
        this.paging = paging;
    }

    String createPolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("PolicyName", true, IamRequest.POLICY_NAME);
        String path = r.string("Path", false, IamRequest.POLICY_PATH);
        String document = r.document("PolicyDocument");
        String description = r.string("Description", false, IamRequest.POLICY_DESCRIPTION);
        Map<String, String> tags = r.tags(false);
        r.done();
        if (!tags.isEmpty()) {
            // The store keeps no tags on policies; accepting them would answer with tags it then forgets.
            throw IamErrors.invalidInput("Tags on managed policies are not supported by the Strongroom embedded store yet.");
        }
        ManagedPolicy policy = iam.createPolicy(ctx.accountId(), name, path == null ? "/" : path, description, document);
        return "<Policy>" + IamXml.policyMembers(policy, false) + "</Policy>";
    }

    String getPolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String arn = r.string("PolicyArn", true, IamRequest.ARN);
        r.done();
        return "<Policy>" + IamXml.policyMembers(visible(ctx, arn), true) + "</Policy>";
    }

    String getPolicyVersion(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String arn = r.string("PolicyArn", true, IamRequest.ARN);
        String versionId = r.string("VersionId", true, IamRequest.VERSION_ID);
        r.done();
        ManagedPolicy policy = visible(ctx, arn);
        if (!ManagedPolicy.VERSION.equals(versionId)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
        }
        return "<PolicyVersion>" + Xml.element("Document", IamXml.encoded(policy.document())) + version(policy) + "</PolicyVersion>";
    }

    String listPolicyVersions(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String arn = r.string("PolicyArn", true, IamRequest.ARN);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        ManagedPolicy policy = visible(ctx, arn);
        IamPaging.Page<ManagedPolicy> page = paging.page(ctx, "ListPolicyVersions", List.of(arn), marker, max, List.of(policy),
                p -> ManagedPolicy.VERSION);
        List<String> members = new ArrayList<>();
        for (ManagedPolicy p : page.items()) {
            members.add(version(p));
        }
        return IamXml.list("Versions", members) + page.trailer();
    }

    /** ListPolicies: the account's own policies, then AWS's, filtered by scope, attachment, usage and path. */
    String listPolicies(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String scope = r.oneOf("Scope", false, SCOPES, "All");
        boolean onlyAttached = r.bool("OnlyAttached", false);
        String prefix = r.string("PathPrefix", false, IamRequest.POLICY_PATH);
        String usage = r.oneOf("PolicyUsageFilter", false, USAGES, null);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        List<ManagedPolicy> matching = new ArrayList<>();
        // No policy is used as a permissions boundary here (the store refuses boundaries), so that filter matches none.
        if (!"PermissionsBoundary".equals(usage)) {
            for (ManagedPolicy p : iam.policies(ctx.accountId(), !"AWS".equals(scope), !"Local".equals(scope))) {
                if ((!onlyAttached || p.attachmentCount() > 0) && (prefix == null || p.path().startsWith(prefix))) {
                    matching.add(p);
                }
            }
        }
        IamPaging.Page<ManagedPolicy> page = paging.page(ctx, "ListPolicies",
                Arrays.asList(scope, Boolean.toString(onlyAttached), prefix, usage), marker, max, matching, ManagedPolicy::arn);
        List<String> members = new ArrayList<>(page.items().size());
        for (ManagedPolicy p : page.items()) {
            members.add(IamXml.policyMembers(p, false));
        }
        return IamXml.list("Policies", members) + page.trailer();
    }

    /** Deletes a customer managed policy that is attached to nothing (DeleteConflict otherwise). */
    String deletePolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String arn = r.string("PolicyArn", true, IamRequest.ARN);
        r.done();
        requireValidArn(arn);
        if (!arn.startsWith(IamArns.prefix(ctx.accountId())) && !arn.startsWith(IamArns.prefix("aws"))) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        iam.deletePolicy(arn);
        return null;
    }

    /**
     * The policy an ARN names, if the caller's account may see it: one of AWS's or one of its own.
     * Another account's policy is not found, as it would not be in AWS.
     */
    private ManagedPolicy visible(RequestContext ctx, String arn) {
        requireValidArn(arn);
        return iam.policy(arn)
                .filter(p -> p.awsManaged() || p.accountId().equals(ctx.accountId()))
                .orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " was not found."));
    }

    static void requireValidArn(String arn) {
        if (!POLICY_ARN.matcher(arn).matches()) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
    }

    private static String version(ManagedPolicy policy) {
        return Xml.element("VersionId", ManagedPolicy.VERSION) + Xml.element("IsDefaultVersion", "true")
                + Xml.element("CreateDate", IamXml.date(policy.createdAt()));
    }
}
