package io.strongroom.local.identitycenter;

import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Identity Center access tokens (the portal's bearer token) and refresh tokens, stored by digest
 * only. An access token lasts {@value #ACCESS_HOURS} hours (Identity Center's default session);
 * a refresh token, issued to clients registered with scopes as AWS issues them, lasts 90 days and
 * is replaced by the one a refresh hands back.
 */
final class SsoTokens {

    static final int ACCESS_HOURS = 8;
    static final Duration ACCESS_LIFETIME = Duration.ofHours(ACCESS_HOURS);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

    /** Who a live access token signs in. */
    record Session(String userName, String clientId, Instant expiresAt) {}

    /** What CreateToken hands back. */
    record Issued(String accessToken, String refreshToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expires " + expiresAt + "]";
        }
    }

    /** A refresh token's grant, while it is live. */
    record Refreshable(String userName, String clientId, List<String> scopes) {}

    private final Database db;

    SsoTokens(Database db) {
        this.db = db;
    }

    Issued issue(String clientId, String userName, List<String> scopes, boolean withRefresh, Instant now) {
        String access = Tokens.random("aoa", 96);
        String refresh = withRefresh ? Tokens.random("aor", 96) : null;
        Instant expires = now.truncatedTo(ChronoUnit.SECONDS).plus(ACCESS_LIFETIME);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sso_tokens(access_sha256, refresh_sha256, client_id, user_name, scopes, created_at, expires_at,
                                           refresh_expires_at) VALUES (?,?,?,?,?,?,?,?)""")) {
                ps.setBytes(1, Tokens.sha256(access));
                ps.setBytes(2, refresh == null ? null : Tokens.sha256(refresh));
                ps.setString(3, clientId);
                ps.setString(4, userName);
                ps.setString(5, JsonCodec.mapper().valueToTree(scopes).toString());
                ps.setLong(6, now.toEpochMilli());
                ps.setLong(7, expires.toEpochMilli());
                if (refresh == null) {
                    ps.setNull(8, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(8, now.plus(REFRESH_LIFETIME).toEpochMilli());
                }
                ps.executeUpdate();
            }
            return null;
        });
        return new Issued(access, refresh, expires);
    }

    /** The session of a live (unexpired, not logged out) access token. */
    Optional<Session> session(String accessToken, Instant now) {
        if (accessToken == null || accessToken.isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_name, client_id, expires_at FROM sso_tokens WHERE access_sha256=? AND revoked=0 AND expires_at > ?")) {
                ps.setBytes(1, Tokens.sha256(accessToken));
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Takes a live refresh token out of use and returns its grant: a refresh token is good once,
     * the new one comes with the new access token.
     */
    Optional<Refreshable> redeemRefresh(String refreshToken, String clientId, Instant now) {
        return db.write(c -> {
            String user;
            String scopes;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT user_name, scopes FROM sso_tokens
                    WHERE refresh_sha256=? AND client_id=? AND revoked=0 AND refresh_expires_at > ?""")) {
                ps.setBytes(1, Tokens.sha256(refreshToken));
                ps.setString(2, clientId);
                ps.setLong(3, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    user = rs.getString(1);
                    scopes = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_tokens SET refresh_sha256=NULL WHERE refresh_sha256=?")) {
                ps.setBytes(1, Tokens.sha256(refreshToken));
                ps.executeUpdate();
            }
            List<String> list = new java.util.ArrayList<>();
            try {
                JsonCodec.mapper().readTree(scopes).forEach(n -> list.add(n.asText()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // no scopes then
            }
            return Optional.of(new Refreshable(user, clientId, list));
        });
    }

    /** Logout: the access token and its refresh token stop working. */
    void revoke(String accessToken) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sso_tokens SET revoked=1, refresh_sha256=NULL WHERE access_sha256=?")) {
                ps.setBytes(1, Tokens.sha256(accessToken));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes tokens whose access and refresh both ended before {@code cutoff}. */
    int purgeExpired(Instant cutoff) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sso_tokens WHERE expires_at < ? AND (refresh_expires_at IS NULL OR refresh_expires_at < ?)")) {
                ps.setLong(1, cutoff.toEpochMilli());
                ps.setLong(2, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
