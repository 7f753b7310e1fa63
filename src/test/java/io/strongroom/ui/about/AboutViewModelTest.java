package io.strongroom.ui.about;

import io.strongroom.platform.AppVersion;
import io.strongroom.testing.RecordingClipboard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AboutViewModelTest {

    @Test
    void currentBuildHasItsVersionLicenceAndBundledLibraries() {
        AboutInfo info = AboutInfo.current();
        assertEquals(AppVersion.current(), info.version());
        assertTrue(info.licenceText().contains("Apache License") && info.licenceText().contains("Version 2.0"),
                "the repository's LICENSE is in the classes");
        // a few libraries the console cannot run without, each with a licence
        for (String name : List.of("org.openjfx:javafx-controls", "software.amazon.awssdk:secretsmanager",
                "com.fasterxml.jackson.core:jackson-databind", "org.xerial:sqlite-jdbc", "info.picocli:picocli")) {
            Library l = info.libraries().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is listed"));
            assertFalse(l.licence().isBlank(), name + " has a licence");
            assertFalse(l.version().isBlank(), name + " has a version");
        }
    }

    @Test
    void filterNarrowsByNameOrLicenceAndSummarySaysHowMany() {
        AboutViewModel vm = new AboutViewModel(info(), new RecordingClipboard());
        assertEquals("3", vm.summaryProperty().get());
        vm.filterProperty().set("MIT");
        assertEquals(List.of("org.slf4j:slf4j-nop"), vm.libraries().stream().map(Library::name).toList());
        assertEquals("1/3", vm.summaryProperty().get());
        vm.filterProperty().set("  javafx ");
        assertEquals(List.of("org.openjfx:javafx-base", "org.openjfx:javafx-base"), vm.libraries().stream().map(Library::name).toList(),
                "a library under two licences shows twice, counted once");
        assertEquals("1/3", vm.summaryProperty().get());
        vm.filterProperty().set("");
        assertEquals(4, vm.libraries().size());
    }

    @Test
    void copyDetailsPutsVersionRuntimeAndEveryLibraryOnTheClipboard() {
        RecordingClipboard clipboard = new RecordingClipboard();
        AboutViewModel vm = new AboutViewModel(info(), clipboard);
        vm.filterProperty().set("MIT");     // the copy is of everything, not of what the filter shows
        vm.copyDetails();
        String text = clipboard.current();
        assertTrue(text.startsWith("Strongroom 9.8.7 (Apache License 2.0)\nJava 17 (Test), JavaFX 21\n"), text);
        assertTrue(text.contains("  info.picocli:picocli 4.7.7 — The Apache Software License, version 2.0"), text);
        assertTrue(text.contains("  org.openjfx:javafx-base 21.0.12 — GPLv2+CE"), text);
    }

    @Test
    void malformedListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AboutInfo.parse("only-a-name\n"));
        assertEquals(List.of(), AboutInfo.parse("# a comment\n\n"));
    }

    static AboutInfo info() {
        return new AboutInfo("9.8.7", "Apache License 2.0", "licence text", AboutInfo.parse("""
                # comment
                info.picocli:picocli\t4.7.7\tThe Apache Software License, version 2.0\thttps://www.apache.org/licenses/LICENSE-2.0.txt
                org.openjfx:javafx-base\t21.0.12\tGPLv2+CE\thttps://openjdk.java.net/legal/gplv2+ce.html
                org.openjfx:javafx-base\t21.0.12\tBSD-3-Clause (example second licence)\t
                org.slf4j:slf4j-nop\t1.7.36\tMIT License\thttp://www.opensource.org/licenses/mit-license.php
                """), "Java 17 (Test), JavaFX 21");
    }
}
