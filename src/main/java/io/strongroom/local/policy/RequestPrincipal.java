package io.strongroom.local.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Who makes a request: the ARN the caller is known by (a user, the account root, an
 * assumed-role session, a service principal such as {@code secretsmanager.amazonaws.com}), its
 * account, its principal tags, and for a role session the ARN of the role behind it (which is
 * what {@code aws:PrincipalArn} reports and what a policy naming the role matches).
 */
public record RequestPrincipal(String arn, String account, Map<String, String> tags, String roleArn) {

    public RequestPrincipal {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        // Condition key names, tag keys in aws:PrincipalTag/<key> included, are case-insensitive.
        tags = tags == null ? Map.of() : tags.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (first, second) -> first));
    }

    /** A user, the root or a service principal: no role behind it, no tags. */
    public static RequestPrincipal of(String arn, String account) {
        return new RequestPrincipal(arn, account, Map.of(), null);
    }

    public RequestPrincipal withTags(Map<String, String> newTags) {
        return new RequestPrincipal(arn, account, newTags, roleArn);
    }

    /** The account's root principal, as a policy names it. */
    public String accountRootArn() {
        return rootArn(account);
    }

    /** The ARN a policy names for this principal: the role for a role session, else its own. */
    public String principalArn() {
        return roleArn != null ? roleArn : arn;
    }

    static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }
}
