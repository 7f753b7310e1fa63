package io.strongroom.local.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each statement of a policy sits in its text, as IAM's policy simulator reports a matched
 * statement: a start and an end position, each a 1-based line and column. The simulator's own
 * example (AWS CLI, {@code simulate-custom-policy}) gives the column just past the statement's
 * opening brace as its start and the column just past its closing brace as its end, so both are
 * reported that way here. Lines and columns count characters; a CRLF ends one line.
 */
public final class StatementSpans {

    /** A 1-based line and column in a policy's text. */
    public record Position(int line, int column) {}

    /** A statement's start and end. */
    public record Span(Position start, Position end) {}

    private static final JsonFactory JSON = new JsonFactory();

    private StatementSpans() {
    }

    /**
     * The span of each statement, in the order the statements appear (index {@code i} is
     * {@link Statement#index()} {@code i}); an empty list when the text is not a policy object.
     * An entry of the Statement array that is not an object still takes its index, with a null span.
     */
    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null) {
            return spans;
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return spans;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"Statement".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.START_OBJECT) {
                    spans.add(objectSpan(p));
                } else if (value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                        if (t == JsonToken.START_OBJECT) {
                            spans.add(objectSpan(p));
                        } else {
                            p.skipChildren();
                            spans.add(null);
                        }
                    }
                }
                return spans;
            }
        } catch (IOException notJson) {
            return List.of();
        }
        return spans;
    }

    /** The span of the object whose START_OBJECT the parser is on; leaves it on the matching END_OBJECT. */
    private static Span objectSpan(JsonParser p) throws IOException {
        Position start = after(p.currentTokenLocation());
        p.skipChildren();
        return new Span(start, after(p.currentTokenLocation()));
    }

    /** The position just past the one-character token at {@code at} (a brace). */
    private static Position after(JsonLocation at) {
        return new Position(at.getLineNr(), at.getColumnNr() + 1);
    }
}
