package io.strongroom.local.secrets;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.storage.Database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strongroom.local.storage.Columns.instant;
import static io.strongroom.local.storage.Columns.setInstant;

/**
 * Secrets, their versions, staging labels and tags in SQLite, and the envelope encryption of
 * their values: each version gets a fresh AES-256 data key, KMS encrypts that key under the
 * secret's KMS key with the secret ARN and version ID as encryption context (as AWS does), and
 * the value is sealed with the data key, bound to the same ARN and version.
 */
public final class SecretStore {

    /** The row-level operations, on one connection, so an operation can compose them in one transaction. */
    interface Work<T> {
        T run(Rows rows) throws SQLException;
    }

    /** Decrypted data keys by their KMS ciphertext, so a hot secret costs one AES-GCM open per read, not two. */
    private static final int DATA_KEY_CACHE_LIMIT = 10_000;

    private final Database db;
    private final KmsKeys keys;
    private final Clock clock;
    private final Map<java.nio.ByteBuffer, byte[]> dataKeys = new java.util.concurrent.ConcurrentHashMap<>();

    public SecretStore(Database db, KmsKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    <T> T read(Work<T> work) {
        return db.read(c -> work.run(new Rows(db, c)));
    }

    <T> T write(Work<T> work) {
        return db.write(c -> work.run(new Rows(db, c)));
    }

    KmsKeys keys() {
        return keys;
    }

    /** Removes secrets whose recovery window has ended. Returns how many. */
    public int deleteDue(Instant now) {
        return write(rows -> {
            try (PreparedStatement ps = rows.c.prepareStatement("DELETE FROM secrets WHERE deletion_at IS NOT NULL AND deletion_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    // ---- Envelope encryption ------------------------------------------------------------------

    /** Seals a value for a new version. Throws {@link SealingException} (SEAL) if the key cannot be used. */
    VersionRecord seal(KmsKey key, String arn, String versionId, SecretValue value, Instant now) {
        if (!key.usable()) {
            throw new SealingException(SealingException.Direction.SEAL);
        }
        byte[] dataKey = Aead.newKey();
        byte[] encryptedDataKey = keys.encrypt(key, dataKey, context(arn, versionId));
        byte[] sealed = Aead.seal(dataKey, value.bytes(), associatedData(arn, versionId, value.kind()));
        java.util.Arrays.fill(dataKey, (byte) 0);
        return new VersionRecord(versionId, now, null, value.kind(), encryptedDataKey, sealed, key.arn());
    }

    /** Opens a version's value. Throws {@link SealingException} (OPEN) when its KMS key is disabled, pending deletion or gone. */
    SecretValue open(String arn, VersionRecord version) {
        String keyId = KmsKeys.keyIdOf(version.encryptedDataKey()).orElse(null);
        KmsKey key = keyId == null ? null : keys.byId(keyId).orElse(null);
        if (key == null || !key.usable()) {
            throw new SealingException(SealingException.Direction.OPEN);
        }
        try {
            byte[] dataKey = dataKey(key, arn, version);
            byte[] plain = Aead.open(dataKey, version.sealedValue(), associatedData(arn, version.versionId(), version.valueKind()));
            return new SecretValue(version.valueKind(), plain);
        } catch (CryptoException e) {
            throw new SealingException(SealingException.Direction.OPEN);
        }
    }

    /**
     * The version's data key, decrypted by KMS once and then kept in memory, where the KMS key
     * material already is. The key's state is checked on every read before this is reached, so
     * disabling a KMS key still stops reads at once.
     */
    private byte[] dataKey(KmsKey key, String arn, VersionRecord version) {
        java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(version.encryptedDataKey());
        byte[] cached = dataKeys.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] dataKey = keys.decrypt(key, version.encryptedDataKey(), context(arn, version.versionId()));
        if (dataKeys.size() >= DATA_KEY_CACHE_LIMIT) {
            dataKeys.clear();
        }
        dataKeys.put(id, dataKey);
        return dataKey;
    }

    private static Map<String, String> context(String arn, String versionId) {
        return Map.of("SecretARN", arn, "SecretVersionId", versionId);
    }

    private static byte[] associatedData(String arn, String versionId, String kind) {
        return (arn + '\u0000' + versionId + '\u0000' + kind).getBytes(StandardCharsets.UTF_8);
    }

    Instant now() {
        return clock.instant();
    }

    // ---- Rows ---------------------------------------------------------------------------------

    static final class Rows {
        private static final String SECRET_COLUMNS = "arn, account_id, region, name, description, kms_key_ref, owning_service, "
                + "primary_region, created_at, last_changed_at, last_accessed_at, deletion_at, rotation_enabled, rotation_lambda_arn, "
                + "rotation_rules, last_rotated_at, next_rotation_at, resource_policy";
        private static final String VERSION_COLUMNS = "version_id, created_at, last_accessed_at, value_kind, encrypted_data_key, "
                + "sealed_value, kms_key_id";

        private final Database db;
        private final Connection c;

        Rows(Database db, Connection c) {
            this.db = db;
            this.c = c;
        }

        /** The transaction's connection, for the tables other classes of this package own (rotation runs). */
        Connection connection() {
            return c;
        }

        Optional<SecretRecord> byArn(String arn) throws SQLException {
            PreparedStatement ps = db.prepared(c, "SELECT " + SECRET_COLUMNS + " FROM secrets WHERE arn=?");
            ps.setString(1, arn);
            return one(ps);
        }

        Optional<SecretRecord> byName(String accountId, String region, String name) throws SQLException {
            PreparedStatement ps = db.prepared(c, "SELECT " + SECRET_COLUMNS + " FROM secrets WHERE account_id=? AND region=? AND name=?");
            ps.setString(1, accountId);
            ps.setString(2, region);
            ps.setString(3, name);
            return one(ps);
        }

        /** Secrets of one scope in (created_at, arn) order after a cursor, for keyset paging. */
        List<SecretRecord> page(String accountId, String region, boolean ascending, Long afterCreated, String afterArn, int limit)
                throws SQLException {
            String cmp = ascending ? ">" : "<";
            String order = ascending ? "ASC" : "DESC";
            String sql = "SELECT " + SECRET_COLUMNS + " FROM secrets WHERE account_id=? AND region=?"
                    + (afterCreated == null ? "" : " AND (created_at " + cmp + " ? OR (created_at = ? AND arn " + cmp + " ?))")
                    + " ORDER BY created_at " + order + ", arn " + order + " LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, accountId);
                ps.setString(i++, region);
                if (afterCreated != null) {
                    ps.setLong(i++, afterCreated);
                    ps.setLong(i++, afterCreated);
                    ps.setString(i++, afterArn);
                }
                ps.setInt(i, limit);
                List<SecretRecord> out = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readSecret(rs));
                    }
                }
                return out;
            }
        }

        void insertSecret(SecretRecord s) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO secrets(arn, account_id, region, name, description, kms_key_ref, owning_service, primary_region,
                        created_at, last_changed_at, last_accessed_at, deletion_at, rotation_enabled, rotation_lambda_arn,
                        rotation_rules, last_rotated_at, next_rotation_at, resource_policy)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, s.arn());
                ps.setString(2, s.accountId());
                ps.setString(3, s.region());
                ps.setString(4, s.name());
                ps.setString(5, s.description());
                ps.setString(6, s.kmsKeyRef());
                ps.setString(7, s.owningService());
                ps.setString(8, s.primaryRegion());
                ps.setLong(9, s.createdAt().toEpochMilli());
                ps.setLong(10, s.lastChangedAt().toEpochMilli());
                setInstant(ps, 11, s.lastAccessedAt());
                setInstant(ps, 12, s.deletionAt());
                ps.setInt(13, s.rotationEnabled() ? 1 : 0);
                ps.setString(14, s.rotationLambdaArn());
                ps.setString(15, s.rotationRules());
                setInstant(ps, 16, s.lastRotatedAt());
                setInstant(ps, 17, s.nextRotationAt());
                ps.setString(18, s.resourcePolicy());
                ps.executeUpdate();
            }
        }

        void updateSecret(SecretRecord s) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE secrets SET description=?, kms_key_ref=?, last_changed_at=?, last_accessed_at=?, deletion_at=?,
                        rotation_enabled=?, rotation_lambda_arn=?, rotation_rules=?, last_rotated_at=?, next_rotation_at=?,
                        resource_policy=?, primary_region=? WHERE arn=?""")) {
                ps.setString(1, s.description());
                ps.setString(2, s.kmsKeyRef());
                ps.setLong(3, s.lastChangedAt().toEpochMilli());
                setInstant(ps, 4, s.lastAccessedAt());
                setInstant(ps, 5, s.deletionAt());
                ps.setInt(6, s.rotationEnabled() ? 1 : 0);
                ps.setString(7, s.rotationLambdaArn());
                ps.setString(8, s.rotationRules());
                setInstant(ps, 9, s.lastRotatedAt());
                setInstant(ps, 10, s.nextRotationAt());
                ps.setString(11, s.resourcePolicy());
                ps.setString(12, s.primaryRegion());
                ps.setString(13, s.arn());
                ps.executeUpdate();
            }
        }

        void touchAccessed(String arn, String versionId, Instant day) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secrets SET last_accessed_at=? WHERE arn=?")) {
                ps.setLong(1, day.toEpochMilli());
                ps.setString(2, arn);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret_versions SET last_accessed_at=? WHERE secret_arn=? AND version_id=?")) {
                ps.setLong(1, day.toEpochMilli());
                ps.setString(2, arn);
                ps.setString(3, versionId);
                ps.executeUpdate();
            }
        }

        void deleteSecret(String arn) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secrets WHERE arn=?")) {
                ps.setString(1, arn);
                ps.executeUpdate();
            }
        }

        // ---- versions and stages

        Optional<VersionRecord> version(String arn, String versionId) throws SQLException {
            PreparedStatement ps = db.prepared(c, "SELECT " + VERSION_COLUMNS + " FROM secret_versions WHERE secret_arn=? AND version_id=?");
            ps.setString(1, arn);
            ps.setString(2, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readVersion(rs)) : Optional.empty();
            }
        }

        /** The version a staging label is attached to, with one query (the hot path of GetSecretValue). */
        Optional<VersionRecord> versionAtStage(String arn, String stage) throws SQLException {
            PreparedStatement ps = db.prepared(c, "SELECT v.version_id, v.created_at, v.last_accessed_at, v.value_kind, "
                    + "v.encrypted_data_key, v.sealed_value, v.kms_key_id FROM secret_stages s JOIN secret_versions v "
                    + "ON v.secret_arn = s.secret_arn AND v.version_id = s.version_id WHERE s.secret_arn=? AND s.stage=?");
            ps.setString(1, arn);
            ps.setString(2, stage);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readVersion(rs)) : Optional.empty();
            }
        }

        /** Every version, newest first. */
        List<VersionRecord> versions(String arn) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM secret_versions WHERE secret_arn=? ORDER BY created_at DESC, rowid DESC")) {
                ps.setString(1, arn);
                List<VersionRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readVersion(rs));
                    }
                }
                return out;
            }
        }

        void insertVersion(String arn, VersionRecord v) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO secret_versions(secret_arn, version_id, created_at, last_accessed_at, value_kind,
                        encrypted_data_key, sealed_value, kms_key_id) VALUES (?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, arn);
                ps.setString(2, v.versionId());
                ps.setLong(3, v.createdAt().toEpochMilli());
                setInstant(ps, 4, v.lastAccessedAt());
                ps.setString(5, v.valueKind());
                ps.setBytes(6, v.encryptedDataKey());
                ps.setBytes(7, v.sealedValue());
                ps.setString(8, v.kmsKeyArn());
                ps.executeUpdate();
            }
        }

        void replaceVersionCrypto(String arn, VersionRecord v) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE secret_versions SET encrypted_data_key=?, sealed_value=?, kms_key_id=? WHERE secret_arn=? AND version_id=?")) {
                ps.setBytes(1, v.encryptedDataKey());
                ps.setBytes(2, v.sealedValue());
                ps.setString(3, v.kmsKeyArn());
                ps.setString(4, arn);
                ps.setString(5, v.versionId());
                ps.executeUpdate();
            }
        }

        void deleteVersion(String arn, String versionId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secret_versions WHERE secret_arn=? AND version_id=?")) {
                ps.setString(1, arn);
                ps.setString(2, versionId);
                ps.executeUpdate();
            }
        }

        /**
         * stage → version ID, in the order the labels were attached (as AWS lists them, so the
         * labels PutSecretValue was given come back in the caller's order). A label that moves is
         * written as a new row ({@code INSERT OR REPLACE}), so the row order is the attach order.
         */
        Map<String, String> stages(String arn) throws SQLException {
            PreparedStatement ps = db.prepared(c, "SELECT stage, version_id FROM secret_stages WHERE secret_arn=? ORDER BY rowid");
            ps.setString(1, arn);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }

        /** arn → (stage → version ID) for many secrets at once. */
        Map<String, Map<String, String>> stages(Collection<String> arns) throws SQLException {
            Map<String, Map<String, String>> out = new HashMap<>();
            forEachIn("SELECT secret_arn, stage, version_id FROM secret_stages WHERE secret_arn IN ", arns, rs ->
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)), " ORDER BY rowid");
            return out;
        }

        void setStage(String arn, String stage, String versionId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO secret_stages(secret_arn, stage, version_id) VALUES (?,?,?)")) {
                ps.setString(1, arn);
                ps.setString(2, stage);
                ps.setString(3, versionId);
                ps.executeUpdate();
            }
        }

        void removeStage(String arn, String stage) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secret_stages WHERE secret_arn=? AND stage=?")) {
                ps.setString(1, arn);
                ps.setString(2, stage);
                ps.executeUpdate();
            }
        }

        // ---- tags
        //
        // A secret that has been untagged keeps a marker row at position -1 under a key no tag can
        // have (keys starting with "aws:" are refused), because AWS then shows "Tags": [] where a
        // secret never tagged has no Tags at all. The marker lives in this table so the schema
        // (owned by storage) need not change; it could become a column when the schema next does.

        private static final String TAGS_CHANGED_MARKER = "aws:strongroom:tags-changed";

        List<Tag> tags(String arn) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tag_key, tag_value FROM secret_tags WHERE secret_arn=? AND position >= 0 ORDER BY position")) {
                ps.setString(1, arn);
                List<Tag> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Tag(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            }
        }

        /**
         * The tags of each secret that has or had any: a secret untagged down to none maps to an
         * empty list (AWS then shows {@code "Tags": []}); one never tagged is absent.
         */
        Map<String, List<Tag>> tags(Collection<String> arns) throws SQLException {
            Map<String, List<Tag>> out = new HashMap<>();
            forEachIn("SELECT secret_arn, tag_key, tag_value, position FROM secret_tags WHERE secret_arn IN ", arns, rs -> {
                List<Tag> tags = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                if (rs.getInt(4) >= 0) {
                    tags.add(new Tag(rs.getString(2), rs.getString(3)));
                }
            }, " ORDER BY secret_arn, position");
            return out;
        }

        /** Adds or overwrites tags, keeping the first-set order. */
        void putTags(String arn, List<Tag> tags) throws SQLException {
            int next;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM secret_tags WHERE secret_arn=?")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE secret_tags SET tag_value=? WHERE secret_arn=? AND tag_key=?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO secret_tags(secret_arn, position, tag_key, tag_value) VALUES (?,?,?,?)")) {
                for (Tag t : tags) {
                    update.setString(1, t.value());
                    update.setString(2, arn);
                    update.setString(3, t.key());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, arn);
                        insert.setInt(2, next++);
                        insert.setString(3, t.key());
                        insert.setString(4, t.value());
                        insert.executeUpdate();
                    }
                }
            }
        }

        /** Removes the named tags and remembers that the secret's tags were changed. */
        void removeTags(String arn, List<String> keys) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secret_tags WHERE secret_arn=? AND tag_key=? AND position >= 0")) {
                for (String k : keys) {
                    ps.setString(1, arn);
                    ps.setString(2, k);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO secret_tags(secret_arn, position, tag_key, tag_value) VALUES (?, -1, ?, '')")) {
                ps.setString(1, arn);
                ps.setString(2, TAGS_CHANGED_MARKER);
                ps.executeUpdate();
            }
        }

        /** Whether UntagResource was ever called on the secret (so AWS shows {@code Tags}, possibly empty). */
        boolean tagsChanged(String arn) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM secret_tags WHERE secret_arn=? AND position < 0")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        // ---- helpers

        private interface RowSink {
            void accept(ResultSet rs) throws SQLException;
        }

        private void forEachIn(String sqlPrefix, Collection<String> values, RowSink sink) throws SQLException {
            forEachIn(sqlPrefix, values, sink, "");
        }

        private void forEachIn(String sqlPrefix, Collection<String> values, RowSink sink, String suffix) throws SQLException {
            List<String> all = new ArrayList<>(values);
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String sql = sqlPrefix + "(" + "?,".repeat(chunk.size() - 1) + "?)" + suffix;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(rs);
                        }
                    }
                }
            }
        }

        private static Optional<SecretRecord> one(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readSecret(rs)) : Optional.empty();
            }
        }

        /** Reads a row selected with {@link #SECRET_COLUMNS}, by position (no column-name lookups). */
        private static SecretRecord readSecret(ResultSet rs) throws SQLException {
            return SecretRecord.builder()
                    .arn(rs.getString(1))
                    .accountId(rs.getString(2))
                    .region(rs.getString(3))
                    .name(rs.getString(4))
                    .description(rs.getString(5))
                    .kmsKeyRef(rs.getString(6))
                    .owningService(rs.getString(7))
                    .primaryRegion(rs.getString(8))
                    .createdAt(instant(rs, 9))
                    .lastChangedAt(instant(rs, 10))
                    .lastAccessedAt(instant(rs, 11))
                    .deletionAt(instant(rs, 12))
                    .rotationEnabled(rs.getInt(13) == 1)
                    .rotationLambdaArn(rs.getString(14))
                    .rotationRules(rs.getString(15))
                    .lastRotatedAt(instant(rs, 16))
                    .nextRotationAt(instant(rs, 17))
                    .resourcePolicy(rs.getString(18))
                    .build();
        }

        /** Reads a row selected with {@link #VERSION_COLUMNS}. */
        private static VersionRecord readVersion(ResultSet rs) throws SQLException {
            return new VersionRecord(rs.getString(1), instant(rs, 2), instant(rs, 3),
                    rs.getString(4), rs.getBytes(5), rs.getBytes(6), rs.getString(7));
        }
    }

    /** A tag as stored. */
    record Tag(String key, String value) {}
}
