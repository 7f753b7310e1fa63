package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationSchedule;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link RotationRow} reads: schedules, relative times with their exact instants, the last
 * result. Shared by the table's cells and by tests; no control here.
 */
final class RotationRowText {

    private final Texts texts;
    private final Formats formats;

    RotationRowText(Texts texts, Formats formats) {
        this.texts = Objects.requireNonNull(texts);
        this.formats = Objects.requireNonNull(formats);
    }

    String status(RotationRow row) {
        return texts.get("status." + row.status().name());
    }

    String statusTip(RotationRow row) {
        return texts.format("status." + row.status().name() + ".tip", row.state().pendingVersion());
    }

    /**
     * The schedule in words as {@link RotationSchedule#describe()} has it ("every 30 days", "at 04:00
     * UTC on Sunday, within 3 hours"); rules it cannot read are shown as written; "" when none.
     */
    String schedule(SecretSummary.Rotation r) {
        if (r.automaticallyAfterDays() == null && r.scheduleExpression() == null) {
            return "";
        }
        try {
            return RotationSchedule.parse(r.automaticallyAfterDays(), r.scheduleExpression(), r.window()).describe();
        } catch (IllegalArgumentException unreadable) {
            return rawSchedule(r);
        }
    }

    /** The rules as AWS returns them: {@code 30 days} or the expression, with the window. */
    String rawSchedule(SecretSummary.Rotation r) {
        String base;
        if (r.automaticallyAfterDays() != null) {
            base = texts.format("schedule.days", r.automaticallyAfterDays());
        } else if (r.scheduleExpression() != null) {
            base = r.scheduleExpression();
        } else {
            return "";
        }
        return r.window() == null ? base : texts.format("schedule.window", base, r.window());
    }

    /** "3 days ago", "in 12 h", "just now" (measured from {@code asOf}). */
    String relative(Instant t, Instant asOf) {
        Duration d = Duration.between(asOf, t);
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofMinutes(1)) < 0) {
            return texts.get("time.now");
        }
        return texts.format(d.isNegative() ? "time.ago" : "time.in", duration(abs));
    }

    /** "5 min", "3 h", "12 days": the largest whole unit. */
    String duration(Duration d) {
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return texts.format("duration.minutes", Math.max(1, d.toMinutes()));
        }
        if (d.compareTo(Duration.ofDays(1)) < 0) {
            return texts.format("duration.hours", d.toHours());
        }
        return texts.format("duration.days", d.toDays());
    }

    /** The time in the user's zone with the exact UTC instant, for tooltips. */
    String exact(Instant t) {
        return t == null ? null : texts.format("time.tip", formats.dateTime(t), Formats.exact(t));
    }

    String lastRotated(RotationRow row) {
        Instant t = row.rotation().lastRotated();
        return t == null ? texts.get("never") : relative(t, row.asOf());
    }

    String nextRotation(RotationRow row) {
        Instant t = row.rotation().nextRotation();
        return t == null ? "" : relative(t, row.asOf());
    }

    String overdue(RotationRow row) {
        return row.overdue() ? texts.format("overdue.by", duration(row.overdueBy())) : "";
    }

    /** "Succeeded at …", "Failed at … in setSecret: reason", "unknown", "None in 90 days"… */
    String lastResult(RotationRow row) {
        switch (row.results()) {
            case LOADING:
                return texts.get("result.loading");
            case UNKNOWN:
                return texts.get("result.unknown");
            default:
                break;
        }
        RotationEvent e = row.lastEvent();
        if (e == null) {
            return texts.get("result.none");
        }
        String at = formats.dateTime(e.time());
        if (e.kind() == RotationEvent.Kind.FAILED) {
            String reason = e.reason() == null ? "" : e.reason();
            return e.step() == null ? texts.format("result.FAILED.noStep", at, reason) : texts.format("result.FAILED", at, e.step(), reason);
        }
        return texts.format("result." + e.kind().name(), at);
    }

    /** The last result in full (the cell cuts it), with the exact instant; or why it is unknown. */
    String lastResultTip(RotationRow row) {
        if (row.results() == RotationRow.Results.UNKNOWN) {
            return texts.format("result.unknown.tip", row.resultsError());
        }
        RotationEvent e = row.lastEvent();
        if (row.results() == RotationRow.Results.LOADING) {
            return null;
        }
        if (e == null) {
            return texts.get("result.none.tip");
        }
        return lastResult(row) + "\n" + Formats.exact(e.time());
    }
}
