package io.strongroom.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Secrets Manager's rotation service events in CloudTrail: a rotation started, succeeded,
 * failed or was abandoned (a new version written by hand took its place).
 *
 * @param token   the rotation's ClientRequestToken (the pending version's ID), from the event's
 *                request ID {@code Rotation-<secret ARN>-<token>}; null when it cannot be read
 * @param step    for a failure, the step named in its message ({@code setSecret}…), else null
 * @param message for a failure, what went wrong (AWS's message; the embedded store adds the reason)
 */
public record RotationEvent(Scope scope, String secretArn, Instant time, Kind kind, String token, String step, String message,
                            String eventId) {

    public enum Kind {
        STARTED("RotationStarted"), SUCCEEDED("RotationSucceeded"), FAILED("RotationFailed"), ABANDONED("RotationAbandoned");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }

        /** The kind a CloudTrail event name stands for, or null for any other event. */
        public static Kind ofEventName(String name) {
            for (Kind k : values()) {
                if (k.eventName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    private static final Pattern STEP = Pattern.compile("during (createSecret|setSecret|testSecret|finishSecret) step");

    public RotationEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    /** The step a RotationFailed message names ("... during setSecret step ..."), or null. */
    public static String stepIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = STEP.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** The token of a rotation event's request ID {@code Rotation-<secret ARN>-<token>}, or null. */
    public static String tokenIn(String requestId, String secretArn) {
        String prefix = "Rotation-" + secretArn + "-";
        return requestId != null && secretArn != null && requestId.startsWith(prefix) ? requestId.substring(prefix.length()) : null;
    }

    /** The reason after AWS's own words, when the store added one ("...step: reason"), else the whole message. */
    public String reason() {
        if (message == null) {
            return null;
        }
        int i = message.indexOf(" step: ");
        return i >= 0 ? message.substring(i + " step: ".length()) : message;
    }
}
