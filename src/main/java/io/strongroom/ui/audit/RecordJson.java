package io.strongroom.ui.audit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/** A CloudTrail record pretty-printed for the detail pane: two-space indents, {@code "key": value}. */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private RecordJson() {}

    /** {@code json} indented; as it is when it is not JSON; "" for null. */
    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = JSON.readTree(json);
            return PRETTY.writeValueAsString(tree);
        } catch (IOException notJson) {
            return json;
        }
    }
}
