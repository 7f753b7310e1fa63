package io.strongroom.local.policy;

/**
 * Which grammar a document is checked against, named as Access Analyzer's {@code policyType}:
 * an identity policy names no principal, a resource policy (a secret's, a key's) must.
 */
public enum PolicyType {
    IDENTITY_POLICY, RESOURCE_POLICY
}
