package io.strongroom.local.iam;

import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resource-based policies parsed once and kept by their text: a secret's resource policy or a
 * key's key policy is evaluated on every request that touches it, and parsing is the expensive
 * part. Bounded: past {@link #MAX_ENTRIES} the cache starts again empty.
 */
public final class PolicyCache {

    static final int MAX_ENTRIES = 2048;

    private final ConcurrentMap<String, NamedPolicy> parsed = new ConcurrentHashMap<>();

    /**
     * Whether a parsed policy means what it says: no errors, or only repeated Sids, which change
     * nothing in evaluation (AWS's own key policies for AWS managed keys repeat one Sid, and KMS
     * accepts them).
     */
    public static boolean evaluable(ParsedPolicy p) {
        return p.document() != null && p.errors().stream().allMatch(f -> "UNIQUE_SIDS_REQUIRED".equals(f.issueCode()));
    }

    /**
     * The policy parsed, named {@code name}, or null when {@code text} is null. A stored policy
     * the parser refuses (one the store did not write) grants nothing and is given as a policy
     * with no statements, so it can still be shown but never allows.
     */
    public NamedPolicy resourcePolicy(String name, String text) {
        return parse(name, text, PolicyType.RESOURCE_POLICY);
    }

    /** A role's trust policy, parsed as {@link #resourcePolicy} is (its resource is the role: no Resource element). */
    public NamedPolicy trustPolicy(String name, String text) {
        return parse(name, text, PolicyType.TRUST_POLICY);
    }

    private NamedPolicy parse(String name, String text, PolicyType type) {
        if (text == null) {
            return null;
        }
        String cacheKey = type.name() + '\n' + text;
        NamedPolicy cached = parsed.get(cacheKey);
        if (cached != null && cached.name().equals(name)) {
            return cached;
        }
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        ParsedPolicy p = PolicyParser.parse(text, type);
        NamedPolicy policy = new NamedPolicy(name, evaluable(p) ? p.document()
                : new io.strongroom.local.policy.PolicyDocument(null, null, java.util.List.of()));
        parsed.put(cacheKey, policy);
        return policy;
    }
}
