package io.strongroom.local.iam;

import io.strongroom.local.wire.AwsException;

/**
 * Decides whether a caller may perform an action. For now identity-based only: a principal's
 * allowed action patterns, matched with IAM's wildcards ({@code *}, {@code ?}, case-insensitive).
 * Resource policies join this evaluation when they arrive.
 */
public final class Authorizer {

    public void authorize(Caller caller, String action, String resourceArn) {
        for (String pattern : caller.allowedActions()) {
            if (matches(pattern, action)) {
                return;
            }
        }
        throw AwsException.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + (resourceArn == null ? "" : " on resource: " + resourceArn)
                + " because no identity-based policy allows the " + action + " action");
    }

    /** IAM wildcard matching: {@code *} any run of characters, {@code ?} one character, case-insensitive. */
    static boolean matches(String pattern, String value) {
        if ("*".equals(pattern)) {
            return true;                        // the administrator's policy: no work on every request
        }
        return matches(pattern.toLowerCase(java.util.Locale.ROOT), 0, value.toLowerCase(java.util.Locale.ROOT), 0);
    }

    private static boolean matches(String p, int pi, String v, int vi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = vi; k <= v.length(); k++) {
                    if (matches(p, pi + 1, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (vi >= v.length() || (c != '?' && c != v.charAt(vi))) {
                return false;
            }
            pi++;
            vi++;
        }
        return vi == v.length();
    }
}
