package io.strongroom.local.audit;

/**
 * Which chain an event belongs to: its account and region, as CloudTrail keeps event history
 * per account and region. '' stands for a missing one (the tables' key columns are NOT NULL).
 */
record ChainKey(String accountId, String region) implements Comparable<ChainKey> {

    static ChainKey of(String accountId, String region) {
        return new ChainKey(accountId == null ? "" : accountId, region == null ? "" : region);
    }

    @Override
    public int compareTo(ChainKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : region.compareTo(o.region);
    }

    /** For messages: "111122223333 us-east-1", with "-" for a missing part. */
    String label() {
        return (accountId.isEmpty() ? "-" : accountId) + " " + (region.isEmpty() ? "-" : region);
    }
}
