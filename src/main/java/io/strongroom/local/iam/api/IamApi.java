package io.strongroom.local.iam.api;

import io.strongroom.local.http.QueryService;
import io.strongroom.local.iam.Accounts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IAM over the query protocol (signing name {@code iam}; a global service the AWS CLI and SDKs
 * sign for us-east-1): only the dispatch table. Each action is authorized by the pipeline as
 * {@code iam:ACTION} on the resource AWS names for it (the user, role or policy), so the caller's
 * identity policies decide; the actions that may leave {@code UserName} out act on the caller's own
 * user and authorize themselves once they know it, as SimulatePrincipalPolicy does on the principal
 * it simulates (in that principal's account, so another account's principal is refused).
 *
 * <p>Query actions record no request parameters in the audit trail, so neither a policy document
 * nor CreateAccessKey's secret reaches it.
 */
public final class IamApi {

    public static final String XML_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final Map<String, QueryService.Action> actions = new LinkedHashMap<>();
    private final IamArns arns;

    public IamApi(Accounts accounts) {
        this.arns = new IamArns(accounts.iam());
        IamPaging paging = new IamPaging();
        UserActions users = new UserActions(accounts, paging);
        AccessKeyActions keys = new AccessKeyActions(accounts, paging);
        RoleActions roles = new RoleActions(accounts, paging);
        InlinePolicyActions userPolicies = new InlinePolicyActions(accounts, paging, InlinePolicyActions.Kind.USER);
        InlinePolicyActions rolePolicies = new InlinePolicyActions(accounts, paging, InlinePolicyActions.Kind.ROLE);
        ManagedPolicyActions policies = new ManagedPolicyActions(accounts, paging);
        AttachmentActions userAttachments = new AttachmentActions(accounts, paging, InlinePolicyActions.Kind.USER);
        AttachmentActions roleAttachments = new AttachmentActions(accounts, paging, InlinePolicyActions.Kind.ROLE);
        SimulationActions simulation = new SimulationActions(accounts, paging);
        MfaActions mfa = new MfaActions(accounts);

        // Users
        on("CreateUser", users::createUser, false, (account, p) -> IamArns.created(account, "user", p, "UserName"));
        byHandler("GetUser", users::getUser, true);
        on("ListUsers", users::listUsers, true, null);
        on("DeleteUser", users::deleteUser, false, arns::user);
        on("TagUser", users::tagUser, false, arns::user);
        on("ListUserTags", users::listUserTags, true, arns::user);
        // Access keys (UserName optional: the caller's own user)
        byHandler("CreateAccessKey", keys::createAccessKey, false);
        byHandler("ListAccessKeys", keys::listAccessKeys, true);
        byHandler("UpdateAccessKey", keys::updateAccessKey, false);
        byHandler("DeleteAccessKey", keys::deleteAccessKey, false);
        // Roles
        on("CreateRole", roles::createRole, false, (account, p) -> IamArns.created(account, "role", p, "RoleName"));
        on("GetRole", roles::getRole, true, arns::role);
        on("ListRoles", roles::listRoles, true, null);
        on("DeleteRole", roles::deleteRole, false, arns::role);
        on("UpdateAssumeRolePolicy", roles::updateAssumeRolePolicy, false, arns::role);
        on("TagRole", roles::tagRole, false, arns::role);
        on("ListRoleTags", roles::listRoleTags, true, arns::role);
        // Inline policies
        on("PutUserPolicy", userPolicies::put, false, arns::user);
        on("GetUserPolicy", userPolicies::get, true, arns::user);
        on("ListUserPolicies", userPolicies::list, true, arns::user);
        on("DeleteUserPolicy", userPolicies::delete, false, arns::user);
        on("PutRolePolicy", rolePolicies::put, false, arns::role);
        on("GetRolePolicy", rolePolicies::get, true, arns::role);
        on("ListRolePolicies", rolePolicies::list, true, arns::role);
        on("DeleteRolePolicy", rolePolicies::delete, false, arns::role);
        // Managed policies and attachments
        on("CreatePolicy", policies::createPolicy, false, (account, p) -> IamArns.created(account, "policy", p, "PolicyName"));
        on("GetPolicy", policies::getPolicy, true, IamArns::policy);
        on("GetPolicyVersion", policies::getPolicyVersion, true, IamArns::policy);
        on("ListPolicyVersions", policies::listPolicyVersions, true, IamArns::policy);
        on("ListPolicies", policies::listPolicies, true, null);
        on("DeletePolicy", policies::deletePolicy, false, IamArns::policy);
        on("AttachUserPolicy", userAttachments::attach, false, arns::user);
        on("DetachUserPolicy", userAttachments::detach, false, arns::user);
        on("ListAttachedUserPolicies", userAttachments::list, true, arns::user);
        on("AttachRolePolicy", roleAttachments::attach, false, arns::role);
        on("DetachRolePolicy", roleAttachments::detach, false, arns::role);
        on("ListAttachedRolePolicies", roleAttachments::list, true, arns::role);
        // Virtual MFA devices (ListMFADevices: UserName optional, the caller's own user)
        on("CreateVirtualMFADevice", mfa::createVirtualMfaDevice, false, null);
        on("EnableMFADevice", mfa::enableMfaDevice, false, arns::user);
        byHandler("ListMFADevices", mfa::listMfaDevices, true);
        on("DeactivateMFADevice", mfa::deactivateMfaDevice, false, arns::user);
        on("DeleteVirtualMFADevice", mfa::deleteVirtualMfaDevice, false, null);
        // The policy simulator: on the principal simulated (in its own account), or on * for custom policies
        byHandler("SimulatePrincipalPolicy", simulation::simulatePrincipalPolicy, true);
        on("SimulateCustomPolicy", simulation::simulateCustomPolicy, true, null);
    }

    public QueryService service() {
        return new QueryService("iam", "iam.amazonaws.com", XML_NAMESPACE, Map.copyOf(actions));
    }

    /** An action the pipeline authorizes as {@code iam:NAME} on {@code resource} (null: on {@code *}). */
    private void on(String name, QueryService.Handler handler, boolean readOnly, QueryService.Resource resource) {
        actions.put(name, QueryService.Action.on(name, handler, readOnly, resource));
    }

    /** An action that authorizes itself on the user it finds (the one named, or the caller). */
    private void byHandler(String name, QueryService.Handler handler, boolean readOnly) {
        actions.put(name, QueryService.Action.byHandler(name, handler, readOnly));
    }
}
