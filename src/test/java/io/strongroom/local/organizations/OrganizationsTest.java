package io.strongroom.local.organizations;

import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AWS Organizations through the real SDK: the local accounts as one organization, and reaching each through its access role. */
class OrganizationsTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private OrganizationsClient organizations(int account) {
        return RunningStore.client(OrganizationsClient.builder(), store.store().endpoint(), store.adminKey(account), Region.US_EAST_1);
    }

    private List<LocalAccount> local() {
        return store.store().accounts().list();
    }

    @Test
    void theManagementAccountListsAllLocalAccountsInPages() {
        try (OrganizationsClient org = organizations(0)) {
            ListAccountsResponse first = org.listAccounts(r -> r.maxResults(2));
            assertThat(first.accounts()).hasSize(2);
            ListAccountsResponse second = org.listAccounts(r -> r.maxResults(2).nextToken(first.nextToken()));
            assertThat(second.nextToken()).isNull();
            List<Account> all = new java.util.ArrayList<>(first.accounts());
            all.addAll(second.accounts());
            assertThat(all).extracting(Account::id).containsExactlyElementsOf(local().stream().map(LocalAccount::accountId).toList());
            assertThat(all).extracting(Account::name).containsExactlyElementsOf(local().stream().map(LocalAccount::alias).toList());
            assertThat(all).allSatisfy(a -> assertThat(a.statusAsString()).isEqualTo("ACTIVE"));
            assertThat(org.listAccountsPaginator(r -> r.maxResults(1)).stream().mapToLong(p -> p.accounts().size()).sum()).isEqualTo(3);
            assertThatThrownBy(() -> org.listAccounts(r -> r.maxResults(21))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> org.listAccounts(r -> r.nextToken("nope"))).isInstanceOf(InvalidInputException.class);

            Organization organization = org.describeOrganization().organization();
            assertThat(organization.id()).matches("o-[a-z0-9]{10}");
            assertThat(organization.masterAccountId()).isEqualTo(local().get(0).accountId());
            assertThat(organization.featureSetAsString()).isEqualTo("ALL");
            String member = local().get(2).accountId();
            assertThat(org.describeAccount(r -> r.accountId(member)).account().arn())
                    .isEqualTo("arn:aws:organizations::" + local().get(0).accountId() + ":account/" + organization.id() + "/" + member);
            assertThatThrownBy(() -> org.describeAccount(r -> r.accountId("999999999999"))).isInstanceOf(AccountNotFoundException.class);
            assertThat(org.listRoots().roots()).hasSize(1);
            assertThat(org.listRoots().roots().get(0).id()).matches("r-[a-z0-9]{4}");
        }
    }

    @Test
    void aMemberAccountDescribesTheOrganizationButMayNotListItsAccounts() {
        try (OrganizationsClient org = organizations(1)) {
            assertThat(org.describeOrganization().organization().masterAccountId()).isEqualTo(local().get(0).accountId());
            assertThatThrownBy(org::listAccounts).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("You don't have permissions to access this resource.");
            assertThatThrownBy(() -> org.describeAccount(r -> r.accountId(local().get(0).accountId())))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theManagementAccountReachesEveryMemberThroughOrganizationAccountAccessRole() {
        for (LocalAccount member : local().subList(1, local().size())) {
            Credentials credentials = store.sts(store.adminKey(0), Region.US_EAST_1).assumeRole(r -> r
                    .roleArn("arn:aws:iam::" + member.accountId() + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("strongroom")).credentials();
            StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
            try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(store.store().endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(session).build();
                 StsClient sts = StsClient.builder().endpointOverride(store.store().endpoint()).region(Region.US_EAST_1)
                         .credentialsProvider(session).build()) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo(member.accountId());
                secrets.listSecrets();
            }
        }
        // a member cannot use another member's role: it trusts the management account only
        String third = local().get(2).accountId();
        assertThatThrownBy(() -> store.sts(store.adminKey(1), Region.US_EAST_1).assumeRole(r -> r
                .roleArn("arn:aws:iam::" + third + ":role/OrganizationAccountAccessRole").roleSessionName("member")))
                .hasMessageContaining("not authorized to perform: sts:AssumeRole");
    }

    @Test
    void theOrganizationsApiStillNeedsASignature() {
        java.net.http.HttpRequest unsigned = java.net.http.HttpRequest.newBuilder(store.store().endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(unsigned, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("MissingAuthenticationToken");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
