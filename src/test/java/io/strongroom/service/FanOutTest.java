package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fan-out mechanics with synthetic tasks; the same machinery against real stores is in SecretsServiceTest. */
class FanOutTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static List<Scope> scopes(int n) {
        List<Scope> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Account a = new Account(String.format("%012d", 100_000_000_000L + i), "acct-" + i, URI.create("http://127.0.0.1:9"),
                    new CredentialsRef.StaticKeys("AKIA" + i, "secret"), "test");
            out.add(a.in("us-east-1"));
        }
        return out;
    }

    @Test
    void runsAtMostTheBoundInParallelAndFinishesEveryScope() throws Exception {
        FanOut fanOut = new FanOut(executor, 2, new RateLimiters(TimeSource.system()));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Collector<Integer> listener = new Collector<>();
        List<Scope> scopes = scopes(8);
        List<FanOut.ScopeOutcome> outcomes = fanOut.<Integer>run(scopes, (scope, pages) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            pages.acquire(QuotaClass.SECRETS_LIST);
            pages.emit(List.of(1, 2));
            pages.emit(List.of(3));
            running.decrementAndGet();
        }, listener).done().get(10, TimeUnit.SECONDS);

        assertEquals(2, peak.get(), "never more than two scopes at once, though the pool has four threads");
        assertEquals(scopes, outcomes.stream().map(FanOut.ScopeOutcome::scope).toList(), "outcomes in the order given");
        assertTrue(outcomes.stream().allMatch(o -> o.succeeded() && o.itemCount() == 3));
        assertEquals(8, listener.completed.size());
        assertEquals(8, listener.terminalCalls.size());
    }

    @Test
    void oneFailingScopeDoesNotStopTheOthers() throws Exception {
        FanOut fanOut = new FanOut(executor, 3, new RateLimiters(TimeSource.system()));
        List<Scope> scopes = scopes(4);
        Scope broken = scopes.get(1);
        Collector<String> listener = new Collector<>();
        List<FanOut.ScopeOutcome> outcomes = fanOut.<String>run(scopes, (scope, pages) -> {
            pages.emit(List.of("first"));
            if (scope.equals(broken)) {
                throw new IllegalStateException("boom");
            }
            pages.emit(List.of("second"));
        }, listener).done().get(10, TimeUnit.SECONDS);

        assertEquals(3, listener.completed.size());
        assertEquals(ScopeError.INTERNAL_ERROR, listener.failed.get(broken).errorCode());
        assertEquals(List.of("first"), listener.items(broken), "pages delivered before the failure stay delivered");
        assertEquals(1, outcomes.get(1).itemCount());
        assertFalse(outcomes.get(1).succeeded());
    }

    @Test
    void cancellingStopsFurtherPagesAndFailsEveryUnfinishedScopeOnce() throws Exception {
        FanOut fanOut = new FanOut(executor, 1, new RateLimiters(TimeSource.system()));
        List<Scope> scopes = scopes(3);
        AtomicInteger requested = new AtomicInteger();
        AtomicBoolean cancelAfterThird = new AtomicBoolean(true);
        FanOut.Handle[] handle = new FanOut.Handle[1];
        CountDownLatch ready = new CountDownLatch(1);
        Collector<Integer> listener = new Collector<>((scope, page) -> {
            if (page.get(0) == 3 && cancelAfterThird.getAndSet(false)) {
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handle[0].cancel();
            }
        });
        handle[0] = fanOut.<Integer>run(scopes, (scope, pages) -> {
            for (int page = 1; ; page++) {           // an endless listing
                pages.acquire(QuotaClass.SECRETS_LIST);
                requested.incrementAndGet();
                pages.emit(List.of(page));
            }
        }, listener);
        ready.countDown();
        List<FanOut.ScopeOutcome> outcomes = handle[0].done().get(10, TimeUnit.SECONDS);

        assertEquals(3, requested.get(), "no page was requested after cancel");
        assertEquals(3, listener.pageCount(scopes.get(0)));
        assertEquals(List.of(scopes.get(0)), listener.started, "queued scopes never started");
        assertTrue(outcomes.stream().allMatch(o -> ScopeError.CANCELLED.equals(o.error().errorCode())));
        assertEquals(3, listener.terminalCalls.size(), "one terminal call per scope");
        assertTrue(handle[0].isCancelled());
    }

    @Test
    void cancellingInterruptsATaskWaitingForARateToken() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            // one ListSecrets per 1000 seconds: the second page would wait ~17 minutes
            FanOut fanOut = new FanOut(single, 1, new RateLimiters(TimeSource.system(), Map.of(QuotaClass.SECRETS_LIST, 0.001)));
            CountDownLatch waiting = new CountDownLatch(1);
            Collector<Integer> listener = new Collector<>((s, p) -> waiting.countDown());
            FanOut.Handle handle = fanOut.<Integer>run(scopes(1), (scope, pages) -> {
                while (true) {
                    pages.acquire(QuotaClass.SECRETS_LIST);
                    pages.emit(List.of(1));
                }
            }, listener);
            assertTrue(waiting.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);                       // let it block on the second token
            long t0 = System.nanoTime();
            handle.cancel();
            List<FanOut.ScopeOutcome> outcomes = handle.done().get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
            assertEquals(ScopeError.CANCELLED, outcomes.get(0).error().errorCode());
            assertEquals(1, outcomes.get(0).itemCount());
            assertFalse(single.submit(() -> Thread.currentThread().isInterrupted()).get(5, TimeUnit.SECONDS),
                    "the executor's thread is handed back without a stray interrupt");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheRun() throws Exception {
        FanOut fanOut = new FanOut(executor, 1, new RateLimiters(TimeSource.system()));
        CountDownLatch firstPage = new CountDownLatch(1);
        CountDownLatch taskExited = new CountDownLatch(1);
        FanOut.Handle handle = fanOut.<Integer>run(scopes(2), (scope, pages) -> {
            try {
                while (true) {
                    pages.acquire(QuotaClass.SECRETS_READ);
                    pages.emit(List.of(1));
                    firstPage.countDown();
                    Thread.sleep(5);
                }
            } finally {
                taskExited.countDown();
            }
        }, new Collector<>());
        assertTrue(firstPage.await(5, TimeUnit.SECONDS));
        handle.done().cancel(true);
        assertTrue(handle.isCancelled());
        assertTrue(taskExited.await(5, TimeUnit.SECONDS), "the endless task was stopped");
    }

    @Test
    void aThrowingListenerDoesNotHangTheRun() throws Exception {
        FanOut fanOut = new FanOut(executor, 2, new RateLimiters(TimeSource.system()));
        FanOut.Listener<Integer> rude = new FanOut.Listener<>() {
            @Override
            public void completed(Scope scope, int itemCount) {
                throw new IllegalStateException("listener bug");
            }
        };
        List<FanOut.ScopeOutcome> outcomes = fanOut.<Integer>run(scopes(3), (s, p) -> p.emit(List.of(1)), rude)
                .done().get(10, TimeUnit.SECONDS);
        assertEquals(3, outcomes.size());
    }

    @Test
    void noScopesCompletesAtOnce() throws Exception {
        FanOut fanOut = new FanOut(executor, 2, new RateLimiters(TimeSource.system()));
        assertEquals(List.of(), fanOut.<Integer>run(List.of(), (s, p) -> {}, new Collector<>()).done().get(1, TimeUnit.SECONDS));
    }
}
