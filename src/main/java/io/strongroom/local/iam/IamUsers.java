package io.strongroom.local.iam;

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

import static io.strongroom.local.iam.IamSql.count;
import static io.strongroom.local.iam.IamSql.requireNoPolicies;
import static io.strongroom.local.iam.IamSql.update;
import static io.strongroom.local.iam.IamSql.writeTags;

/** IAM users of the local accounts (rows of {@code principals}): create, read, list, delete. */
final class IamUsers extends IamTable {

    IamUsers(Database db, Clock clock, Runnable changedHook) {
        super(db, clock, changedHook);
    }

    public IamUser createUser(String accountId, String userName, String path, Map<String, String> tags) {
        return changed(db.write(c -> {
            if (userRow(c, accountId, userName).isPresent()) {
                throw IamErrors.alreadyExists("User with name " + userName + " already exists.");
            }
            Instant now = clock.instant();
            IamUser user = new IamUser(accountId, userName, Ids.unique("AIDA"),
                    "arn:aws:iam::" + accountId + ":user" + path + userName, path, now);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO principals(arn, account_id, user_name, user_id, actions, created_at, path) VALUES (?,?,?,?,'[]',?,?)")) {
                ps.setString(1, user.arn());
                ps.setString(2, accountId);
                ps.setString(3, userName);
                ps.setString(4, user.userId());
                ps.setLong(5, now.toEpochMilli());
                ps.setString(6, path);
                ps.executeUpdate();
            }
            writeTags(c, user.arn(), tags);
            return user;
        }));
    }

    public Optional<IamUser> user(String accountId, String userName) {
        return db.read(c -> userRow(c, accountId, userName));
    }

    public IamUser requireUser(String accountId, String userName) {
        return user(accountId, userName).orElseThrow(() -> IamErrors.noSuchEntity("The user with name " + userName + " cannot be found."));
    }

    public List<IamUser> users(String accountId, String pathPrefix) {
        return db.read(c -> {
            List<IamUser> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, user_name, user_id, arn, path, created_at FROM principals WHERE account_id=? ORDER BY user_name")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        IamUser u = user(rs);
                        if (pathPrefix == null || u.path().startsWith(pathPrefix)) {
                            out.add(u);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Deletes a user that has nothing left attached, as IAM requires; its access keys must be deleted first. */
    public void deleteUser(String accountId, String userName) {
        changed(db.write(c -> {
            IamUser user = userRow(c, accountId, userName)
                    .orElseThrow(() -> IamErrors.noSuchEntity("The user with name " + userName + " cannot be found."));
            if (count(c, "SELECT count(*) FROM access_keys WHERE principal_arn=?", user.arn()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            requireNoPolicies(c, user.arn());
            update(c, "DELETE FROM iam_tags WHERE principal_arn=?", user.arn());
            update(c, "DELETE FROM principals WHERE arn=?", user.arn());
            return null;
        }));
    }

    private static Optional<IamUser> userRow(Connection c, String accountId, String userName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, user_name, user_id, arn, path, created_at FROM principals WHERE account_id=? AND user_name=? COLLATE NOCASE")) {
            ps.setString(1, accountId);
            ps.setString(2, userName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static IamUser user(ResultSet rs) throws SQLException {
        return new IamUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)));
    }

}
