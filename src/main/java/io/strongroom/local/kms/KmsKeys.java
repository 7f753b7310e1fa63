package io.strongroom.local.kms;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static io.strongroom.local.storage.Columns.instant;
import static io.strongroom.local.storage.Columns.setInstant;
import static io.strongroom.local.storage.Columns.setInteger;

/**
 * KMS keys and their material: the engine behind the KMS API and behind Secrets Manager's
 * envelope encryption. Key material is generated here, sealed by the root key at rest, and
 * unsealed into memory only when used (as an HSM would hold it).
 *
 * <p>A ciphertext blob names the key and the generation of material that made it, so key
 * rotation never strands data; the encryption context is bound in as associated data, so a
 * blob decrypts only with the context it was made with.
 */
public final class KmsKeys {

    /** The alias of the AWS managed key Secrets Manager uses by default. */
    public static final String SECRETS_MANAGER_ALIAS = "alias/aws/secretsmanager";

    /** AWS managed keys rotate every year, and that cannot be changed. */
    public static final int AWS_MANAGED_ROTATION_DAYS = 365;

    /** How late a rotation may run and still count as on schedule. */
    private static final Duration ROTATION_GRACE = Duration.ofDays(1);

    private static final byte BLOB_VERSION = 1;
    private static final int KEY_ID_LENGTH = 36;

    /** A decrypted blob and the key that made it. */
    public record Decrypted(KmsKey key, byte[] plaintext) {}

    /** An alias as ListAliases reports it. */
    public record Alias(String accountId, String region, String aliasName, String targetKeyId, Instant createdAt, Instant updatedAt) {
        public String arn() {
            return "arn:aws:kms:" + region + ":" + accountId + ":" + aliasName;
        }
    }

    private final Database db;
    private final RootKey rootKey;
    private final Map<String, KmsKey> keyCache = new ConcurrentHashMap<>();
    private final Map<String, byte[]> materialCache = new ConcurrentHashMap<>();

    public KmsKeys(Database db, RootKey rootKey) {
        this.db = db;
        this.rootKey = rootKey;
    }

    // ---- Keys ---------------------------------------------------------------------------------

    public KmsKey create(String accountId, String region, String description, String policy, boolean awsManaged, Instant now) {
        return create(accountId, region, description, policy, awsManaged, Map.of(), now);
    }

    /** Creates a customer managed key with its tags, in one transaction. */
    public KmsKey createCustomerKey(String accountId, String region, String description, String policy, Map<String, String> tags,
                                    Instant now) {
        return create(accountId, region, description, policy, false, tags, KmsKeySpec.SYMMETRIC_DEFAULT,
                KmsKeySpec.Usage.ENCRYPT_DECRYPT, now);
    }

    /** Creates a customer managed key of {@code spec} for {@code usage} (a pair the caller has checked), with its tags. */
    KmsKey createCustomerKey(String accountId, String region, String description, String policy, Map<String, String> tags,
                             KmsKeySpec spec, String usage, Instant now) {
        return create(accountId, region, description, policy, false, tags, spec, usage, now);
    }

    private KmsKey create(String accountId, String region, String description, String policy, boolean awsManaged,
                          Map<String, String> tags, Instant now) {
        return create(accountId, region, description, policy, awsManaged, tags, KmsKeySpec.SYMMETRIC_DEFAULT,
                KmsKeySpec.Usage.ENCRYPT_DECRYPT, now);
    }

    private KmsKey create(String accountId, String region, String description, String policy, boolean awsManaged,
                          Map<String, String> tags, KmsKeySpec spec, String usage, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        String keyId = UUID.randomUUID().toString();
        String arn = "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
        KmsKey key = new KmsKey(keyId, accountId, region, arn, description == null ? "" : description,
                awsManaged ? "AWS" : "CUSTOMER", KmsKey.ENABLED, usage, spec.name(), "AWS_KMS",
                policy == null ? defaultPolicy(accountId) : policy, awsManaged, awsManaged ? AWS_MANAGED_ROTATION_DAYS : null,
                awsManaged ? created.plus(Duration.ofDays(AWS_MANAGED_ROTATION_DAYS)) : null, null, created);
        byte[] material = KmsKeyMaterial.generate(spec);
        db.write(c -> {
            insertKey(c, key);
            insertMaterial(c, keyId, 1, material, created);
            insertTags(c, keyId, tags);
            return null;
        });
        return key;
    }

    /** The AWS managed key for Secrets Manager in this account and region, created on first use. */
    public KmsKey secretsManagerKey(String accountId, String region, Instant now) {
        Optional<KmsKey> existing = resolve(accountId, region, SECRETS_MANAGER_ALIAS);
        if (existing.isPresent()) {
            return existing.get();
        }
        synchronized (this) {
            existing = resolve(accountId, region, SECRETS_MANAGER_ALIAS);
            if (existing.isPresent()) {
                return existing.get();
            }
            KmsKey key = create(accountId, region, "Default key that protects my Secrets Manager data when no other key is defined",
                    awsManagedPolicy(accountId, region, "secretsmanager"), true, now);
            createAlias(accountId, region, SECRETS_MANAGER_ALIAS, key.keyId(), now);
            return key;
        }
    }

    /**
     * Finds a key by ID, key ARN, alias name or alias ARN, within one account and region. A key
     * ARN of another account or region is not found: cross-account key use needs key policies.
     * Whatever the lookup lands on (through an alias too) must itself belong to that account and
     * region, by its record and not by the text of any ARN; otherwise it is not found.
     */
    public Optional<KmsKey> resolve(String accountId, String region, String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String ref = reference;
        String prefix = "arn:aws:kms:" + region + ":" + accountId + ":";
        if (ref.startsWith("arn:")) {
            if (!ref.startsWith(prefix)) {
                return Optional.empty();
            }
            ref = ref.substring(prefix.length());
            if (ref.startsWith("key/")) {
                ref = ref.substring(4);
            } else if (!ref.startsWith("alias/")) {
                return Optional.empty();
            }
        }
        Optional<KmsKey> found = ref.startsWith("alias/") ? alias(accountId, region, ref).flatMap(a -> byId(a.targetKeyId())) : byId(ref);
        return found.filter(k -> k.accountId().equals(accountId) && k.region().equals(region));
    }

    public Optional<KmsKey> byId(String keyId) {
        KmsKey cached = keyCache.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<KmsKey> loaded = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM kms_keys WHERE key_id=?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readKey(rs)) : Optional.<KmsKey>empty();
                }
            }
        });
        loaded.ifPresent(k -> keyCache.put(k.keyId(), k));
        return loaded;
    }

    /** Every key of one account and region, oldest first. */
    public List<KmsKey> list(String accountId, String region) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM kms_keys WHERE account_id=? AND region=? ORDER BY created_at, key_id")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                List<KmsKey> keys = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(readKey(rs));
                    }
                }
                return keys;
            }
        });
    }

    /** Replaces a key's mutable metadata (state, description, policy, rotation, deletion date). */
    public KmsKey update(KmsKey changed) {
        // The database keeps milliseconds; the cache must hold exactly what a re-read would give.
        KmsKey key = new KmsKey(changed.keyId(), changed.accountId(), changed.region(), changed.arn(), changed.description(),
                changed.keyManager(), changed.keyState(), changed.keyUsage(), changed.keySpec(), changed.origin(), changed.policy(),
                changed.rotationEnabled(), changed.rotationPeriodDays(), millis(changed.nextRotationAt()), millis(changed.deletionAt()),
                millis(changed.createdAt()));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE kms_keys SET description=?, key_state=?, policy=?, rotation_enabled=?, rotation_period_days=?,
                        next_rotation_at=?, deletion_at=? WHERE key_id=?""")) {
                ps.setString(1, key.description());
                ps.setString(2, key.keyState());
                ps.setString(3, key.policy());
                ps.setInt(4, key.rotationEnabled() ? 1 : 0);
                setInteger(ps, 5, key.rotationPeriodDays());
                setInstant(ps, 6, key.nextRotationAt());
                setInstant(ps, 7, key.deletionAt());
                ps.setString(8, key.keyId());
                ps.executeUpdate();
            }
            return null;
        });
        keyCache.put(key.keyId(), key);
        return key;
    }

    /**
     * Re-reads a key and applies {@code change} to it; what {@code change} returns is stored
     * unless it is the key it was given. Changes are serialized, so a state check made inside
     * {@code change} holds when the result is written. Empty when the key no longer exists.
     */
    public synchronized Optional<KmsKey> change(String keyId, UnaryOperator<KmsKey> change) {
        Optional<KmsKey> current = byId(keyId);
        if (current.isEmpty()) {
            return current;
        }
        KmsKey next = change.apply(current.get());
        return Optional.of(next == current.get() ? next : update(next));
    }

    /**
     * Carries out what is due on the keys: material of keys whose automatic rotation date has
     * passed is rotated (see {@link #rotateDue}), then keys past their waiting period are deleted
     * and their ciphertexts become undecryptable. This is the store maintenance's one KMS entry point.
     */
    public int deleteDue(Instant now) {
        List<String> due = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM kms_keys WHERE key_state=? AND deletion_at <= ?")) {
                ps.setString(1, KmsKey.PENDING_DELETION);
                ps.setLong(2, now.toEpochMilli());
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            }
        });
        for (String id : due) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM kms_keys WHERE key_id=?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                return null;
            });
            keyCache.remove(id);
            materialCache.keySet().removeIf(k -> k.startsWith(id + "#"));
        }
        return due.size();
    }

    /**
     * Rotates the material of enabled keys whose automatic rotation date has passed, and sets
     * their next date one period on. Disabled keys and keys pending deletion are not rotated; once
     * enabled again an overdue key rotates at once, as in KMS. Returns how many keys rotated.
     */
    public int rotateDue(Instant now) {
        List<String> due = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key_id FROM kms_keys WHERE rotation_enabled=1 AND key_state=? AND next_rotation_at <= ?")) {
                ps.setString(1, KmsKey.ENABLED);
                ps.setLong(2, now.toEpochMilli());
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            }
        });
        int rotated = 0;
        for (String id : due) {
            boolean[] done = {false};
            change(id, k -> {
                if (!k.rotationEnabled() || !k.usable() || k.nextRotationAt() == null || k.nextRotationAt().isAfter(now)
                        || k.rotationPeriodDays() == null) {
                    return k;
                }
                rotateMaterial(id, now, RotationType.AUTOMATIC);
                done[0] = true;
                // On time, the schedule keeps its dates; an overdue key (disabled past its date, or a store
                // that was not running) starts a new schedule from now, as KMS does for re-enabled keys.
                Duration period = Duration.ofDays(k.rotationPeriodDays());
                boolean onTime = !now.isAfter(k.nextRotationAt().plus(ROTATION_GRACE));
                Instant from = onTime ? k.nextRotationAt() : now.truncatedTo(ChronoUnit.MILLIS);
                return k.withRotation(true, k.rotationPeriodDays(), from.plus(period));
            });
            if (done[0]) rotated++;
        }
        return rotated;
    }

    /** How a generation of material after the first came about, as ListKeyRotations' RotationType names it. */
    public enum RotationType { AUTOMATIC, ON_DEMAND }

    /** Adds a new generation of material; new ciphertexts use it, old ones still decrypt. */
    public void rotateMaterial(String keyId, Instant now, RotationType type) {
        db.write(c -> {
            int next;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(generation),0)+1 FROM kms_key_material WHERE key_id=?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            insertMaterial(c, keyId, next, Aead.newKey(), now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE kms_key_material SET rotation_type=? WHERE key_id=? AND generation=?")) {
                ps.setString(1, type.name());
                ps.setString(2, keyId);
                ps.setInt(3, next);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- Crypto -------------------------------------------------------------------------------

    /** Encrypts under the key's newest material. The caller has checked the key is usable. */
    public byte[] encrypt(KmsKey key, byte[] plaintext, Map<String, String> encryptionContext) {
        requireSymmetric(key, "Encrypt");
        int generation = latestGeneration(key.keyId());
        byte[] material = material(key.keyId(), generation);
        byte[] sealed = Aead.seal(material, plaintext, associatedData(key.keyId(), encryptionContext));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + KEY_ID_LENGTH + 4 + sealed.length);
        out.write(BLOB_VERSION);
        out.writeBytes(key.keyId().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(generation).array());
        out.writeBytes(sealed);
        return out.toByteArray();
    }

    /** The key ID a ciphertext blob names, or empty when the blob is not one of ours. */
    public static Optional<String> keyIdOf(byte[] blob) {
        if (blob == null || blob.length < 1 + KEY_ID_LENGTH + 4 + 28 || blob[0] != BLOB_VERSION) {
            return Optional.empty();
        }
        return Optional.of(new String(blob, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII));
    }

    /**
     * Decrypts a blob made by {@link #encrypt}. Throws {@link CryptoException} when the blob is
     * damaged or the context differs; the caller maps that to its service's error.
     */
    public byte[] decrypt(KmsKey key, byte[] blob, Map<String, String> encryptionContext) {
        requireSymmetric(key, "Decrypt");
        if (keyIdOf(blob).filter(key.keyId()::equals).isEmpty()) {
            throw new CryptoException("ciphertext was not made by this key", null);
        }
        int generation = ByteBuffer.wrap(blob, 1 + KEY_ID_LENGTH, 4).getInt();
        byte[] sealed = java.util.Arrays.copyOfRange(blob, 1 + KEY_ID_LENGTH + 4, blob.length);
        return Aead.open(material(key.keyId(), generation), sealed, associatedData(key.keyId(), encryptionContext));
    }

    /**
     * Only symmetric encryption keys make and open our blobs. The KMS API checks this before it
     * gets here; other callers (Secrets Manager's envelope encryption, given an asymmetric or HMAC
     * key) get the refusal KMS gives them, never material of the wrong kind used as an AES key.
     */
    private static void requireSymmetric(KmsKey key, String operation) {
        if (KmsKeySpec.of(key) != KmsKeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.invalidKeyUsage(key.arn() + " key usage is " + key.keyUsage() + " which is not valid for " + operation
                    + ": key spec " + key.keySpec() + " is not a symmetric encryption key.");
        }
    }

    /**
     * The key ID and the encryption context, sorted by key, each field length-prefixed so that no
     * two different contexts encode alike (whatever characters their keys and values hold).
     */
    private static byte[] associatedData(String keyId, Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writeField(out, keyId);
        if (context != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(context).entrySet()) {
                writeField(out, e.getKey());
                writeField(out, e.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private int latestGeneration(String keyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(generation) FROM kms_key_material WHERE key_id=?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private byte[] material(String keyId, int generation) {
        String cacheKey = keyId + "#" + generation;
        byte[] cached = materialCache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        byte[] sealed = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT material_sealed FROM kms_key_material WHERE key_id=? AND generation=?")) {
                ps.setString(1, keyId);
                ps.setInt(2, generation);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw new CryptoException("no key material for this ciphertext", null);
        }
        byte[] material = rootKey.open(sealed, materialPurpose(keyId, generation));
        materialCache.put(cacheKey, material);
        return material;
    }

    /** The private key of an asymmetric key (RSA or ECC); its material never changes, as KMS never rotates such keys. */
    public PrivateKey privateKey(KmsKey key) {
        return KmsKeyMaterial.privateKey(KmsKeySpec.of(key), material(key.keyId(), 1));
    }

    public PublicKey publicKey(KmsKey key) {
        return KmsKeyMaterial.publicKey(KmsKeySpec.of(key), material(key.keyId(), 1));
    }

    /** The DER-encoded X.509 SubjectPublicKeyInfo of an asymmetric key, as GetPublicKey returns it. */
    public byte[] publicKeyDer(KmsKey key) {
        return KmsKeyMaterial.publicKeyDer(material(key.keyId(), 1));
    }

    /** The secret of an HMAC key, for the caller to use and not to keep. */
    public byte[] hmacKey(KmsKey key) {
        return material(key.keyId(), 1).clone();
    }

    /** A generation of a key's material after the first: a completed rotation. */
    public record Rotation(int generation, Instant rotatedAt, RotationType type) {}

    /** The completed rotations of a key, oldest first (each generation after the first). */
    public List<Rotation> rotations(String keyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT generation, created_at, rotation_type FROM kms_key_material WHERE key_id=? AND generation > 1 ORDER BY generation")) {
                ps.setString(1, keyId);
                List<Rotation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(3);
                        out.add(new Rotation(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), type == null ? null : RotationType.valueOf(type)));
                    }
                }
                return out;
            }
        });
    }

    // ---- Aliases ------------------------------------------------------------------------------

    public Optional<Alias> alias(String accountId, String region, String aliasName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT alias_name, target_key_id, created_at, updated_at FROM kms_aliases WHERE account_id=? AND region=? AND alias_name=?")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                ps.setString(3, aliasName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readAlias(accountId, region, rs)) : Optional.<Alias>empty();
                }
            }
        });
    }

    public List<Alias> aliases(String accountId, String region) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT alias_name, target_key_id, created_at, updated_at FROM kms_aliases WHERE account_id=? AND region=? ORDER BY alias_name")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                List<Alias> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(readAlias(accountId, region, rs));
                }
                return out;
            }
        });
    }

    /** Creates an alias; false when the name is already taken in this account and region. */
    public boolean createAlias(String accountId, String region, String aliasName, String targetKeyId, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO kms_aliases(account_id, region, alias_name, target_key_id, created_at, updated_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                ps.setString(3, aliasName);
                ps.setString(4, targetKeyId);
                ps.setLong(5, now.toEpochMilli());
                ps.setLong(6, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Points an alias at another key; false when there is no such alias. */
    public boolean updateAlias(String accountId, String region, String aliasName, String targetKeyId, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kms_aliases SET target_key_id=?, updated_at=? WHERE account_id=? AND region=? AND alias_name=?")) {
                ps.setString(1, targetKeyId);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, accountId);
                ps.setString(4, region);
                ps.setString(5, aliasName);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes an alias; false when there was no such alias. */
    public boolean deleteAlias(String accountId, String region, String aliasName) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kms_aliases WHERE account_id=? AND region=? AND alias_name=?")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                ps.setString(3, aliasName);
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ---- Tags ---------------------------------------------------------------------------------

    public Map<String, String> tags(String keyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tag_key, tag_value FROM kms_tags WHERE key_id=? ORDER BY tag_key")) {
                ps.setString(1, keyId);
                Map<String, String> tags = new java.util.LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) tags.put(rs.getString(1), rs.getString(2));
                }
                return tags;
            }
        });
    }

    public void putTags(String keyId, Map<String, String> tags) {
        db.write(c -> {
            insertTags(c, keyId, tags);
            return null;
        });
    }

    private static void insertTags(Connection c, String keyId, Map<String, String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO kms_tags(key_id, tag_key, tag_value) VALUES (?,?,?)")) {
            for (Map.Entry<String, String> e : tags.entrySet()) {
                ps.setString(1, keyId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.executeUpdate();
            }
        }
    }

    public void removeTags(String keyId, List<String> tagKeys) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kms_tags WHERE key_id=? AND tag_key=?")) {
                for (String k : tagKeys) {
                    ps.setString(1, keyId);
                    ps.setString(2, k);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- Rows ---------------------------------------------------------------------------------

    private void insertKey(Connection c, KmsKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO kms_keys(key_id, account_id, region, arn, description, key_manager, key_state, key_usage, key_spec,
                    origin, policy, rotation_enabled, rotation_period_days, next_rotation_at, deletion_at, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            ps.setString(1, key.keyId());
            ps.setString(2, key.accountId());
            ps.setString(3, key.region());
            ps.setString(4, key.arn());
            ps.setString(5, key.description());
            ps.setString(6, key.keyManager());
            ps.setString(7, key.keyState());
            ps.setString(8, key.keyUsage());
            ps.setString(9, key.keySpec());
            ps.setString(10, key.origin());
            ps.setString(11, key.policy());
            ps.setInt(12, key.rotationEnabled() ? 1 : 0);
            setInteger(ps, 13, key.rotationPeriodDays());
            setInstant(ps, 14, key.nextRotationAt());
            setInstant(ps, 15, key.deletionAt());
            ps.setLong(16, key.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    private void insertMaterial(Connection c, String keyId, int generation, byte[] material, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kms_key_material(key_id, generation, material_sealed, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, keyId);
            ps.setInt(2, generation);
            ps.setBytes(3, rootKey.seal(material, materialPurpose(keyId, generation)));
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static String materialPurpose(String keyId, int generation) {
        return "kms-key-material:" + keyId + "#" + generation;
    }

    private static KmsKey readKey(ResultSet rs) throws SQLException {
        int period = rs.getInt("rotation_period_days");
        Integer rotationPeriod = rs.wasNull() ? null : period;
        return new KmsKey(rs.getString("key_id"), rs.getString("account_id"), rs.getString("region"), rs.getString("arn"),
                rs.getString("description"), rs.getString("key_manager"), rs.getString("key_state"), rs.getString("key_usage"),
                rs.getString("key_spec"), rs.getString("origin"), rs.getString("policy"), rs.getInt("rotation_enabled") == 1,
                rotationPeriod, instant(rs, "next_rotation_at"), instant(rs, "deletion_at"), instant(rs, "created_at"));
    }

    private static Alias readAlias(String accountId, String region, ResultSet rs) throws SQLException {
        return new Alias(accountId, region, rs.getString(1), rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The key policy AWS gives the AWS managed key of {@code service}: the service may use the key
     * on behalf of principals in the account, and the account may read the key's metadata. Nothing
     * else, so a direct caller can neither use nor manage the key.
     */
    public static String awsManagedPolicy(String accountId, String region, String service) {
        String title = "secretsmanager".equals(service) ? "AWS Secrets Manager" : service;
        String sid = "Allow access through " + title + " for all principals in the account that are authorized to use " + title;
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "auto-%2$s-2",
                  "Statement" : [ {
                    "Sid" : "%4$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey" ],
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%1$s",
                        "kms:ViaService" : "%2$s.%3$s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "%4$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : "kms:GenerateDataKey*",
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%1$s"
                      },
                      "StringLike" : {
                        "kms:ViaService" : "%2$s.%3$s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "Allow direct access to key metadata to the account",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%1$s:root"
                    },
                    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant" ],
                    "Resource" : "*"
                  } ]
                }""".formatted(accountId, service, region, sid);
    }

    public static String defaultPolicy(String accountId) {
        return "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::" + accountId + ":root\"\n    },\n"
                + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}";
    }
}
