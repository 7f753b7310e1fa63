package io.strongroom.local.policy;

import java.util.List;

/**
 * What parsing gave: the document (null only when the text is not a JSON object) and every
 * finding. A policy with an ERROR finding is not functional: store it or evaluate it only if
 * {@link #valid()}.
 */
public record ParsedPolicy(PolicyDocument document, List<Finding> findings) {

    public ParsedPolicy {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return document != null && findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }
}
