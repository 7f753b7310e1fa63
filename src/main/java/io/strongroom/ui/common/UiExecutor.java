package io.strongroom.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view models run work: {@code work} off the UI thread, then {@code onSuccess} or
 * {@code onFailure} on it. Production uses {@link FxUiExecutor}; tests use {@link DirectUiExecutor},
 * which runs everything at once on the calling thread, so view models are tested without JavaFX.
 */
public interface UiExecutor {

    /** A piece of work in flight. Cancelling interrupts it and suppresses its callbacks. */
    interface Task {
        void cancel();

        boolean isCancelled();
    }

    <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now, if already on it). For results streamed from other threads. */
    void onUiThread(Runnable action);
}
