package io.strongroom.service.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.strongroom.service.audit.Trails.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache's plans on hand-made events, for the cases the store's tests reach only by luck of timing. */
class AuditCacheTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String ARN = Trails.secret("app/db");

    /** Events newest first, one a minute back from {@code newest}, every other one of {@link #ARN}. */
    static List<CachedEvent> events(String prefix, Instant newest, int n) {
        Trails t = new Trails();
        List<CachedEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditRecord r = t.add("arn:aws:iam::111122223333:user/u", "GetSecretValue", newest.minus(Duration.ofMinutes(i)), "10.0.0.1",
                    null, i % 2 == 0 ? ARN : Trails.secret("app/other"));
            out.add(new CachedEvent(withId(r, prefix + i), List.of("AWS::SecretsManager::Secret")));
        }
        return out;
    }

    static AuditRecord withId(AuditRecord r, String id) {
        return new AuditRecord(r.scope(), id, r.time(), r.eventName(), r.eventSource(), r.principalArn(), r.principalType(), r.userName(),
                r.accessKeyId(), r.sourceIp(), r.userAgent(), r.errorCode(), r.errorMessage(), r.readOnly(), r.requestId(),
                r.resourceArns(), r.cloudTrailJson());
    }

    @Test
    void theSameLookEndingInTheFutureIsAnsweredAgainWithoutACall() {
        AuditCache cache = new AuditCache(1000);
        AuditQuery look = AuditQuery.between(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
        AuditCache.Plan plan = cache.plan(SCOPE, look, 100);
        assertFalse(plan.answered());
        cache.keep(plan, events("a", NOW, 30), false, NOW);

        AuditCache.Plan again = cache.plan(SCOPE, look, 100);

        assertTrue(again.answered());
        assertEquals(30, again.cached().size());
    }

    @Test
    void aFilteredLookPastAnUnfilteredRangeReadsOnlyItsOwnNewerEvents() {
        AuditCache cache = new AuditCache(1000);
        Instant start = NOW.minus(Duration.ofHours(1));
        AuditCache.Plan all = cache.plan(SCOPE, AuditQuery.between(start, NOW), 100);
        cache.keep(all, events("a", NOW, 60), false, NOW.plusSeconds(5));

        Instant later = NOW.plus(Duration.ofMinutes(10));
        AuditCache.Plan mine = cache.plan(SCOPE, AuditQuery.ofResource(ARN, start, later), 100);

        assertEquals(AuditQuery.Attribute.RESOURCE_NAME, mine.fetch().attribute(), "read with the look's own attribute");
        assertEquals(NOW.minus(Duration.ofMinutes(15)), mine.fetch().start(), "from 15 minutes before what the cache knew");
        assertEquals(22, mine.cached().size(), "this secret's events older than that: every other one of 44");
        assertTrue(mine.cached().stream().allMatch(r -> r.resourceArns().contains(ARN)));

        List<CachedEvent> reread = events("b", later, 26).stream().filter(e -> e.record().resourceArns().contains(ARN)).toList();
        List<AuditRecord> answer = cache.keep(mine, reread, false, later);
        assertEquals(22 + 13, answer.size());
        assertTrue(cache.plan(SCOPE, AuditQuery.ofResource(ARN, start, later), 100).answered(), "kept for the secret");
    }

    @Test
    void aMergeKeepsEachEventOnceNewestFirst() {
        List<CachedEvent> older = events("x", NOW, 5);                 // x0 (now) … x4 (now - 4 min)
        List<CachedEvent> newer = new ArrayList<>(events("y", NOW.plusSeconds(120), 2));
        newer.add(older.get(1));                                        // re-read in the overlap
        newer.add(older.get(2));

        List<String> merged = CachedRange.merge(newer, older).stream().map(e -> e.record().eventId()).toList();

        assertEquals(List.of("y0", "y1", "x0", "x1", "x2", "x3", "x4"), merged);
    }

    @Test
    void aRangeCutShortDoesNotAnswerALookReachingBeyondIt() {
        AuditCache cache = new AuditCache(1000);
        AuditQuery look = AuditQuery.between(NOW.minus(Duration.ofHours(2)), NOW);
        cache.keep(cache.plan(SCOPE, look, 20), events("a", NOW, 20), true, NOW.plusSeconds(5));

        assertTrue(cache.plan(SCOPE, look, 20).answered());
        assertTrue(cache.plan(SCOPE, AuditQuery.between(NOW.minus(Duration.ofMinutes(10)), NOW), 1000).answered(),
                "the last 10 minutes are newer than where it was cut");
        assertFalse(cache.plan(SCOPE, look, 21).answered());
        AuditCache.Plan older = cache.plan(SCOPE, AuditQuery.between(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(30))), 1000);
        assertFalse(older.answered());
        assertNull(older.base());
    }
}
