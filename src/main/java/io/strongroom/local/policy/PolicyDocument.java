package io.strongroom.local.policy;

import java.util.List;

/** A parsed policy: its Version and Id (either may be null) and its statements in order. */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
