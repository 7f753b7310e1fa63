package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.LocalAccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's IAM principals: in each default account, the roles people in that account would
 * have, so that the policy views have something real to show and a person can assume a role with
 * the AWS CLI and see what it may and may not do.
 *
 * <ul>
 *   <li>{@code app-<service>} for every service of the account (see {@link DemoCatalog#services}):
 *       trusted by {@code ecs-tasks.amazonaws.com} and the account's root (so people can assume
 *       it to try it), reads its own service's secrets (by ARN pattern) and decrypts only through
 *       Secrets Manager; tagged with its team and service.</li>
 *   <li>{@value #SECURITY_AUDITOR}: AWS's SecurityAudit policy (metadata and policies, never
 *       values), trusted by the security-audit account, so from the other two accounts it is a
 *       cross-account role.</li>
 *   <li>{@value #BREAK_GLASS}: AdministratorAccess, trusted by the account's root, for incidents.</li>
 *   <li>{@value #CI_DEPLOYER}, in security-audit only: reads {@code ci/} secrets in any account
 *       that allows it; payments-prod's {@code ci/} secrets do (see {@link DemoGrants}).</li>
 *   <li>{@value #MFA_ADMIN}, in security-audit only: AdministratorAccess, trusted by the account's
 *       root only in sessions signed in with MFA ({@code aws:MultiFactorAuthPresent} true), so the
 *       Access views show a role that requires MFA. The demo creates no MFA device: a device's
 *       seed is shown once, to whoever creates it, so a person enables their own (IAM
 *       CreateVirtualMFADevice and EnableMFADevice for the admin user) and assumes the role with
 *       {@code --serial-number} and {@code --token-code}.</li>
 * </ul>
 *
 * <p>Every role lives under the path {@value #PATH} and carries the IAM tag
 * {@value DemoEstate#TAG_KEY}={@value DemoEstate#TAG_VALUE}; removal goes by that tag alone.
 * Roles are written straight into the store's {@link IamDirectory} (the store serves no IAM API
 * over HTTP), at the store's current time.
 */
public final class DemoPrincipals {

    /** The IAM path of every demo role: {@code arn:aws:iam::ACCOUNT:role/strongroom-demo/NAME}. */
    public static final String PATH = "/strongroom-demo/";
    public static final String BREAK_GLASS = "break-glass";
    public static final String SECURITY_AUDITOR = "security-auditor";
    public static final String CI_DEPLOYER = "ci-deployer";
    public static final String MFA_ADMIN = "mfa-admin";
    public static final String APP_PREFIX = "app-";

    /** Where auditors and CI come from. */
    static final String AUDITING_ACCOUNT = "security-audit";
    static final String INLINE_POLICY = "demo-access";

    /** One role to create, with its single inline policy (or none) and its AWS managed policies. */
    record RolePlan(String name, String trustPolicy, String description, Map<String, String> tags, String inlinePolicy,
                    List<String> managedPolicies) {}

    private DemoPrincipals() {}

    /** A demo role's ARN in {@code accountId}. */
    public static String roleArn(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role" + PATH + roleName;
    }

    /** The roles of the account known by {@code alias}, which is {@code accountId}; {@code auditAccountId} may be null. */
    static List<RolePlan> plan(String alias, String accountId, String auditAccountId) {
        String auditors = auditAccountId == null ? accountId : auditAccountId;
        List<RolePlan> roles = new ArrayList<>();
        for (DemoCatalog.ServiceAccess s : DemoCatalog.services(alias)) {
            roles.add(new RolePlan(APP_PREFIX + s.service(), DemoPolicies.trust(accountId, "ecs-tasks.amazonaws.com"),
                    "Task role of the " + s.service() + " service: reads its own secrets (demo)",
                    tags("team", s.team(), "service", s.service()),
                    DemoPolicies.readOwnSecrets(accountId, s.secretNames()), List.of()));
        }
        roles.add(new RolePlan(SECURITY_AUDITOR, DemoPolicies.trust(auditors),
                "Read-only security review from the " + AUDITING_ACCOUNT + " account: metadata and policies, never values (demo)",
                tags("team", "secops"), null, List.of(AwsManagedPolicies.SECURITY_AUDIT)));
        roles.add(new RolePlan(BREAK_GLASS, DemoPolicies.trust(accountId),
                "Break-glass administrator for incidents only: every session is reviewed afterwards (demo)",
                tags("team", "identity"), null, List.of(AwsManagedPolicies.ADMINISTRATOR_ACCESS)));
        if (alias.equals(AUDITING_ACCOUNT)) {
            roles.add(new RolePlan(CI_DEPLOYER, DemoPolicies.trust(accountId, "codebuild.amazonaws.com"),
                    "CI deployments: reads ci/ secrets in the accounts that share them (demo)",
                    tags("team", "platform"), DemoPolicies.ciDeployer(), List.of()));
            roles.add(new RolePlan(MFA_ADMIN, DemoPolicies.trustWithMfa(accountId),
                    "Administrator of the security tooling: sessions only with MFA (demo)",
                    tags("team", "secops"), null, List.of(AwsManagedPolicies.ADMINISTRATOR_ACCESS)));
        }
        return roles;
    }

    /**
     * Creates the demo roles that are missing in the default accounts present ({@code accounts},
     * by alias) and, if any was missing, the grants that name them ({@link DemoGrants#apply}):
     * a store seeded before the demo had principals gains them, and one that has them is left as
     * it is (roles someone changed are not reset). Returns the number of roles created.
     */
    static int ensure(LocalStore store, Map<String, LocalAccount> accounts, Instant now) {
        IamDirectory iam = store.accounts().iam();
        LocalAccount audit = accounts.get(AUDITING_ACCOUNT);
        int created = 0;
        for (Map.Entry<String, LocalAccount> account : accounts.entrySet()) {
            String id = account.getValue().accountId();
            for (RolePlan r : plan(account.getKey(), id, audit == null ? null : audit.accountId())) {
                if (iam.role(id, r.name()).isPresent()) {
                    continue;       // ours from an earlier run, or a name someone else uses: left alone either way
                }
                IamRole role = iam.createRole(id, r.name(), PATH, r.trustPolicy(), r.description(), null, r.tags());
                if (r.inlinePolicy() != null) {
                    iam.putInlinePolicy(role.arn(), INLINE_POLICY, r.inlinePolicy());
                }
                for (String policy : r.managedPolicies()) {
                    iam.attach(role.arn(), policy);
                }
                created++;
            }
        }
        if (created > 0) {
            DemoGrants.apply(store, accounts, now);
        }
        return created;
    }

    /**
     * Removes every demo role (tagged {@value DemoEstate#TAG_KEY}={@value DemoEstate#TAG_VALUE})
     * of every account, its inline policies and attachments first, as IAM requires, and takes the
     * demo's statement off the shared CI key's policy. Returns the number of roles removed.
     */
    static int remove(LocalStore store, Instant now) {
        DemoGrants.revokeKeyStatements(store, now);
        IamDirectory iam = store.accounts().iam();
        int removed = 0;
        for (IamRole role : roles(store)) {
            for (String name : iam.inlinePolicyNames(role.arn())) {
                iam.deleteInlinePolicy(role.arn(), name, "role", role.roleName());
            }
            for (String policy : iam.attachedPolicies(role.arn())) {
                iam.detach(role.arn(), policy);
            }
            iam.deleteRole(role.accountId(), role.roleName());
            removed++;
        }
        return removed;
    }

    /** The demo roles of every account, whatever their path, in account order, then by name. */
    public static List<IamRole> roles(LocalStore store) {
        IamDirectory iam = store.accounts().iam();
        List<IamRole> out = new ArrayList<>();
        for (LocalAccount account : store.accounts().list()) {
            for (IamRole role : iam.roles(account.accountId(), null)) {
                if (DemoEstate.TAG_VALUE.equals(iam.tags(role.arn()).get(DemoEstate.TAG_KEY))) {
                    out.add(role);
                }
            }
        }
        return out;
    }

    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DemoEstate.TAG_KEY, DemoEstate.TAG_VALUE);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }
}
