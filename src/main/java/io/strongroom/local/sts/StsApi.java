package io.strongroom.local.sts;

import io.strongroom.local.http.QueryService;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Caller;

import java.util.Map;

/**
 * STS over the query protocol: who am I, whose key is this, temporary credentials for a role
 * (AssumeRole) or a user (GetSessionToken), and the two federated sign-ins AWS serves unsigned
 * (refused for now: the store has no identity providers yet).
 */
public final class StsApi {

    private final AccessKeyInfo accessKeyInfo;
    private final FederatedSignIn federated;
    private final RoleSessions sessions;

    public StsApi(Accounts accounts) {
        this.accessKeyInfo = new AccessKeyInfo(accounts);
        this.federated = new FederatedSignIn(accounts);
        this.sessions = new RoleSessions(accounts);
    }

    public QueryService service() {
        return new QueryService("sts", "sts.amazonaws.com", "https://sts.amazonaws.com/doc/2011-06-15/", Map.of(
                // AWS answers Arn, UserId, Account in this order (API reference sample response)
                // AWS requires no permission for these two: an explicit deny cannot stop them either.
                "GetCallerIdentity", QueryService.Action.unchecked("GetCallerIdentity", (context, params) -> {
                    Caller caller = context.caller();
                    return Xml.element("Arn", caller.arn()) + Xml.element("UserId", caller.userId())
                            + Xml.element("Account", caller.accountId());
                }, true),
                "GetAccessKeyInfo", QueryService.Action.unchecked("GetAccessKeyInfo",
                        (context, params) -> Xml.element("Account", accessKeyInfo.account(params)), true),
                "AssumeRole", QueryService.Action.byHandler("AssumeRole", sessions::assumeRole, true),
                // GetSessionToken needs no permission either; only long-term user keys may call it.
                "GetSessionToken", QueryService.Action.unchecked("GetSessionToken", sessions::getSessionToken, true),
                "AssumeRoleWithWebIdentity", new QueryService.Action("AssumeRoleWithWebIdentity",
                        (context, params) -> federated.assumeRoleWithWebIdentity(params), true, federated.unsigned()),
                "AssumeRoleWithSAML", new QueryService.Action("AssumeRoleWithSAML",
                        (context, params) -> federated.assumeRoleWithSaml(params), true, federated.unsigned())));
    }
}
