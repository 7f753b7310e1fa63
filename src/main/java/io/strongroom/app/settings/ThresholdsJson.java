package io.strongroom.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.AnomalyThresholds;

import java.time.Duration;

/**
 * {@link AnomalyThresholds} in settings.json, member by member, the two windows in seconds:
 * <pre>
 * "anomalyThresholds": {"learningDays": 7, "spikeFactor": 5.0, "spikeMinimum": 20, "deniedBurst": 5,
 *   "deniedWindowSeconds": 600, "offHoursMinimum": 50, "sweepSecrets": 10, "sweepWindowSeconds": 600}
 * </pre>
 * A member left out takes its default (a file written before a threshold existed still loads);
 * a member of the wrong type, or thresholds out of range, make the whole object invalid.
 */
final class ThresholdsJson {

    private ThresholdsJson() {}

    /** The thresholds in {@code n}, or null when they are not valid. */
    static AnomalyThresholds read(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        AnomalyThresholds d = AnomalyThresholds.DEFAULT;
        Integer learning = integer(n, "learningDays", d.learningDays());
        Double factor = decimal(n, "spikeFactor", d.spikeFactor());
        Integer spikeMin = integer(n, "spikeMinimum", d.spikeMinimum());
        Integer burst = integer(n, "deniedBurst", d.deniedBurst());
        Integer deniedSeconds = integer(n, "deniedWindowSeconds", (int) d.deniedWindow().toSeconds());
        Integer offHours = integer(n, "offHoursMinimum", d.offHoursMinimum());
        Integer sweep = integer(n, "sweepSecrets", d.sweepSecrets());
        Integer sweepSeconds = integer(n, "sweepWindowSeconds", (int) d.sweepWindow().toSeconds());
        if (learning == null || factor == null || spikeMin == null || burst == null || deniedSeconds == null || offHours == null
                || sweep == null || sweepSeconds == null) {
            return null;
        }
        try {
            return new AnomalyThresholds(learning, factor, spikeMin, burst, Duration.ofSeconds(deniedSeconds), offHours, sweep,
                    Duration.ofSeconds(sweepSeconds));
        } catch (IllegalArgumentException outOfRange) {
            return null;
        }
    }

    static void write(ObjectNode root, String field, AnomalyThresholds t) {
        ObjectNode o = root.putObject(field);
        o.put("learningDays", t.learningDays());
        o.put("spikeFactor", t.spikeFactor());
        o.put("spikeMinimum", t.spikeMinimum());
        o.put("deniedBurst", t.deniedBurst());
        o.put("deniedWindowSeconds", t.deniedWindow().toSeconds());
        o.put("offHoursMinimum", t.offHoursMinimum());
        o.put("sweepSecrets", t.sweepSecrets());
        o.put("sweepWindowSeconds", t.sweepWindow().toSeconds());
    }

    /** The member's whole number, its default when absent, null when it is something else. */
    private static Integer integer(JsonNode n, String member, int fallback) {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }

    private static Double decimal(JsonNode n, String member, double fallback) {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }
}
