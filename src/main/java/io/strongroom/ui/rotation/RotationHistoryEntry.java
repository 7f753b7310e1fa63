package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.SecretVersion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a secret's rotation history: a version created (with the labels it holds now) or a
 * rotation event (started, succeeded, failed with its step and reason, abandoned).
 *
 * @param versionId the version created, or the rotation's version (its token); null when an event does not name it
 * @param stages    for a version, the staging labels it holds now (empty: deprecated); for an event, empty
 * @param byRotation for a version, whether a rotation created it (an event names it); for an event, true
 * @param step      for a failure, the step that failed; else null
 * @param reason    for a failure, why; else null
 */
public record RotationHistoryEntry(Instant time, Kind kind, String versionId, List<String> stages, boolean byRotation, String step,
                                   String reason) {

    public enum Kind {
        VERSION, STARTED, SUCCEEDED, FAILED, ABANDONED;

        static Kind of(RotationEvent.Kind kind) {
            return switch (kind) {
                case STARTED -> STARTED;
                case SUCCEEDED -> SUCCEEDED;
                case FAILED -> FAILED;
                case ABANDONED -> ABANDONED;
            };
        }
    }

    public RotationHistoryEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    static RotationHistoryEntry of(SecretVersion v, boolean byRotation) {
        return new RotationHistoryEntry(v.created() == null ? Instant.EPOCH : v.created(), Kind.VERSION, v.versionId(), v.stages(),
                byRotation, null, null);
    }

    static RotationHistoryEntry of(RotationEvent e) {
        return new RotationHistoryEntry(e.time(), Kind.of(e.kind()), e.token(), List.of(), true, e.step(),
                e.kind() == RotationEvent.Kind.FAILED ? e.reason() : null);
    }

    /** Whether this is a version that has no staging label any more. */
    public boolean deprecated() {
        return kind == Kind.VERSION && stages.isEmpty();
    }
}
