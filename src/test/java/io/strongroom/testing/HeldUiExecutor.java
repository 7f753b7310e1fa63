package io.strongroom.testing;

import io.strongroom.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link UiExecutor} that holds submitted work until the test lets it run, callbacks included,
 * on the test thread: for checking what a view model does while work is in flight, and what
 * happens when background work finishes late or out of order. Cancelled work never runs.
 */
public final class HeldUiExecutor implements UiExecutor {

    private record Held(Runnable run, HeldTask task) {}

    private final List<Held> held = new ArrayList<>();

    @Override
    public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        HeldTask task = new HeldTask();
        held.add(new Held(() -> {
            T answer;
            try {
                answer = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(answer);
        }, task));
        return task;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    /** How many pieces of work are waiting. */
    public int heldCount() {
        return held.size();
    }

    /** Runs everything held so far, in the order it was submitted. */
    public void finishAll() {
        finish(false);
    }

    /** Runs everything held so far, the newest first: background work finishing out of order. */
    public void finishAllNewestFirst() {
        finish(true);
    }

    /**
     * Runs everything held so far in order, cancelled work included: an answer that was already
     * on its way when its task was cancelled, as a real executor can deliver it.
     */
    public void finishAllEvenCancelled() {
        List<Held> now = new ArrayList<>(held);
        held.clear();
        now.forEach(h -> h.run().run());
    }

    /** Runs the oldest piece of work held, cancelled or not. */
    public void finishOldest() {
        held.remove(0).run().run();
    }

    /** How many of the pieces of work held were cancelled. */
    public long cancelledCount() {
        return held.stream().filter(h -> h.task().isCancelled()).count();
    }

    private void finish(boolean newestFirst) {
        List<Held> now = new ArrayList<>(held);
        held.clear();
        if (newestFirst) {
            Collections.reverse(now);
        }
        now.stream().filter(h -> !h.task().isCancelled()).forEach(h -> h.run().run());
    }

    private static final class HeldTask implements Task {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
