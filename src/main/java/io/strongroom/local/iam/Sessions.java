package io.strongroom.local.iam;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary credentials, as STS issues them: an {@code ASIA} access key, its secret, and a
 * session token that must accompany every request signed with them. They last until their
 * expiry on the store's clock. The secret is sealed by the root key; of the token only its
 * SHA-256 is stored, so the database alone cannot be used to act as a session.
 */
public final class Sessions {

    /** Credentials as handed to the caller: the only time the secret and token exist in the clear outside memory. */
    public record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "Issued[" + accessKeyId + ", expires " + expiration + "]";
        }
    }

    /** Who a session acts as, and how it came to be. */
    public record Grant(String accountId, String arn, String principalId, String entityArn, String sessionName,
                        String sourceArn, Map<String, String> sessionTags, boolean mfa, boolean chained) {}

    private final Database db;
    private final RootKey rootKey;

    Sessions(Database db, RootKey rootKey) {
        this.db = db;
        this.rootKey = rootKey;
    }

    Issued issue(Grant grant, Instant now, Instant expiration) {
        String keyId = Ids.accessKeyId("ASIA");
        String secret = Ids.secretAccessKey();
        // Long and random, as AWS's are; nothing is encoded in it.
        String token = "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(Aead.randomBytes(180));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sts_sessions(access_key_id, secret_sealed, token_sha256, account_id, arn, principal_id, entity_arn,
                        session_name, source_arn, session_tags, mfa, chained, created_at, expires_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, keyId);
                ps.setBytes(2, rootKey.seal(secret.getBytes(StandardCharsets.UTF_8), sealPurpose(keyId)));
                ps.setBytes(3, sha256(token));
                ps.setString(4, grant.accountId());
                ps.setString(5, grant.arn());
                ps.setString(6, grant.principalId());
                ps.setString(7, grant.entityArn());
                ps.setString(8, grant.sessionName());
                ps.setString(9, grant.sourceArn());
                ps.setString(10, IamDirectory.json(grant.sessionTags()));
                ps.setInt(11, grant.mfa() ? 1 : 0);
                ps.setInt(12, grant.chained() ? 1 : 0);
                ps.setLong(13, now.toEpochMilli());
                ps.setLong(14, expiration.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new Issued(keyId, secret, token, expiration);
    }

    /** The session of a temporary access key, expired or not; empty when no such key was issued. */
    Optional<Accounts.KeyCredential> credential(String accessKeyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT secret_sealed, token_sha256, account_id, arn, principal_id, entity_arn, session_name, session_tags, mfa,
                           chained, expires_at, created_at
                    FROM sts_sessions WHERE access_key_id=?""")) {
                ps.setString(1, accessKeyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] secret = rootKey.open(rs.getBytes(1), sealPurpose(accessKeyId));
                    String arn = rs.getString(4);
                    String entity = rs.getString(6);
                    boolean role = arn.contains(":assumed-role/");
                    Caller caller = new Caller(rs.getString(3), arn, role ? rs.getString(7) : entity.substring(entity.lastIndexOf('/') + 1),
                            rs.getString(5), accessKeyId, entity, role ? Caller.Kind.ASSUMED_ROLE : Caller.Kind.IAM_USER,
                            IamDirectory.jsonMap(rs.getString(8)), rs.getInt(9) == 1, Instant.ofEpochMilli(rs.getLong(12)));
                    return Optional.of(new Accounts.KeyCredential(secret, caller, rs.getBytes(2),
                            Instant.ofEpochMilli(rs.getLong(11)), rs.getInt(10) == 1));
                }
            }
        });
    }

    /** Removes sessions that expired before {@code cutoff}; returns how many. */
    int purgeExpired(Instant cutoff) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sts_sessions WHERE expires_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sealPurpose(String accessKeyId) {
        return "sts-session-key:" + accessKeyId;
    }
}
