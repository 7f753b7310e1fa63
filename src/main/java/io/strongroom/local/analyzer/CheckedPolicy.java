package io.strongroom.local.analyzer;

import io.strongroom.local.policy.Finding;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyDocument;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.wire.AwsException;

import java.util.List;
import java.util.Set;

/**
 * A policy document a check runs on. The checks reason about functional policies only: a
 * document with an ERROR finding of the policy grammar (text that is not JSON included) is
 * refused with a ValidationException naming the member, the first error (its message, issue code
 * and location) and how many more there are, so a pipeline knows to run ValidatePolicy.
 */
final class CheckedPolicy {

    private CheckedPolicy() {
    }

    /** The parsed document of {@code member}, whose text is {@code text}; ERROR findings in {@code tolerated} are let through. */
    static PolicyDocument parse(String member, String text, PolicyType type, Set<String> tolerated) {
        ParsedPolicy parsed = PolicyParser.parse(text, type);
        List<Finding> errors = parsed.errors().stream().filter(f -> !tolerated.contains(f.issueCode())).toList();
        if (parsed.document() == null || !errors.isEmpty()) {
            Finding first = errors.isEmpty() ? parsed.errors().get(0) : errors.get(0);
            String where = first.location().isEmpty() ? "" : " at " + first.location();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
            throw AwsException.validation("Invalid policy document in '" + member + "': " + first.issueCode() + where + ": "
                    + first.message() + more + " Fix the errors ValidatePolicy reports, then run the check again.");
        }
        return parsed.document();
    }

    /** The grammar for an {@code AccessCheckPolicyType} value already checked to be one of the model's. */
    static PolicyType grammar(String policyType) {
        return "RESOURCE_POLICY".equals(policyType) ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY;
    }
}
