package io.strongroom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One CloudTrail event as the console sees it, from any scope (the embedded store or AWS): who
 * called what, on which resources, from where, and how it ended. It never holds a secret value:
 * CloudTrail records none, and {@code cloudTrailJson} is the event's record as LookupEvents
 * returned it.
 *
 * @param principalArn  the caller's ARN (an assumed role's session ARN for a role), or null for a
 *                      service event or a refusal before the caller was known
 * @param principalType CloudTrail's {@code userIdentity.type} (IAMUser, AssumedRole, Root,
 *                      AWSService…), or null when the record has none
 * @param userName      LookupEvents' {@code Username} (a user's name, a role session's name)
 * @param resourceArns  the ARNs (or names) of the event's resources, in the order CloudTrail lists them
 * @param cloudTrailJson the whole CloudTrail record, as returned (null when the event had none)
 */
public record AuditRecord(Scope scope, String eventId, Instant time, String eventName, String eventSource,
                          String principalArn, String principalType, String userName, String accessKeyId,
                          String sourceIp, String userAgent, String errorCode, String errorMessage, boolean readOnly,
                          String requestId, List<String> resourceArns, String cloudTrailJson) {

    /** Secrets Manager's calls that return a secret's value. */
    private static final List<String> VALUE_READS = List.of("GetSecretValue", "BatchGetSecretValue");

    public AuditRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventName, "eventName");
        resourceArns = resourceArns == null ? List.of() : List.copyOf(resourceArns);
    }

    /** Whether the call failed (an error code, or a service event's error message). */
    public boolean failed() {
        return errorCode != null || errorMessage != null;
    }

    /** Whether the call was refused for want of permission (AccessDenied and its service variants). */
    public boolean accessDenied() {
        return errorCode != null && (errorCode.equals("AccessDenied") || errorCode.equals("AccessDeniedException")
                || errorCode.equals("UnauthorizedOperation") || errorCode.endsWith(".AccessDenied"));
    }

    /** Whether this call returned (or tried to return) a secret's value. */
    public boolean valueRead() {
        return VALUE_READS.contains(eventName);
    }

    /** The first Secrets Manager secret among the resources, or null. */
    public String secretArn() {
        for (String arn : resourceArns) {
            if (isSecretArn(arn)) {
                return arn;
            }
        }
        return null;
    }

    /** Every Secrets Manager secret among the resources, in CloudTrail's order (a batch read names several). */
    public List<String> secretArns() {
        List<String> out = null;
        for (String arn : resourceArns) {
            if (isSecretArn(arn)) {
                if (out == null) {
                    out = new java.util.ArrayList<>(resourceArns.size());
                }
                out.add(arn);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    private static boolean isSecretArn(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.contains(":secretsmanager:") && arn.contains(":secret:");
    }

    /**
     * Who acted, as behaviour is judged: {@link #principal()}, except that an assumed role's
     * session ({@code arn:aws:sts::123456789012:assumed-role/Role/session}) stands for its role
     * ({@code arn:aws:sts::123456789012:assumed-role/Role}), since a task or function takes a new
     * session name with every run and would otherwise be a new principal each time.
     */
    public String actor() {
        String p = principal();
        int role = p.indexOf(":assumed-role/");
        if (p.startsWith("arn:") && role > 0) {
            int session = p.indexOf('/', role + ":assumed-role/".length());
            if (session > 0) {
                return p.substring(0, session);
            }
        }
        return p;
    }

    /** Who made the call, for display: the principal's ARN, else the user name, else the service or "unknown". */
    public String principal() {
        if (principalArn != null) {
            return principalArn;
        }
        if (userName != null) {
            return userName;
        }
        return principalType != null && principalType.equals("AWSService") && eventSource != null ? eventSource : "unknown";
    }
}
