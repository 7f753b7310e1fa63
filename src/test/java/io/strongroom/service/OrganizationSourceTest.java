package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.MemberAccount;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SourceKind;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization account source against the embedded store's Organizations API: the three
 * local accounts discovered from the management account and reached through a named role, one
 * account without the role keeping its error while the others work.
 */
class OrganizationSourceTest {

    static ServiceStack stack;
    static Account management;

    @BeforeAll
    static void estate() {
        stack = ServiceStack.start(3);
        management = stack.accounts().get(0);
        for (int i = 0; i < 3; i++) {
            int n = i;
            stack.store().secrets(stack.store().adminKey(i), Region.US_EAST_1)
                    .createSecret(b -> b.name("org/secret-" + n).secretString("not printed"));
        }
        role(1, "org-audit");
        role(2, "org-audit");
        role(1, "partial-role");
    }

    static void role(int account, String name) {
        IamClient iam = stack.store().iam(stack.store().adminKey(account));
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(management.accountId())));
        iam.putRolePolicy(r -> r.roleName(name).policyName("list").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}]}"""));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static List<String> ids() {
        return stack.accounts().stream().map(Account::accountId).toList();
    }

    @Test
    void theOrganizationsThreeAccountsAreDiscoveredAndReachedThroughTheRole() throws Exception {
        OrganizationSource org = AccountSource.organization(stack.clients(), management, "org-audit");

        List<MemberAccount> members = org.discover();

        assertThat(members).extracting(m -> m.account().accountId()).containsExactlyInAnyOrderElementsOf(ids());
        assertThat(members).allMatch(MemberAccount::reachable);
        assertThat(members).allMatch(m -> m.account().source() == SourceKind.ORGANIZATION);
        assertThat(org.name()).isEqualTo("Organization (" + management.alias() + ")");
        Account own = members.stream().map(MemberAccount::account).filter(a -> a.accountId().equals(management.accountId()))
                .findFirst().orElseThrow();
        assertThat(own.credentials()).isEqualTo(management.credentials());
        assertThat(members.stream().map(MemberAccount::account).filter(a -> a != own).map(Account::credentials))
                .allMatch(c -> c instanceof CredentialsRef.AssumedRole r && r.roleArn().endsWith(":role/org-audit"));

        Collector<SecretSummary> listed = new Collector<>();
        List<Scope> scopes = org.accounts().stream().map(a -> a.in("us-east-1")).toList();
        stack.secrets().list(scopes, SecretQuery.all(), listed).done().get();
        assertThat(listed.failed).isEmpty();
        assertThat(listed.pages.values().stream().flatMap(List::stream).flatMap(List::stream).map(SecretSummary::name))
                .contains("org/secret-0", "org/secret-1", "org/secret-2");
    }

    @Test
    void aRoleMissingInOneAccountKeepsItsErrorAndTheOthersWork() throws Exception {
        OrganizationSource org = AccountSource.organization(stack.clients(), management, "partial-role");

        List<MemberAccount> members = org.discover();

        String missing = ids().get(2);
        MemberAccount broken = members.stream().filter(m -> m.account().accountId().equals(missing)).findFirst().orElseThrow();
        assertThat(broken.reachable()).isFalse();
        assertThat(broken.errorCode()).isEqualTo("AccessDenied");
        assertThat(broken.errorMessage()).isNotBlank();
        assertThat(members.stream().filter(m -> !m.account().accountId().equals(missing))).hasSize(2).allMatch(MemberAccount::reachable);

        Collector<SecretSummary> listed = new Collector<>();
        stack.secrets().list(org.accounts().stream().map(a -> a.in("us-east-1")).toList(), SecretQuery.all(), listed).done().get();
        assertThat(listed.failed).hasSize(1);
        assertThat(listed.failed.keySet().iterator().next().account().accountId()).isEqualTo(missing);
        assertThat(listed.completed).hasSize(2);
    }

    @Test
    void theDefaultRoleIsOrganizationAccountAccessRole() {
        OrganizationSource org = AccountSource.organization(stack.clients(), management, null);
        assertThat(org.members()).extracting(m -> m.account().credentials())
                .filteredOn(c -> c instanceof CredentialsRef.AssumedRole)
                .allMatch(c -> ((CredentialsRef.AssumedRole) c).roleArn().endsWith(":role/" + OrganizationSource.DEFAULT_ROLE));
    }
}
