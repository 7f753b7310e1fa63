package io.strongroom.local.iam;

import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strongroom.local.iam.IamSql.requireNoPolicies;
import static io.strongroom.local.iam.IamSql.requirePolicy;
import static io.strongroom.local.iam.IamSql.update;
import static io.strongroom.local.iam.IamSql.writeTags;

/** IAM roles of the local accounts, with their trust policies: create, read, list, update the trust policy, delete. */
final class IamRoles extends IamTable {

    IamRoles(Database db, Clock clock, Runnable changedHook) {
        super(db, clock, changedHook);
    }

    public IamRole createRole(String accountId, String roleName, String path, String trustPolicy, String description,
                              Integer maxSessionSeconds, Map<String, String> tags) {
        int maxSession = maxSessionSeconds == null ? IamDirectory.DEFAULT_MAX_SESSION : maxSessionSeconds;
        if (maxSession < IamDirectory.DEFAULT_MAX_SESSION || maxSession > IamDirectory.MAX_MAX_SESSION) {
            throw IamErrors.invalidInput("The requested MaxSessionDuration " + maxSession
                    + " is outside the valid range of 3600 to 43200 seconds.");
        }
        requirePolicy(trustPolicy, PolicyType.TRUST_POLICY, IamDirectory.MAX_TRUST_POLICY_BYTES, "ACLSizePerRole");
        return changed(db.write(c -> {
            if (roleRow(c, accountId, roleName).isPresent()) {
                throw IamErrors.alreadyExists("Role with name " + roleName + " already exists.");
            }
            Instant now = clock.instant();
            IamRole role = new IamRole(accountId, roleName, Ids.unique("AROA"), "arn:aws:iam::" + accountId + ":role" + path + roleName,
                    path, trustPolicy, description, maxSession, now);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO iam_roles(arn, account_id, role_name, role_id, path, trust_policy, description,
                                          max_session_seconds, created_at) VALUES (?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, role.arn());
                ps.setString(2, accountId);
                ps.setString(3, roleName);
                ps.setString(4, role.roleId());
                ps.setString(5, path);
                ps.setString(6, trustPolicy);
                ps.setString(7, description);
                ps.setInt(8, maxSession);
                ps.setLong(9, now.toEpochMilli());
                ps.executeUpdate();
            }
            writeTags(c, role.arn(), tags);
            return role;
        }));
    }

    public Optional<IamRole> role(String accountId, String roleName) {
        return db.read(c -> roleRow(c, accountId, roleName));
    }

    public IamRole requireRole(String accountId, String roleName) {
        return role(accountId, roleName).orElseThrow(() -> IamErrors.noSuchEntity("The role with name " + roleName + " cannot be found."));
    }

    /** The role an ARN names, matched exactly (as AssumeRole and policies name it). */
    public Optional<IamRole> roleByArn(String arn) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ROLE_COLUMNS + " WHERE arn=?")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(role(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<IamRole> roles(String accountId, String pathPrefix) {
        return db.read(c -> {
            List<IamRole> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ROLE_COLUMNS + " WHERE account_id=? ORDER BY role_name")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        IamRole r = role(rs);
                        if (pathPrefix == null || r.path().startsWith(pathPrefix)) {
                            out.add(r);
                        }
                    }
                }
            }
            return out;
        });
    }

    public void updateTrustPolicy(String accountId, String roleName, String trustPolicy) {
        requirePolicy(trustPolicy, PolicyType.TRUST_POLICY, IamDirectory.MAX_TRUST_POLICY_BYTES, "ACLSizePerRole");
        changed(db.write(c -> {
            IamRole role = roleRow(c, accountId, roleName)
                    .orElseThrow(() -> IamErrors.noSuchEntity("The role with name " + roleName + " cannot be found."));
            update(c, "UPDATE iam_roles SET trust_policy=? WHERE arn=?", trustPolicy, role.arn());
            return null;
        }));
    }

    public void deleteRole(String accountId, String roleName) {
        changed(db.write(c -> {
            IamRole role = roleRow(c, accountId, roleName)
                    .orElseThrow(() -> IamErrors.noSuchEntity("The role with name " + roleName + " cannot be found."));
            requireNoPolicies(c, role.arn());
            update(c, "DELETE FROM iam_tags WHERE principal_arn=?", role.arn());
            update(c, "DELETE FROM iam_roles WHERE arn=?", role.arn());
            return null;
        }));
    }

    private static final String ROLE_COLUMNS = """
            SELECT account_id, role_name, role_id, arn, path, trust_policy, description, max_session_seconds, created_at
            FROM iam_roles""";

    private static Optional<IamRole> roleRow(Connection c, String accountId, String roleName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROLE_COLUMNS + " WHERE account_id=? AND role_name=? COLLATE NOCASE")) {
            ps.setString(1, accountId);
            ps.setString(2, roleName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(role(rs)) : Optional.empty();
            }
        }
    }

    private static IamRole role(ResultSet rs) throws SQLException {
        return new IamRole(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)));
    }

}
