package io.strongroom.domain;

import java.util.List;
import java.util.Objects;

/**
 * What IAM's policy simulator decided for one principal, one action and one resource, and the
 * statements that decided it: for an allow every statement that allows, for an explicit deny the
 * one deny, for an implicit deny none (no statement decides a request nothing allows).
 *
 * @param principalArn the user or role simulated
 * @param action       {@code service:Action}
 * @param resourceArn  the resource, or {@code *}
 * @param decision     the outcome
 * @param decidedBy    the deciding statements
 * @param resourcePolicyEvaluated whether a resource policy given took part: IAM's simulator
 *                     evaluates one only for users, so for a role only its own policies were asked
 */
public record AccessDecision(String principalArn, String action, String resourceArn, Outcome decision,
                             List<DecidingStatement> decidedBy, boolean resourcePolicyEvaluated) {

    /** The simulator's three outcomes. */
    public enum Outcome {
        ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY
    }

    /**
     * A statement that decided, named as the simulator names it: the policy's id (an inline or
     * managed policy's name, {@code ResourcePolicy}, {@code PolicyInputList.N}), its type
     * ({@code user}, {@code role}, {@code aws-managed}, {@code user-managed}, {@code resource},
     * {@code none}…), and where the statement sits in the policy's text (null when not reported).
     */
    public record DecidingStatement(String policyId, String policyType, TextSpan position) {
        public DecidingStatement {
            Objects.requireNonNull(policyId, "policyId");
            policyType = policyType == null ? "" : policyType;
        }

        /** {@code policyId (policyType), line L column C}: how a person finds the statement. */
        public String describe() {
            return policyId + (policyType.isEmpty() ? "" : " (" + policyType + ")")
                    + (position == null ? "" : ", " + position.describe());
        }
    }

    /** A statement's 1-based start and end line and column in its policy's text. */
    public record TextSpan(int startLine, int startColumn, int endLine, int endColumn) {
        public String describe() {
            return "line " + startLine + " column " + startColumn;
        }
    }

    public AccessDecision {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(decision, "decision");
        decidedBy = List.copyOf(decidedBy);
    }

    public boolean allowed() {
        return decision == Outcome.ALLOWED;
    }
}
