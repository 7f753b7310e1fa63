package io.strongroom.service.audit;

import io.strongroom.domain.Scope;
import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.iam.AccessKey;

import java.time.Instant;
import java.util.List;

/**
 * Events that reach the store's trail after their time, as CloudTrail delivers some events
 * minutes late: written straight into the store's audit log with a past time, which LookupEvents
 * then returns like any other.
 */
final class LateEvents {

    private LateEvents() {}

    /** A GetSecretValue of {@code secretArn} by account 0's admin at {@code time}, recorded now. */
    static void record(AuditStack audit, Scope scope, String secretArn, String eventId, Instant time) {
        AccessKey admin = audit.stack.store().adminKey(0);
        audit.stack.store().store().audit().record(new AuditEvent(eventId, scope.accountId(), scope.region(), time, "GetSecretValue",
                "secretsmanager.amazonaws.com", "admin", admin.principalArn(), "AIDALATE", admin.accessKeyId(), true, null, null,
                "127.0.0.1", "late-delivery-test", "req-" + eventId, "{\"secretId\":\"" + secretArn + "\"}",
                List.of(new AuditEvent.Resource("AWS::SecretsManager::Secret", secretArn))));
        audit.stack.store().store().audit().flush();
    }
}
