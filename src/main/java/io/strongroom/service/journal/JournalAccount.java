package io.strongroom.service.journal;

/** An account that appears in the journal, for the view's account filter. */
public record JournalAccount(String accountId, String alias) {

    /** What {@link JournalQuery#accountId()} matches: the ID, or the alias when the ID was unknown. */
    public String key() {
        return accountId != null ? accountId : alias;
    }

    /** {@code "payments-prod (111122223333)"}. */
    public String label() {
        return accountId == null ? alias : alias + " (" + accountId + ")";
    }
}
