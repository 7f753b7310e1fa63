package io.strongroom.ui.shell;

import io.strongroom.service.AccountSource;
import io.strongroom.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying a scope writes scope.json in the background, and the newest choice is what stays. */
class ScopePickerSaveTest {

    /** Holds background work until told to run it, in any order; callbacks run at once. */
    static final class HeldExecutor implements UiExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new Task() {
                @Override
                public void cancel() { }

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

    static AccountSource twoAccounts() {
        List<AccountSource.AccountKeys> keys = List.of(
                new AccountSource.AccountKeys("111111111111", "alpha", "AKIAALPHA", "secret-a"),
                new AccountSource.AccountKeys("222222222222", "beta", "AKIABETA", "secret-b"));
        return AccountSource.customEndpoint("lab", URI.create("http://127.0.0.1:9"), keys);
    }

    @Test
    void nothingIsWrittenOnTheCallingThreadAndALateSaveNeverRestoresAnOlderChoice(@TempDir Path config) {
        HeldExecutor background = new HeldExecutor();
        ScopeMemory memory = ScopeMemory.in(config);
        ScopePickerViewModel picker = new ScopePickerViewModel(memory, background, () -> List.of("us-east-1", "eu-west-1"));
        picker.setSources(List.of(twoAccounts()));
        picker.selectRegions(List.of("us-east-1"));
        picker.apply();
        picker.selectRegions(List.of("eu-west-1"));
        picker.apply();
        assertFalse(java.nio.file.Files.exists(memory.file()), "applying wrote the file on the calling thread");

        List<Runnable> runs = new ArrayList<>(background.held);
        Collections.reverse(runs);      // the newest save first, the oldest last
        runs.forEach(Runnable::run);

        Optional<ScopeMemory.Choice> onDisk = ScopeMemory.in(config).load();
        assertTrue(onDisk.isPresent());
        assertEquals(List.of("eu-west-1"), onDisk.get().regions());
        assertEquals("", picker.memoryErrorProperty().get());
    }
}
