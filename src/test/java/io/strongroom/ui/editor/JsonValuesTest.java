package io.strongroom.ui.editor;

import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON checking (where and why, never quoting the input), entries for the grid, building from rows. */
class JsonValuesTest {

    private static final Texts TEXTS = Texts.load();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1,}                      | 1 | 9  | expected a key in double quotes",
            "{\"a\" 1}                        | 1 | 6  | expected a colon after the key",
            "{\"a\": 1 \"b\": 2}              | 1 | 9  | expected a comma between members",
            "{\"a\": 1                        | 1 | 8  | the JSON ends too early (a bracket, brace or quote is not closed)",
            "{\"a\": 1, \"a\": 2}             | 1 | 13 | this key appears twice in the same object",
            "{\"a\": 1} x                     | 1 | 10 | unexpected content after the end of the JSON value",
            "{\"token\": hunter2}             | 1 | 11 | unexpected character or word (strings need double quotes)",
    })
    void problemsSayWhereAndWhy(String text, int line, int column, String reason) {
        JsonValues.Problem p = JsonValues.check(text, TEXTS).orElseThrow();
        assertEquals(reason, p.reason(), text);
        assertEquals(line, p.line(), text);
        assertEquals(column, p.column(), text);
        assertFalse(p.message(TEXTS).contains("hunter2"));
    }

    @Test
    void multiLineProblemsCountLinesAndGiveAnOffsetForTheCaret() {
        String text = "{\n  \"user\": \"app\",\n  \"password\" \"x\"\n}";
        JsonValues.Problem p = JsonValues.check(text, TEXTS).orElseThrow();
        assertEquals(3, p.line());
        assertEquals(14, p.column());
        assertEquals('"', text.charAt(p.offset()));
        assertTrue(JsonValues.check("[1, 2, 3]", TEXTS).isEmpty());
        assertTrue(JsonValues.check("\"just a string\"", TEXTS).isEmpty());
        assertTrue(JsonValues.check("  ", TEXTS).isPresent());
    }

    @Test
    void entriesOfAnObjectInOrderWithNestedValuesAsJson() {
        List<JsonValues.Entry> e = JsonValues.entries("{\"b\":\"x\",\"a\":2,\"n\":null,\"o\":{\"k\":[1,2]}}").orElseThrow();
        assertEquals(List.of(new JsonValues.Entry("b", "x", false), new JsonValues.Entry("a", "2", false),
                new JsonValues.Entry("n", "null", false), new JsonValues.Entry("o", "{\"k\":[1,2]}", true)), e);
        assertTrue(JsonValues.entries("plain text").isEmpty());
        assertTrue(JsonValues.entries("[1]").isEmpty());
        assertTrue(JsonValues.entries("{broken").isEmpty());
        assertFalse(e.get(0).toString().contains("x]"), "entries never print their value");
    }

    @Test
    void buildingFromRowsAndBack() {
        String json = JsonValues.objectOf(List.of(Map.entry("username", "app"), Map.entry("password", "p\"w")));
        assertEquals("{\"username\":\"app\",\"password\":\"p\\\"w\"}", json);
        assertEquals(List.of(Map.entry("username", "app"), Map.entry("password", "p\"w")), JsonValues.stringMembers(json).orElseThrow());
        assertTrue(JsonValues.stringMembers("{\"port\":5432}").isEmpty(), "a number would become a string in the grid");
        assertEquals("{\n  \"a\": 1\n}", JsonValues.pretty("{\"a\":1}"));
    }
}
