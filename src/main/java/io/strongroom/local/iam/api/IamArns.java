package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.IamUser;
import io.strongroom.local.wire.AwsException;

import java.util.Map;

/**
 * The resources IAM authorizes its actions on, as AWS names them: {@code arn:aws:iam::ACCOUNT:user/PATH/NAME},
 * {@code :role/PATH/NAME}, {@code :policy/PATH/NAME}. An existing user or role is named with its
 * path (a policy's {@code Resource} may match on it); one that does not exist (yet) with the path
 * the request gives, else none.
 */
final class IamArns {

    private final IamDirectory iam;

    IamArns(IamDirectory iam) {
        this.iam = iam;
    }

    static String prefix(String account) {
        return "arn:aws:iam::" + account + ":";
    }

    /** The user {@code UserName} names (null when absent: authorized on {@code *}, then refused as missing). */
    String user(String account, Map<String, String> params) {
        String name = params.get("UserName");
        return name == null ? null : iam.user(account, name).map(IamUser::arn).orElse(prefix(account) + "user/" + name);
    }

    String role(String account, Map<String, String> params) {
        String name = params.get("RoleName");
        return name == null ? null : iam.role(account, name).map(IamRole::arn).orElse(prefix(account) + "role/" + name);
    }

    /** A user or role about to be created, at the path the request asks for. */
    static String created(String account, String kind, Map<String, String> params, String nameMember) {
        String name = params.get(nameMember);
        if (name == null) {
            return null;
        }
        String path = params.getOrDefault("Path", "/");
        return prefix(account) + kind + (path.startsWith("/") && path.endsWith("/") ? path : "/") + name;
    }

    /** The policy the request names by {@code PolicyArn}. */
    static String policy(String account, Map<String, String> params) {
        return params.get("PolicyArn");
    }

    /**
     * The user an action acts on when {@code UserName} may be left out (GetUser, the access key
     * actions): the one named, else the caller itself, which must then be a user signing with its
     * own credentials. Authorizes {@code action} on it.
     */
    static String userNameOrCaller(RequestContext ctx, String userName, String action, IamDirectory iam) {
        String name = userName;
        if (name == null) {
            Caller caller = ctx.caller();
            if (caller.roleSession() || caller.entityArn() == null || !caller.entityArn().contains(":user/")) {
                throw new AwsException("ValidationError", 400, "Must specify userName when calling with non-User credentials");
            }
            name = caller.entityArn().substring(caller.entityArn().lastIndexOf('/') + 1);
        }
        String account = ctx.accountId();
        String arn = iam.user(account, name).map(IamUser::arn).orElse(prefix(account) + "user/" + name);
        ctx.authorize(action, AccessTarget.resource(arn, account, null, Map.of()));
        return name;
    }
}
