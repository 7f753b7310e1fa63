package io.strongroom.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callbacks immediately on the calling thread: for view-model tests. */
public final class DirectUiExecutor implements UiExecutor {

    @Override
    public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        try {
            onSuccess.accept(work.call());
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new Task() {
            @Override
            public void cancel() {
                // already finished
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
