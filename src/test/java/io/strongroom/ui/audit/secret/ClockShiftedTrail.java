package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.http.RequestIds;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.audit.timeline.SyntheticTrail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts the synthetic trail's events of one secret into an embedded store's audit log, at their
 * past times (a clock-shifted seed, its user agent says so), as the account and secret of that
 * store: the console then reads them back through LookupEvents as it reads any event.
 */
final class ClockShiftedTrail {

    static final String AGENT = "strongroom-test-history/1.0 (clock-shifted seed)";

    private ClockShiftedTrail() {}

    /** The events of {@code trail} on {@code syntheticSecret}, as events of {@code secretArn} in {@code scope}; returns how many. */
    static int seed(RunningStore store, Scope scope, String secretArn, List<AuditRecord> trail, String syntheticSecret) {
        List<AuditEvent> events = new ArrayList<>();
        for (AuditRecord r : trail) {
            if (!r.resourceArns().contains(syntheticSecret)) {
                continue;
            }
            List<AuditEvent.Resource> resources = List.of(new AuditEvent.Resource("AWS::SecretsManager::Secret", secretArn));
            String id = RequestIds.nextTimeOrdered(r.time().toEpochMilli());
            if (r.principalArn() == null) {
                events.add(AuditEvent.serviceEvent(id, UUID.randomUUID().toString(), scope.accountId(), scope.region(), r.time(), r.eventName(),
                        r.eventSource(), r.errorMessage(), "{\"SecretId\":\"" + secretArn + "\"}", resources));
                continue;
            }
            String principal = r.principalArn().replace(SyntheticTrail.ACCOUNT_ID, scope.accountId());
            events.add(new AuditEvent(id, scope.accountId(), scope.region(), r.time(), r.eventName(), r.eventSource(), r.userName(), principal,
                    "AIDA" + Integer.toHexString(principal.hashCode()).toUpperCase(), r.accessKeyId(), r.readOnly(), r.errorCode(),
                    r.errorMessage(), r.sourceIp(), AGENT, UUID.randomUUID().toString(), "{\"secretId\":\"" + secretArn + "\"}", resources));
        }
        for (int i = 0; i < events.size(); i += 500) {
            store.store().audit().recordDurably(events.subList(i, Math.min(events.size(), i + 500)));
        }
        store.store().audit().flush();
        return events.size();
    }
}
