package io.strongroom.local.audit;

/**
 * Where a chain stands: how many events were ever appended, the newest one (its seq, event ID
 * and MAC: the next event links to it) and the anchor where retention cut the chain (the last
 * purged event, with how many were purged). Stored MAC'ed in {@code audit_chains}.
 *
 * @param frontMillis the event time of the oldest event still stored (in chain order), for the
 *                    purge; {@link Long#MAX_VALUE} when none is, {@link #FRONT_UNKNOWN} until the
 *                    first purge has looked. Kept in memory only, not MAC'ed.
 */
record ChainHead(ChainKey key, long appended, long lastSeq, String lastEventId, byte[] lastMac,
                 long anchorSeq, String anchorEventId, byte[] anchorMac, long purged, long frontMillis) {

    static final byte[] GENESIS = new byte[32];
    static final long FRONT_UNKNOWN = Long.MIN_VALUE;

    /** A chain with nothing in it yet: every link position and MAC zero. */
    static ChainHead genesis(ChainKey key) {
        return new ChainHead(key, 0, 0, null, GENESIS, 0, null, GENESIS, 0, Long.MAX_VALUE);
    }

    /** This head once {@code row} (with its MAC) is appended. */
    ChainHead append(EventRow row) {
        long front = stored() == 0 ? row.eventTime().toEpochMilli() : frontMillis;
        return new ChainHead(key, appended + 1, row.seq(), row.eventId(), row.mac(), anchorSeq, anchorEventId, anchorMac, purged, front);
    }

    /** This head once the events up to {@code anchor} (inclusive, {@code count} of them) are purged. */
    ChainHead purge(long anchor, String anchorEvent, byte[] anchorEventMac, long count, long newFrontMillis) {
        return new ChainHead(key, appended, lastSeq, lastEventId, lastMac, anchor, anchorEvent, anchorEventMac, purged + count,
                newFrontMillis);
    }

    /** How many of the chain's events should still be stored. */
    long stored() {
        return appended - purged;
    }

    void encode(Canonical out) {
        out.putText(key.accountId());
        out.putText(key.region());
        out.putLong(appended);
        out.putLong(lastSeq);
        out.putText(lastEventId);
        out.putBytes(lastMac);
        out.putLong(anchorSeq);
        out.putText(anchorEventId);
        out.putBytes(anchorMac);
        out.putLong(purged);
    }
}
