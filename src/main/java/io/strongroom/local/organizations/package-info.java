/**
 * AWS Organizations for the store's local accounts (JSON 1.1, target prefix
 * {@code AWSOrganizationsV20161128}, signing name {@code organizations}, global in us-east-1):
 * the local accounts form one organization with all features, whose management account is the
 * first account. DescribeOrganization answers any member; ListAccounts, DescribeAccount and
 * ListRoots only the management account, as AWS answers them (the store has no delegated
 * administrators). Every member account has an {@code OrganizationAccountAccessRole}
 * (AdministratorAccess) trusting the management account, as AWS creates it for accounts created
 * in an organization.
 */
package io.strongroom.local.organizations;
