package io.strongroom.ui.shell;

import io.strongroom.testing.HeldUiExecutor;

import io.strongroom.service.AccountSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying a scope writes scope.json in the background, and the newest choice is what stays. */
class ScopePickerSaveTest {

    static AccountSource twoAccounts() {
        List<AccountSource.AccountKeys> keys = List.of(
                new AccountSource.AccountKeys("111111111111", "alpha", "AKIAALPHA", "secret-a"),
                new AccountSource.AccountKeys("222222222222", "beta", "AKIABETA", "secret-b"));
        return AccountSource.customEndpoint("lab", URI.create("http://127.0.0.1:9"), keys);
    }

    @Test
    void nothingIsWrittenOnTheCallingThreadAndALateSaveNeverRestoresAnOlderChoice(@TempDir Path config) {
        HeldUiExecutor background = new HeldUiExecutor();
        ScopeMemory memory = ScopeMemory.in(config);
        ScopePickerViewModel picker = new ScopePickerViewModel(memory, background, () -> List.of("us-east-1", "eu-west-1"));
        picker.setSources(List.of(twoAccounts()));
        picker.selectRegions(List.of("us-east-1"));
        picker.apply();
        picker.selectRegions(List.of("eu-west-1"));
        picker.apply();
        assertFalse(java.nio.file.Files.exists(memory.file()), "applying wrote the file on the calling thread");

        background.finishAllNewestFirst();      // the newest save first, the oldest last

        Optional<ScopeMemory.Choice> onDisk = ScopeMemory.in(config).load();
        assertTrue(onDisk.isPresent());
        assertEquals(List.of("eu-west-1"), onDisk.get().regions());
        assertEquals("", picker.memoryErrorProperty().get());
    }
}
