package io.strongroom.local.policy;

import java.util.Objects;

/**
 * One problem the parser found in a policy document, in Access Analyzer's terms: the finding
 * type, the issue code AWS uses for it, a message safe to show, and where it is
 * ({@code Statement[0].Action[1]}, or the empty string for the whole document).
 */
public record Finding(Severity severity, String issueCode, String message, String location) {

    /** Access Analyzer's {@code findingType}. */
    public enum Severity {
        ERROR, SECURITY_WARNING, WARNING, SUGGESTION
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(issueCode, "issueCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    static Finding error(String issueCode, String location, String message) {
        return new Finding(Severity.ERROR, issueCode, message, location);
    }

    static Finding warning(String issueCode, String location, String message) {
        return new Finding(Severity.WARNING, issueCode, message, location);
    }

    static Finding suggestion(String issueCode, String location, String message) {
        return new Finding(Severity.SUGGESTION, issueCode, message, location);
    }
}
