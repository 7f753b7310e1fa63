package io.strongroom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something unusual in the audit trail, with the events behind it. It carries facts, not prose:
 * the console puts them in words.
 *
 * @param principal the principal it concerns (an ARN, as {@link AuditRecord#principal()})
 * @param secretArn the secret it concerns, or null when it concerns many or none
 * @param observed  what was seen: reads in the spike's hour, refusals in the burst, secrets swept…
 * @param usual     what is usual for comparison (the principal's mean reads an hour, the
 *                  threshold crossed…), or 0 when there is nothing to compare
 * @param detail    one more fact when the kind has one: the new source IP, the hour of day (UTC)
 *                  of off-hours reads, the sweeping event name; else null
 * @param evidence  the events behind it, newest first
 */
public record AuditAnomaly(Kind kind, String principal, String secretArn, Instant first, Instant last,
                           long observed, double usual, String detail, List<AuditRecord> evidence) {

    /** The kinds of anomaly, each with its own threshold in {@link AnomalyThresholds}. */
    public enum Kind {
        /** A principal read a secret it had not read before in the window. */
        FIRST_READ,
        /** A principal read far more in an hour than its usual hourly rate. */
        RATE_SPIKE,
        /** Many AccessDenied refusals of one principal in a short time. */
        ACCESS_DENIED_BURST,
        /** Reads at an hour of day (UTC) a principal does not usually read at. */
        OFF_HOURS,
        /** BatchGetSecretValue or ListSecrets sweeping many secrets in a short time. */
        SWEEP,
        /** Reads from a source IP a principal had not used before in the window. */
        NEW_SOURCE_IP
    }

    public AuditAnomaly {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
