package io.strongroom.local.analyzer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.Position;
import software.amazon.awssdk.services.accessanalyzer.model.Span;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each element of a policy document stands in its text, for Access Analyzer's finding
 * locations: a finding's location ({@code Statement[0].Action[1]}, as the policy parser names
 * it) becomes a path ({@code [{value: Statement}, {index: 0}, {value: Action}, {index: 1}]}) and a
 * span (line from 1, column and offset from 0, end exclusive). A location naming an element the
 * document lacks (a missing {@code Effect}) spans its nearest element that is there.
 */
final class PolicySpans {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|\\.?([^.\\[]+)");

    private final Map<String, Span> spans = new HashMap<>();
    private final Span whole;

    private PolicySpans(String text) {
        this.whole = span(new int[]{1, 0, 0}, end(text));
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != null) {
                value(p, "");
            }
        } catch (IOException | RuntimeException notJson) {
            // a document that is not JSON has only the whole-document span
        }
    }

    /** The spans of {@code text}'s elements; a text that is not JSON has the whole-document span only. */
    static PolicySpans of(String text) {
        return new PolicySpans(text);
    }

    /** The span of the element at {@code location}, or of its nearest ancestor in the document. */
    Span span(String location) {
        String at = location;
        while (!at.isEmpty()) {
            Span s = spans.get(at);
            if (s != null) {
                return s;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
        return whole;
    }

    /** {@code Statement[0].Action[1]} as Access Analyzer's path elements. */
    static List<PathElement> path(String location) {
        List<PathElement> out = new ArrayList<>();
        Matcher m = STEP.matcher(location);
        while (m.find()) {
            out.add(m.group(1) != null ? PathElement.fromIndex(Integer.valueOf(m.group(1))) : PathElement.fromValue(m.group(2)));
        }
        return out;
    }

    /** Reads the value the parser is on (its first token current), recording its span under {@code at}. */
    private void value(JsonParser p, String at) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                value(p, at.isEmpty() ? name : at + "." + name);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, at + "[" + i++ + "]");
            }
        } else {
            p.finishToken();            // a string is read lazily: its end is known once it is read
        }
        JsonLocation end = p.currentLocation();
        if (!at.isEmpty()) {
            spans.put(at, span(position(start), position(end)));
        }
    }

    private static int[] position(JsonLocation l) {
        return new int[]{l.getLineNr(), l.getColumnNr() - 1, (int) l.getCharOffset()};
    }

    private static int[] end(String text) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new int[]{line, column, text.length()};
    }

    private static Span span(int[] start, int[] end) {
        return Span.builder().start(at(start)).end(at(end)).build();
    }

    private static Position at(int[] p) {
        return Position.builder().line(p[0]).column(p[1]).offset(p[2]).build();
    }
}
