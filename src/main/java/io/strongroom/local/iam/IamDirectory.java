package io.strongroom.local.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.policy.Finding;
import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The IAM principals of the local accounts and their policies: users, roles (with trust
 * policies), inline policies, customer managed policies and their attachments, and tags. Every
 * write refuses what IAM refuses, with IAM's error codes; every policy stored is one the policy
 * parser accepts, so evaluation never meets a document it cannot read.
 *
 * <p>What evaluation needs per request, the identity policies and tags of a user or role, is
 * cached parsed and dropped on any change to IAM, so a change applies to the next request.
 */
public final class IamDirectory {

    /** The default and the limits of a role's maximum session duration, in seconds. */
    public static final int DEFAULT_MAX_SESSION = 3600;
    public static final int MAX_MAX_SESSION = 43_200;
    /** IAM's quotas that a local store can reach. */
    static final int MAX_ACCESS_KEYS_PER_USER = 2;
    static final int MAX_MANAGED_POLICIES_PER_PRINCIPAL = 10;
    static final int MAX_INLINE_USER_POLICY_BYTES = 2048;
    static final int MAX_INLINE_ROLE_POLICY_BYTES = 10_240;
    static final int MAX_MANAGED_POLICY_BYTES = 6144;
    static final int MAX_TRUST_POLICY_BYTES = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What evaluation knows of one user or role: its identity policies, its tags, and whether any
     * of its policies tests a resource's tags (so a request need not read them otherwise).
     */
    public record Entity(List<NamedPolicy> policies, Map<String, String> tags, boolean testsResourceTags) {}

    private final Database db;
    private final Clock clock;
    private final ConcurrentMap<String, Entity> entities = new ConcurrentHashMap<>();

    public IamDirectory(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    // ---- Users -------------------------------------------------------------------------------

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

    // ---- Roles -------------------------------------------------------------------------------

    public IamRole createRole(String accountId, String roleName, String path, String trustPolicy, String description,
                              Integer maxSessionSeconds, Map<String, String> tags) {
        int maxSession = maxSessionSeconds == null ? DEFAULT_MAX_SESSION : maxSessionSeconds;
        if (maxSession < DEFAULT_MAX_SESSION || maxSession > MAX_MAX_SESSION) {
            throw IamErrors.invalidInput("The requested MaxSessionDuration " + maxSession
                    + " is outside the valid range of 3600 to 43200 seconds.");
        }
        requirePolicy(trustPolicy, PolicyType.TRUST_POLICY, MAX_TRUST_POLICY_BYTES, "ACLSizePerRole");
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
        requirePolicy(trustPolicy, PolicyType.TRUST_POLICY, MAX_TRUST_POLICY_BYTES, "ACLSizePerRole");
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

    // ---- Inline policies ---------------------------------------------------------------------

    /** Adds or replaces an inline policy of a user or role (by its ARN). */
    public void putInlinePolicy(String principalArn, String policyName, String document) {
        requirePolicy(document, PolicyType.IDENTITY_POLICY,
                principalArn.contains(":role/") ? MAX_INLINE_ROLE_POLICY_BYTES : MAX_INLINE_USER_POLICY_BYTES,
                principalArn.contains(":role/") ? "PolicySizePerRole" : "PolicySizePerUser");
        changed(db.write(c -> {
            update(c, "INSERT INTO iam_inline_policies(principal_arn, policy_name, document) VALUES (?,?,?) "
                    + "ON CONFLICT(principal_arn, policy_name) DO UPDATE SET document=excluded.document", principalArn, policyName, document);
            return null;
        }));
    }

    public Optional<String> inlinePolicy(String principalArn, String policyName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document FROM iam_inline_policies WHERE principal_arn=? AND policy_name=?")) {
                ps.setString(1, principalArn);
                ps.setString(2, policyName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public List<String> inlinePolicyNames(String principalArn) {
        return db.read(c -> strings(c, "SELECT policy_name FROM iam_inline_policies WHERE principal_arn=? ORDER BY policy_name", principalArn));
    }

    public void deleteInlinePolicy(String principalArn, String policyName, String entityKind, String entityName) {
        changed(db.write(c -> {
            if (update(c, "DELETE FROM iam_inline_policies WHERE principal_arn=? AND policy_name=?", principalArn, policyName) == 0) {
                throw IamErrors.noSuchEntity("The " + entityKind + " policy with name " + policyName + " cannot be found.");
            }
            return null;
        }));
    }

    // ---- Managed policies --------------------------------------------------------------------

    public ManagedPolicy createPolicy(String accountId, String policyName, String path, String description, String document) {
        requirePolicy(document, PolicyType.IDENTITY_POLICY, MAX_MANAGED_POLICY_BYTES, "PolicySize");
        return changed(db.write(c -> {
            String arn = "arn:aws:iam::" + accountId + ":policy" + path + policyName;
            if (count(c, "SELECT count(*) FROM iam_policies WHERE account_id=? AND policy_name=? COLLATE NOCASE", accountId, policyName) > 0) {
                throw IamErrors.alreadyExists("A policy called " + policyName + " already exists. Duplicate names are not allowed.");
            }
            Instant now = clock.instant();
            ManagedPolicy policy = new ManagedPolicy(arn, accountId, policyName, Ids.unique("ANPA"), path, description, document,
                    now, now, 0);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO iam_policies(arn, account_id, policy_name, policy_id, path, description, document, created_at, updated_at)
                    VALUES (?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, arn);
                ps.setString(2, accountId);
                ps.setString(3, policyName);
                ps.setString(4, policy.policyId());
                ps.setString(5, path);
                ps.setString(6, description);
                ps.setString(7, document);
                ps.setLong(8, now.toEpochMilli());
                ps.setLong(9, now.toEpochMilli());
                ps.executeUpdate();
            }
            return policy;
        }));
    }

    /** A managed policy by ARN: one of AWS's, or a customer managed policy of a local account. */
    public Optional<ManagedPolicy> policy(String arn) {
        Optional<ManagedPolicy> aws = AwsManagedPolicies.byArn(arn);
        if (aws.isPresent()) {
            return Optional.of(withCount(aws.get(), db.read(c -> count(c, "SELECT count(*) FROM iam_attachments WHERE policy_arn=?", arn))));
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(POLICY_COLUMNS + " WHERE p.arn=?")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(policy(rs)) : Optional.empty();
                }
            }
        });
    }

    public ManagedPolicy requirePolicy(String arn) {
        return policy(arn).orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
    }

    /** The customer managed policies of an account, then AWS's, as ListPolicies with Scope All gives them. */
    public List<ManagedPolicy> policies(String accountId, boolean local, boolean aws) {
        List<ManagedPolicy> out = new ArrayList<>();
        if (local) {
            out.addAll(db.read(c -> {
                List<ManagedPolicy> mine = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(POLICY_COLUMNS + " WHERE p.account_id=? ORDER BY p.policy_name")) {
                    ps.setString(1, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            mine.add(policy(rs));
                        }
                    }
                }
                return mine;
            }));
        }
        if (aws) {
            for (ManagedPolicy p : AwsManagedPolicies.all()) {
                out.add(policy(p.arn()).orElseThrow());
            }
        }
        return out;
    }

    public void deletePolicy(String arn) {
        changed(db.write(c -> {
            if (AwsManagedPolicies.byArn(arn).isPresent()) {
                throw new io.strongroom.local.wire.AwsException("AccessDenied", 403, "AWS managed policies cannot be deleted.");
            }
            if (count(c, "SELECT count(*) FROM iam_policies WHERE arn=?", arn) == 0) {
                throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
            }
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE policy_arn=?", arn) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            update(c, "DELETE FROM iam_policies WHERE arn=?", arn);
            return null;
        }));
    }

    private static final String POLICY_COLUMNS = """
            SELECT p.arn, p.account_id, p.policy_name, p.policy_id, p.path, p.description, p.document, p.created_at, p.updated_at,
                   (SELECT count(*) FROM iam_attachments a WHERE a.policy_arn = p.arn)
            FROM iam_policies p""";

    private static ManagedPolicy policy(ResultSet rs) throws SQLException {
        return new ManagedPolicy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10));
    }

    private static ManagedPolicy withCount(ManagedPolicy p, int count) {
        return new ManagedPolicy(p.arn(), p.accountId(), p.policyName(), p.policyId(), p.path(), p.description(), p.document(),
                p.createdAt(), p.updatedAt(), count);
    }

    // ---- Attachments -------------------------------------------------------------------------

    /** Attaches a managed policy to a user or role; attaching one already attached changes nothing, as in IAM. */
    public void attach(String principalArn, String policyArn) {
        ManagedPolicy policy = requirePolicy(policyArn);
        if (!policy.awsManaged() && !policy.accountId().equals(accountOf(principalArn))) {
            throw IamErrors.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
        }
        changed(db.write(c -> {
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=? AND policy_arn=?", principalArn, policyArn) > 0) {
                return null;
            }
            if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=?", principalArn) >= MAX_MANAGED_POLICIES_PER_PRINCIPAL) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPer" + (principalArn.contains(":role/") ? "Role" : "User")
                        + ": " + MAX_MANAGED_POLICIES_PER_PRINCIPAL);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO iam_attachments(principal_arn, policy_arn, attached_at) VALUES (?,?,?)")) {
                ps.setString(1, principalArn);
                ps.setString(2, policyArn);
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            return null;
        }));
    }

    public void detach(String principalArn, String policyArn) {
        changed(db.write(c -> {
            if (update(c, "DELETE FROM iam_attachments WHERE principal_arn=? AND policy_arn=?", principalArn, policyArn) == 0) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
            }
            return null;
        }));
    }

    /** The ARNs of the managed policies attached to a user or role, in the order they were attached. */
    public List<String> attachedPolicies(String principalArn) {
        return db.read(c -> strings(c, "SELECT policy_arn FROM iam_attachments WHERE principal_arn=? ORDER BY attached_at, rowid", principalArn));
    }

    // ---- Tags --------------------------------------------------------------------------------

    public Map<String, String> tags(String principalArn) {
        return db.read(c -> readTags(c, principalArn));
    }

    /** Adds or replaces tags of a user or role. */
    public void tag(String principalArn, Map<String, String> tags) {
        changed(db.write(c -> {
            Map<String, String> merged = readTags(c, principalArn);
            merged.putAll(tags);
            if (merged.size() > 50) {
                throw IamErrors.limitExceeded("Cannot exceed quota for TagsPerResource: 50");
            }
            update(c, "DELETE FROM iam_tags WHERE principal_arn=?", principalArn);
            writeTags(c, principalArn, merged);
            return null;
        }));
    }

    private static Map<String, String> readTags(Connection c, String principalArn) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_key, tag_value FROM iam_tags WHERE principal_arn=? ORDER BY position")) {
            ps.setString(1, principalArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void writeTags(Connection c, String principalArn, Map<String, String> tags) throws SQLException {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iam_tags(principal_arn, position, tag_key, tag_value) VALUES (?,?,?,?)")) {
            int position = 0;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                ps.setString(1, principalArn);
                ps.setInt(2, position++);
                ps.setString(3, tag.getKey());
                ps.setString(4, tag.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- Evaluation --------------------------------------------------------------------------

    /**
     * The identity policies (inline, then attached managed ones) and tags of a user or role,
     * parsed, for the policy evaluator. Cached until IAM changes.
     */
    public Entity entity(String entityArn) {
        Entity cached = entities.get(entityArn);
        if (cached != null) {
            return cached;
        }
        Entity loaded = db.read(c -> loadEntity(c, entityArn));
        entities.put(entityArn, loaded);
        return loaded;
    }

    private Entity loadEntity(Connection c, String entityArn) throws SQLException {
        List<NamedPolicy> policies = new ArrayList<>();
        boolean testsResourceTags = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT policy_name, document FROM iam_inline_policies WHERE principal_arn=? ORDER BY policy_name")) {
            ps.setString(1, entityArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parsed(rs.getString(1), rs.getString(2)).ifPresent(policies::add);
                    testsResourceTags |= testsResourceTags(rs.getString(2));
                }
            }
        }
        for (String arn : strings(c, "SELECT policy_arn FROM iam_attachments WHERE principal_arn=? ORDER BY attached_at, rowid", entityArn)) {
            Optional<ManagedPolicy> aws = AwsManagedPolicies.byArn(arn);
            String document = aws.map(ManagedPolicy::document).orElse(null);
            if (document == null) {
                List<String> found = strings(c, "SELECT document FROM iam_policies WHERE arn=?", arn);
                document = found.isEmpty() ? null : found.get(0);
            }
            if (document != null) {
                parsed(arn, document).ifPresent(policies::add);
                testsResourceTags |= testsResourceTags(document);
            }
        }
        return new Entity(List.copyOf(policies), Map.copyOf(readTags(c, entityArn)), testsResourceTags);
    }

    /** Whether a policy's text names a resource-tag condition key ({@code aws:ResourceTag/...}, {@code secretsmanager:ResourceTag/...}). */
    public static boolean testsResourceTags(String policyText) {
        if (policyText == null) {
            return false;
        }
        // Case-insensitive, without copying the text: this runs on every request for a resource with a policy.
        String key = "resourcetag/";
        for (int i = 0, last = policyText.length() - key.length(); i <= last; i++) {
            if (policyText.regionMatches(true, i, key, 0, key.length())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<NamedPolicy> parsed(String name, String document) {
        ParsedPolicy parsed = PolicyParser.parse(document, PolicyType.IDENTITY_POLICY);
        // Only documents the parser accepts are stored; one that is not (edited outside the store) grants nothing.
        return parsed.valid() ? Optional.of(new NamedPolicy(name, parsed.document())) : Optional.empty();
    }

    // ---- Shared ------------------------------------------------------------------------------

    /** Refuses a policy document IAM would refuse: not valid JSON or grammar, or over its size quota. */
    static void requirePolicy(String document, PolicyType type, int maxBytes, String quotaName) {
        if (document == null || document.isBlank()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        // IAM counts a policy's size without its white space.
        int size = document.replaceAll("\\s", "").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + quotaName + ": " + maxBytes);
        }
        ParsedPolicy parsed = PolicyParser.parse(document, type);
        if (!parsed.valid()) {
            Finding first = parsed.errors().isEmpty() ? null : parsed.errors().get(0);
            throw IamErrors.malformedPolicy(first == null ? "Syntax errors in policy." : first.message());
        }
    }

    private static void requireNoPolicies(Connection c, String principalArn) throws SQLException {
        if (count(c, "SELECT count(*) FROM iam_inline_policies WHERE principal_arn=?", principalArn) > 0) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=?", principalArn) > 0) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
    }

    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    /** Drops the evaluation cache after a write: the next request sees the change. */
    private <T> T changed(T result) {
        entities.clear();
        return result;
    }

    /** Drops the evaluation cache (a change made outside this class, such as a schema migration in tests). */
    void forget() {
        entities.clear();
    }

    private static int count(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, String> jsonMap(String text) {
        try {
            return JSON.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new io.strongroom.local.storage.StorageException("damaged session tags", e);
        }
    }
}
