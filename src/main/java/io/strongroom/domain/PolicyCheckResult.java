package io.strongroom.domain;

import java.util.List;
import java.util.Objects;

/**
 * The answer of one of Access Analyzer's custom policy checks (CheckNoNewAccess,
 * CheckAccessNotGranted, CheckNoPublicAccess): pass or fail, AWS's message, and on a failure
 * the statements that caused it.
 */
public record PolicyCheckResult(Outcome outcome, String message, List<Reason> reasons) {

    public PolicyCheckResult {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public enum Outcome { PASS, FAIL }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /**
     * Why a check failed.
     *
     * @param statementIndex the 0-based index of the statement the reason is about, or null
     * @param statementId    that statement's {@code Sid}, or null when it has none
     */
    public record Reason(String description, Integer statementIndex, String statementId) {
        public Reason {
            description = description == null ? "" : description;
        }
    }
}
