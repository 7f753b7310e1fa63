package io.strongroom.service;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per scope across many scopes: at most {@code maxParallelScopes} at once on the
 * injected executor, every request paced by {@link RateLimiters}, results streamed to a
 * {@link Listener} page by page, failures kept per scope so one denied, throttled or unreachable
 * scope never holds up the others, and the whole run cancellable through its {@link Handle}.
 *
 * <p>Bounded parallelism does not block executor threads: the run submits at most
 * {@code maxParallelScopes} workers, each taking the next scope from a queue until it is empty.
 */
public final class FanOut {

    private static final System.Logger LOG = System.getLogger(FanOut.class.getName());

    /**
     * The work for one scope. It calls {@link Pages#acquire} before each request and
     * {@link Pages#emit} with each page of results; it simply throws on failure.
     */
    @FunctionalInterface
    public interface ScopeTask<T> {
        void run(Scope scope, Pages<T> pages) throws Exception;
    }

    /** What a task uses to pace itself and hand over results. */
    public interface Pages<T> {
        /**
         * Waits for a request token of this scope's account and region. Throws
         * {@link CancellationException} once the run is cancelled, so no further page is requested.
         */
        void acquire(QuotaClass quotaClass) throws InterruptedException;

        /** Delivers one page to the listener (dropped, and {@link CancellationException} thrown, once cancelled). */
        void emit(List<T> items);

        boolean isCancelled();
    }

    /**
     * Progress of a run, called on worker threads (a UI hops to its own thread). Every scope gets
     * exactly one terminal call, {@link #completed} or {@link #failed}, even one cancelled before
     * it started; {@link #started} and {@link #page} come only for scopes that ran.
     */
    public interface Listener<T> {
        default void started(Scope scope) {}

        default void page(Scope scope, List<T> items) {}

        default void completed(Scope scope, int itemCount) {}

        default void failed(Scope scope, ScopeError error) {}
    }

    /** One scope's end: how many items it delivered, and its error (null when it completed). */
    public record ScopeOutcome(Scope scope, int itemCount, ScopeError error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    /** A running fan-out. */
    public interface Handle {
        /** Stops requesting pages, interrupts waiting and fails unfinished scopes with {@code Cancelled}. */
        void cancel();

        boolean isCancelled();

        /**
         * Completes when every scope has ended, with the outcomes in the order scopes were given.
         * It completes on a worker thread: chain with an executor ({@code thenAcceptAsync(f, fx)}).
         * Cancelling this future cancels the run.
         */
        CompletableFuture<List<ScopeOutcome>> done();
    }

    private final Executor executor;
    private final int maxParallelScopes;
    private final RateLimiters limiters;

    public FanOut(Executor executor, int maxParallelScopes, RateLimiters limiters) {
        if (maxParallelScopes < 1) {
            throw new IllegalArgumentException("maxParallelScopes is at least 1");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxParallelScopes = maxParallelScopes;
        this.limiters = Objects.requireNonNull(limiters, "limiters");
    }

    public RateLimiters rateLimiters() {
        return limiters;
    }

    public <T> Handle run(Collection<Scope> scopes, ScopeTask<T> task, Listener<T> listener) {
        Run<T> run = new Run<>(List.copyOf(new java.util.LinkedHashSet<>(scopes)), task, listener);
        run.start();
        return run;
    }

    private final class Run<T> implements Handle {
        private final List<Scope> scopes;
        private final ScopeTask<T> task;
        private final Listener<T> listener;
        private final Queue<Scope> pending;
        private final Map<Scope, ScopeOutcome> outcomes = new LinkedHashMap<>();
        private final Set<Thread> working = new HashSet<>();
        private final AtomicInteger remaining;
        private final CompletableFuture<List<ScopeOutcome>> done = new CompletableFuture<>();
        private volatile boolean cancelled;

        Run(List<Scope> scopes, ScopeTask<T> task, Listener<T> listener) {
            this.scopes = scopes;
            this.task = task;
            this.listener = listener;
            this.pending = new ConcurrentLinkedQueue<>(scopes);
            this.remaining = new AtomicInteger(scopes.size());
            // cancelling the future a caller holds is the same as cancelling the run
            done.whenComplete((r, t) -> {
                if (t instanceof CancellationException) {
                    cancel();
                }
            });
        }

        void start() {
            if (scopes.isEmpty()) {
                done.complete(List.of());
                return;
            }
            int workers = Math.min(maxParallelScopes, scopes.size());
            int submitted = 0;
            for (int i = 0; i < workers; i++) {
                try {
                    executor.execute(this::work);
                    submitted++;
                } catch (RejectedExecutionException e) {
                    break;
                }
            }
            if (submitted == 0) {
                Scope s;
                while ((s = pending.poll()) != null) {
                    finish(s, 0, new ScopeError(s, ScopeError.INTERNAL_ERROR, "the background executor refused the work", null, 0));
                }
            }
        }

        private void work() {
            Scope scope;
            while ((scope = pending.poll()) != null) {
                if (cancelled) {
                    finish(scope, 0, ScopeErrors.cancelled(scope));
                    continue;
                }
                runOne(scope);
            }
        }

        private void runOne(Scope scope) {
            synchronized (working) {
                working.add(Thread.currentThread());
            }
            ScopePages pages = new ScopePages(scope);
            ScopeError error = null;
            try {
                notify(() -> listener.started(scope));
                task.run(scope, pages);
                if (cancelled) {
                    error = ScopeErrors.cancelled(scope);
                }
            } catch (Throwable t) {
                error = cancelled ? ScopeErrors.cancelled(scope) : ScopeErrors.of(scope, t);
                if (t instanceof Error e && !(t instanceof AssertionError)) {
                    LOG.log(System.Logger.Level.ERROR, "fan-out task failed in " + scope.label(), e);
                }
            } finally {
                synchronized (working) {
                    working.remove(Thread.currentThread());
                }
                // an interrupt meant for this task must not leak into the executor's next job
                Thread.interrupted();
            }
            finish(scope, pages.count, error);
        }

        private void finish(Scope scope, int count, ScopeError error) {
            synchronized (outcomes) {
                if (outcomes.containsKey(scope)) {
                    return;
                }
                outcomes.put(scope, new ScopeOutcome(scope, count, error));
            }
            if (error == null) {
                notify(() -> listener.completed(scope, count));
            } else {
                notify(() -> listener.failed(scope, error));
            }
            if (remaining.decrementAndGet() == 0) {
                List<ScopeOutcome> ordered = new ArrayList<>();
                synchronized (outcomes) {
                    for (Scope s : scopes) {
                        ordered.add(outcomes.get(s));
                    }
                }
                done.complete(List.copyOf(ordered));
            }
        }

        private void notify(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a listener's bug must not take the run down with it
                LOG.log(System.Logger.Level.WARNING, "fan-out listener threw", e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (working) {
                for (Thread t : working) {
                    t.interrupt();
                }
            }
            Scope s;
            while ((s = pending.poll()) != null) {
                finish(s, 0, ScopeErrors.cancelled(s));
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public CompletableFuture<List<ScopeOutcome>> done() {
            return done;
        }

        private final class ScopePages implements Pages<T> {
            private final Scope scope;
            private int count;

            ScopePages(Scope scope) {
                this.scope = scope;
            }

            @Override
            public void acquire(QuotaClass quotaClass) throws InterruptedException {
                throwIfCancelled();
                limiters.acquire(scope, quotaClass);
                throwIfCancelled();
            }

            @Override
            public void emit(List<T> items) {
                throwIfCancelled();
                List<T> page = List.copyOf(items);
                count += page.size();
                // not guarded: an exception from the listener's page handling fails this scope
                listener.page(scope, page);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }

            private void throwIfCancelled() {
                if (cancelled) {
                    throw new CancellationException();
                }
            }
        }
    }
}
