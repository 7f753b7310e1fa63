package io.strongroom.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Work on an injected background executor, callbacks on the JavaFX application thread. */
public final class FxUiExecutor implements UiExecutor {

    private final ExecutorService background;

    public FxUiExecutor(ExecutorService background) {
        this.background = background;
    }

    @Override
    public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = background.submit(() -> {
            try {
                T result = work.call();
                onUiThread(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                onUiThread(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return new Task() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
