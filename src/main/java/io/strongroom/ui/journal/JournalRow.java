package io.strongroom.ui.journal;

import io.strongroom.service.journal.JournalEntry;

/**
 * One row of the journal table, already in the words and formats the user reads; the
 * {@code …Detail} texts are the longer versions a tooltip shows.
 */
public record JournalRow(JournalEntry entry, String time, String identity, String identityDetail, String scope,
                         String scopeDetail, String action, String actionDetail, String target, String targetDetail, String result,
                         String resultDetail, Tone tone, String requestId) {

    /** How the result should read at a glance; the view maps it to a style. */
    public enum Tone { SUCCESS, FAILURE, REFUSED, PENDING, UNKNOWN }

    public long id() {
        return entry.id();
    }
}
