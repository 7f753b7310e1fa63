package io.strongroom.local.policy;

/**
 * Which grammar a document is checked against, named as Access Analyzer's {@code policyType}:
 * an identity policy names no principal, a resource policy (a secret's, a key's) must. A role's
 * trust policy (Access Analyzer's resource type {@code AWS::IAM::AssumeRolePolicyDocument}) is a
 * resource policy whose resource is the role itself, so it needs no Resource element.
 */
public enum PolicyType {
    IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY;

    /** Whether statements must name a principal (resource and trust policies). */
    boolean namesPrincipals() {
        return this != IDENTITY_POLICY;
    }
}
