package io.strongroom.local.audit;

import java.time.Instant;

/**
 * A request refused before its sender was authenticated (no signature, a malformed or expired
 * one, an unknown access key, a signature that does not match), kept apart from every account's
 * trail: the signature proved nothing, so the request is nobody's event. Everything marked
 * "claimed" is what the sender wrote, unverified, and cut to a few hundred characters; the request
 * ID, error and source address are the store's own.
 *
 * <p>A <em>summary</em> ({@link #isSummary()}) stands for refusals that were not stored one by one
 * because they came faster than {@link AuditLog} records them: it says how many, and its time is
 * that of the last of them.
 *
 * @param seq                  the store's sequence number; 0 for one not stored yet
 * @param claimedKeyAccountId  the account that owns {@code claimedAccessKeyId}, when such a key
 *                             exists; its owner did not necessarily send the request
 * @param notRecorded          for a summary, how many refusals it stands for; 0 otherwise
 */
public record UnverifiedRefusal(
        long seq,
        Instant time,
        String requestId,
        String errorCode,
        String message,
        String claimedAccessKeyId,
        String claimedKeyAccountId,
        String claimedRegion,
        String claimedEventName,
        String eventSource,
        String sourceIp,
        String userAgent,
        long notRecorded) {

    /** A refusal as the pipeline reports it, not stored yet. */
    public static UnverifiedRefusal of(Instant time, String requestId, String errorCode, String message, String claimedAccessKeyId,
                                       String claimedKeyAccountId, String claimedRegion, String claimedEventName, String eventSource,
                                       String sourceIp, String userAgent) {
        return new UnverifiedRefusal(0, time, requestId, errorCode, message, claimedAccessKeyId, claimedKeyAccountId, claimedRegion,
                claimedEventName, eventSource, sourceIp, userAgent, 0);
    }

    public boolean isSummary() {
        return notRecorded > 0;
    }

    /** This refusal with every field within its cap. */
    UnverifiedRefusal capped() {
        return new UnverifiedRefusal(seq, time, FieldCaps.cut(requestId, FieldCaps.REFUSAL_SHORT),
                FieldCaps.cut(errorCode, FieldCaps.REFUSAL_SHORT), FieldCaps.cut(message, FieldCaps.REFUSAL_MESSAGE),
                FieldCaps.cut(claimedAccessKeyId, FieldCaps.REFUSAL_ACCESS_KEY_ID),
                FieldCaps.cut(claimedKeyAccountId, FieldCaps.REFUSAL_SHORT), FieldCaps.cut(claimedRegion, FieldCaps.REFUSAL_REGION),
                FieldCaps.cut(claimedEventName, FieldCaps.REFUSAL_EVENT_NAME), FieldCaps.cut(eventSource, FieldCaps.REFUSAL_SHORT),
                FieldCaps.cut(sourceIp, FieldCaps.SOURCE_IP), FieldCaps.cut(userAgent, FieldCaps.REFUSAL_USER_AGENT), notRecorded);
    }
}
