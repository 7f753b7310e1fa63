package io.strongroom.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.RotationSchedule;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

import java.time.Instant;

/**
 * A secret's RotationRules as stored ({@code secrets.rotation_rules}, a JSON object with AWS's
 * member names, as the caller gave them), and the dates they give through {@link RotationSchedule}.
 *
 * <p>{@code secrets.next_rotation_at} holds when the next rotation window <em>opens</em>: the
 * scheduler starts a rotation once the store's clock reaches it. DescribeSecret's
 * NextRotationDate is that window's last second ("the latest date that rotation will occur").
 * A window the store was not running for is made up at once when it next runs (our choice: AWS,
 * always running, never misses one).
 */
final class RotationRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Parsed rules by their stored text: ListSecrets shows the rules and next date of every rotating secret it lists. */
    private static final int PARSED_LIMIT = 1_000;
    private static final java.util.Map<String, Parsed> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A stored rules text read once: the rules as given and the schedule they make (null when there is none). */
    private record Parsed(RotationRulesType rules, RotationSchedule schedule) {}

    private RotationRules() {}

    private static Parsed parsed(String json) {
        if (json == null || json.isBlank()) {
            return new Parsed(null, null);
        }
        Parsed p = PARSED.get(json);
        if (p == null) {
            RotationRulesType r = read(json);
            p = new Parsed(r, schedule(r));
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(json, p);
        }
        return p;
    }

    /** The rules of a RotateSecret request, refused as AWS refuses them; null when none were given. */
    static RotationRulesType validated(RotationRulesType rules) {
        if (rules == null) {
            return null;
        }
        try {
            RotationSchedule.parse(rules.automaticallyAfterDays(), rules.scheduleExpression(), rules.duration());
        } catch (RotationSchedule.InvalidRotationRules e) {
            throw new AwsException(e.errorCode(), 400, e.getMessage());
        }
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

    /** The rules as given, or null. */
    static RotationRulesType fromJson(String json) {
        return parsed(json).rules();
    }

    private static RotationRulesType read(String json) {
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

    /**
     * The rules as DescribeSecret and ListSecrets show them: as given, and for a schedule
     * expression also the AutomaticallyAfterDays AWS calculates from it (so a client that sends
     * them back unchanged is refused for giving both, as on AWS).
     */
    static RotationRulesType shown(SecretRecord s) {
        Parsed p = parsed(s.rotationRules());
        RotationRulesType given = p.rules();
        RotationSchedule schedule = p.schedule();
        if (given == null || schedule == null || given.scheduleExpression() == null) {
            return given;
        }
        Instant basis = s.lastRotatedAt() != null ? s.lastRotatedAt() : s.lastChangedAt();
        return given.toBuilder().automaticallyAfterDays(schedule.automaticallyAfterDaysShown(basis)).build();
    }

    /** DescribeSecret's NextRotationDate: the last second of the window opening at {@code next_rotation_at}. */
    static Instant nextRotationDate(SecretRecord s) {
        if (!s.rotationEnabled() || s.nextRotationAt() == null) {
            return null;
        }
        RotationSchedule schedule = parsed(s.rotationRules()).schedule();
        return schedule == null ? s.nextRotationAt() : s.nextRotationAt().plus(schedule.window()).minusSeconds(1);
    }

    /** When the next window opens after a rotation (or a value written by hand) at {@code at}; null without a schedule. */
    static Instant nextAfterRotation(String json, Instant at) {
        RotationSchedule schedule = parsed(json).schedule();
        return schedule == null ? null : schedule.nextWindowStart(at, at).orElse(null);
    }

    /** The next window once a due rotation has started at {@code now}: the following one, so it starts once. */
    static Instant nextAfterStart(String json, Instant now) {
        return nextAfterRotation(json, now);
    }

    private static RotationSchedule schedule(RotationRulesType r) {
        if (r == null) {
            return null;
        }
        try {
            return RotationSchedule.parse(r.automaticallyAfterDays(), r.scheduleExpression(), r.duration());
        } catch (RotationSchedule.InvalidRotationRules e) {
            return null;        // stored before validation existed: no schedule the store can follow
        }
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
}
