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
}
