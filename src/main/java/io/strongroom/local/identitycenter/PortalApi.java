package io.strongroom.local.identitycenter;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.RestJsonService;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.iam.Sessions;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.ListAccountRolesRequest;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.LogoutRequest;
import software.amazon.awssdk.services.sso.model.LogoutResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;

import java.util.List;
import java.util.Map;

/**
 * IAM Identity Center's portal ({@code sso}, signing name {@code awsssoportal}, served unsigned):
 * what the signed-in user (the {@code x-amz-sso_bearer_token} header) may reach, and role
 * credentials for it. Recorded in the instance account's trail with CloudTrail's event source
 * {@code sso.amazonaws.com}, naming the user.
 */
public final class PortalApi {

    private final IdentityCenter center;

    public PortalApi(IdentityCenter center) {
        this.center = center;
    }

    public RestJsonService service() {
        return RestJsonService.unsignedBuilder("awsssoportal", "sso.amazonaws.com", RestJsonService.ErrorBody.MESSAGE)
                .read("GET", "/assignment/accounts", "ListAccounts", ListAccountsRequest::builder, this::listAccounts)
                .read("GET", "/assignment/roles", "ListAccountRoles", ListAccountRolesRequest::builder, this::listAccountRoles)
                .read("GET", "/federation/credentials", "GetRoleCredentials", GetRoleCredentialsRequest::builder, this::getRoleCredentials)
                .write("POST", "/logout", "Logout", LogoutRequest::builder, this::logout)
                .build();
    }

    private ListAccountsResponse listAccounts(RequestContext context, ListAccountsRequest request) {
        SsoTokens.Session session = signIn(context, request.accessToken());
        List<String> assigned = center.assignments().of(session.userName()).stream()
                .map(Assignments.Assignment::accountId).distinct().toList();
        List<AccountInfo> accounts = center.accounts().stream()
                .filter(a -> assigned.contains(a.accountId()))
                .map(PortalApi::info)
                .toList();
        PortalPage<AccountInfo> page = PortalPage.of(accounts, request.maxResults(), request.nextToken());
        return ListAccountsResponse.builder().accountList(page.items()).nextToken(page.nextToken()).build();
    }

    private ListAccountRolesResponse listAccountRoles(RequestContext context, ListAccountRolesRequest request) {
        SsoTokens.Session session = signIn(context, request.accessToken());
        String accountId = accountId(request.accountId());
        List<RoleInfo> roles = center.assignments().of(session.userName()).stream()
                .filter(a -> a.accountId().equals(accountId))
                .map(a -> RoleInfo.builder().roleName(a.permissionSet()).accountId(accountId).build())
                .toList();
        PortalPage<RoleInfo> page = PortalPage.of(roles, request.maxResults(), request.nextToken());
        return ListAccountRolesResponse.builder().roleList(page.items()).nextToken(page.nextToken()).build();
    }

    private GetRoleCredentialsResponse getRoleCredentials(RequestContext context, GetRoleCredentialsRequest request) {
        SsoTokens.Session session = signIn(context, request.accessToken());
        String accountId = accountId(request.accountId());
        String roleName = request.roleName();
        if (roleName == null || roleName.isEmpty()) {
            throw PortalErrors.invalidRequest("role_name is required");
        }
        if (!center.assignments().exists(session.userName(), accountId, roleName) || !SsoRoles.known(roleName)) {
            throw PortalErrors.noAccess();
        }
        Sessions.Issued issued = center.roles().credentials(accountId, roleName, session.userName(), context.now());
        context.touched("AWS::IAM::Role", SsoRoles.roleName(accountId, roleName));
        return GetRoleCredentialsResponse.builder().roleCredentials(RoleCredentials.builder()
                .accessKeyId(issued.accessKeyId())
                .secretAccessKey(issued.secretAccessKey())
                .sessionToken(issued.sessionToken())
                .expiration(issued.expiration().toEpochMilli())     // the portal's expiration is in epoch milliseconds
                .build()).build();
    }

    private LogoutResponse logout(RequestContext context, LogoutRequest request) {
        signIn(context, request.accessToken());
        center.tokens().revoke(request.accessToken());
        return LogoutResponse.builder().build();
    }

    /** The signed-in user of a live bearer token, named in the trail; else UnauthorizedException. */
    private SsoTokens.Session signIn(RequestContext context, String accessToken) {
        SsoTokens.Session session = center.tokens().session(accessToken, context.now()).orElseThrow(PortalErrors::unauthorized);
        context.recordAs(new Caller(center.instanceAccount(), null, session.userName(), null, null, null,
                Caller.Kind.ANONYMOUS, Map.of(), null));
        return session;
    }

    private static String accountId(String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw PortalErrors.invalidRequest("account_id must be a 12-digit account ID");
        }
        return accountId;
    }

    private static AccountInfo info(LocalAccount account) {
        return AccountInfo.builder().accountId(account.accountId()).accountName(account.alias())
                .emailAddress(account.alias() + "@strongroom.local").build();
    }
}
