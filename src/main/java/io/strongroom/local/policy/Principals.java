package io.strongroom.local.policy;

import java.util.List;
import java.util.Map;

/**
 * A statement's Principal or NotPrincipal: everyone ({@code "*"} or {@code {"AWS": "*"}}), or
 * named principals by type. AWS account IDs are kept as their root ARN
 * ({@code 123456789012} and {@code arn:aws:iam::123456789012:root} name the same principal).
 */
public record Principals(boolean everyone, Map<String, List<String>> byType) {

    public static final String AWS = "AWS";

    /** How a request's principal is named by a statement. */
    enum Match {
        /** Not named. */
        NONE,
        /** Only through its account's root: a delegation to the account's own IAM policies. */
        ACCOUNT,
        /** By its own ARN (or its role's), as a service or federated principal, or as everyone. */
        DIRECT
    }

    public Principals {
        byType = Map.copyOf(byType);
    }

    /** The AWS principals named, account IDs written as root ARNs. */
    public List<String> aws() {
        return byType.getOrDefault(AWS, List.of());
    }

    Match match(RequestPrincipal principal) {
        if (everyone) {
            return Match.DIRECT;
        }
        for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
            if (AWS.equals(entry.getKey())) {
                continue;
            }
            if (entry.getValue().contains(principal.arn())) {
                return Match.DIRECT;
            }
        }
        List<String> aws = aws();
        if (aws.contains(principal.arn()) || (principal.roleArn() != null && aws.contains(principal.roleArn()))) {
            return Match.DIRECT;
        }
        return aws.contains(principal.accountRootArn()) ? Match.ACCOUNT : Match.NONE;
    }

    /**
     * Whether a NotPrincipal leaves this principal out. AWS may check every identity behind a
     * request, the account first, then the role, then the role session (IAM User Guide,
     * NotPrincipal with Deny), so a principal is left out only when each of them is listed: a
     * user with its account, a role session with its role and its account. A service principal
     * stands alone.
     */
    boolean excludes(RequestPrincipal principal) {
        if (everyone) {
            return true;
        }
        for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
            if (!AWS.equals(entry.getKey()) && entry.getValue().contains(principal.arn())) {
                return true;
            }
        }
        List<String> aws = aws();
        return aws.contains(principal.accountRootArn()) && aws.contains(principal.arn())
                && (principal.roleArn() == null || aws.contains(principal.roleArn()));
    }
}
