package io.strongroom.ui.common;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {

    private final Texts texts = Texts.load(Locale.ROOT);

    @Test
    void aFeatureBundleWinsOverTheSharedStringsForItsOwnKeys() {
        Texts editor = texts.in("io.strongroom.ui.editor.messages");
        Texts detail = texts.in("io.strongroom.ui.secret.messages");
        // both define tags.keyPrompt, with different text
        assertEquals("key (e.g. owner)", editor.get("tags.keyPrompt"));
        assertEquals("key", detail.get("tags.keyPrompt"));
    }

    @Test
    void aKeyAFeatureLacksComesFromTheSharedStrings() {
        Texts editor = texts.in("io.strongroom.ui.editor.messages");
        assertTrue(texts.has("nav.inventory"));
        assertEquals(texts.get("nav.inventory"), editor.get("nav.inventory"));
    }

    @Test
    void aFeatureBundleIsLoadedOnceAndAMissingKeyShowsItself() {
        assertSame(texts.in("io.strongroom.ui.editor.messages"), texts.in("io.strongroom.ui.editor.messages"));
        assertEquals("!no.such.key!", texts.in("io.strongroom.ui.editor.messages").get("no.such.key"));
    }

    @Test
    void formatAppliesMessageFormatToDoubledQuotes() {
        Texts editor = texts.in("io.strongroom.ui.editor.messages");
        assertTrue(editor.get("value.binary.hint").contains("file''s"));
        assertTrue(editor.format("value.binary.hint").contains("file's"));
    }
}
