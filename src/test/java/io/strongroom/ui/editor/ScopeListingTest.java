package io.strongroom.ui.editor;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for a fan-out listing: every page and every scope's failure kept; an interrupted wait cancels the listing. */
class ScopeListingTest {

    private static final Account ACCOUNT = new Account("123456789012", "dev", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.StaticKeys("AKIADEV0000000000001", "x"), "embedded store");
    private static final Scope EU = new Scope(ACCOUNT, "eu-west-1");
    private static final Scope US = new Scope(ACCOUNT, "us-east-1");

    /** A fan-out that ends when {@code done} completes, and says whether it was cancelled. */
    private record Handle(CompletableFuture<List<FanOut.ScopeOutcome>> done, AtomicBoolean cancelled) implements FanOut.Handle {
        Handle(CompletableFuture<List<FanOut.ScopeOutcome>> done) {
            this(done, new AtomicBoolean());
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Test
    void keepsEveryPageInOrderAndEveryFailedScope() throws Exception {
        ScopeError denied = new ScopeError(US, "AccessDeniedException", "not allowed", "req-1", 400);
        ScopeListing<String> listed = ScopeListing.await(listener -> {
            listener.page(EU, List.of("a", "b"));
            listener.failed(US, denied);
            listener.page(EU, List.of("c"));
            return new Handle(CompletableFuture.completedFuture(List.of()));
        });
        assertEquals(List.of("a", "b", "c"), listed.items());
        assertEquals(List.of(denied), listed.failures());
    }

    @Test
    void anInterruptedWaitCancelsTheListing() throws Exception {
        Handle handle = new Handle(new CompletableFuture<>());
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                ScopeListing.await(listener -> {
                    started.countDown();
                    return handle;
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        waiting.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        waiting.interrupt();
        waiting.join(10_000);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertTrue(handle.isCancelled(), "a superseded load stops asking for pages");
    }
}
