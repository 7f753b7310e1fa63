package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

import java.time.Duration;
import java.time.Instant;

/**
 * A secret's RotationRules as stored ({@code secrets.rotation_rules}, a JSON object with AWS's
 * member names) and the dates they give.
 */
final class RotationRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RotationRules() {}

    /** The rules of a RotateSecret request, refused as AWS refuses them; null when none were given. */
    static RotationRulesType validated(RotationRulesType rules) {
        if (rules == null) {
            return null;
        }
        if (rules.automaticallyAfterDays() != null && rules.scheduleExpression() != null) {
            throw io.strongroom.local.wire.AwsException.invalidParameter(
                    "You cannot specify both rotation frequency and schedule expression together.");
        }
        Validation.range(rules.automaticallyAfterDays(), "rotationRules.automaticallyAfterDays", 1, 1000);
        return rules;
    }

    static String toJson(RotationRulesType rules) {
        if (rules == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        if (rules.automaticallyAfterDays() != null) {
            o.put("AutomaticallyAfterDays", rules.automaticallyAfterDays());
        }
        if (rules.duration() != null) {
            o.put("Duration", rules.duration());
        }
        if (rules.scheduleExpression() != null) {
            o.put("ScheduleExpression", rules.scheduleExpression());
        }
        return o.toString();
    }

    static RotationRulesType fromJson(String json) {
        JsonNode o = parse(json);
        if (o == null) {
            return null;
        }
        return RotationRulesType.builder()
                .automaticallyAfterDays(o.has("AutomaticallyAfterDays") ? o.get("AutomaticallyAfterDays").asLong() : null)
                .duration(o.has("Duration") ? o.get("Duration").asText() : null)
                .scheduleExpression(o.has("ScheduleExpression") ? o.get("ScheduleExpression").asText() : null)
                .build();
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(json);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** When the next rotation is due after one finished at {@code rotatedAt}; null without a schedule. */
    static Instant nextAfterRotation(String json, Instant rotatedAt) {
        RotationRulesType r = fromJson(json);
        if (r == null || r.automaticallyAfterDays() == null) {
            return null;
        }
        return rotatedAt.plus(Duration.ofDays(r.automaticallyAfterDays()));
    }

    /** The next date once a due rotation has started at {@code now}: the following window, so it starts once. */
    static Instant nextAfterStart(String json, Instant now) {
        return nextAfterRotation(json, now);
    }
}
