package io.strongroom.testing;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Work handed to the JavaFX application thread by a test, which waits for its answer. */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs {@code work} on the FX thread (at once when called there) and waits up to
     * {@code timeout} for what it returns. What it throws off the FX thread arrives as the
     * cause of an {@link ExecutionException}.
     */
    public static <T> T call(Callable<T> work, Duration timeout) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return get(f, timeout);
    }

    /** {@link #call(Callable, Duration)} with the 30 seconds most tests allow. */
    public static <T> T call(Callable<T> work) throws Exception {
        return call(work, Duration.ofSeconds(30));
    }

    private static <T> T get(CompletableFuture<T> f, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
