package io.strongroom.ui.audit.anomaly;

import io.strongroom.domain.AuditAnomaly;
import io.strongroom.ui.audit.timeline.AuditNames;
import io.strongroom.ui.common.Texts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An anomaly in a sentence, from its facts ({@link AuditAnomaly}): who, which secret, what was
 * seen against what is usual, and when, in UTC (the hours of off-hours reads are UTC hours, and
 * CloudTrail's times are UTC). The patterns are in the audit parts' bundle.
 *
 * <p>What the facts mean per kind (the detector's contract): FIRST_READ the read; RATE_SPIKE
 * {@code observed} reads in the hour from {@code first} against {@code usual} an hour; ACCESS_DENIED_BURST
 * {@code observed} refusals from {@code first} to {@code last}; OFF_HOURS {@code observed} reads
 * at the hour of day in {@code detail} (or {@code first}'s), an hour holding {@code usual} % of the
 * principal's earlier calls;
 * SWEEP {@code observed} secrets (or ListSecrets calls) by the event named in {@code detail};
 * NEW_SOURCE_IP the address in {@code detail}.
 */
final class AnomalyWords {

    private final Texts texts;
    private final DateTimeFormatter time;
    private final DateTimeFormatter hour;

    AnomalyWords(Texts texts) {
        this.texts = texts;
        this.time = DateTimeFormatter.ofPattern(texts.get("anomaly.timePattern"), Locale.ENGLISH).withZone(ZoneOffset.UTC);
        this.hour = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    String explain(AuditAnomaly a) {
        String who = AuditNames.principal(a.principal());
        String what = a.secretArn() == null ? texts.get("anomaly.secrets") : AuditNames.secret(a.secretArn());
        return switch (a.kind()) {
            case FIRST_READ -> texts.format("anomaly.firstRead", who, what, time.format(a.first()));
            case RATE_SPIKE -> a.usual() > 0
                    ? texts.format("anomaly.rateSpike", who, what, a.observed(), time.format(a.first().truncatedTo(ChronoUnit.HOURS)),
                            Math.round(a.observed() / a.usual()), usual(a.usual()))
                    : texts.format("anomaly.rateSpike.never", who, what, a.observed(), time.format(a.first().truncatedTo(ChronoUnit.HOURS)));
            case ACCESS_DENIED_BURST -> texts.format(a.secretArn() == null ? "anomaly.deniedBurst" : "anomaly.deniedBurst.secret", who,
                    a.observed(), span(a.first(), a.last()), time.format(a.first()), what);
            case OFF_HOURS -> texts.format(a.usual() > 0 ? "anomaly.offHours" : "anomaly.offHours.bare", who, what, offHour(a), a.observed(),
                    String.format(Locale.ROOT, "%.1f", a.usual()), time.format(a.first()));
            case SWEEP -> "ListSecrets".equals(a.detail())
                    ? texts.format("anomaly.sweep.list", who, a.observed(), span(a.first(), a.last()), time.format(a.first()))
                    : texts.format("anomaly.sweep", who, a.detail() == null ? "BatchGetSecretValue" : a.detail(), a.observed(),
                            span(a.first(), a.last()), time.format(a.first()));
            case NEW_SOURCE_IP -> texts.format("anomaly.newSourceIp", who, what, a.detail() == null ? "?" : a.detail(), time.format(a.first()));
        };
    }

    /** The kind in a few words, for the list's second line. */
    String kind(AuditAnomaly.Kind kind) {
        return texts.get("anomaly.kind." + kind.name());
    }

    /** "3 an hour"; below 10 with one decimal ("0.4"), so a rare reader's rate does not read as 0. */
    private static String usual(double perHour) {
        return perHour >= 10 || perHour == Math.rint(perHour) ? String.valueOf(Math.round(perHour))
                : String.format(Locale.ROOT, "%.1f", perHour);
    }

    /** "03:00 UTC": the hour of day in {@code detail} (a number), else the first read's hour. */
    private String offHour(AuditAnomaly a) {
        try {
            if (a.detail() != null) {
                int h = Integer.parseInt(a.detail().trim());
                if (h >= 0 && h < 24) {
                    return texts.format("anomaly.hourOfDay", String.format(Locale.ROOT, "%02d:00", h));
                }
            }
        } catch (NumberFormatException notAnHour) {
            // the first read's hour says the same
        }
        return texts.format("anomaly.hourOfDay", hour.format(a.first().truncatedTo(ChronoUnit.HOURS)));
    }

    /** How long from {@code first} to {@code last}: seconds under a minute, whole minutes under two hours, else hours. */
    private String span(Instant first, Instant last) {
        long s = Math.max(1, Duration.between(first, last).toSeconds());
        if (s < 60) {
            return texts.format("anomaly.seconds", s);
        }
        long m = Math.round(s / 60.0);
        return m < 120 ? texts.format("anomaly.minutes", m) : texts.format("anomaly.hours", Math.round(s / 3600.0));
    }
}
