package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the Audit view names what CloudTrail records: a principal by its short form (a role and
 * its session, a user's name) and a secret by its name rather than its ARN. Plain Java, so the
 * table, the matrix and the exports say the same.
 */
public final class AuditText {

    /** The six characters Secrets Manager appends to a secret's name in its ARN. */
    private static final Pattern ARN_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    private AuditText() {}

    /**
     * The caller, short: {@code role/session} for an assumed role, the user's name (path dropped)
     * for an IAM user, {@code root} for an account's root, else {@link AuditRecord#principal()}.
     */
    public static String shortPrincipal(AuditRecord r) {
        return shortPrincipal(r.principal());
    }

    /** {@link #shortPrincipal(AuditRecord)} for a principal as {@link AuditRecord#principal()} gives it. */
    public static String shortPrincipal(String principal) {
        if (principal == null || !principal.startsWith("arn:")) {
            return principal == null ? "" : principal;
        }
        String[] parts = principal.split(":", 6);
        if (parts.length < 6) {
            return principal;
        }
        String resource = parts[5];
        if (resource.equals("root")) {
            return "root";
        }
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return resource;
        }
        String kind = resource.substring(0, slash);
        String rest = resource.substring(slash + 1);
        return switch (kind) {
            // assumed-role/RoleName/session: both say who it was
            case "assumed-role", "federated-user" -> rest;
            // user/path/to/alice, role/path/app-role: the last segment is the name
            default -> rest.substring(rest.lastIndexOf('/') + 1);
        };
    }

    /** The secret's name from its ARN (without the six-character suffix), or the text as it is when it is not an ARN; "" for null. */
    public static String secretName(String arnOrName) {
        if (arnOrName == null) {
            return "";
        }
        int at = arnOrName.indexOf(":secret:");
        if (!arnOrName.startsWith("arn:") || at < 0) {
            return arnOrName;
        }
        String name = arnOrName.substring(at + ":secret:".length());
        return ARN_SUFFIX.matcher(name).replaceFirst("");
    }

    /** The secret an event is about: its first Secrets Manager ARN, else its first resource; null when it has none. */
    public static String secretOf(AuditRecord r) {
        String arn = r.secretArn();
        if (arn != null) {
            return arn;
        }
        return r.resourceArns().isEmpty() ? null : r.resourceArns().get(0);
    }

    /** The error, as the table shows it: the code, else the message; "" when the call succeeded. */
    public static String error(AuditRecord r) {
        if (r.errorCode() != null) {
            return r.errorCode();
        }
        return r.errorMessage() == null ? "" : r.errorMessage();
    }

    /** Everything the text filter looks in, lower case. */
    static String searchKey(AuditRecord r) {
        StringBuilder b = new StringBuilder(256);
        append(b, r.principal());
        append(b, r.eventName());
        append(b, r.eventSource());
        for (String arn : r.resourceArns()) {
            append(b, arn);
        }
        append(b, r.sourceIp());
        append(b, r.userAgent());
        append(b, r.errorCode());
        append(b, r.errorMessage());
        append(b, r.scope().accountAlias());
        append(b, r.scope().accountId());
        append(b, r.scope().region());
        append(b, r.eventId());
        append(b, r.requestId());
        append(b, r.accessKeyId());
        append(b, r.userName());
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder b, String s) {
        if (s != null) {
            b.append(s).append('\n');
        }
    }
}
