package io.strongroom.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.strongroom.domain.PolicyFinding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where each statement of a policy document is in its text, so that a failed check's reason
 * ("new access in the statement with index: 2") can point at a line. A reason is located only
 * when its statement index and {@code Sid} both match the document: Access Analyzer may name a
 * statement of the other document of a comparison (a Deny that was removed), and a wrong line is
 * worse than none.
 */
final class StatementLocator {

    private record Statement(String sid, PolicyFinding.Span span) {}

    private final List<Statement> statements;

    private StatementLocator(List<Statement> statements) {
        this.statements = statements;
    }

    /** The statements of {@code text}; none when it is not a JSON policy document. */
    static StatementLocator of(String text) {
        List<Statement> found = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new StatementLocator(List.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"Statement".equals(field)) {
                    p.skipChildren();
                } else if (value == JsonToken.START_OBJECT) {
                    found.add(statement(p));
                } else if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        found.add(p.currentToken() == JsonToken.START_OBJECT ? statement(p) : skipped(p));
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: ValidatePolicy reports that; reasons stay unlocated
            return new StatementLocator(List.of());
        }
        return new StatementLocator(found);
    }

    /** The span of statement {@code index} if its Sid is {@code sid} (both null: a statement without Sid), else null. */
    PolicyFinding.Span span(Integer index, String sid) {
        if (index == null || index < 0 || index >= statements.size()) {
            return null;
        }
        Statement s = statements.get(index);
        return Objects.equals(s.sid(), sid) ? s.span() : null;
    }

    private static Statement statement(JsonParser p) throws IOException {
        PolicyFinding.Position start = position(p.currentTokenLocation());
        String sid = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("Sid".equals(field) && value == JsonToken.VALUE_STRING) {
                sid = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return new Statement(sid, new PolicyFinding.Span(start, position(p.currentLocation())));
    }

    private static Statement skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return new Statement(null, null);
    }

    /** Jackson counts columns from 1; Access Analyzer, and {@link PolicyFinding.Position}, from 0. */
    private static PolicyFinding.Position position(JsonLocation at) {
        return new PolicyFinding.Position(Math.max(1, at.getLineNr()), Math.max(0, at.getColumnNr() - 1),
                (int) Math.max(0, at.getCharOffset()));
    }
}
