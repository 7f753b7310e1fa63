/**
 * IAM Identity Center for the store's local accounts: the OIDC service ({@code sso-oauth}:
 * RegisterClient, StartDeviceAuthorization, CreateToken), the portal ({@code awsssoportal}:
 * ListAccounts, ListAccountRoles, GetRoleCredentials, Logout), and the device approval page a
 * person opens from the verification URI. AWS serves both APIs unsigned; callers prove
 * themselves with a client secret or the portal's bearer token.
 *
 * <p>The local instance has users known only by name (the demo's {@code admin} and
 * {@code auditor}), each assigned permission sets per account ({@link Assignments}). A
 * permission set is named after the AWS managed policy it grants; in each account it is
 * provisioned, as AWS provisions it, as an IAM role
 * {@code aws-reserved/sso.amazonaws.com/AWSReservedSSO_<set>_<hex>} whose sessions
 * GetRoleCredentials issues like STS's AssumeRole, so they work against every service of the
 * store.
 */
package io.strongroom.local.identitycenter;
