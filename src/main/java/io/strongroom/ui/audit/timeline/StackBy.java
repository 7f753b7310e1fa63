package io.strongroom.ui.audit.timeline;

/** What the timeline's bars are stacked by. */
public enum StackBy {
    /** The most frequent event names, each its own colour, the rest as "other". */
    EVENT_NAME,
    /** Success, error and AccessDenied. */
    OUTCOME
}
