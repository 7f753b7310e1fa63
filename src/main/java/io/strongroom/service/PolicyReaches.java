package io.strongroom.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.PolicyReach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how far a resource policy reaches ({@link PolicyReach}) from its Allow statements'
 * principals. It reads the document, it does not evaluate it: an Allow for everyone with any
 * condition counts as cross-account, not public, as BlockPublicPolicy would accept it; a document
 * that cannot be read counts as public, the answer that asks to be looked at.
 */
final class PolicyReaches {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\\d{12})(?:$|:)");

    private PolicyReaches() {
    }

    static PolicyReach of(String document, String ownAccount) {
        if (document == null) {
            return PolicyReach.NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            return PolicyReach.PUBLIC;
        }
        JsonNode statements = root == null ? null : root.get("Statement");
        if (statements == null) {
            return PolicyReach.PUBLIC;
        }
        PolicyReach reach = PolicyReach.OWN_ACCOUNT;
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            boolean conditioned = statement.has("Condition") && statement.get("Condition").size() > 0;
            if (statement.has("NotPrincipal")) {
                reach = max(reach, conditioned ? PolicyReach.CROSS_ACCOUNT : PolicyReach.PUBLIC);
                continue;
            }
            for (String principal : awsPrincipals(statement.get("Principal"))) {
                if ("*".equals(principal)) {
                    reach = max(reach, conditioned ? PolicyReach.CROSS_ACCOUNT : PolicyReach.PUBLIC);
                } else {
                    Matcher m = ACCOUNT.matcher(principal);
                    if (!m.find() || !m.group(1).equals(ownAccount)) {
                        reach = max(reach, PolicyReach.CROSS_ACCOUNT);
                    }
                }
            }
        }
        return reach;
    }

    /** The AWS principals of a Principal element: {@code "*"} for everyone; service and federated principals are left out. */
    private static List<String> awsPrincipals(JsonNode principal) {
        List<String> out = new ArrayList<>();
        if (principal == null) {
            return out;
        }
        if (principal.isTextual()) {
            out.add(principal.asText());
            return out;
        }
        JsonNode aws = principal.get("AWS");
        if (aws != null) {
            for (JsonNode p : aws.isArray() ? aws : List.of(aws)) {
                out.add(p.asText());
            }
        }
        return out;
    }

    private static PolicyReach max(PolicyReach a, PolicyReach b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
