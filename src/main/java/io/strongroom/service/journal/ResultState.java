package io.strongroom.service.journal;

/** How a journaled action ended. */
public enum ResultState {
    /** The backend accepted it. */
    OK,
    /** It failed: the entry carries the AWS (or client-side) error code and, when AWS answered, the request ID. */
    FAILED,
    /** Started in this session and not finished yet. */
    IN_PROGRESS,
    /**
     * Started in an earlier (or another) console session that recorded no result: the console
     * exited or crashed while the call was in flight, so the action may or may not have taken effect.
     */
    UNKNOWN
}
