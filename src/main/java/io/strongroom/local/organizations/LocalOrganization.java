package io.strongroom.local.organizations;

import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.LocalAccount;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The organization the local accounts form: its IDs and ARNs, derived from the management account so they never change. */
final class LocalOrganization {

    static final String ACCESS_ROLE = "OrganizationAccountAccessRole";
    private static final String ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Accounts accounts;

    LocalOrganization(Accounts accounts) {
        this.accounts = accounts;
    }

    List<LocalAccount> members() {
        return accounts.list();
    }

    LocalAccount management() {
        return members().get(0);
    }

    String id() {
        return "o-" + derived("organization", 10);
    }

    String arn() {
        return "arn:aws:organizations::" + management().accountId() + ":organization/" + id();
    }

    String rootId() {
        return "r-" + derived("root", 4);
    }

    String rootArn() {
        return "arn:aws:organizations::" + management().accountId() + ":root/" + id() + "/" + rootId();
    }

    String accountArn(String accountId) {
        return "arn:aws:organizations::" + management().accountId() + ":account/" + id() + "/" + accountId;
    }

    static String email(LocalAccount account) {
        return account.alias() + "@strongroom.local";
    }

    /**
     * Creates the {@value #ACCESS_ROLE} of every member account that has none: AdministratorAccess,
     * trusting the management account (its root, so any of its principals allowed sts:AssumeRole).
     */
    void ensureAccessRoles() {
        if (members().isEmpty()) {
            return;
        }
        String management = management().accountId();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + management + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        for (LocalAccount member : members()) {
            if (member.accountId().equals(management) || accounts.iam().role(member.accountId(), ACCESS_ROLE).isPresent()) {
                continue;
            }
            IamRole role = accounts.iam().createRole(member.accountId(), ACCESS_ROLE, "/", trust,
                    "Full access for the organization's management account", null, Map.of());
            accounts.iam().attach(role.arn(), AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        }
    }

    private String derived(String what, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((what + ":" + management().accountId()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ID_LETTERS.charAt((digest[i] & 0xFF) % ID_LETTERS.length()));
        }
        return out.toString();
    }
}
