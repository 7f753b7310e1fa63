package io.strongroom.ui.audit.timeline;

import java.util.regex.Pattern;

/**
 * Short forms of the names the audit parts show, so a sentence or a column is read at a glance:
 * {@code arn:…/ci-deployer} for {@code arn:aws:iam::111122223333:user/ci-deployer}, and
 * {@code payments-prod/db} for a secret's ARN. The whole ARN stays in tooltips and the event's JSON.
 */
public final class AuditNames {

    /** Secrets Manager ends a secret's ARN with a hyphen and six random characters. */
    private static final Pattern SECRET_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    private AuditNames() {}

    /** {@code arn:…/} and what follows the ARN's first slash (a user's or role's name, a role's session); other names as they are. */
    public static String principal(String principal) {
        if (principal == null) {
            return "";
        }
        int slash = principal.indexOf('/');
        return principal.startsWith("arn:") && slash > 0 && slash < principal.length() - 1 ? "arn:\u2026/" + principal.substring(slash + 1) : principal;
    }

    /** A secret's name from its ARN (without the random suffix); a name as it is. */
    public static String secret(String arnOrName) {
        if (arnOrName == null) {
            return "";
        }
        int at = arnOrName.indexOf(":secret:");
        if (!arnOrName.startsWith("arn:") || at < 0) {
            return arnOrName;
        }
        String name = arnOrName.substring(at + ":secret:".length());
        return SECRET_SUFFIX.matcher(name).find() ? name.substring(0, name.length() - 7) : name;
    }
}
