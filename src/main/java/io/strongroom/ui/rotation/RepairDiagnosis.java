package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.SecretVersion;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a secret's rotation, in words, from what any AWS client can see: the rotation
 * events of CloudTrail (started, failed with the step and the reason) and the versions with their
 * staging labels. For example: "Rotation started at 2025-11-20 03:12 with token 5f2a81c0…. setSecret
 * failed at 2025-11-20 03:12: could not connect to PostgreSQL at 10.0.0.5:5432 (connection refused).
 * AWSPENDING is on version 5f2a81c0… (created 2025-11-20 03:12), AWSCURRENT is still on 9ab0d2e4…,
 * so applications keep the old value. Secrets Manager refuses new rotations until AWSPENDING is cleared."
 *
 * @param headline  one line: stuck, failed, running or nothing to repair
 * @param sentences the explanation, in order
 * @param started   the rotation event the explanation is about, or null when none matches
 * @param outcome   how that rotation ended (failed, succeeded, abandoned), or null when it did not
 */
public record RepairDiagnosis(String headline, List<String> sentences, RotationEvent started, RotationEvent outcome) {

    public RepairDiagnosis {
        Objects.requireNonNull(headline, "headline");
        sentences = List.copyOf(sentences);
    }

    /** The explanation as one paragraph. */
    public String text() {
        return String.join(" ", sentences);
    }

    /** The failed step ({@code setSecret}…) of the rotation explained, or null. */
    public String failedStep() {
        return outcome != null && outcome.kind() == RotationEvent.Kind.FAILED ? outcome.step() : null;
    }

    /** Why the rotation explained failed, or null. */
    public String failureReason() {
        return outcome != null && outcome.kind() == RotationEvent.Kind.FAILED ? outcome.reason() : null;
    }

    /**
     * The explanation of {@code state}, given the secret's versions and its rotation events (newest
     * first, as {@code RotationService.events} returns them).
     */
    public static RepairDiagnosis of(RotationState state, List<SecretVersion> versions, List<RotationEvent> events,
                                     Texts texts, Formats formats, Instant now) {
        return of(state, versions, events, null, texts, formats, now);
    }

    /**
     * As {@link #of(RotationState, List, List, Texts, Formats, Instant)}; {@code writtenByWizard} is
     * when this console's manual rotation wizard wrote the pending version (from the action journal),
     * or null when it did not.
     */
    public static RepairDiagnosis of(RotationState state, List<SecretVersion> versions, List<RotationEvent> events,
                                     Instant writtenByWizard, Texts texts, Formats formats, Instant now) {
        String pending = state.pendingVersion();
        String current = state.secret().currentVersionId();
        RotationEvent started = startedEvent(events, pending);
        RotationEvent outcome = started == null ? null : outcomeOf(events, started);
        List<String> out = new ArrayList<>();

        if (started != null) {
            String function = functionName(state.secret().rotation().lambdaArn());
            String when = formats.dateTime(started.time());
            if (started.token() != null) {
                out.add(texts.format(function == null ? "why.started" : "why.startedWith", when, shortId(started.token()), function));
            } else {
                out.add(texts.format(function == null ? "why.startedNoToken" : "why.startedNoTokenWith", when, function));
            }
            if (outcome != null) {
                out.add(outcomeSentence(outcome, texts, formats));
            } else if (pending != null) {
                out.add(texts.format("why.noOutcome", age(Duration.between(started.time(), now), texts)));
            }
        } else if (pending != null && writtenByWizard != null) {
            out.add(texts.format("why.pendingFromWizard", shortId(pending), formats.dateTime(writtenByWizard)));
        } else if (pending != null) {
            out.add(texts.format("why.pendingNotFromRotation", shortId(pending)));
        } else if (state.last() != null && state.last().kind() == RotationEvent.Kind.FAILED) {
            out.add(outcomeSentence(state.last(), texts, formats));
        }

        if (pending != null) {
            Instant created = versions.stream().filter(v -> v.versionId().equals(pending)).map(SecretVersion::created)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            String pendingText = created == null ? texts.format("why.pendingVersion", shortId(pending))
                    : texts.format("why.pendingVersionCreated", shortId(pending), formats.dateTime(created));
            out.add(current == null ? texts.format("why.pendingNoCurrent", pendingText)
                    : texts.format("why.pendingAndCurrent", pendingText, shortId(current)));
            out.add(texts.format("why.refusesRotations"));
        } else if (state.status() == RotationState.Status.FAILED) {
            out.add(current == null ? texts.format("why.nothingHalfDone") : texts.format("why.nothingHalfDoneCurrent", shortId(current)));
        }
        String headline = texts.format("headline." + state.status().name().toLowerCase(java.util.Locale.ROOT));
        return new RepairDiagnosis(headline, out, started, outcome);
    }

    /** A version ID as people can compare it at a glance: its first 8 characters and an ellipsis. */
    public static String shortId(String versionId) {
        if (versionId == null) {
            return "";
        }
        return versionId.length() <= 8 ? versionId : versionId.substring(0, 8) + "\u2026";
    }

    /** {@code 3 h 12 min}, {@code 2 d 4 h}, {@code 5 min}. */
    static String age(Duration d, Texts texts) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return texts.format("age.daysHours", days, hours);
        }
        if (hours > 0) {
            return texts.format("age.hoursMinutes", hours, mins);
        }
        return texts.format("age.minutes", mins);
    }

    /** The rotation that put AWSPENDING on {@code pending}, or (nothing pending) the latest one. */
    private static RotationEvent startedEvent(List<RotationEvent> events, String pending) {
        for (RotationEvent e : events) {
            if (e.kind() == RotationEvent.Kind.STARTED && (pending == null || pending.equals(e.token()))) {
                return e;
            }
        }
        return null;
    }

    /** The end of {@code started}'s rotation: its own token's outcome, or (no tokens) the first outcome after it. */
    private static RotationEvent outcomeOf(List<RotationEvent> events, RotationEvent started) {
        RotationEvent found = null;
        for (RotationEvent e : events) {
            if (e.kind() == RotationEvent.Kind.STARTED || e.time().isBefore(started.time())) {
                continue;
            }
            boolean same = started.token() != null && started.token().equals(e.token());
            boolean unknown = started.token() == null || e.token() == null;
            if (same || unknown) {
                // events are newest first: keep going to find the earliest outcome after the start
                found = e;
            }
        }
        return found;
    }

    private static String outcomeSentence(RotationEvent e, Texts texts, Formats formats) {
        String when = formats.dateTime(e.time());
        return switch (e.kind()) {
            case FAILED -> e.step() != null ? texts.format("why.stepFailed", e.step(), when, trimmed(e.reason()))
                    : texts.format("why.failed", when, trimmed(e.reason()));
            case SUCCEEDED -> texts.format("why.succeeded", when);
            case ABANDONED -> texts.format("why.abandoned", when);
            case STARTED -> texts.format("why.startedAgain", when);
        };
    }

    /** A reason without its final full stop (the sentence adds one). */
    private static String trimmed(String reason) {
        if (reason == null || reason.isBlank()) {
            return "?";
        }
        String r = reason.strip();
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }

    /** The function's name from its ARN ({@code arn:aws:lambda:r:a:function:NAME}), or null. */
    static String functionName(String lambdaArn) {
        if (lambdaArn == null || lambdaArn.isBlank()) {
            return null;
        }
        int i = lambdaArn.indexOf(":function:");
        String name = i >= 0 ? lambdaArn.substring(i + ":function:".length()) : lambdaArn;
        int q = name.indexOf(':');
        return q >= 0 ? name.substring(0, q) : name;
    }
}
