package io.strongroom.service.journal;

import java.util.List;

/**
 * One page of entries, newest first. {@code nextCursor} is null on the last page; otherwise pass
 * it to {@link JournalQuery#olderThan(Long)} for the next page (a cursor, not an offset, so
 * actions journaled meanwhile neither repeat nor skip rows).
 */
public record JournalPage(List<JournalEntry> entries, Long nextCursor) {
    public JournalPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
