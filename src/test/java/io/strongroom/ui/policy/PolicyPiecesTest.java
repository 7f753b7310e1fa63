package io.strongroom.ui.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Policy tab's plain-Java parts: the line diff, JSON highlighting spans and the templates. */
class PolicyPiecesTest {

    @Test
    void theDiffKeepsCommonLinesAndMarksWhatWasRemovedAndAdded() {
        List<LineDiff.Row> rows = LineDiff.of("a\nb\nc", "a\nx\nc\nd");
        assertEquals(List.of(LineDiff.Change.SAME, LineDiff.Change.REMOVED, LineDiff.Change.ADDED, LineDiff.Change.SAME,
                LineDiff.Change.ADDED), rows.stream().map(LineDiff.Row::change).toList());
        assertEquals("b", rows.get(1).left());
        assertEquals(2, rows.get(1).leftNumber());
        assertEquals("x", rows.get(2).right());
        assertEquals(2, rows.get(2).rightNumber());
        assertTrue(LineDiff.differs(rows));
        assertFalse(LineDiff.differs(LineDiff.of("same\ntext", "same\ntext")));
        assertEquals(2, LineDiff.of(null, "one\ntwo").size(), "no stored policy: every line is added");
    }

    @Test
    void jsonSpansTellKeysFromValuesAndSurviveHalfTypedText() {
        String text = "{\"Effect\": \"Allow\", \"n\": -1.5, \"b\": true, \"x\": null}";
        List<JsonStyles.Span> spans = JsonStyles.of(text);
        assertEquals(JsonStyles.KEY, styleAt(spans, text.indexOf("Effect")));
        assertEquals(JsonStyles.STRING, styleAt(spans, text.indexOf("Allow")));
        assertEquals(JsonStyles.NUMBER, styleAt(spans, text.indexOf("-1.5")));
        assertEquals(JsonStyles.LITERAL, styleAt(spans, text.indexOf("true")));
        assertEquals(JsonStyles.LITERAL, styleAt(spans, text.indexOf("null")));
        assertEquals(JsonStyles.PUNCTUATION, styleAt(spans, 0));
        String half = "{\"Statement\": [{\"Effect\": \"Al";
        List<JsonStyles.Span> partial = JsonStyles.of(half);
        assertEquals(half.length(), partial.get(partial.size() - 1).end(), "an unclosed string runs to the end");
        assertTrue(JsonStyles.of("{\"a\": \"escaped \\\" quote\"}").stream().anyMatch(s -> s.styleClass().equals(JsonStyles.STRING)
                && s.end() - s.start() == "\"escaped \\\" quote\"".length()));
    }

    private static String styleAt(List<JsonStyles.Span> spans, int index) {
        return spans.stream().filter(s -> s.start() <= index && index < s.end()).map(JsonStyles.Span::styleClass).findFirst().orElse(null);
    }

    @ParameterizedTest
    @EnumSource(PolicyTemplates.Template.class)
    void everyTemplateIsAJsonPolicyWrittenForTheSecretShown(PolicyTemplates.Template template) throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf";
        String text = PolicyTemplates.write(template, arn, "111122223333", "us-east-1");
        JsonNode policy = new ObjectMapper().readTree(text);
        assertEquals("2012-10-17", policy.get("Version").asText());
        JsonNode statement = policy.get("Statement").get(0);
        assertTrue(statement.has("Principal") && statement.has("Effect") && statement.has("Action") && statement.has("Resource"));
        assertTrue(text.contains(arn) || text.contains("111122223333") || template == PolicyTemplates.Template.ORGANIZATION_ONLY,
                "written for the secret or its account");
        if (template.kind() == io.strongroom.domain.PolicyKind.KEY) {
            assertEquals("arn:aws:iam::111122223333:root", statement.get("Principal").get("AWS").asText(),
                    "a key policy starts by letting the account's IAM policies decide: no lock-out");
        }
    }
}
