package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.ManagedPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managed policies attached to users and roles: Attach, Detach and ListAttached{User,Role}Policies,
 * one implementation for both kinds of principal. An attachment applies to the principal's next
 * request.
 */
final class AttachmentActions {

    private final IamDirectory iam;
    private final IamPaging paging;
    private final InlinePolicyActions.Kind kind;

    AttachmentActions(Accounts accounts, IamPaging paging, InlinePolicyActions.Kind kind) {
        this.iam = accounts.iam();
        this.paging = paging;
        this.kind = kind;
    }

    String attach(RequestContext ctx, Map<String, String> params) {
        return withPolicy(ctx, params, iam::attach);
    }

    String detach(RequestContext ctx, Map<String, String> params) {
        return withPolicy(ctx, params, iam::detach);
    }

    /** Attach and Detach: the user or role named, the policy ARN checked, then {@code change}; no output. */
    private String withPolicy(RequestContext ctx, Map<String, String> params, java.util.function.BiConsumer<String, String> change) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, nameSpec());
        String policyArn = r.string("PolicyArn", true, IamRequest.ARN);
        r.done();
        String principal = principalArn(ctx, name);
        ManagedPolicyActions.requireValidArn(policyArn);
        change.accept(principal, policyArn);
        return null;
    }

    String list(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, nameSpec());
        String prefix = r.string("PathPrefix", false, IamRequest.POLICY_PATH);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        String principal = principalArn(ctx, name);
        List<String[]> attached = new ArrayList<>();       // {name, arn}
        for (String arn : iam.attachedPolicies(principal)) {
            Optional<ManagedPolicy> policy = iam.policy(arn);
            String path = policy.map(ManagedPolicy::path).orElse("/");
            if (prefix == null || path.startsWith(prefix)) {
                attached.add(new String[] {policy.map(ManagedPolicy::policyName).orElse(arn.substring(arn.lastIndexOf('/') + 1)), arn});
            }
        }
        String action = "ListAttached" + (kind == InlinePolicyActions.Kind.USER ? "User" : "Role") + "Policies";
        IamPaging.Page<String[]> page = paging.page(ctx, action, Arrays.asList(principal, prefix), marker, max, attached, a -> a[1]);
        List<String> members = new ArrayList<>(page.items().size());
        for (String[] a : page.items()) {
            members.add(Xml.element("PolicyName", a[0]) + Xml.element("PolicyArn", a[1]));
        }
        return IamXml.list("AttachedPolicies", members) + page.trailer();
    }

    /** The model names a user here with {@code userNameType} (at most 64), not {@code existingUserNameType}. */
    private IamRequest.Spec nameSpec() {
        return kind == InlinePolicyActions.Kind.USER ? IamRequest.USER_NAME : IamRequest.ROLE_NAME;
    }

    private String principalArn(RequestContext ctx, String name) {
        return kind == InlinePolicyActions.Kind.USER ? iam.requireUser(ctx.accountId(), name).arn() : iam.requireRole(ctx.accountId(), name).arn();
    }
}
