package io.strongroom.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one secret's rotation stands, worked out from what any AWS client can see: the secret's
 * rotation settings and staging labels, and its latest rotation event.
 *
 * @param pendingVersion the version AWSPENDING is on when that is not AWSCURRENT (an unfinished rotation), else null
 * @param last           the latest rotation event known, or null
 * @param overdue        rotation is on and its next rotation date has passed
 */
public record RotationState(SecretSummary secret, Status status, String pendingVersion, RotationEvent last, boolean overdue) {

    /** A rotation that started this long ago without an outcome, and whose window is unknown, counts as stuck. */
    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofHours(24);

    public enum Status {
        /** Never configured: no function. */
        NOT_CONFIGURED,
        /** A function is set but automatic rotation is off (cancelled). */
        DISABLED,
        /** Rotation is on and nothing is wrong. */
        ENABLED,
        /** A rotation is running now. */
        ROTATING,
        /** The latest rotation failed and nothing is left half done. */
        FAILED,
        /** A rotation is unfinished: AWSPENDING sits on a version that is not AWSCURRENT after a failure or for too long. */
        STUCK
    }

    public boolean neverRotated() {
        return secret.rotation().lastRotated() == null;
    }

    /**
     * The state of {@code secret} at {@code now}, given its latest rotation event ({@code last},
     * null when unknown) and how long a rotation may run before it counts as stuck.
     */
    public static RotationState of(SecretSummary secret, RotationEvent last, Instant now, Duration stuckAfter) {
        SecretSummary.Rotation r = secret.rotation();
        String pending = pendingVersion(secret.versionsToStages());
        boolean overdue = r.enabled() && r.nextRotation() != null && r.nextRotation().isBefore(now);
        Status status;
        if (pending != null) {
            boolean running = last != null && last.kind() == RotationEvent.Kind.STARTED
                    && Duration.between(last.time(), now).compareTo(stuckAfter) < 0;
            status = running ? Status.ROTATING : Status.STUCK;
        } else if (last != null && last.kind() == RotationEvent.Kind.FAILED) {
            status = Status.FAILED;
        } else if (last != null && last.kind() == RotationEvent.Kind.STARTED
                && Duration.between(last.time(), now).compareTo(stuckAfter) < 0) {
            status = Status.ROTATING;
        } else if (r.enabled()) {
            status = Status.ENABLED;
        } else if (r.lambdaArn() != null) {
            status = Status.DISABLED;
        } else {
            status = Status.NOT_CONFIGURED;
        }
        return new RotationState(secret, status, pending, last, overdue);
    }

    /** The version AWSPENDING is on, when that is not the AWSCURRENT version; null otherwise. */
    public static String pendingVersion(Map<String, List<String>> versionsToStages) {
        String pending = null;
        String current = null;
        for (Map.Entry<String, List<String>> e : versionsToStages.entrySet()) {
            if (e.getValue().contains("AWSPENDING")) {
                pending = e.getKey();
            }
            if (e.getValue().contains("AWSCURRENT")) {
                current = e.getKey();
            }
        }
        return pending != null && !pending.equals(current) ? pending : null;
    }
}
