package io.strongroom.local.iam;

import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyDocument;
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

    /** Documents by their type and text: many resources may share one policy text under different names. */
    private final ConcurrentMap<String, Parsed> resourcePolicies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Parsed> trustPolicies = new ConcurrentHashMap<>();

    /** A document as evaluation uses it, and whether it tests a resource's tags (worked out once, not per request). */
    private record Parsed(PolicyDocument document, boolean testsResourceTags) {}

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
        return new NamedPolicy(name, parsed(text, type).document());
    }

    /** A resource policy as a request uses it: parsed and named, and whether it tests the resource's tags. */
    public record Resource(NamedPolicy policy, boolean testsResourceTags) {
        static final Resource NONE = new Resource(null, false);
    }

    /**
     * {@link #resourcePolicy} and whether that policy tests the resource's tags (so a request must
     * read them), in one lookup: a policy with no text is {@code Resource(null, false)}.
     */
    public Resource resource(String name, String text) {
        if (text == null) {
            return Resource.NONE;
        }
        Parsed p = parsed(text, PolicyType.RESOURCE_POLICY);
        return new Resource(new NamedPolicy(name, p.document()), p.testsResourceTags());
    }

    private Parsed parsed(String text, PolicyType type) {
        ConcurrentMap<String, Parsed> cache = type == PolicyType.TRUST_POLICY ? trustPolicies : resourcePolicies;
        Parsed found = cache.get(text);
        if (found == null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            ParsedPolicy p = PolicyParser.parse(text, type);
            found = new Parsed(evaluable(p) ? p.document() : new PolicyDocument(null, null, java.util.List.of()),
                    IamDirectory.testsResourceTags(text));
            cache.put(text, found);
        }
        return found;
    }

}
