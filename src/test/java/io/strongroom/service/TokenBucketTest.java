package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long MS = 1_000_000L;

    @Test
    void theBurstIsFreeThenRequestsAreSpacedAtTheRate() throws InterruptedException {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(100, 10, time);
        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        assertEquals(0, time.sleeps.size(), "the burst needs no waiting");
        bucket.acquire();
        assertEquals(1, time.sleeps.size());
        assertEquals(10 * MS, time.sleeps.get(0), "at 100/s the next token is 10 ms away");
    }

    @Test
    void aSecondOfListingAtTheListQuotaTakesASecond() throws InterruptedException {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(QuotaClass.SECRETS_LIST.perSecond(), 10, time);
        for (int i = 0; i < 110; i++) {
            bucket.acquire();
        }
        // 10 from the burst, then 100 more at 100/s
        assertEquals(1_000 * MS, time.elapsedSinceStartNanos(), 1 * MS);
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() throws InterruptedException {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(50, 5, time);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        time.advanceMillis(60_000);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        assertEquals(0, time.sleeps.size());
        bucket.acquire();
        assertEquals(20 * MS, time.sleeps.get(0), "a minute idle does not buy more than the burst");
    }

    @Test
    void concurrentReservationsQueueBehindEachOther() {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(10, 1, time);
        assertEquals(0, bucket.reserve());
        assertEquals(100 * MS, bucket.reserve());
        assertEquals(200 * MS, bucket.reserve(), "the third caller waits behind the second");
    }

    @Test
    void anInterruptedWaitThrowsAndGivesItsPlaceBack() {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(10, 1, time);
        assertEquals(0, bucket.reserve());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, bucket::acquire);
        assertEquals(100 * MS, bucket.reserve(), "the interrupted caller's token was refunded");
    }

    @Nested
    class Limiters {
        private final Account payments = account("222222222222", "keys-a");

        @Test
        void oneBucketPerAccountRegionAndQuotaClass() {
            RateLimiters limiters = new RateLimiters(new FakeTime());
            Scope east = payments.in("us-east-1");
            assertSame(limiters.bucket(east, QuotaClass.SECRETS_LIST), limiters.bucket(payments.in("us-east-1"), QuotaClass.SECRETS_LIST));
            assertNotSame(limiters.bucket(east, QuotaClass.SECRETS_LIST), limiters.bucket(payments.in("eu-west-1"), QuotaClass.SECRETS_LIST));
            assertNotSame(limiters.bucket(east, QuotaClass.SECRETS_LIST), limiters.bucket(east, QuotaClass.SECRETS_READ));
            assertNotSame(limiters.bucket(east, QuotaClass.SECRETS_LIST),
                    limiters.bucket(account("333333333333", "keys-a").in("us-east-1"), QuotaClass.SECRETS_LIST));
        }

        @Test
        void differentCredentialsIntoTheSameAccountShareItsQuota() {
            RateLimiters limiters = new RateLimiters(new FakeTime());
            assertSame(limiters.bucket(payments.in("us-east-1"), QuotaClass.SECRETS_WRITE),
                    limiters.bucket(account("222222222222", "keys-b").in("us-east-1"), QuotaClass.SECRETS_WRITE));
        }

        @Test
        void pacesEachClassAtItsAwsQuota() throws InterruptedException {
            FakeTime time = new FakeTime();
            RateLimiters limiters = new RateLimiters(time);
            Scope scope = payments.in("us-east-1");
            for (int i = 0; i < 5 + 50; i++) {   // write class: burst 5, then 50/s
                limiters.acquire(scope, QuotaClass.SECRETS_WRITE);
            }
            assertEquals(1_000 * MS, time.elapsedSinceStartNanos(), 1 * MS);
        }

        @Test
        void overridesReplaceAClassRate() throws InterruptedException {
            FakeTime time = new FakeTime();
            RateLimiters limiters = new RateLimiters(time, Map.of(QuotaClass.KMS_DESCRIBE, 1.0));
            Scope scope = payments.in("us-east-1");
            limiters.acquire(scope, QuotaClass.KMS_DESCRIBE);
            limiters.acquire(scope, QuotaClass.KMS_DESCRIBE);
            assertEquals(1_000 * MS, time.elapsedSinceStartNanos());
        }

        @Test
        void quotaFiguresAreAwsPublishedOnes() {
            assertEquals(100, QuotaClass.SECRETS_LIST.perSecond());
            assertEquals(10_000, QuotaClass.SECRETS_READ.perSecond());
            assertEquals(50, QuotaClass.SECRETS_WRITE.perSecond());
            assertEquals(100, QuotaClass.KMS_LIST.perSecond());
            assertEquals(100, QuotaClass.KMS_DESCRIBE.perSecond());
            assertTrue(QuotaClass.CLOUDTRAIL_LOOKUP.perSecond() <= 2);
        }

        private Account account(String id, String keyId) {
            return new Account(id, "payments-prod", URI.create("http://127.0.0.1:4566"),
                    new CredentialsRef.StaticKeys(keyId, "secret"), "test");
        }
    }
}
