package io.strongroom.ui.editor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.ui.common.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON secret values: checking what a person typed (and saying where it is malformed), reading a
 * value as key/value entries, and building one from entries.
 *
 * <p>Problems never quote the input: a parser message such as "Unrecognized token 'hunter2'" would
 * put part of a secret on screen and into any log that records the message.
 */
public final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Two-space indent and {@code "key": value}, as people write JSON by hand. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private JsonValues() {}

    /**
     * Where and why a text is not JSON.
     *
     * @param line   1-based
     * @param column 1-based
     * @param offset 0-based character offset into the text, for placing the caret there
     * @param reason why, as a sentence of the texts {@link #check} was given
     */
    public record Problem(int line, int column, int offset, String reason) {
        /** "Line 3, column 14: expected a field name in double quotes", in {@code texts} (as for {@link #check}). */
        public String message(Texts texts) {
            return texts.in(EditorContext.MESSAGES).format("json.problem", line, column, reason);
        }
    }

    /** One top-level member of a JSON object, its value as text (nested values as compact JSON). */
    public record Entry(String key, String value, boolean nested) {
        @Override
        public String toString() {
            return "Entry[" + key + ", ****]";
        }
    }

    /**
     * Empty when {@code text} is one well-formed JSON value with no duplicate keys and nothing after it.
     *
     * @param texts the console's texts: the reasons are the editor bundle's ({@link EditorContext#MESSAGES})
     */
    public static Optional<Problem> check(String text, Texts texts) {
        Texts editor = texts.in(EditorContext.MESSAGES);
        if (text == null || text.isBlank()) {
            return Optional.of(new Problem(1, 1, 0, editor.format("json.reason.empty")));
        }
        boolean valueEnded = false;
        try (JsonParser parser = JSON.createParser(text)) {
            JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
            valueEnded = true;
            if (parser.nextToken() != null) {
                return Optional.of(problemAt(text, parser.currentTokenLocation(), editor.format("json.reason.trailing")));
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(problemAt(text, e.getLocation(), valueEnded ? editor.format("json.reason.trailing") : reason(e, editor)));
        } catch (java.io.IOException e) {
            return Optional.of(new Problem(1, 1, 0, editor.format("json.reason.other")));
        }
    }

    private static Problem problemAt(String text, JsonLocation at, String reason) {
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        long offset = at == null ? -1 : at.getCharOffset();
        if (offset < 0 || offset > text.length()) {
            offset = offsetOf(text, line, column);
        }
        return new Problem(line, column, (int) Math.min(offset, text.length()), reason);
    }

    /**
     * The entries of a JSON object value, in document order; empty when the text is not a JSON
     * object (plain text, an array, malformed).
     */
    public static Optional<List<Entry>> entries(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(t);
            if (!(node instanceof ObjectNode object)) {
                return Optional.empty();
            }
            List<Entry> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : object.properties()) {
                JsonNode v = f.getValue();
                boolean nested = v.isContainerNode();
                String shown = v.isTextual() ? v.textValue() : v.isNull() ? "null" : nested ? compact(v) : v.asText();
                out.add(new Entry(f.getKey(), shown, nested));
            }
            return Optional.of(out);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The members of a JSON object whose values are all strings, for a key/value editor; empty
     * when the text is anything else (a key/value grid would change numbers into strings).
     */
    public static Optional<List<Map.Entry<String, String>>> stringMembers(String text) {
        Optional<List<Entry>> entries = entries(text);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text.strip());
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (!f.getValue().isTextual()) {
                    return Optional.empty();
                }
                out.add(Map.entry(f.getKey(), f.getValue().textValue()));
            }
            return Optional.of(out);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A JSON object of string members, in the given order. */
    public static String objectOf(List<Map.Entry<String, String>> members) {
        ObjectNode node = JSON.createObjectNode();
        members.forEach(m -> node.put(m.getKey(), m.getValue()));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** Well-formed JSON re-indented; the text unchanged when it is not JSON. */
    public static String pretty(String text) {
        try {
            return PRETTY.writeValueAsString(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static String compact(JsonNode node) {
        return node.toString();
    }

    private static String reason(JsonProcessingException e, Texts editor) {
        if (e instanceof JsonEOFException) {
            return editor.format("json.reason.eof");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return editor.format("json.reason.duplicate");
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return editor.format("json.reason.fieldName");
        }
        if (original.contains("was expecting comma to separate")) {
            return editor.format("json.reason.comma");
        }
        if (original.contains("was expecting a colon")) {
            return editor.format("json.reason.colon");
        }
        if (original.startsWith("Trailing token") || original.contains("trailing")) {
            return editor.format("json.reason.trailing");
        }
        if (original.startsWith("Unrecognized token") || original.startsWith("Unexpected character")) {
            return editor.format("json.reason.token");
        }
        if (original.contains("Illegal unquoted character") || original.contains("control character")) {
            return editor.format("json.reason.control");
        }
        return editor.format("json.reason.other");
    }

    private static int offsetOf(String text, int line, int column) {
        int l = 1;
        int i = 0;
        while (i < text.length() && l < line) {
            if (text.charAt(i++) == '\n') {
                l++;
            }
        }
        return Math.min(text.length(), i + column - 1);
    }
}
