package io.strongroom.service.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One action as the journal recorded it.
 *
 * @param id         increasing in the order actions started; the paging cursor
 * @param finishedAt null while in progress or when no result was recorded
 * @param target     the secret name or ARN the action was called with
 */
public record JournalEntry(long id, Instant startedAt, Instant finishedAt, Actor actor, JournalScope scope,
                           String target, ActionDetails details, Outcome outcome) {

    public JournalEntry {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(outcome, "outcome");
    }

    public ActionKind action() {
        return details.kind();
    }

    public ResultState result() {
        return outcome.result();
    }
}
