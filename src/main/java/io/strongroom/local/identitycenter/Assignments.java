package io.strongroom.local.identitycenter;

import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Which permission sets each Identity Center user may use in which local account. */
public final class Assignments {

    /** One assignment: {@code userName} may use {@code permissionSet} in {@code accountId}. */
    public record Assignment(String userName, String accountId, String permissionSet) {}

    private final Database db;

    Assignments(Database db) {
        this.db = db;
    }

    /** Adds an assignment; adding one that exists changes nothing. */
    public void assign(String userName, String accountId, String permissionSet) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO sso_assignments(user_name, account_id, permission_set) VALUES (?,?,?)")) {
                ps.setString(1, userName);
                ps.setString(2, accountId);
                ps.setString(3, permissionSet);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void unassign(String userName, String accountId, String permissionSet) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sso_assignments WHERE user_name=? AND account_id=? AND permission_set=?")) {
                ps.setString(1, userName);
                ps.setString(2, accountId);
                ps.setString(3, permissionSet);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every assignment, by user, account and permission set. */
    public List<Assignment> all() {
        return query("SELECT user_name, account_id, permission_set FROM sso_assignments ORDER BY user_name, account_id, permission_set");
    }

    List<Assignment> of(String userName) {
        return all().stream().filter(a -> a.userName().equals(userName)).toList();
    }

    /** The users that have any assignment, by name: the local instance's users. */
    public List<String> users() {
        return all().stream().map(Assignment::userName).distinct().toList();
    }

    boolean exists(String userName, String accountId, String permissionSet) {
        return all().contains(new Assignment(userName, accountId, permissionSet));
    }

    private List<Assignment> query(String sql) {
        return db.read(c -> {
            List<Assignment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Assignment(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }
}
