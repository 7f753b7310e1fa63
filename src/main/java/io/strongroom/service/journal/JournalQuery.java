package io.strongroom.service.journal;

import java.time.Instant;

/**
 * What the journal view asks for: entries newest first, narrowed by any of the filters (null
 * means "any"), {@code limit} per page, starting below the cursor {@code olderThan}.
 *
 * @param accountId only actions in this account (its ID, or its alias when the ID is unknown)
 * @param text      a case-insensitive substring of the target, ARN, account, identity, OS user,
 *                  error code or request ID
 * @param since     inclusive lower bound of the start time
 * @param until     exclusive upper bound of the start time
 */
public record JournalQuery(String accountId, String region, ActionKind action, ResultState result, String text,
                           Instant since, Instant until, int limit, Long olderThan) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 5000;

    public JournalQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        text = text == null || text.isBlank() ? null : text.strip();
        accountId = accountId == null || accountId.isBlank() ? null : accountId;
        region = region == null || region.isBlank() ? null : region;
    }

    /** Everything, newest first, one default-sized page. */
    public static JournalQuery all() {
        return new JournalQuery(null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public JournalQuery account(String accountId) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery region(String region) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery action(ActionKind action) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery result(ResultState result) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery text(String text) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery between(Instant since, Instant until) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery limit(int limit) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, olderThan);
    }

    public JournalQuery olderThan(Long cursor) {
        return new JournalQuery(accountId, region, action, result, text, since, until, limit, cursor);
    }
}
