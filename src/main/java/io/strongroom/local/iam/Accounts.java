package io.strongroom.local.iam;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;

import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Local accounts, their principals and access keys. Secret access keys are sealed by the
 * root key at rest; the unsealed form lives only in memory, where signature checks need it.
 */
public final class Accounts {

    /**
     * What a signature check needs for one access key. For temporary credentials, the SHA-256 of
     * the session token that must accompany the key, and when they expire (both null for a
     * long-term key).
     */
    public record KeyCredential(byte[] secretAccessKey, Caller caller, byte[] sessionTokenSha256, Instant expiresAt,
                                boolean chained) {
        public KeyCredential(byte[] secretAccessKey, Caller caller) {
            this(secretAccessKey, caller, null, null, false);
        }

        public boolean temporary() {
            return sessionTokenSha256 != null;
        }
    }

    /** An access key as ListAccessKeys shows it: never its secret. */
    public record AccessKeyMetadata(String userName, String accessKeyId, String status, Instant createdAt) {}

    /** The accounts a fresh store starts with: an organization in miniature. */
    public static final List<String> DEFAULT_ALIASES = List.of("security-audit", "payments-prod", "analytics-dev");

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])");

    private final Database db;
    private final RootKey rootKey;
    private final Clock clock;
    private final IamDirectory iam;
    private final Sessions sessions;
    private final MfaDevices mfa;
    private final ConcurrentMap<String, KeyCredential> keyCache = new ConcurrentHashMap<>();

    public Accounts(Database db, RootKey rootKey, Clock clock) {
        this.db = db;
        this.rootKey = rootKey;
        this.clock = clock;
        this.iam = new IamDirectory(db, clock);
        this.sessions = new Sessions(db, rootKey);
        this.mfa = new MfaDevices(db, rootKey);
    }

    /** The accounts' virtual MFA devices. */
    public MfaDevices mfa() {
        return mfa;
    }

    /** The accounts' IAM principals and policies. */
    public IamDirectory iam() {
        return iam;
    }

    /** Creates the default accounts, with random IDs, if the store has none; returns every account. */
    public List<LocalAccount> ensureDefaults() {
        return open(List.of(), "this store");
    }

    /**
     * The store's accounts, creating them on a store that has none: one account per ID in
     * {@code requestedIds}, in that order, aliased by {@link AccountIds#aliasAt}; with no IDs,
     * the {@link #DEFAULT_ALIASES default accounts} with random IDs. The accounts, their admin
     * users and keys are created in one transaction, so a store never starts with part of them.
     *
     * <p>A store that has accounts keeps them, whatever is asked: with no IDs, or with exactly
     * the stored IDs (in any order; the stored order and aliases stay), it opens as it is.
     * Other IDs, even a subset or a superset, are refused rather than re-keying the store or
     * adding accounts beside the old ones.
     *
     * @param requestedIds valid, distinct account IDs (see {@link AccountIds#validate}), or empty
     * @param where        how the refusal names the store (its data directory)
     * @throws AccountIdsMismatchException when the store has accounts with other IDs
     */
    public List<LocalAccount> open(List<String> requestedIds, String where) {
        List<String> requested = AccountIds.validate(requestedIds);
        List<LocalAccount> existing = list();
        if (existing.isEmpty()) {
            db.write(c -> {
                if (requested.isEmpty()) {
                    for (String alias : DEFAULT_ALIASES) {
                        create(alias);
                    }
                } else {
                    for (int i = 0; i < requested.size(); i++) {
                        create(requested.get(i), AccountIds.aliasAt(i));
                    }
                }
                return null;
            });
            return list();
        }
        List<String> stored = existing.stream().map(LocalAccount::accountId).toList();
        if (!requested.isEmpty() && !new java.util.HashSet<>(requested).equals(new java.util.HashSet<>(stored))) {
            throw new AccountIdsMismatchException(where, stored, requested);
        }
        return existing;
    }

    public List<LocalAccount> list() {
        return db.read(c -> {
            List<LocalAccount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT account_id, alias FROM accounts ORDER BY created_at, rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LocalAccount(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    public Optional<LocalAccount> find(String accountIdOrAlias) {
        return list().stream()
                .filter(a -> a.accountId().equals(accountIdOrAlias) || a.alias().equals(accountIdOrAlias))
                .findFirst();
    }

    /** Creates an account with a random ID, an {@code admin} user allowed everything, and its access key. */
    public LocalAccount create(String alias) {
        String id;
        do {
            id = randomAccountId();
        } while (find(id).isPresent());
        return create(id, alias);
    }

    public LocalAccount create(String accountId, String alias) {
        if (!AccountIds.isValid(accountId)) {
            throw new IllegalArgumentException("an account ID is 12 digits");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("an account alias is 3 to 63 lowercase letters, digits and hyphens");
        }
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts(account_id, alias, created_at) VALUES (?,?,?)")) {
                ps.setString(1, accountId);
                ps.setString(2, alias);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            return null;
        });
        createUser(accountId, "admin", List.of("*"));
        return new LocalAccount(accountId, alias);
    }

    /**
     * Creates an IAM user allowed the given action patterns on every resource, with one active
     * access key: {@code ["*"]} attaches AWS's AdministratorAccess, other patterns become an inline
     * policy, none leaves the user with no permissions at all.
     */
    public AccessKey createUser(String accountId, String userName, List<String> allowedActions) {
        return db.write(c -> {
            IamUser user = iam.createUser(accountId, userName, "/", Map.of());
            if (allowedActions.equals(List.of("*"))) {
                iam.attach(user.arn(), AwsManagedPolicies.ADMINISTRATOR_ACCESS);
            } else if (!allowedActions.isEmpty()) {
                StringBuilder actions = new StringBuilder();
                for (String action : allowedActions) {
                    actions.append(actions.length() == 0 ? "" : ",").append('"').append(action).append('"');
                }
                iam.putInlinePolicy(user.arn(), "strongroom-actions",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":\"*\"}]}");
            }
            return createAccessKey(accountId, userName);
        });
    }

    /** A new active access key for a user; IAM allows two per user. */
    public AccessKey createAccessKey(String accountId, String userName) {
        String keyId = Ids.accessKeyId("AKIA");
        String secret = Ids.secretAccessKey();
        long now = clock.millis();
        return db.write(c -> {
            IamUser user = iam.requireUser(accountId, userName);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM access_keys WHERE principal_arn=?")) {
                ps.setString(1, user.arn());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) >= IamDirectory.MAX_ACCESS_KEYS_PER_USER) {
                        throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + IamDirectory.MAX_ACCESS_KEYS_PER_USER);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO access_keys(access_key_id, principal_arn, secret_sealed, status, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, keyId);
                ps.setString(2, user.arn());
                ps.setBytes(3, rootKey.seal(secret.getBytes(StandardCharsets.UTF_8), sealPurpose(keyId)));
                ps.setString(4, "Active");
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            keyCache.remove(keyId);
            return new AccessKey(accountId, user.arn(), keyId, secret);
        });
    }

    /** A user's access keys, oldest first, without their secrets. */
    public List<AccessKeyMetadata> accessKeys(String accountId, String userName) {
        IamUser user = iam.requireUser(accountId, userName);
        return db.read(c -> {
            List<AccessKeyMetadata> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT access_key_id, status, created_at FROM access_keys WHERE principal_arn=? ORDER BY created_at, rowid")) {
                ps.setString(1, user.arn());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AccessKeyMetadata(user.userName(), rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes a user's access key; requests signed with it are refused from now on. */
    public void deleteAccessKey(String accountId, String userName, String accessKeyId) {
        IamUser user = iam.requireUser(accountId, userName);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM access_keys WHERE access_key_id=? AND principal_arn=?")) {
                ps.setString(1, accessKeyId);
                ps.setString(2, user.arn());
                if (ps.executeUpdate() == 0) {
                    throw IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
                }
            }
            return null;
        });
        keyCache.remove(accessKeyId);
    }

    /** Issues temporary credentials (STS) acting as {@code grant}, until {@code expiration} on the store's clock. */
    public Sessions.Issued issueSession(Sessions.Grant grant, Instant expiration) {
        return sessions.issue(grant, clock.instant(), expiration);
    }

    /** Forgets sessions that expired more than a day ago: their requests are refused as unknown keys from then on. */
    public int purgeExpiredSessions() {
        return sessions.purgeExpired(clock.instant().minus(java.time.Duration.ofDays(1)));
    }

    /** Turns an access key off (or on again); signature checks see the change at once. */
    public void setKeyActive(String accessKeyId, boolean active) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE access_keys SET status=? WHERE access_key_id=?")) {
                ps.setString(1, active ? "Active" : "Inactive");
                ps.setString(2, accessKeyId);
                ps.executeUpdate();
            }
            return null;
        });
        keyCache.remove(accessKeyId);
    }

    /** The first active key of each account's {@code admin} user, in account order. */
    public List<AccessKey> adminKeys() {
        List<AccessKey> keys = new ArrayList<>();
        for (LocalAccount account : list()) {
            adminKey(account.accountId()).ifPresent(keys::add);
        }
        return keys;
    }

    public Optional<AccessKey> adminKey(String accountId) {
        String arn = "arn:aws:iam::" + accountId + ":user/admin";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT access_key_id, secret_sealed FROM access_keys WHERE principal_arn=? AND status='Active' ORDER BY created_at, rowid LIMIT 1")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String keyId = rs.getString(1);
                    String secret = new String(rootKey.open(rs.getBytes(2), sealPurpose(keyId)), StandardCharsets.UTF_8);
                    return Optional.of(new AccessKey(accountId, arn, keyId, secret));
                }
            }
        });
    }

    /**
     * Looks up an active access key for signature checking; empty when unknown or inactive.
     *
     * <p>Only keys that exist are cached: a miss is looked up again each time (one indexed read),
     * so key ids made up by an unauthenticated caller never accumulate in memory. The cache itself
     * is bounded; past {@link #MAX_CACHED_KEYS} it starts again empty.
     */
    public Optional<KeyCredential> credential(String accessKeyId) {
        KeyCredential cached = keyCache.get(accessKeyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (keyCache.size() >= MAX_CACHED_KEYS) {
            keyCache.clear();
        }
        // A null result stores nothing; computing under the map's lock keeps a concurrent
        // setKeyActive's removal from being overtaken by a load that read the old status.
        return Optional.ofNullable(keyCache.computeIfAbsent(accessKeyId, id -> loadCredential(id).orElse(null)));
    }

    /** How many keys {@link #credential} keeps; more than a local store's accounts ever hold. */
    static final int MAX_CACHED_KEYS = 4096;

    /** How many access keys are cached now (for tests of the bound). */
    int cachedKeyCount() {
        return keyCache.size();
    }

    private Optional<KeyCredential> loadCredential(String accessKeyId) {
        if (accessKeyId.startsWith("ASIA")) {
            return sessions.credential(accessKeyId);
        }
        return db.read(c -> loadCredential(c, accessKeyId));
    }

    private Optional<KeyCredential> loadCredential(Connection c, String accessKeyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT k.secret_sealed, p.account_id, p.arn, p.user_name, p.user_id
                FROM access_keys k JOIN principals p ON p.arn = k.principal_arn
                WHERE k.access_key_id = ? AND k.status = 'Active'""")) {
            ps.setString(1, accessKeyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] secret = rootKey.open(rs.getBytes(1), sealPurpose(accessKeyId));
                Caller caller = Caller.user(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), accessKeyId);
                return Optional.of(new KeyCredential(secret, caller));
            }
        }
    }

    private static String sealPurpose(String accessKeyId) {
        return "iam-access-key:" + accessKeyId;
    }

    private static String randomAccountId() {
        byte[] r = Aead.randomBytes(12);
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + Math.floorMod(r[i], 10)));
        }
        if (sb.charAt(0) == '0') {
            sb.setCharAt(0, '1');
        }
        return sb.toString();
    }
}
