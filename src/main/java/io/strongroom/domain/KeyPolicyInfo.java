package io.strongroom.domain;

import java.util.Objects;

/**
 * The KMS key a secret is encrypted with, and its key policy: the key's ARN (resolved from the
 * key ID, ARN or alias the secret names), whether AWS manages it (its policy is AWS's and cannot
 * be changed), and the policy document.
 */
public record KeyPolicyInfo(String keyArn, boolean awsManaged, String document) {

    public KeyPolicyInfo {
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(document, "document");
    }
}
