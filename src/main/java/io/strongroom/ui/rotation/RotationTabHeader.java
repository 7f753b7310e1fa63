package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.SecretSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.Objects;

/**
 * The Rotation tab's state header: {@link RotationState} of the secret shown with its latest
 * rotation event, and its schedule in words. While the tab follows a rotation of the secret, it is
 * Rotating whatever CloudTrail says yet: on AWS the RotationStarted event arrives minutes after the
 * labels move, and the labels alone would read as Stuck.
 */
public final class RotationTabHeader {

    private final Clock clock;
    private final RotationProgressModel progress;
    private final ReadOnlyObjectWrapper<RotationState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<RotationEvent> latestEvent = new ReadOnlyObjectWrapper<>(this, "latestEvent");
    private final ReadOnlyStringWrapper scheduleWords = new ReadOnlyStringWrapper(this, "scheduleWords");
    private SecretSummary secret;

    RotationTabHeader(Clock clock, RotationProgressModel progress) {
        this.clock = Objects.requireNonNull(clock);
        this.progress = Objects.requireNonNull(progress);
        progress.runningProperty().addListener((o, was, now) -> show(secret));
    }

    /** Where rotation stands; null when no secret is shown. */
    public ReadOnlyObjectProperty<RotationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The latest rotation event of the last 90 days, or null. */
    public ReadOnlyObjectProperty<RotationEvent> latestEventProperty() {
        return latestEvent.getReadOnlyProperty();
    }

    /** The secret's schedule in words ("every 30 days"), or null when it has none. */
    public ReadOnlyStringProperty scheduleWordsProperty() {
        return scheduleWords.getReadOnlyProperty();
    }

    /** Shows {@code s} (null: nothing) with the latest event known. */
    void show(SecretSummary s) {
        secret = s;
        state.set(s == null ? null : stateOf(s));
        scheduleWords.set(s == null ? null : words(s.rotation()));
    }

    /** The latest rotation event (null: none), for the secret shown next. */
    void latestEvent(RotationEvent e) {
        latestEvent.set(e);
    }

    private RotationState stateOf(SecretSummary s) {
        RotationState st = RotationState.of(s, latestEvent.get(), clock.instant(), RotationState.DEFAULT_STUCK_AFTER);
        String followed = progress.stateProperty().get().versionId();
        boolean following = progress.runningProperty().get() && s.arn().equals(progress.secretArnProperty().get())
                && (st.pendingVersion() == null || st.pendingVersion().equals(followed));
        return following && st.status() != RotationState.Status.ROTATING
                ? new RotationState(s, RotationState.Status.ROTATING, st.pendingVersion(), st.last(), st.overdue())
                : st;
    }

    private static String words(SecretSummary.Rotation r) {
        if (r.automaticallyAfterDays() == null && r.scheduleExpression() == null) {
            return null;
        }
        try {
            return ScheduleRules.describe(r.automaticallyAfterDays(), r.scheduleExpression(), r.window());
        } catch (IllegalArgumentException notReadable) {
            return r.scheduleExpression() != null ? r.scheduleExpression() : r.automaticallyAfterDays() + " days";
        }
    }
}
