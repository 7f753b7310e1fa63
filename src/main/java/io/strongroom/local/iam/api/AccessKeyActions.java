package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's access keys: CreateAccessKey (the only answer that ever carries the secret),
 * ListAccessKeys, UpdateAccessKey, DeleteAccessKey. With no {@code UserName}, each acts on the
 * caller's own user, so each authorizes itself once it knows which user that is.
 */
final class AccessKeyActions {

    private static final List<String> STATUSES = List.of("Active", "Inactive");

    private final Accounts accounts;
    private final IamDirectory iam;
    private final IamPaging paging;

    AccessKeyActions(Accounts accounts, IamPaging paging) {
        this.accounts = accounts;
        this.iam = accounts.iam();
        this.paging = paging;
    }

    String createAccessKey(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        r.done();
        String name = IamArns.userNameOrCaller(ctx, named, "iam:CreateAccessKey", iam);
        AccessKey key = accounts.createAccessKey(ctx.accountId(), name);
        Accounts.AccessKeyMetadata created = find(ctx, name, key.accessKeyId());
        return "<AccessKey>" + Xml.element("UserName", created.userName()) + Xml.element("AccessKeyId", key.accessKeyId())
                + Xml.element("Status", created.status()) + Xml.element("SecretAccessKey", key.secretAccessKey())
                + Xml.element("CreateDate", IamXml.date(created.createdAt())) + "</AccessKey>";
    }

    String listAccessKeys(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        String marker = r.marker();
        int max = r.maxItems();
        r.done();
        String name = IamArns.userNameOrCaller(ctx, named, "iam:ListAccessKeys", iam);
        IamPaging.Page<Accounts.AccessKeyMetadata> page = paging.page(ctx, "ListAccessKeys", List.of(name.toLowerCase(java.util.Locale.ROOT)),
                marker, max, accounts.accessKeys(ctx.accountId(), name), Accounts.AccessKeyMetadata::accessKeyId);
        List<String> members = new ArrayList<>();
        for (Accounts.AccessKeyMetadata k : page.items()) {
            members.add(Xml.element("UserName", k.userName()) + Xml.element("AccessKeyId", k.accessKeyId())
                    + Xml.element("Status", k.status()) + Xml.element("CreateDate", IamXml.date(k.createdAt())));
        }
        return IamXml.list("AccessKeyMetadata", members) + page.trailer();
    }

    /** Turns a key off or on; a request signed with an inactive key is refused from then on. */
    String updateAccessKey(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        String keyId = r.string("AccessKeyId", true, IamRequest.ACCESS_KEY_ID);
        String status = r.oneOf("Status", true, STATUSES, null);
        r.done();
        String name = IamArns.userNameOrCaller(ctx, named, "iam:UpdateAccessKey", iam);
        find(ctx, name, keyId);
        accounts.setKeyActive(keyId, "Active".equals(status));
        return null;
    }

    String deleteAccessKey(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        String keyId = r.string("AccessKeyId", true, IamRequest.ACCESS_KEY_ID);
        r.done();
        String name = IamArns.userNameOrCaller(ctx, named, "iam:DeleteAccessKey", iam);
        accounts.deleteAccessKey(ctx.accountId(), name, keyId);
        return null;
    }

    /** The user's key with this ID (never its secret), or NoSuchEntity: a key of another user is not found. */
    private Accounts.AccessKeyMetadata find(RequestContext ctx, String userName, String keyId) {
        return accounts.accessKeys(ctx.accountId(), userName).stream()
                .filter(k -> k.accessKeyId().equals(keyId))
                .findFirst()
                .orElseThrow(() -> IamErrors.noSuchEntity("The Access Key with id " + keyId + " cannot be found."));
    }
}
