package io.strongroom.local.audit;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests refused before authentication, over HTTP: they stay out of the trail of the account
 * whose key they name, are kept apart with every claimed field cut short, and cannot grow the
 * store faster than the refusal rate limit allows.
 */
class UnverifiedRefusalsTest {

    private static final int BURST = AuditLog.RefusalLimits.DEFAULT.burst();
    private static final double PER_SECOND = AuditLog.RefusalLimits.DEFAULT.perSecond();

    private RunningStore store;

    @BeforeEach
    void start() {
        store = new RunningStore();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static AccessKey misSigned(AccessKey key) {
        return new AccessKey(key.accountId(), key.principalArn(), key.accessKeyId(), key.secretAccessKey() + "x");
    }

    private RawAwsRequest.Reply putSecretValue(AccessKey signer, String userAgent) {
        return RawAwsRequest.to(store.store().endpoint(), signer)
                .target("secretsmanager.PutSecretValue")
                .body("{\"SecretId\":\"prod/db\",\"SecretString\":\"not-a-real-value\"}")
                .afterSigning(s -> s.setHeader("User-Agent", userAgent))
                .send();
    }

    @Test
    void aBadSignatureWithAnotherAccountsKeyIsNotInThatAccountsTrailButAmongTheUnverifiedRefusals() {
        AccessKey accountB = store.adminKey(1);

        RawAwsRequest.Reply reply = putSecretValue(misSigned(accountB), "evil");

        assertEquals(400, reply.status());
        assertEquals("InvalidSignatureException", reply.type());
        CloudTrailClient trailOfB = store.cloudTrail(accountB, RunningStore.REGION);
        List<Event> seenByB = trailOfB.lookupEventsPaginator(LookupEventsRequest.builder().build()).events().stream().toList();
        for (Event e : seenByB) {
            assertFalse(e.cloudTrailEvent().contains("evil"), "B's trail shows the forged request: " + e.eventName());
            assertFalse("PutSecretValue".equals(e.eventName()), "B's trail shows a PutSecretValue B never made");
        }
        List<UnverifiedRefusal> refusals = store.store().audit().unverifiedRefusals(100);
        assertEquals(1, refusals.size(), refusals.toString());
        UnverifiedRefusal kept = refusals.get(0);
        assertEquals("evil", kept.userAgent());
        assertEquals(accountB.accessKeyId(), kept.claimedAccessKeyId());
        assertEquals(accountB.accountId(), kept.claimedKeyAccountId());
        assertEquals("PutSecretValue", kept.claimedEventName());
        assertEquals("InvalidSignatureException", kept.errorCode());
        assertFalse(kept.isSummary());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refusalsWithHugeAccessKeyIdsLeaveTheStoreSmall() {
        String hugeKeyId = "AKIA" + "X".repeat(300 * 1024);
        AccessKey bogus = new AccessKey("000000000000", "arn:aws:iam::000000000000:user/x", hugeKeyId, "not-a-secret");
        long before = storeBytes();
        long started = System.nanoTime();

        int refusedByPipeline = 0;
        for (int i = 0; i < 300; i++) {
            RawAwsRequest.Reply reply;
            try {
                reply = putSecretValue(bogus, "U".repeat(64 * 1024));
            } catch (UncheckedIOException connectionDropped) {
                continue;   // a front end may drop a request this large; that is no 5xx and stores nothing
            }
            assertTrue(reply.status() < 500, "a refusal answered " + reply.status());
            if ("UnrecognizedClientException".equals(reply.type())) {
                refusedByPipeline++;
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        List<UnverifiedRefusal> refusals = store.store().audit().unverifiedRefusals(100_000);
        long stored = 0;
        long accounted = 0;
        for (UnverifiedRefusal r : refusals) {
            stored += length(r.requestId()) + length(r.errorCode()) + length(r.message()) + length(r.claimedAccessKeyId())
                    + length(r.claimedKeyAccountId()) + length(r.claimedRegion()) + length(r.claimedEventName())
                    + length(r.eventSource()) + length(r.sourceIp()) + length(r.userAgent());
            accounted += r.isSummary() ? r.notRecorded() : 1;
            if (!r.isSummary()) {
                assertTrue(r.claimedAccessKeyId().length() <= 128, "claimed key ID kept at " + r.claimedAccessKeyId().length() + " chars");
                assertTrue(r.userAgent().length() <= 256, "user agent kept at " + r.userAgent().length() + " chars");
            }
        }
        assertEquals(refusedByPipeline, accounted, "every refusal is either a row or counted in a summary");
        assertTrue(stored < 1024 * 1024, "the refusals hold " + stored + " characters");
        long grown = storeBytes() - before;
        assertTrue(grown < 2 * 1024 * 1024, "the database files grew by " + grown + " bytes");
        assertTrue(seconds < 60, "300 refusals took " + seconds + " s");
    }

    @Test
    void aBurstOfRefusalsStoresAtMostTheBucketAndOneSummaryForTheRest() {
        AccessKey misSigned = misSigned(store.adminKey(0));
        int sent = 150;
        long started = System.nanoTime();
        for (int i = 0; i < sent; i++) {
            assertEquals(400, putSecretValue(misSigned, "burst-" + i).status());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<UnverifiedRefusal> refusals = store.store().audit().unverifiedRefusals(1000);
        long rows = refusals.stream().filter(r -> !r.isSummary()).count();
        long summarized = refusals.stream().filter(UnverifiedRefusal::isSummary).mapToLong(UnverifiedRefusal::notRecorded).sum();
        long summaries = refusals.stream().filter(UnverifiedRefusal::isSummary).count();

        long allowed = BURST + (long) Math.ceil(PER_SECOND * seconds);
        assertTrue(rows <= allowed, rows + " refusals stored one by one in " + seconds + " s; the bucket allows " + allowed);
        assertTrue(rows >= BURST, "the burst itself is stored: " + rows);
        assertEquals(sent, rows + summarized, "every refusal is either a row or counted in a summary");
        assertTrue(summaries >= 1 && summaries <= 1 + (long) Math.ceil(seconds), summaries + " summary rows in " + seconds + " s");
        assertTrue(refusals.stream().filter(UnverifiedRefusal::isSummary)
                .allMatch(s -> s.message().startsWith(s.notRecorded() + " refusals not recorded")), refusals.toString());
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    private long storeBytes() {
        long total = 0;
        for (String name : List.of("strongroom.db", "strongroom.db-wal")) {
            Path file = store.dataDir().resolve(name);
            try {
                total += Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
