package io.strongroom.local.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded API call, accepted or refused, shaped after a CloudTrail record. It never holds
 * a secret value: request parameters are filtered before they get here.
 *
 * @param accountId     the caller's account, or null when the caller could not be identified
 * @param requestParameters the CloudTrail {@code requestParameters} JSON, or null
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
        List<Resource> resources) {

    public record Resource(String type, String name) {}

    public AuditEvent {
        resources = resources == null ? List.of() : List.copyOf(resources);
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
