package io.strongroom.ui.audit.timeline;

import java.util.Objects;

/**
 * One layer of the timeline's stacked bars: an event name, the other names together, or an outcome.
 *
 * @param name the event name for {@link Kind#EVENT_NAME}; null for the others (the view words them)
 */
public record TimelineSeries(Kind kind, String name) {

    public enum Kind { EVENT_NAME, OTHER, SUCCESS, ERROR, ACCESS_DENIED }

    public static final TimelineSeries OTHER = new TimelineSeries(Kind.OTHER, null);
    public static final TimelineSeries SUCCESS = new TimelineSeries(Kind.SUCCESS, null);
    public static final TimelineSeries ERROR = new TimelineSeries(Kind.ERROR, null);
    public static final TimelineSeries ACCESS_DENIED = new TimelineSeries(Kind.ACCESS_DENIED, null);

    public TimelineSeries {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.EVENT_NAME) != (name != null)) {
            throw new IllegalArgumentException("an event-name series has a name, and only it");
        }
    }

    public static TimelineSeries eventName(String name) {
        return new TimelineSeries(Kind.EVENT_NAME, Objects.requireNonNull(name, "name"));
    }
}
