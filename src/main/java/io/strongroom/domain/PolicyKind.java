package io.strongroom.domain;

/**
 * What a policy document governs, which decides how it is read and checked: a secret's resource
 * policy, a KMS key policy, or an identity policy (attached to a user or role; it names no
 * principal). Only {@link #SECRET} and {@link #KEY} are stored on a resource by Strongroom; an
 * identity policy is only validated and compared.
 */
public enum PolicyKind {
    SECRET,
    KEY,
    IDENTITY;

    /** Whether the document is a resource policy (it names principals), as a secret's or a key's is. */
    public boolean isResourcePolicy() {
        return this != IDENTITY;
    }
}
