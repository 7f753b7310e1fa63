package io.strongroom.local.iam;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static io.strongroom.local.iam.IamSql.readTags;
import static io.strongroom.local.iam.IamSql.strings;
import static io.strongroom.local.iam.IamSql.update;
import static io.strongroom.local.iam.IamSql.writeTags;

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

    /**
     * What evaluation knows of one user or role: its identity policies, its tags, and whether any
     * of its policies tests a resource's tags (so a request need not read them otherwise).
     */
    public record Entity(List<NamedPolicy> policies, Map<String, String> tags, boolean testsResourceTags) {}

    private final Database db;
    private final ConcurrentMap<String, Entity> entities = new ConcurrentHashMap<>();
    private final IamUsers users;
    private final IamRoles roles;
    private final IamPolicies policies;

    public IamDirectory(Database db, Clock clock) {
        this.db = db;
        this.users = new IamUsers(db, clock, entities::clear);
        this.roles = new IamRoles(db, clock, entities::clear);
        this.policies = new IamPolicies(db, clock, entities::clear);
    }


    // ---- Users, roles and policies (each a class of its own) -----------------------------------

    public IamUser createUser(String accountId, String userName, String path, Map<String, String> tags) {
        return users.createUser(accountId, userName, path, tags);
    }

    public Optional<IamUser> user(String accountId, String userName) {
        return users.user(accountId, userName);
    }

    public IamUser requireUser(String accountId, String userName) {
        return users.requireUser(accountId, userName);
    }

    public List<IamUser> users(String accountId, String pathPrefix) {
        return users.users(accountId, pathPrefix);
    }

    /** Deletes a user that has nothing left attached, as IAM requires; its access keys must be deleted first. */
    public void deleteUser(String accountId, String userName) {
        users.deleteUser(accountId, userName);
    }

    public IamRole createRole(String accountId, String roleName, String path, String trustPolicy, String description,
                              Integer maxSessionSeconds, Map<String, String> tags) {
        return roles.createRole(accountId, roleName, path, trustPolicy, description, maxSessionSeconds, tags);
    }

    public Optional<IamRole> role(String accountId, String roleName) {
        return roles.role(accountId, roleName);
    }

    public IamRole requireRole(String accountId, String roleName) {
        return roles.requireRole(accountId, roleName);
    }

    /** The role an ARN names, matched exactly (as AssumeRole and policies name it). */
    public Optional<IamRole> roleByArn(String arn) {
        return roles.roleByArn(arn);
    }

    public List<IamRole> roles(String accountId, String pathPrefix) {
        return roles.roles(accountId, pathPrefix);
    }

    public void updateTrustPolicy(String accountId, String roleName, String trustPolicy) {
        roles.updateTrustPolicy(accountId, roleName, trustPolicy);
    }

    public void deleteRole(String accountId, String roleName) {
        roles.deleteRole(accountId, roleName);
    }

    /** Adds or replaces an inline policy of a user or role (by its ARN). */
    public void putInlinePolicy(String principalArn, String policyName, String document) {
        policies.putInlinePolicy(principalArn, policyName, document);
    }

    public Optional<String> inlinePolicy(String principalArn, String policyName) {
        return policies.inlinePolicy(principalArn, policyName);
    }

    public List<String> inlinePolicyNames(String principalArn) {
        return policies.inlinePolicyNames(principalArn);
    }

    public void deleteInlinePolicy(String principalArn, String policyName, String entityKind, String entityName) {
        policies.deleteInlinePolicy(principalArn, policyName, entityKind, entityName);
    }

    public ManagedPolicy createPolicy(String accountId, String policyName, String path, String description, String document) {
        return policies.createPolicy(accountId, policyName, path, description, document);
    }

    /** A managed policy by ARN: one of AWS's, or a customer managed policy of a local account. */
    public Optional<ManagedPolicy> policy(String arn) {
        return policies.policy(arn);
    }

    public ManagedPolicy requirePolicy(String arn) {
        return policies.requirePolicy(arn);
    }

    /** The customer managed policies of an account, then AWS's, as ListPolicies with Scope All gives them. */
    public List<ManagedPolicy> policies(String accountId, boolean local, boolean aws) {
        return policies.policies(accountId, local, aws);
    }

    public void deletePolicy(String arn) {
        policies.deletePolicy(arn);
    }

    /** Attaches a managed policy to a user or role; attaching one already attached changes nothing, as in IAM. */
    public void attach(String principalArn, String policyArn) {
        policies.attach(principalArn, policyArn);
    }

    public void detach(String principalArn, String policyArn) {
        policies.detach(principalArn, policyArn);
    }

    /** The ARNs of the managed policies attached to a user or role, in the order they were attached. */
    public List<String> attachedPolicies(String principalArn) {
        return policies.attachedPolicies(principalArn);
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

    /** Drops the evaluation cache after a write: the next request sees the change. */
    private <T> T changed(T result) {
        entities.clear();
        return result;
    }

    /** Drops the evaluation cache (a change made outside this class, such as a schema migration in tests). */
    void forget() {
        entities.clear();
    }

    static String accountOf(String arn) {
        return IamSql.accountOf(arn);
    }

    static String json(Map<String, String> map) {
        return IamSql.json(map);
    }

    static Map<String, String> jsonMap(String text) {
        return IamSql.jsonMap(text);
    }
}
