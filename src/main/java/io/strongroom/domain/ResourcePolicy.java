package io.strongroom.domain;

import java.util.Objects;

/**
 * The resource policy of a secret or a KMS key as it is stored: the resource's ARN, its kind and
 * the document exactly as AWS returned it ({@code null} when a secret has no policy; a key always
 * has one). A policy is not a secret: it may be shown, compared and logged.
 */
public record ResourcePolicy(String arn, PolicyKind kind, String document) {

    public ResourcePolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(kind, "kind");
        if (!kind.isResourcePolicy()) {
            throw new IllegalArgumentException("a resource policy belongs to a secret or a key, not " + kind);
        }
    }

    public boolean exists() {
        return document != null;
    }
}
