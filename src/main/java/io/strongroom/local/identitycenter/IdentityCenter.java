package io.strongroom.local.identitycenter;

import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.storage.Database;

import java.time.Instant;
import java.util.List;

/**
 * The local IAM Identity Center instance: its users' assignments, clients, device
 * authorizations, tokens and provisioned roles. It belongs to the organization's management
 * account, the first local account, whose trail records its events.
 */
public final class IdentityCenter {

    /** The demo's administrator: every account, AdministratorAccess and ReadOnlyAccess. */
    public static final String ADMIN_USER = "admin";
    /** The demo's auditor: every account, SecurityAudit. */
    public static final String AUDITOR_USER = "auditor";

    private final Accounts accounts;
    private final Assignments assignments;
    private final OidcClients clients;
    private final DeviceCodes devices;
    private final SsoTokens tokens;
    private final SsoRoles roles;

    public IdentityCenter(Database db, Accounts accounts) {
        this.accounts = accounts;
        this.assignments = new Assignments(db);
        this.clients = new OidcClients(db);
        this.devices = new DeviceCodes(db);
        this.tokens = new SsoTokens(db);
        this.roles = new SsoRoles(accounts);
    }

    /** An instance with no assignments yet gets the demo's two users in every local account. */
    public void ensureDefaults() {
        if (!assignments.all().isEmpty()) {
            return;
        }
        for (LocalAccount account : accounts.list()) {
            assignments.assign(ADMIN_USER, account.accountId(), "AdministratorAccess");
            assignments.assign(ADMIN_USER, account.accountId(), "ReadOnlyAccess");
            assignments.assign(AUDITOR_USER, account.accountId(), "SecurityAudit");
        }
    }

    public Assignments assignments() {
        return assignments;
    }

    /**
     * Assigns a permission set, which must be named after an AWS managed policy the store
     * knows (AdministratorAccess, ReadOnlyAccess, SecurityAudit...).
     *
     * @throws IllegalArgumentException for an unknown permission set or account
     */
    public void assign(String userName, String accountId, String permissionSet) {
        if (!SsoRoles.known(permissionSet)) {
            throw new IllegalArgumentException("no AWS managed policy named " + permissionSet + " for a permission set");
        }
        if (accounts.list().stream().noneMatch(a -> a.accountId().equals(accountId))) {
            throw new IllegalArgumentException("no local account " + accountId);
        }
        assignments.assign(userName, accountId, permissionSet);
    }

    /** Removes tokens and device codes long expired; returns how many tokens went. */
    public int purgeExpired(Instant cutoff) {
        return tokens.purgeExpired(cutoff);
    }

    /** The account the instance belongs to (the organization's management account), whose trail records it. */
    String instanceAccount() {
        List<LocalAccount> all = accounts.list();
        return all.isEmpty() ? null : all.get(0).accountId();
    }

    List<LocalAccount> accounts() {
        return accounts.list();
    }

    OidcClients clients() {
        return clients;
    }

    DeviceCodes devices() {
        return devices;
    }

    SsoTokens tokens() {
        return tokens;
    }

    SsoRoles roles() {
        return roles;
    }
}
