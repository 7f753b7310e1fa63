package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamRole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * IAM roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy, TagRole,
 * ListRoleTags. A role's trust policy is checked as a trust policy (it must name a principal) and
 * returned URL-encoded, as IAM returns it.
 */
final class RoleActions {

    private final IamDirectory iam;
    private final IamPaging paging;

    RoleActions(Accounts accounts, IamPaging paging) {
        this.iam = accounts.iam();
        this.paging = paging;
    }

    String createRole(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String path = r.string("Path", false, IamRequest.PATH);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        String trust = r.document("AssumeRolePolicyDocument");
        String description = r.string("Description", false, IamRequest.ROLE_DESCRIPTION);
        Integer maxSession = r.integer("MaxSessionDuration", IamDirectory.DEFAULT_MAX_SESSION, IamDirectory.MAX_MAX_SESSION);
        r.string("PermissionsBoundary", false, IamRequest.ARN);
        Map<String, String> tags = r.tags(false);
        r.done();
        UserActions.refuseBoundary(params);
        IamRole role = iam.createRole(ctx.accountId(), name, path == null ? "/" : path, trust, description, maxSession, tags);
        return "<Role>" + IamXml.roleMembers(role, tags, false) + "</Role>";
    }

    String getRole(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        r.done();
        IamRole role = iam.requireRole(ctx.accountId(), name);
        return "<Role>" + IamXml.roleMembers(role, iam.tags(role.arn()), true) + "</Role>";
    }

    String listRoles(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String prefix = r.string("PathPrefix", false, IamRequest.PATH_PREFIX);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        IamPaging.Page<IamRole> page = paging.page(ctx, "ListRoles", Arrays.asList(prefix), marker, max,
                iam.roles(ctx.accountId(), prefix), IamRole::roleName);
        List<String> members = new ArrayList<>(page.items().size());
        for (IamRole role : page.items()) {
            members.add(IamXml.roleMembers(role, null, false));
        }
        return IamXml.list("Roles", members) + page.trailer();
    }

    /** Deletes a role whose policies are gone (DeleteConflict otherwise). Sessions already issued run until they expire, as in AWS. */
    String deleteRole(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        r.done();
        iam.deleteRole(ctx.accountId(), name);
        return null;
    }

    String updateAssumeRolePolicy(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        String document = r.document("PolicyDocument");
        r.done();
        iam.updateTrustPolicy(ctx.accountId(), name, document);
        return null;
    }

    String tagRole(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        Map<String, String> tags = r.tags(true);
        r.done();
        iam.tag(iam.requireRole(ctx.accountId(), name).arn(), tags);
        return null;
    }

    String listRoleTags(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("RoleName", true, IamRequest.ROLE_NAME);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        IamRole role = iam.requireRole(ctx.accountId(), name);
        return UserActions.tagPage(ctx, "ListRoleTags", role.arn(), iam.tags(role.arn()), marker, max, paging);
    }
}
