package io.strongroom.local.replication;

import io.strongroom.local.secrets.ReplicaCopies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Carries primaries' changes to their replicas, asynchronously, as AWS does. A primary with
 * something to carry is queued once however many changes arrive before its run starts (a burst
 * is coalesced into one run); a run brings each InProgress replica up to date with the primary as
 * it is then (a whole-state copy, so nothing is lost by coalescing), and settles the replica's
 * status only if no newer change was asked for meanwhile. Runs of one primary never overlap;
 * runs of different primaries do, on a few workers.
 */
final class Replicator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Replicator.class.getName());

    private final ReplicationLinks links;
    private final ReplicaCopies copies;
    private final ReplicationFaults faults;
    private final ReplicationEvents events;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private int running;

    Replicator(ReplicationLinks links, ReplicaCopies copies, ReplicationFaults faults, ReplicationEvents events, Clock clock,
               ThreadFactory threads, int workers) {
        this.links = links;
        this.copies = copies;
        this.faults = faults;
        this.events = events;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(workers, threads);
    }

    /** Queues a run for the primary unless one is queued already. */
    void schedule(String primaryArn) {
        schedule(primaryArn, false);
    }

    /**
     * After a restart: every primary gets a run; InProgress replicas are finished, InSync ones are
     * checked (a change committed just before the store stopped may not have been marked).
     */
    void resume() {
        for (String primary : links.primaries()) {
            schedule(primary, true);
        }
    }

    private void schedule(String primaryArn, boolean recheck) {
        if (!queued.add(primaryArn)) {
            return;
        }
        synchronized (idle) {
            running++;
        }
        try {
            workers.execute(() -> run(primaryArn, recheck));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.remove(primaryArn);
            done();
        }
    }

    /** Runs {@code work} while no run of the primary is under way (removing a region, promoting a replica). */
    <T> T locked(String primaryArn, Supplier<T> work) {
        synchronized (lock(primaryArn)) {
            return work.get();
        }
    }

    /** Waits until nothing is queued or running; false if {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private Object lock(String primaryArn) {
        return locks.computeIfAbsent(primaryArn, k -> new Object());
    }

    private void run(String primaryArn, boolean recheck) {
        try {
            queued.remove(primaryArn);
            synchronized (lock(primaryArn)) {
                for (ReplicaLink link : links.of(primaryArn)) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;                 // the store is closing: what is left stays InProgress, resumed at the next start
                    }
                    boolean due = ReplicaLink.IN_PROGRESS.equals(link.status()) || (recheck && ReplicaLink.IN_SYNC.equals(link.status()));
                    if (due) {
                        replicate(link);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "replication of a secret failed: " + e);
        } finally {
            done();
        }
    }

    private void done() {
        synchronized (idle) {
            running--;
            idle.notifyAll();
        }
    }

    /** One replica brought up to date, and its status settled. */
    private void replicate(ReplicaLink link) {
        if (!pause(faults.delay(link.region()))) {
            return;
        }
        Instant now = clock.instant();
        String status = ReplicaLink.FAILED;
        String message;
        boolean changed = false;
        if (faults.failing(link.region())) {
            message = ReplicationMessages.injected(link.region());
        } else {
            try {
                changed = copies.copy(link.primaryArn(), link.region(), link.kmsKeyRef(), link.forceOverwrite(), now);
                status = ReplicaLink.IN_SYNC;
                message = ReplicationMessages.IN_SYNC;
            } catch (ReplicaCopies.CopyFailed e) {
                message = ReplicationMessages.failed(e, link.region());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "replication to " + link.region() + " failed: " + e);
                message = ReplicationMessages.INTERNAL;
            }
        }
        boolean settled = links.settle(link.primaryArn(), link.region(), link.generation(), status, message, now);
        if (settled && (changed || ReplicaLink.FAILED.equals(status))) {
            record(link, ReplicaLink.FAILED.equals(status) ? ReplicationMessages.FAILED : ReplicationMessages.SUCCEEDED,
                    ReplicaLink.FAILED.equals(status) ? message : null, now);
        }
    }

    void record(ReplicaLink link, String eventName, String errorMessage, Instant at) {
        String[] arn = link.primaryArn().split(":", 6);
        try {
            events.record(eventName, arn[4], arn[3], link.primaryArn(), ReplicaCopies.replicaArn(link.primaryArn(), link.region()), at,
                    errorMessage);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record " + eventName + ": " + e.getMessage());
        }
    }

    /** Waits {@code delay}; false if the store closed meanwhile. */
    private static boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
