package io.strongroom.local.audit;

import io.strongroom.local.audit.AuditVerifier.Failure;
import io.strongroom.local.audit.AuditVerifier.Kind;

import java.util.Objects;

/**
 * One chain walked in order by {@link AuditVerifier}: from its anchor (or its start), each event
 * must link to the one before and match its MAC, up to the newest event its head names; the
 * first that does not is classified (edited, removed, inserted), which for an edited or inserted
 * event needs one look at the event after it.
 */
final class ChainWalk {

    private final AuditChain chain;
    private final ChainKey key;
    /** The stored head, or null when the chain has none. */
    private final ChainHead head;
    private final boolean headVerified;
    private long expectedSeq;
    private String expectedEventId;
    private byte[] expectedMac;
    private long verified;
    private Failure failure;
    /** An event that did not verify, waiting for the next one to tell whether it was edited or inserted. */
    private EventRow suspect;

    ChainWalk(AuditChain chain, ChainKey key, ChainHead head, boolean headVerified) {
        this.chain = chain;
        this.key = key;
        this.head = head;
        this.headVerified = headVerified;
        ChainHead start = head != null ? head : ChainHead.genesis(key);
        this.expectedSeq = start.anchorSeq();
        this.expectedEventId = start.anchorEventId();
        this.expectedMac = start.anchorMac();
    }

    void offer(EventRow row) {
        if (failure != null) {
            return;
        }
        if (suspect != null) {
            classify(suspect, row);
            return;
        }
        if (head == null) {
            fail(Kind.INSERTED, row, "its account and region have no chain head: the store never recorded an event there");
            return;
        }
        boolean linked = row.prevSeq() == expectedSeq && Objects.equals(row.prevEventId(), expectedEventId);
        if (linked && row.mac() != null && AuditChain.same(row.mac(), chain.event(row, expectedMac))) {
            expectedSeq = row.seq();
            expectedEventId = row.eventId();
            expectedMac = row.mac();
            verified++;
            return;
        }
        if (row.mac() == null) {
            fail(Kind.INSERTED, row, "it has no MAC: the store never chained it");
        } else if (!linked && row.prevSeq() > expectedSeq) {
            failure = new Failure(Kind.REMOVED, row.prevSeq(), row.prevEventId(), null, null,
                    "the event before event " + row.eventId() + " (seq " + row.seq() + ", " + row.eventTime() + ", " + row.eventName()
                            + ") is not there");
        } else if (row.seq() > head.lastSeq()) {
            fail(Kind.INSERTED, row, "it comes after the newest event the chain's head records (seq " + head.lastSeq() + ")");
        } else {
            suspect = row;
        }
    }

    /** {@code row} does not verify: inserted if {@code next} links past it to the event before, else edited. */
    private void classify(EventRow row, EventRow next) {
        boolean skipsIt = next != null && next.prevSeq() == expectedSeq && Objects.equals(next.prevEventId(), expectedEventId)
                && next.mac() != null && AuditChain.same(next.mac(), chain.event(next, expectedMac));
        if (skipsIt) {
            fail(Kind.INSERTED, row, "it is not part of the chain: the event after it (" + next.eventId() + ") links to the one before it");
        } else {
            boolean linked = row.prevSeq() == expectedSeq && Objects.equals(row.prevEventId(), expectedEventId);
            fail(Kind.EDITED, row, linked ? "what is stored of it does not match its MAC"
                    : "its link to the event before it was changed");
        }
        suspect = null;
    }

    private void fail(Kind kind, EventRow row, String detail) {
        failure = new Failure(kind, row.seq(), row.eventId(), row.eventTime(), row.eventName(), detail);
    }

    AuditVerifier.ChainResult finish() {
        if (suspect != null) {
            classify(suspect, null);
        }
        if (failure == null && head != null) {
            if (expectedSeq != head.lastSeq() || !Objects.equals(expectedEventId, head.lastEventId())) {
                if (head.lastSeq() > expectedSeq) {
                    failure = new Failure(Kind.REMOVED, head.lastSeq(), head.lastEventId(), null, null,
                            "the newest event of the chain, as its head records it, is not there");
                } else {
                    failure = new Failure(Kind.EDITED, null, null, null, null,
                            "the chain's head names an older newest event (seq " + head.lastSeq() + ") than the chain has");
                }
            } else if (head.purged() + verified != head.appended()) {
                long missing = head.appended() - head.purged() - verified;
                failure = new Failure(missing > 0 ? Kind.REMOVED : Kind.INSERTED, null, null, null, null,
                        "the chain's head counts " + head.appended() + " events (" + head.purged() + " purged), but "
                                + verified + " are stored");
            }
        }
        if (failure == null && head != null && !headVerified) {
            failure = new Failure(Kind.EDITED, null, null, null, null,
                    "the chain's head record (its count, newest event or retention anchor) does not verify");
        }
        return new AuditVerifier.ChainResult(key.accountId(), key.region(), verified, head == null ? 0 : head.purged(), failure);
    }
}
