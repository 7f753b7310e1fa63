package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamErrors;
import io.strongroom.local.iam.IamUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** IAM users and their tags: CreateUser, GetUser, ListUsers, DeleteUser, TagUser, ListUserTags. */
final class UserActions {

    private final IamDirectory iam;
    private final IamPaging paging;

    UserActions(Accounts accounts, IamPaging paging) {
        this.iam = accounts.iam();
        this.paging = paging;
    }

    String createUser(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("UserName", true, IamRequest.USER_NAME);
        String path = r.string("Path", false, IamRequest.PATH);
        r.string("PermissionsBoundary", false, IamRequest.ARN);
        Map<String, String> tags = r.tags(false);
        r.done();
        refuseBoundary(params);
        IamUser user = iam.createUser(ctx.accountId(), name, path == null ? "/" : path, tags);
        return IamXml.user(user, tags);
    }

    /** GetUser: the user named, or with no name the caller itself (IAM's implicit user). */
    String getUser(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        r.done();
        String name = IamArns.userNameOrCaller(ctx, named, "iam:GetUser", iam);
        IamUser user = iam.requireUser(ctx.accountId(), name);
        return IamXml.user(user, iam.tags(user.arn()));
    }

    String listUsers(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String prefix = r.string("PathPrefix", false, IamRequest.PATH_PREFIX);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        IamPaging.Page<IamUser> page = paging.page(ctx, "ListUsers", java.util.Arrays.asList(prefix), marker, max,
                iam.users(ctx.accountId(), prefix), IamUser::userName);
        List<String> members = new ArrayList<>(page.items().size());
        for (IamUser u : page.items()) {
            members.add(IamXml.userMembers(u, null));
        }
        return IamXml.list("Users", members) + page.trailer();
    }

    /** Deletes a user; its access keys and policies must be gone first (DeleteConflict otherwise). */
    String deleteUser(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("UserName", true, IamRequest.EXISTING_USER_NAME);
        r.done();
        iam.deleteUser(ctx.accountId(), name);
        return null;
    }

    String tagUser(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("UserName", true, IamRequest.EXISTING_USER_NAME);
        Map<String, String> tags = r.tags(true);
        r.done();
        iam.tag(iam.requireUser(ctx.accountId(), name).arn(), tags);
        return null;
    }

    String listUserTags(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("UserName", true, IamRequest.EXISTING_USER_NAME);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        IamUser user = iam.requireUser(ctx.accountId(), name);
        return tagPage(ctx, "ListUserTags", user.arn(), iam.tags(user.arn()), marker, max, paging);
    }

    /** A page of tags as ListUserTags and ListRoleTags answer. */
    static String tagPage(RequestContext ctx, String action, String arn, Map<String, String> tags, String marker, int max,
                          IamPaging paging) {
        IamPaging.Page<Map.Entry<String, String>> page = paging.page(ctx, action, List.of(arn), marker, max,
                new ArrayList<>(tags.entrySet()), Map.Entry::getKey);
        StringBuilder sb = new StringBuilder("<Tags>");
        for (Map.Entry<String, String> tag : page.items()) {
            sb.append("<member>").append(Xml.element("Key", tag.getKey())).append(Xml.element("Value", tag.getValue())).append("</member>");
        }
        return sb.append("</Tags>").append(page.trailer()).toString();
    }

    /**
     * Permissions boundaries are refused until the evaluator applies them: accepting one and
     * ignoring it would grant more than the caller asked for.
     */
    static void refuseBoundary(Map<String, String> params) {
        if (params.containsKey("PermissionsBoundary")) {
            throw IamErrors.invalidInput("Permissions boundaries are not supported by the Strongroom embedded store yet.");
        }
    }
}
