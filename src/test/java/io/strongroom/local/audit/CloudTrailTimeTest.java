package io.strongroom.local.audit;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time on the store's clock: StartTime/EndTime, the 90-day lookup window and retention. Each
 * test has a store of its own, since they move its clock.
 */
class CloudTrailTimeTest {

    private RunningStore store;
    private AccessKey key;
    private StsClient sts;
    private CloudTrailClient cloudTrail;

    @BeforeEach
    void start() {
        store = new RunningStore();
        key = store.adminKey(0);
        sts = store.sts(key, RunningStore.REGION);
        cloudTrail = store.cloudTrail(key, RunningStore.REGION);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** Makes a call and returns the time it was recorded at, as LookupEvents reports it. */
    private Instant call() {
        String requestId = sts.getCallerIdentity().responseMetadata().requestId();
        return calls(LookupEventsRequest.builder()).stream()
                .filter(e -> requestId.equals(Lookups.record(e).path("requestID").asText()))
                .findFirst().orElseThrow().eventTime();
    }

    private List<Event> calls(LookupEventsRequest.Builder request) {
        return cloudTrail.lookupEventsPaginator(request
                        .lookupAttributes(Lookups.attribute(LookupAttributeKey.EVENT_NAME, "GetCallerIdentity"))
                        .build())
                .events().stream().toList();
    }

    private List<Instant> times(LookupEventsRequest.Builder request) {
        return calls(request).stream().map(Event::eventTime).toList();
    }

    @Test
    void timeRangeSelectsTheEventsBetweenStartAndEnd() {
        Instant first = call();
        store.clock().advance(Duration.ofHours(1));
        Instant second = call();
        store.clock().advance(Duration.ofHours(1));
        Instant third = call();
        Duration half = Duration.ofMinutes(30);

        assertEquals(List.of(second), times(LookupEventsRequest.builder().startTime(first.plus(half)).endTime(second.plus(half))));
        assertEquals(List.of(third, second), times(LookupEventsRequest.builder().startTime(second.minus(half))));
        assertEquals(List.of(second, first), times(LookupEventsRequest.builder().endTime(second.plus(half))));
        assertEquals(List.of(third, second, first), times(LookupEventsRequest.builder()));
    }

    @Test
    void startAndEndAreInclusiveAtTheSecondAnEventIsReportedAt() {
        call();
        store.clock().advance(Duration.ofMinutes(5));
        Instant at = call();
        store.clock().advance(Duration.ofMinutes(5));
        call();

        assertEquals(List.of(at), times(LookupEventsRequest.builder().startTime(at).endTime(at)));
        assertEquals(List.of(), times(LookupEventsRequest.builder().startTime(at.plusMillis(500)).endTime(at.plusMillis(900))),
                "an event reported at second s is not after s + 0.5");
    }

    @Test
    void eventsOlderThanNinetyDaysAreNotReturnedEvenBeforeTheyArePurged() {
        Instant old = call();
        store.clock().advance(Duration.ofDays(91));
        Instant recent = call();

        assertEquals(List.of(recent), times(LookupEventsRequest.builder()));
        assertEquals(List.of(recent), times(LookupEventsRequest.builder().startTime(old.minus(Duration.ofDays(1)))),
                "an explicit StartTime does not reach past retention");
        assertEquals(List.of(), times(LookupEventsRequest.builder().endTime(old.plusSeconds(1))));
    }

    @Test
    void maintenancePurgesEventsPastRetentionAndKeepsTheRest() {
        call();
        store.clock().advance(Duration.ofDays(89));
        Instant kept = call();
        AuditLog.Query everything = new AuditLog.Query(key.accountId(), RunningStore.REGION.id(), "EventName", "GetCallerIdentity",
                null, null, 50, null);
        store.store().runMaintenance();
        assertEquals(2, store.store().audit().lookup(everything).events().size(), "nothing is 90 days old yet");

        store.clock().advance(Duration.ofDays(2));
        store.store().runMaintenance();

        List<AuditLog.StoredEvent> stored = store.store().audit().lookup(everything).events();
        assertEquals(List.of(kept), stored.stream().map(s -> s.event().eventTime()).toList());
        assertEquals(List.of(kept), times(LookupEventsRequest.builder()));
    }
}
