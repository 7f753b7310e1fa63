package io.strongroom.local.policy;

import java.util.Objects;

/**
 * The evaluator's answer: the outcome, the statement that decided it (null for an implicit deny,
 * which no statement decides), and the reason in AWS's AccessDeniedException wording.
 */
public record Decision(Outcome outcome, DecidingStatement decidedBy, String reason) {

    public enum Outcome {
        ALLOW, EXPLICIT_DENY, IMPLICIT_DENY
    }

    /** Which kind of policy a statement came from, in the words AWS's refusals use. */
    public enum PolicyKind {
        IDENTITY("identity-based"), RESOURCE("resource-based");

        private final String phrase;

        PolicyKind(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    /** A statement named by its policy, the kind of that policy, and its Sid or index. */
    public record DecidingStatement(String policyName, PolicyKind kind, String statement) {
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    static Decision allow(NamedPolicy policy, PolicyKind kind, Statement statement) {
        return new Decision(Outcome.ALLOW, new DecidingStatement(policy.name(), kind, statement.label()),
                "allowed by " + kind.phrase() + " policy " + policy.name() + ", statement " + statement.label());
    }

    /** The account's root user in its own account: allowed with no policy, as AWS documents. */
    static Decision allowRoot() {
        return new Decision(Outcome.ALLOW, null, "allowed for the account root user");
    }

    static Decision explicitDeny(NamedPolicy policy, PolicyKind kind, Statement statement) {
        String article = kind == PolicyKind.IDENTITY ? "an " : "a ";
        return new Decision(Outcome.EXPLICIT_DENY, new DecidingStatement(policy.name(), kind, statement.label()),
                "with an explicit deny in " + article + kind.phrase() + " policy");
    }

    static Decision implicitDeny(PolicyKind missing, String action) {
        return new Decision(Outcome.IMPLICIT_DENY, null,
                "because no " + missing.phrase() + " policy allows the " + action + " action");
    }

    /**
     * The message of the AccessDeniedException for a denied request:
     * {@code User: ARN is not authorized to perform: ACTION on resource: ARN because ...}.
     */
    public String denialMessage(AccessRequest request) {
        if (allowed()) {
            throw new IllegalStateException("an allowed request has no denial message");
        }
        return "User: " + request.principal().arn() + " is not authorized to perform: " + request.action()
                + " on resource: " + request.resourceArn() + " " + reason;
    }
}
