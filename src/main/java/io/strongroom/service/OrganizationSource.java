package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.MemberAccount;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SourceKind;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The accounts of an AWS organization, listed (organizations:ListAccounts, every page) with the
 * management account's credentials, or a delegated administrator's, and each reached through a
 * named role (STS AssumeRole from those credentials; {@value #DEFAULT_ROLE} unless configured),
 * the way AWS creates it in accounts the organization creates. The caller's own account is
 * reached with its own credentials (the management account has no such role). An account that
 * cannot be reached (the role missing, the trust refused) keeps its error and is still listed;
 * the others are unaffected.
 *
 * <p>Unlike the other sources this one calls the network: {@link #discover()} does, and
 * {@link #accounts()} discovers on first use. Run both off the UI thread.
 */
public final class OrganizationSource implements AccountSource {

    /** The role AWS Organizations creates in the accounts it creates. */
    public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";
    /** The role session name member accounts are reached with (CloudTrail shows it). */
    public static final String SESSION_NAME = "strongroom-organization";
    static final String ORIGIN_PREFIX = "organization";

    private final ClientRegistry clients;
    private final Account management;
    private final String roleName;
    private List<MemberAccount> members;

    OrganizationSource(ClientRegistry clients, Account management, String roleName) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.management = Objects.requireNonNull(management, "management");
        this.roleName = roleName == null || roleName.isBlank() ? DEFAULT_ROLE : roleName.strip();
    }

    @Override
    public String name() {
        return "Organization (" + management.alias() + ")";
    }

    /** Every ACTIVE account of the organization (reachable or not: an unreachable one fails per scope with its error). */
    @Override
    public synchronized List<Account> accounts() {
        if (members == null) {
            discover();
        }
        return members.stream().filter(m -> "ACTIVE".equals(m.status())).map(MemberAccount::account).toList();
    }

    /** The last discovery's members, with each one's reach error; discovers when none ran yet. */
    public synchronized List<MemberAccount> members() {
        if (members == null) {
            discover();
        }
        return members;
    }

    /**
     * Lists the organization and tries each ACTIVE account's role. Throws {@link ScopeException}
     * only when the listing itself fails (AWSOrganizationsNotInUseException, AccessDeniedException
     * for a member account's credentials, an unreachable endpoint).
     */
    public synchronized List<MemberAccount> discover() {
        Scope home = management.in(ClientRegistry.IAM_REGION);
        GetCallerIdentityResponse caller;
        List<software.amazon.awssdk.services.organizations.model.Account> listed = new ArrayList<>();
        try {
            caller = clients.sts(home).getCallerIdentity();
            String token = null;
            do {
                String next = token;
                ListAccountsResponse page = clients.organizations(home).listAccounts(ListAccountsRequest.builder().nextToken(next).build());
                listed.addAll(page.accounts());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (RuntimeException e) {
            throw ScopeErrors.exception(home, e);
        }
        String partition = caller.arn().split(":")[1];
        List<MemberAccount> found = new ArrayList<>();
        for (var a : listed) {
            Account account = account(a.id(), a.name(), partition, caller.account());
            String status = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
            found.add("ACTIVE".equals(status) ? reach(account, a.email(), status)
                    : new MemberAccount(account, a.email(), status, null, null));
        }
        members = List.copyOf(found);
        return members;
    }

    private Account account(String id, String name, String partition, String callerAccount) {
        CredentialsRef credentials = id.equals(callerAccount) ? management.credentials()
                : new CredentialsRef.AssumedRole(management.credentials(),
                "arn:" + partition + ":iam::" + id + ":role/" + roleName, SESSION_NAME, management.endpoint());
        return new Account(id, name == null || name.isBlank() ? id : name, management.endpoint(), credentials,
                ORIGIN_PREFIX + " " + management.alias(), SourceKind.ORGANIZATION);
    }

    /** Assumes the account's role once; a refusal is kept as the member's error. */
    private MemberAccount reach(Account account, String email, String status) {
        try {
            clients.credentials(account.credentials()).resolveCredentials();
            return new MemberAccount(account, email, status, null, null);
        } catch (RuntimeException e) {
            ScopeError error = ScopeErrors.of(account.in(ClientRegistry.IAM_REGION), e);
            return new MemberAccount(account, email, status, error.errorCode(), error.message());
        }
    }
}
