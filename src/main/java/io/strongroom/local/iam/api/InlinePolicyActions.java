package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamErrors;
import io.strongroom.local.wire.AwsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inline policies of users and roles: Put, Get, List and Delete{User,Role}Policy, one
 * implementation for both kinds of principal. GetUserPolicy and GetRolePolicy return the
 * document URL-encoded, as IAM does.
 */
final class InlinePolicyActions {

    /** Users or roles: how a request names the principal, and how IAM words a missing one. */
    enum Kind {
        USER("UserName", "user", IamRequest.EXISTING_USER_NAME),
        ROLE("RoleName", "role", IamRequest.ROLE_NAME);

        final String nameMember;
        final String word;
        final IamRequest.Spec nameSpec;

        Kind(String nameMember, String word, IamRequest.Spec nameSpec) {
            this.nameMember = nameMember;
            this.word = word;
            this.nameSpec = nameSpec;
        }
    }

    private final IamDirectory iam;
    private final IamPaging paging;
    private final Kind kind;

    InlinePolicyActions(Accounts accounts, IamPaging paging, Kind kind) {
        this.iam = accounts.iam();
        this.paging = paging;
        this.kind = kind;
    }

    String put(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, kind.nameSpec);
        String policyName = r.string("PolicyName", true, IamRequest.POLICY_NAME);
        String document = r.document("PolicyDocument");
        r.done();
        iam.putInlinePolicy(principalArn(ctx, name), policyName, document);
        return null;
    }

    String get(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, kind.nameSpec);
        String policyName = r.string("PolicyName", true, IamRequest.POLICY_NAME);
        r.done();
        String document = iam.inlinePolicy(principalArn(ctx, name), policyName)
                .orElseThrow(() -> missingPolicy(policyName));
        return Xml.element(kind.nameMember, name) + Xml.element("PolicyName", policyName)
                + Xml.element("PolicyDocument", IamXml.encoded(document));
    }

    String list(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, kind.nameSpec);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        String arn = principalArn(ctx, name);
        IamPaging.Page<String> page = paging.page(ctx, "List" + (kind == Kind.USER ? "User" : "Role") + "Policies", List.of(arn),
                marker, max, iam.inlinePolicyNames(arn), n -> n);
        List<String> members = new ArrayList<>(page.items().size());
        for (String n : page.items()) {
            members.add(Xml.escape(n));
        }
        return IamXml.list("PolicyNames", members) + page.trailer();
    }

    String delete(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string(kind.nameMember, true, kind.nameSpec);
        String policyName = r.string("PolicyName", true, IamRequest.POLICY_NAME);
        r.done();
        iam.deleteInlinePolicy(principalArn(ctx, name), policyName, kind.word, name);
        return null;
    }

    /** The user's or role's ARN; NoSuchEntity when there is none of that name. */
    private String principalArn(RequestContext ctx, String name) {
        return kind == Kind.USER ? iam.requireUser(ctx.accountId(), name).arn() : iam.requireRole(ctx.accountId(), name).arn();
    }

    private AwsException missingPolicy(String policyName) {
        return IamErrors.noSuchEntity("The " + kind.word + " policy with name " + policyName + " cannot be found.");
    }
}
