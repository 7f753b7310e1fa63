package io.strongroom.local.rotation;

import io.strongroom.local.postgres.QuotedSql;

import io.strongroom.local.rotation.PostgresSingleUserFunction.Credential;
import io.strongroom.local.rotation.PostgresSingleUserFunction.Login;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strongroom-postgres-alternating-users}: each rotation moves the secret to the other of
 * two users, {@code X} and {@code X_clone}, and gives that one a new password, as AWS's
 * SecretsManagerRDSPostgreSQLRotationMultiUser template does. The user the applications are
 * logged in as is never changed, so nothing is locked out while they pick up the new value; it
 * becomes AWSPREVIOUS and keeps working until the rotation after next.
 *
 * <p>A superuser does the work: the secret's {@code masterarn} key names another secret of the
 * account holding its credential (same JSON keys), read through the rotation context.
 * <ul>
 *   <li>createSecret: the current JSON with the other user name and a new password;</li>
 *   <li>setSecret: nothing when the pending credential already logs in; otherwise, once the
 *       current credential is shown to log in, the superuser creates the clone as a member of the
 *       original user's role ({@code CREATE ROLE X_clone WITH LOGIN PASSWORD ... IN ROLE X}, so it
 *       inherits every privilege the original has and will be given) or, when the user exists,
 *       changes its password;</li>
 *   <li>testSecret: log in as the pending user and run {@code SELECT NOW()}.</li>
 * </ul>
 */
public final class PostgresAlternatingUsersFunction extends TemplateFunction {

    public static final String NAME = "strongroom-postgres-alternating-users";
    static final String CLONE_SUFFIX = "_clone";
    /** PostgreSQL's NAMEDATALEN - 1: a longer role name would be silently truncated. */
    private static final int MAX_NAME_BYTES = 63;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Alternates between a PostgreSQL user and its clone, set up by the superuser of the secret named in 'masterarn'.";
    }

    /** The user a rotation from {@code username} moves to: {@code X} and {@code X_clone} are each other's alternate. */
    static String alternate(String username) {
        return username.endsWith(CLONE_SUFFIX) && username.length() > CLONE_SUFFIX.length()
                ? username.substring(0, username.length() - CLONE_SUFFIX.length())
                : username + CLONE_SUFFIX;
    }

    @Override
    protected String newValue(String current, RotationContext ctx) throws RotationException {
        Credential secret = Credential.parse(current, "secret's");
        secret.masterArn();
        String user = alternate(secret.username());
        if (user.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new RotationException("The alternate user '" + user + "' would be longer than PostgreSQL's "
                    + MAX_NAME_BYTES + "-byte limit for names.");
        }
        return secret.with(user, Credential.newPassword(ctx));
    }

    @Override
    protected void setSecret(RotationContext ctx) throws RotationException {
        Credential pending = Credential.pending(ctx);
        Credential current = Credential.current(ctx);
        if (!pending.username().equals(alternate(current.username()))) {
            throw new RotationException("The pending version is for user '" + pending.username() + "', which is not the"
                    + " alternate of the current user '" + current.username() + "' ('" + alternate(current.username()) + "').");
        }
        if (!pending.sameServerAs(current)) {
            throw new RotationException("The pending version is for PostgreSQL at " + pending.server()
                    + ", but the current one is at " + current.server() + ".");
        }
        Login login = new Login(pending, current);
        if (login.logsIn(pending, "with the pending password")) {
            return;
        }
        // As AWS's template does: never clone from a credential that does not work itself.
        Login.closeQuietly(login.open(current, "with the current password"));

        Credential superuser = superuser(ctx, current);
        login.hide(superuser);
        try (Connection su = login.open(superuser, "as the superuser of the secret's 'masterarn'")) {
            if (roleExists(login, su, superuser, pending.username())) {
                execute(login, su, superuser, "changing the password of user '" + pending.username() + "'",
                        "ALTER ROLE %I WITH LOGIN PASSWORD %L", pending.username(), pending.password());
            } else {
                create(login, su, superuser, pending, current);
            }
        } catch (SQLException closing) {
            // the work was committed before the session closed
        }
    }

    /** The credential of the secret {@code masterarn} names, which must be for the same server. */
    private static Credential superuser(RotationContext ctx, Credential current) throws RotationException {
        String arn = current.masterArn();
        String value = ctx.otherSecret(arn).orElseThrow(() -> new RotationException("The superuser secret '" + arn
                + "' that the secret's 'masterarn' names does not exist or has no current value to read."));
        Credential superuser = Credential.parse(value, "superuser secret's");
        if (!superuser.sameServerAs(current)) {
            throw new RotationException("The superuser secret '" + arn + "' is for PostgreSQL at " + superuser.server()
                    + ", but this secret's user is at " + current.server() + ".");
        }
        return superuser;
    }

    /**
     * Creates the pending user with the current user's privileges. The clone joins the original's
     * role; going back to an original that was dropped meanwhile, the new user joins the roles the
     * clone is a member of (what the clone was granted directly is not copied).
     */
    private static void create(Login login, Connection su, Credential superuser, Credential pending,
                               Credential current) throws RotationException {
        String doing = "creating user '" + pending.username() + "'";
        if (pending.username().equals(current.username() + CLONE_SUFFIX)) {
            execute(login, su, superuser, doing, "CREATE ROLE %I WITH LOGIN PASSWORD %L IN ROLE %I",
                    pending.username(), pending.password(), current.username());
            return;
        }
        try {
            su.setAutoCommit(false);
            QuotedSql.execute(su, "CREATE ROLE %I WITH LOGIN PASSWORD %L", pending.username(), pending.password());
            for (String role : memberships(su, current.username())) {
                QuotedSql.execute(su, "GRANT %I TO %I", role, pending.username());
            }
            su.commit();
        } catch (SQLException e) {
            rollbackQuietly(su);
            throw login.statementFailure(superuser, doing, e);
        }
    }

    private static List<String> memberships(Connection su, String user) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (PreparedStatement q = su.prepareStatement("SELECT r.rolname FROM pg_auth_members m"
                + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?")) {
            q.setString(1, user);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return roles;
    }

    private static boolean roleExists(Login login, Connection su, Credential superuser, String name) throws RotationException {
        try (PreparedStatement q = su.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw login.statementFailure(superuser, "looking up user '" + name + "'", e);
        }
    }

    private static void execute(Login login, Connection su, Credential superuser, String doing, String template,
                                String... args) throws RotationException {
        try {
            QuotedSql.execute(su, template, args);
        } catch (SQLException e) {
            throw login.statementFailure(superuser, doing, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the session is closed next; the server rolls the transaction back then
        }
    }

    @Override
    protected void testSecret(RotationContext ctx) throws RotationException {
        Login.provePending(Credential.pending(ctx));
    }
}
