package io.strongroom.local.identitycenter;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.storage.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Device authorizations (RFC 8628): a device code the client polls CreateToken with, and a user
 * code a person approves or denies on the approval page. The device code is stored by digest
 * only; the user code, which a person reads off a screen, is in the clear.
 */
final class DeviceCodes {

    /** How long a device code may be redeemed: AWS's is 600 seconds. */
    static final Duration LIFETIME = Duration.ofSeconds(600);
    /** The polling interval CreateToken expects (AWS answers 1). */
    static final int INTERVAL_SECONDS = 1;
    /** Letters that cannot be misread for one another, as in AWS's user codes. */
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

    enum State { PENDING, APPROVED, DENIED, USED }

    /** A device authorization as the approval page and CreateToken see it (never its device code). */
    record Authorization(String userCode, String clientId, String startUrl, State state, String userName,
                         Instant lastPollAt, Instant expiresAt) {
        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** What StartDeviceAuthorization hands back. */
    record Started(String deviceCode, String userCode, Instant expiresAt) {
        @Override
        public String toString() {
            return "Started[" + userCode + "]";
        }
    }

    private final Database db;

    DeviceCodes(Database db) {
        this.db = db;
    }

    Started start(String clientId, String startUrl, Instant now) {
        String deviceCode = Tokens.random("", 48);
        Instant expires = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(LIFETIME);
        return db.write(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM sso_device_codes WHERE expires_at < ?")) {
                purge.setLong(1, now.minus(Duration.ofDays(1)).toEpochMilli());
                purge.executeUpdate();
            }
            for (int attempt = 0; ; attempt++) {
                String userCode = userCode();
                try (PreparedStatement taken = c.prepareStatement("SELECT 1 FROM sso_device_codes WHERE user_code=?")) {
                    taken.setString(1, userCode);
                    try (ResultSet rs = taken.executeQuery()) {
                        if (rs.next() && attempt < 20) {
                            continue;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO sso_device_codes(device_sha256, user_code, client_id, start_url, state, interval_seconds,
                                                     created_at, expires_at) VALUES (?,?,?,?,?,?,?,?)""")) {
                    ps.setBytes(1, Tokens.sha256(deviceCode));
                    ps.setString(2, userCode);
                    ps.setString(3, clientId);
                    ps.setString(4, startUrl);
                    ps.setString(5, State.PENDING.name());
                    ps.setInt(6, INTERVAL_SECONDS);
                    ps.setLong(7, now.toEpochMilli());
                    ps.setLong(8, expires.toEpochMilli());
                    ps.executeUpdate();
                }
                return new Started(deviceCode, userCode, expires);
            }
        });
    }

    Optional<Authorization> byUserCode(String userCode) {
        return find("user_code=?", userCode);
    }

    Optional<Authorization> byDeviceCode(String deviceCode) {
        return find("device_sha256=?", Tokens.sha256(deviceCode));
    }

    /** Approves or denies a pending, unexpired authorization; false when there is none by that code. */
    boolean decide(String userCode, boolean approve, String userName, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sso_device_codes SET state=?, user_name=? WHERE user_code=? AND state='PENDING' AND expires_at > ?")) {
                ps.setString(1, (approve ? State.APPROVED : State.DENIED).name());
                ps.setString(2, userName);
                ps.setString(3, userCode);
                ps.setLong(4, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Notes a poll of a pending authorization (for SlowDownException). */
    void polled(String deviceCode, Instant now) {
        update("UPDATE sso_device_codes SET last_poll_at=? WHERE device_sha256=?", now.toEpochMilli(), deviceCode);
    }

    /** Redeems an approved authorization; false if another request redeemed it first. */
    boolean redeem(String deviceCode) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sso_device_codes SET state='USED' WHERE device_sha256=? AND state='APPROVED'")) {
                ps.setBytes(1, Tokens.sha256(deviceCode));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private void update(String sql, long value, String deviceCode) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, value);
                ps.setBytes(2, Tokens.sha256(deviceCode));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Authorization> find(String where, Object key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_code, client_id, start_url, state, user_name, last_poll_at,"
                    + " expires_at FROM sso_device_codes WHERE " + where)) {
                if (key instanceof byte[] digest) {
                    ps.setBytes(1, digest);
                } else {
                    ps.setString(1, (String) key);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long lastPoll = rs.getLong(6);
                    Instant lastPollAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastPoll);
                    return Optional.of(new Authorization(rs.getString(1), rs.getString(2), rs.getString(3), State.valueOf(rs.getString(4)),
                            rs.getString(5), lastPollAt, Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
        });
    }

    /** Eight letters as {@code ABCD-EFGH}. */
    private static String userCode() {
        byte[] random = Aead.randomBytes(8);
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_LETTERS.charAt((random[i] & 0xFF) % USER_CODE_LETTERS.length()));
        }
        return code.toString();
    }
}
