package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditQuery.Attribute;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.local.AdjustableClock;
import io.strongroom.local.iam.AccessKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import static io.strongroom.service.audit.AuditStack.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Looking the audit trail up through the real SDK against the embedded store, and what the cache
 * spares: the store's own trail of LookupEvents calls says how many calls each look made. One
 * secret's history in account 0, us-east-1: 120 reads, an hour later 30 reads and 10 describes,
 * an hour later 20 reads.
 */
class AuditServiceTest {

    static AuditStack audit;
    static AdjustableClock clock;
    static Scope home;
    static String secretArn;
    static Instant t0;
    static Instant t1;
    static Instant t2;

    @BeforeAll
    static void start() {
        audit = new AuditStack();
        clock = audit.stack.store().clock();
        home = audit.scope(0, "us-east-1");
        SecretsManagerClient sm = audit.secrets(0, "us-east-1");
        t0 = clock.instant();
        secretArn = sm.createSecret(b -> b.name("audit/payments").secretString("s3cr3t")).arn();
        for (int i = 0; i < 120; i++) {
            sm.getSecretValue(b -> b.secretId(secretArn));
        }
        clock.advance(Duration.ofHours(1));
        t1 = clock.instant();
        for (int i = 0; i < 30; i++) {
            sm.getSecretValue(b -> b.secretId(secretArn));
        }
        for (int i = 0; i < 10; i++) {
            sm.describeSecret(b -> b.secretId(secretArn));
        }
        clock.advance(Duration.ofHours(1));
        t2 = clock.instant();
        for (int i = 0; i < 20; i++) {
            sm.getSecretValue(b -> b.secretId(secretArn));
        }
        SecretsManagerClient other = audit.secrets(2, "us-east-1");
        String otherArn = other.createSecret(b -> b.name("audit/other").secretString("v")).arn();
        reads(other, otherArn, 7);
        SecretsManagerClient europe = audit.secrets(0, "eu-west-1");
        String europeArn = europe.createSecret(b -> b.name("audit/europe").secretString("v")).arn();
        reads(europe, europeArn, 4);
        clock.advance(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        audit.close();
    }

    /** The secret's whole history: 181 events, in the past. */
    static AuditQuery history() {
        return AuditQuery.ofResource(secretArn, t0.minusSeconds(1), t2.plusSeconds(60));
    }

    /** What LookupEvents itself answers, read afresh by a service that caches nothing. */
    static List<AuditRecord> truth(Scope scope, AuditQuery query, int max) {
        return audit.service(0).lookup(scope, query, max);
    }

    static void assertNewestFirstAndDistinct(List<AuditRecord> records) {
        assertEquals(records.size(), new HashSet<>(ids(records)).size(), "no event twice");
        for (int i = 1; i < records.size(); i++) {
            assertFalse(records.get(i).time().isAfter(records.get(i - 1).time()), "newest first");
        }
    }

    @Test
    void pagesThroughMoreThanFiftyEventsNewestFirst() {
        AuditService service = audit.service();
        int before = audit.lookupCallCount(home);

        List<AuditRecord> records = service.lookup(home, history(), 1000);

        assertEquals(181, records.size());
        assertEquals(4, audit.lookupCallCount(home) - before, "pages of 50, 50, 50 and 31");
        assertNewestFirstAndDistinct(records);
        assertEquals(170, records.stream().filter(r -> r.eventName().equals("GetSecretValue")).count());
        assertTrue(records.stream().allMatch(r -> r.resourceArns().contains(secretArn)));
    }

    @Test
    void aSecondLookWithTheSameQueryCostsNoCall() {
        AuditService service = audit.service();
        List<AuditRecord> first = service.lookup(home, history(), 1000);
        int before = audit.lookupCallCount(home);

        List<AuditRecord> again = service.lookup(home, history(), 1000);
        Listener streamed = new Listener();
        service.lookup(List.of(home), history(), 1000, streamed).done().join();

        assertEquals(0, audit.lookupCallCount(home) - before);
        assertEquals(ids(first), ids(again));
        assertEquals(ids(first), ids(streamed.records(home)));
        assertEquals(181, streamed.completed.get(home));
    }

    @Test
    void aLookInsideACachedRangeIsAnsweredByFilteringIt() {
        AuditService service = audit.service();
        service.lookup(home, history(), 1000);
        AuditQuery middleHour = AuditQuery.ofResource(secretArn, t0.plus(Duration.ofMinutes(30)), t1.plus(Duration.ofMinutes(30)));
        int before = audit.lookupCallCount(home);

        List<AuditRecord> middle = service.lookup(home, middleHour, 1000);
        List<AuditRecord> newest = service.lookup(home, history(), 7);

        assertEquals(0, audit.lookupCallCount(home) - before);
        assertEquals(40, middle.size());
        assertEquals(ids(truth(home, middleHour, 1000)), ids(middle));
        assertEquals(ids(truth(home, history(), 7)), ids(newest));

        before = audit.lookupCallCount(home);
        service.lookup(home, history().withAttribute(Attribute.EVENT_NAME, "DescribeSecret"), 1000);
        assertEquals(1, audit.lookupCallCount(home) - before, "one secret's events do not hold the account's describes");
    }

    @Test
    void aLookWithAnyOfTheEightAttributesIsAnsweredFromACachedLookAtEveryEvent() {
        AuditService service = audit.service();
        AuditQuery everything = AuditQuery.between(t0.minusSeconds(1), t2.plusSeconds(60));
        List<AuditRecord> all = service.lookup(home, everything, 5000);
        AuditRecord describe = all.stream().filter(r -> r.eventName().equals("DescribeSecret")).findFirst().orElseThrow();
        List<AuditQuery> looks = List.of(
                everything.withAttribute(Attribute.EVENT_ID, describe.eventId()),
                everything.withAttribute(Attribute.EVENT_NAME, "GetSecretValue"),
                everything.withAttribute(Attribute.READ_ONLY, "false"),
                everything.withAttribute(Attribute.USERNAME, describe.userName()),
                everything.withAttribute(Attribute.RESOURCE_TYPE, "AWS::SecretsManager::Secret"),
                AuditQuery.ofResource(secretArn, t1.minusSeconds(1), t2.plusSeconds(60)),
                everything.withAttribute(Attribute.EVENT_SOURCE, "secretsmanager.amazonaws.com"),
                everything.withAttribute(Attribute.ACCESS_KEY_ID, describe.accessKeyId()));
        int before = audit.lookupCallCount(home);

        List<List<String>> cached = looks.stream().map(q -> ids(service.lookup(home, q, 5000))).toList();

        assertEquals(0, audit.lookupCallCount(home) - before);
        for (int i = 0; i < looks.size(); i++) {
            AuditQuery q = looks.get(i);
            List<String> expected = ids(truth(home, q, 5000));
            assertFalse(expected.isEmpty(), q.attribute() + " finds something");
            assertEquals(expected, cached.get(i), q.attribute() + " from the cache as LookupEvents has it");
        }
    }

    @Test
    void aLookCutShortAnswersOnlyWhatItProvablyHolds() {
        AuditService service = audit.service();
        int before = audit.lookupCallCount(home);
        List<AuditRecord> newest50 = service.lookup(home, history(), 50);
        assertEquals(1, audit.lookupCallCount(home) - before);

        before = audit.lookupCallCount(home);
        List<AuditRecord> newest30 = service.lookup(home, history(), 30);
        List<AuditRecord> lastBatch = service.lookup(home, AuditQuery.ofResource(secretArn, t2.minusSeconds(1), t2.plusSeconds(60)), 1000);
        assertEquals(0, audit.lookupCallCount(home) - before, "the newest 30 and the last batch lie within the newest 50");
        assertEquals(ids(newest50).subList(0, 30), ids(newest30));
        assertEquals(20, lastBatch.size());

        before = audit.lookupCallCount(home);
        List<AuditRecord> newest51 = service.lookup(home, history(), 51);
        List<AuditRecord> firstBatch = service.lookup(home, AuditQuery.ofResource(secretArn, t0.minusSeconds(1), t0.plusSeconds(600)), 1000);
        assertEquals(2 + 3, audit.lookupCallCount(home) - before, "51 is more than it holds; the first batch is older than it holds");
        assertEquals(ids(truth(home, history(), 51)), ids(newest51));
        assertEquals(121, firstBatch.size());
    }

    @Test
    void aLookEndingNowReadsOnlyTheNewerEventsWithAFifteenMinuteOverlap() {
        SecretsManagerClient sm = audit.secrets(0, "us-east-1");
        Instant a = clock.instant();
        String arn = sm.createSecret(b -> b.name("audit/incremental").secretString("v")).arn();
        reads(sm, arn, 12);
        clock.advance(Duration.ofMinutes(10));
        reads(sm, arn, 4);                                  // re-read in the overlap below, kept once
        clock.advance(Duration.ofMinutes(10));
        Instant now1 = clock.instant();
        AuditService service = audit.service();
        assertEquals(17, service.lookup(home, AuditQuery.ofResource(arn, a.minus(Duration.ofHours(1)), now1), 1000).size());

        // CloudTrail delivers late: one event within the overlap, one older than it
        LateEvents.record(audit, home, arn, "late-in-overlap", now1.minus(Duration.ofMinutes(5)));
        LateEvents.record(audit, home, arn, "late-before-overlap", now1.minus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(2));
        reads(sm, arn, 3);
        Instant now2 = clock.instant();
        AuditQuery second = AuditQuery.ofResource(arn, a.minus(Duration.ofHours(1)), now2);
        int before = audit.lookupCallCount(home);

        List<AuditRecord> records = service.lookup(home, second, 1000);

        assertEquals(1, audit.lookupCallCount(home) - before, "one call for the newer events");
        Instant asked = Instant.parse(audit.lastLookupParameters(home).get("startTime").asText());
        Instant overlapStart = now1.minus(Duration.ofMinutes(15));
        assertTrue(!asked.isBefore(overlapStart.minusSeconds(3)) && !asked.isAfter(overlapStart.plusSeconds(1)),
                "read from 15 minutes before what it knew: " + asked + " for " + now1);
        assertNewestFirstAndDistinct(records);
        assertEquals(17 + 1 + 3, records.size());
        assertTrue(ids(records).contains("late-in-overlap"));
        assertFalse(ids(records).contains("late-before-overlap"), "later than 15 minutes is not re-read");

        before = audit.lookupCallCount(home);
        assertEquals(ids(records), ids(service.lookup(home, second, 1000)));
        assertEquals(0, audit.lookupCallCount(home) - before, "the same look again");

        // streamed: the cached part at once, then the newer pages as they are read
        clock.advance(Duration.ofMinutes(1));
        reads(sm, arn, 2);
        AuditQuery third = AuditQuery.ofResource(arn, a.minus(Duration.ofHours(1)), clock.instant());
        Listener streamed = new Listener();
        before = audit.lookupCallCount(home);
        service.lookup(List.of(home), third, 1000, streamed).done().join();
        assertEquals(1, audit.lookupCallCount(home) - before);
        List<List<AuditRecord>> pages = streamed.pages.get(home);
        assertEquals(2, pages.size());
        assertEquals(13, pages.get(0).size(), "the creation and first 12 reads, older than the overlap, from the cache");
        assertTrue(pages.get(0).get(0).time().isBefore(pages.get(1).get(pages.get(1).size() - 1).time()));
        List<String> expected = ids(truth(home, third, 1000)).stream().filter(id -> !id.equals("late-before-overlap")).toList();
        assertEquals(new HashSet<>(expected), new HashSet<>(ids(streamed.records(home))));
        assertEquals(expected.size(), streamed.records(home).size());
    }

    @Test
    void looksFromManyThreadsAtOnceShareOneCacheAndEachGetsItsAnswer() throws Exception {
        AuditService service = audit.service();
        List<AuditQuery> looks = List.of(history(), AuditQuery.ofResource(secretArn, t1.minusSeconds(1), t2.plusSeconds(60)),
                AuditQuery.between(t0.minusSeconds(1), t2.plusSeconds(60)), history().withAttribute(Attribute.EVENT_NAME, "DescribeSecret"));
        java.util.Map<AuditQuery, List<String>> expected = new java.util.HashMap<>();
        for (AuditQuery q : looks) {
            expected.put(q, ids(truth(home, q, 1000)));
        }
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                AuditQuery q = looks.get(i % looks.size());
                answers.add(callers.submit(() -> ids(service.lookup(home, q, 1000)).equals(expected.get(q))));
            }
            for (java.util.concurrent.Future<Boolean> answer : answers) {
                assertTrue(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        int before = audit.lookupCallCount(home);
        for (AuditQuery q : looks) {
            assertEquals(expected.get(q), ids(service.lookup(home, q, 1000)));
        }
        assertEquals(0, audit.lookupCallCount(home) - before, "everything is cached by now");
    }

    @Test
    void forgetDropsWhatTheCacheHeld() {
        AuditService service = audit.service();
        service.lookup(home, history(), 1000);
        assertEquals(181, service.cachedEvents());
        service.forget();
        assertEquals(0, service.cachedEvents());
        int before = audit.lookupCallCount(home);
        service.lookup(home, history(), 1000);
        assertEquals(4, audit.lookupCallCount(home) - before);
    }

    @Test
    void theCacheHoldsNoMoreThanItsCapacityDroppingTheLeastRecentlyUsed() {
        AuditService service = audit.service(65);
        AuditQuery lastBatch = AuditQuery.ofResource(secretArn, t2.minusSeconds(1), t2.plusSeconds(60));
        AuditQuery middle = AuditQuery.ofResource(secretArn, t1.minusSeconds(1), t1.plusSeconds(600));
        service.lookup(home, history(), 1000);
        assertEquals(0, service.cachedEvents(), "181 events do not fit in 65");
        service.lookup(home, lastBatch, 1000);
        service.lookup(home, middle, 1000);
        assertEquals(60, service.cachedEvents());
        service.lookup(home, lastBatch, 1000);

        service.lookup(home, history().withAttribute(Attribute.EVENT_NAME, "DescribeSecret"), 1000);

        assertEquals(30, service.cachedEvents(), "the middle hour's 40, used least recently, made room for 10");
        int before = audit.lookupCallCount(home);
        service.lookup(home, lastBatch, 1000);
        assertEquals(0, audit.lookupCallCount(home) - before);
        service.lookup(home, middle, 1000);
        assertEquals(1, audit.lookupCallCount(home) - before);
    }

    @Test
    void streamsEveryScopeAtOnceAndKeepsADeniedScopesErrorToItself() {
        Scope denied = audit.scope(AuditStack.DENIED, "us-east-1");
        Scope other = audit.scope(2, "us-east-1");
        Scope europe = audit.scope(0, "eu-west-1");
        List<Scope> scopes = List.of(home, denied, other, europe);
        AuditQuery all = AuditQuery.between(t0.minusSeconds(1), t2.plusSeconds(60));
        AuditService service = audit.service();

        Listener first = new Listener();
        service.lookup(scopes, all, 1000, first).done().join();

        assertEquals(java.util.Set.of(home, other, europe), first.completed.keySet());
        assertEquals(java.util.Set.of(denied), first.failed.keySet());
        assertTrue(first.failed.get(denied).isAccessDenied(), first.failed.get(denied).toString());
        assertEquals(ids(truth(home, all, 1000)), ids(first.records(home)));
        assertEquals(1 + 7, first.records(other).size());
        assertEquals(1 + 4, first.records(europe).size());

        int homeCalls = audit.lookupCallCount(home);
        int otherCalls = audit.lookupCallCount(other);
        int europeCalls = audit.lookupCallCount(europe);
        Listener second = new Listener();
        service.lookup(scopes, all, 1000, second).done().join();
        assertEquals(List.of(homeCalls, otherCalls, europeCalls),
                List.of(audit.lookupCallCount(home), audit.lookupCallCount(other), audit.lookupCallCount(europe)), "from the cache");
        assertEquals(ids(first.records(other)), ids(second.records(other)));
        assertEquals(first.completed, second.completed);
        assertTrue(second.failed.get(denied).isAccessDenied(), "a failure is not cached");
    }

    @Test
    void estimateCountsTheCallsALookWillMakeBeforeItRuns() {
        List<Scope> scopes = List.of(home, audit.scope(2, "us-east-1"), audit.scope(0, "eu-west-1"));
        AuditService service = audit.service();

        assertEquals(new AuditService.CallEstimate(3, 0, 3 * 20, Duration.ofMillis(9_500)), service.estimate(scopes, history(), 1000),
                "20 calls a scope for 1,000 events; the first at once, 19 more at 2 a second");
        assertEquals(new AuditService.CallEstimate(3, 0, 3 * 3, Duration.ofSeconds(1)), service.estimate(scopes, history(), 120));

        service.lookup(home, history(), 1000);
        assertEquals(new AuditService.CallEstimate(3, 1, 2 * 20, Duration.ofMillis(9_500)), service.estimate(scopes, history(), 1000));

        // past what the cache knows, what is left to read is estimated from how dense the secret's events were
        AuditQuery untilNow = AuditQuery.ofResource(secretArn, t0.minusSeconds(1), clock.instant());
        AuditService.CallEstimate later = service.estimate(List.of(home), untilNow, 1000);
        assertEquals(0, later.cachedScopes());
        assertTrue(later.maxCalls() >= 1 && later.maxCalls() < 20, later.toString());
    }

    @Test
    void lastReadersNamesEachPrincipalsLatestSuccessfulRead() {
        SecretsManagerClient admin = audit.secrets(0, "us-east-1");
        String arn = admin.createSecret(b -> b.name("audit/readers").secretString("v")).arn();
        Instant since = clock.instant();
        String accountId = home.accountId();
        AccessKey reader = audit.stack.store().userWithPolicy(accountId, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:GetSecretValue",
                "secretsmanager:BatchGetSecretValue"],"Resource":"*"}]}""");
        AccessKey nobody = audit.stack.store().userWithPolicy(accountId, null);
        admin.getSecretValue(b -> b.secretId(arn));
        clock.advance(Duration.ofMinutes(1));
        admin.getSecretValue(b -> b.secretId(arn));
        clock.advance(Duration.ofMinutes(1));
        audit.stack.store().secrets(reader, software.amazon.awssdk.regions.Region.US_EAST_1)
                .batchGetSecretValue(b -> b.secretIdList(arn));
        clock.advance(Duration.ofMinutes(1));
        try {
            audit.stack.store().secrets(nobody, software.amazon.awssdk.regions.Region.US_EAST_1).getSecretValue(b -> b.secretId(arn));
        } catch (software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException refused) {
            assertEquals(400, refused.statusCode());
        }
        clock.advance(Duration.ofMinutes(1));
        AuditService service = audit.service();

        List<AuditRecord> readers = service.lastReaders(home, arn, since, 10);

        assertEquals(List.of(reader.principalArn(), audit.stack.store().adminKey(0).principalArn()),
                readers.stream().map(AuditRecord::principal).toList());
        assertTrue(readers.get(1).time().isAfter(since.plusSeconds(59)), "the admin's latest read, not its first");
        assertTrue(readers.stream().allMatch(r -> r.valueRead() && !r.failed()));
        assertEquals(List.of(reader.principalArn()), service.lastReaders(home, arn, since, 1).stream().map(AuditRecord::principal).toList());
    }

    static void reads(SecretsManagerClient sm, String arn, int n) {
        for (int i = 0; i < n; i++) {
            sm.getSecretValue(b -> b.secretId(arn));
        }
    }
}
