package io.strongroom.local.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded API call, accepted or refused, shaped after a CloudTrail record. It never holds
 * a secret value: request parameters are filtered before they get here, and response elements
 * name what a change produced (ARN, name, version), never what it holds.
 *
 * @param accountId         the caller's account, or null when the caller could not be identified
 * @param requestParameters the CloudTrail {@code requestParameters} JSON, or null
 * @param identityType      CloudTrail's {@code userIdentity.type}: {@value #IAM_USER}, {@value #ASSUMED_ROLE},
 *                          {@value #ROOT}, {@value #UNKNOWN}; null for an event the service raised
 * @param sessionIssuerArn  for a role session, the role (CloudTrail's {@code sessionContext.sessionIssuer}); else null
 * @param sessionCreated    for temporary credentials, when they were issued; else null
 * @param sessionMfa        for temporary credentials, whether MFA was used to get them; else null
 * @param responseElements  the CloudTrail {@code responseElements} JSON, or null (reads, failures)
 */
public record AuditEvent(
        String eventId,
        String accountId,
        String region,
        Instant eventTime,
        String eventName,
        String eventSource,
        String userName,
        String principalArn,
        String principalId,
        String accessKeyId,
        boolean readOnly,
        String errorCode,
        String errorMessage,
        String sourceIp,
        String userAgent,
        String requestId,
        String requestParameters,
        List<Resource> resources,
        String identityType,
        String sessionIssuerArn,
        Instant sessionCreated,
        Boolean sessionMfa,
        String responseElements) {

    public static final String IAM_USER = "IAMUser";
    public static final String ASSUMED_ROLE = "AssumedRole";
    public static final String ROOT = "Root";
    public static final String FEDERATED_USER = "FederatedUser";
    public static final String UNKNOWN = "Unknown";

    public record Resource(String type, String name) {}

    public AuditEvent {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /**
     * An event with its identity type told by the principal's ARN (an assumed-role ARN is an
     * {@code AssumedRole} whose issuer is the role, {@code :root} is {@code Root}, any other ARN an
     * {@code IAMUser}; no ARN is {@code Unknown}, or no identity at all for an event the service
     * raised), no session details and no response elements: for events made without the caller at
     * hand, such as seeded history.
     */
    public AuditEvent(String eventId, String accountId, String region, Instant eventTime, String eventName, String eventSource,
                      String userName, String principalArn, String principalId, String accessKeyId, boolean readOnly,
                      String errorCode, String errorMessage, String sourceIp, String userAgent, String requestId,
                      String requestParameters, List<Resource> resources) {
        this(eventId, accountId, region, eventTime, eventName, eventSource, userName, principalArn, principalId, accessKeyId,
                readOnly, errorCode, errorMessage, sourceIp, userAgent, requestId, requestParameters, resources,
                identityTypeOf(principalArn, accessKeyId, eventSource, sourceIp, userAgent), roleOfSession(principalArn), null, null, null);
    }

    /** The identity type an ARN stands for; see the 18-argument constructor. */
    static String identityTypeOf(String principalArn, String accessKeyId, String eventSource, String sourceIp, String userAgent) {
        if (principalArn == null) {
            boolean service = accessKeyId == null && eventSource != null && eventSource.equals(sourceIp) && eventSource.equals(userAgent);
            return service ? null : UNKNOWN;
        }
        if (principalArn.contains(":assumed-role/")) {
            return ASSUMED_ROLE;
        }
        if (principalArn.endsWith(":root")) {
            return ROOT;
        }
        if (principalArn.contains(":federated-user/")) {
            return FEDERATED_USER;
        }
        return IAM_USER;
    }

    /**
     * The role an assumed-role session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION})
     * belongs to, as {@code arn:aws:iam::ACCOUNT:role/ROLE} (the session ARN does not carry the
     * role's path); null for any other ARN.
     */
    static String roleOfSession(String principalArn) {
        if (principalArn == null) {
            return null;
        }
        int at = principalArn.indexOf(":assumed-role/");
        if (at < 0) {
            return null;
        }
        String head = principalArn.substring(0, at);                 // arn:aws:sts::ACCOUNT
        String rest = principalArn.substring(at + ":assumed-role/".length());
        int slash = rest.indexOf('/');
        String role = slash < 0 ? rest : rest.substring(0, slash);
        String[] parts = head.split(":", -1);
        if (parts.length != 5) {
            return null;
        }
        return parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":role/" + role;
    }

    /**
     * An event the service itself raised, not a caller (CloudTrail's {@code AwsServiceEvent}, such
     * as Secrets Manager's RotationStarted): no principal and no key, and the service stands as
     * the source address and user agent, as CloudTrail shows it; a failure has an
     * {@code errorMessage} and no error code. {@code additionalEventData} is the
     * event's {@code additionalEventData} JSON object (never a value); it is kept where an API
     * call keeps its request parameters.
     */
    public static AuditEvent serviceEvent(String eventId, String requestId, String accountId, String region, Instant time,
                                          String eventName, String eventSource, String errorMessage, String additionalEventData,
                                          List<Resource> resources) {
        return new AuditEvent(eventId, accountId, region, time, eventName, eventSource, null, null, null, null, false,
                null, errorMessage, eventSource, eventSource, requestId, additionalEventData, resources);
    }

    /** Whether the service raised this event (see {@link #serviceEvent}) rather than a caller's request. */
    public boolean isServiceEvent() {
        return principalArn == null && accessKeyId == null && eventSource != null && eventSource.equals(sourceIp)
                && eventSource.equals(userAgent);
    }
}
