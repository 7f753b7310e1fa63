package io.strongroom.local.iam;

import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strongroom.local.iam.IamSql.count;
import static io.strongroom.local.iam.IamSql.strings;
import static io.strongroom.local.iam.IamSql.update;

/** Inline policies of users and roles, customer managed policies, and their attachments. */
final class IamPolicies extends IamTable {

    IamPolicies(Database db, Clock clock, Runnable changedHook) {
        super(db, clock, changedHook);
    }


    /** Adds or replaces an inline policy of a user or role (by its ARN). */
    public void putInlinePolicy(String principalArn, String policyName, String document) {
        IamSql.requirePolicy(document, PolicyType.IDENTITY_POLICY,
                principalArn.contains(":role/") ? IamDirectory.MAX_INLINE_ROLE_POLICY_BYTES : IamDirectory.MAX_INLINE_USER_POLICY_BYTES,
                principalArn.contains(":role/") ? "PolicySizePerRole" : "PolicySizePerUser");
        changed(db.write(c -> {
            update(c, "INSERT INTO iam_inline_policies(principal_arn, policy_name, document) VALUES (?,?,?) "
                    + "ON CONFLICT(principal_arn, policy_name) DO UPDATE SET document=excluded.document", principalArn, policyName, document);
            return null;
        }));
    }

    public Optional<String> inlinePolicy(String principalArn, String policyName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document FROM iam_inline_policies WHERE principal_arn=? AND policy_name=?")) {
                ps.setString(1, principalArn);
                ps.setString(2, policyName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public List<String> inlinePolicyNames(String principalArn) {
        return db.read(c -> strings(c, "SELECT policy_name FROM iam_inline_policies WHERE principal_arn=? ORDER BY policy_name", principalArn));
    }

    public void deleteInlinePolicy(String principalArn, String policyName, String entityKind, String entityName) {
        changed(db.write(c -> {
            if (update(c, "DELETE FROM iam_inline_policies WHERE principal_arn=? AND policy_name=?", principalArn, policyName) == 0) {
                throw IamErrors.noSuchEntity("The " + entityKind + " policy with name " + policyName + " cannot be found.");
            }
            return null;
        }));
    }


    public ManagedPolicy createPolicy(String accountId, String policyName, String path, String description, String document) {
        IamSql.requirePolicy(document, PolicyType.IDENTITY_POLICY, IamDirectory.MAX_MANAGED_POLICY_BYTES, "PolicySize");
        return changed(db.write(c -> {
            String arn = "arn:aws:iam::" + accountId + ":policy" + path + policyName;
            if (count(c, "SELECT count(*) FROM iam_policies WHERE account_id=? AND policy_name=? COLLATE NOCASE", accountId, policyName) > 0) {
                throw IamErrors.alreadyExists("A policy called " + policyName + " already exists. Duplicate names are not allowed.");
            }
            Instant now = clock.instant();
            ManagedPolicy policy = new ManagedPolicy(arn, accountId, policyName, Ids.unique("ANPA"), path, description, document,
                    now, now, 0);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO iam_policies(arn, account_id, policy_name, policy_id, path, description, document, created_at, updated_at)
                    VALUES (?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, arn);
                ps.setString(2, accountId);
                ps.setString(3, policyName);
                ps.setString(4, policy.policyId());
                ps.setString(5, path);
                ps.setString(6, description);
                ps.setString(7, document);
                ps.setLong(8, now.toEpochMilli());
                ps.setLong(9, now.toEpochMilli());
                ps.executeUpdate();
            }
            return policy;
        }));
    }

    /** A managed policy by ARN: one of AWS's, or a customer managed policy of a local account. */
    public Optional<ManagedPolicy> policy(String arn) {
        Optional<ManagedPolicy> aws = AwsManagedPolicies.byArn(arn);
        if (aws.isPresent()) {
            return Optional.of(withCount(aws.get(), db.read(c -> count(c, "SELECT count(*) FROM iam_attachments WHERE policy_arn=?", arn))));
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(POLICY_COLUMNS + " WHERE p.arn=?")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(policy(rs)) : Optional.empty();
                }
            }
        });
    }

    public ManagedPolicy requirePolicy(String arn) {
        return policy(arn).orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
    }

    /** The customer managed policies of an account, then AWS's, as ListPolicies with Scope All gives them. */
    public List<ManagedPolicy> policies(String accountId, boolean local, boolean aws) {
        List<ManagedPolicy> out = new ArrayList<>();
        if (local) {
            out.addAll(db.read(c -> {
                List<ManagedPolicy> mine = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(POLICY_COLUMNS + " WHERE p.account_id=? ORDER BY p.policy_name")) {
                    ps.setString(1, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            mine.add(policy(rs));
                        }
                    }
                }
                return mine;
            }));
        }
        if (aws) {
            for (ManagedPolicy p : AwsManagedPolicies.all()) {
                out.add(policy(p.arn()).orElseThrow());
            }
        }
        return out;
    }

    public void deletePolicy(String arn) {
        changed(db.write(c -> {
            if (AwsManagedPolicies.byArn(arn).isPresent()) {
                throw new io.strongroom.local.wire.AwsException("AccessDenied", 403, "AWS managed policies cannot be deleted.");
            }
            if (count(c, "SELECT count(*) FROM iam_policies WHERE arn=?", arn) == 0) {
                throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
            }
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE policy_arn=?", arn) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            update(c, "DELETE FROM iam_policies WHERE arn=?", arn);
            return null;
        }));
    }

    private static final String POLICY_COLUMNS = """
            SELECT p.arn, p.account_id, p.policy_name, p.policy_id, p.path, p.description, p.document, p.created_at, p.updated_at,
                   (SELECT count(*) FROM iam_attachments a WHERE a.policy_arn = p.arn)
            FROM iam_policies p""";

    private static ManagedPolicy policy(ResultSet rs) throws SQLException {
        return new ManagedPolicy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10));
    }

    private static ManagedPolicy withCount(ManagedPolicy p, int count) {
        return new ManagedPolicy(p.arn(), p.accountId(), p.policyName(), p.policyId(), p.path(), p.description(), p.document(),
                p.createdAt(), p.updatedAt(), count);
    }



    /** Attaches a managed policy to a user or role; attaching one already attached changes nothing, as in IAM. */
    public void attach(String principalArn, String policyArn) {
        ManagedPolicy policy = requirePolicy(policyArn);
        if (!policy.awsManaged() && !policy.accountId().equals(IamSql.accountOf(principalArn))) {
            throw IamErrors.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
        }
        changed(db.write(c -> {
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=? AND policy_arn=?", principalArn, policyArn) > 0) {
                return null;
            }
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=?", principalArn) >= IamDirectory.MAX_MANAGED_POLICIES_PER_PRINCIPAL) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPer" + (principalArn.contains(":role/") ? "Role" : "User")
                        + ": " + IamDirectory.MAX_MANAGED_POLICIES_PER_PRINCIPAL);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO iam_attachments(principal_arn, policy_arn, attached_at) VALUES (?,?,?)")) {
                ps.setString(1, principalArn);
                ps.setString(2, policyArn);
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            return null;
        }));
    }

    public void detach(String principalArn, String policyArn) {
        changed(db.write(c -> {
            if (update(c, "DELETE FROM iam_attachments WHERE principal_arn=? AND policy_arn=?", principalArn, policyArn) == 0) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
            }
            return null;
        }));
    }

    /** The ARNs of the managed policies attached to a user or role, in the order they were attached. */
    public List<String> attachedPolicies(String principalArn) {
        return db.read(c -> strings(c, "SELECT policy_arn FROM iam_attachments WHERE principal_arn=? ORDER BY attached_at, rowid", principalArn));
    }

}
