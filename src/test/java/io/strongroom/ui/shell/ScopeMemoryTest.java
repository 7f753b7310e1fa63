package io.strongroom.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The remembered scope: read once off the FX thread at start-up, then answered from memory. */
class ScopeMemoryTest {

    @TempDir
    Path dir;

    @Test
    void afterPreloadTheChoiceComesFromMemoryNotTheDisk() throws Exception {
        ScopeMemory.Choice saved = new ScopeMemory.Choice(List.of("111122223333"), List.of("eu-west-1"), false);
        new ScopeMemory(dir.resolve(ScopeMemory.FILE_NAME)).save(saved);

        ScopeMemory memory = ScopeMemory.in(dir);
        memory.preload();
        Files.delete(memory.file());
        assertEquals(Optional.of(saved), memory.load(), "answered from what preload read");

        ScopeMemory.Choice next = new ScopeMemory.Choice(List.of("111122223333"), List.of(), true);
        memory.save(next);
        Files.writeString(memory.file(), "{ damaged");
        assertEquals(Optional.of(next), memory.load(), "a save replaces what is remembered");
    }

    @Test
    void withoutPreloadTheFileIsReadAndADamagedOneIsForgotten() throws Exception {
        ScopeMemory memory = ScopeMemory.in(dir);
        assertEquals(Optional.empty(), memory.load());
        Files.writeString(memory.file(), "[1, 2");
        assertEquals(Optional.empty(), memory.load());
    }
}
