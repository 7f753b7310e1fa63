package io.strongroom.local.policy;

import java.util.Objects;

/** A policy as the evaluator is handed it: the name a decision reports (an ARN, a policy name, "default") and its document. */
public record NamedPolicy(String name, PolicyDocument document) {

    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
