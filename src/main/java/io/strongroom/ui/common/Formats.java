package io.strongroom.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes dates: ISO-like, zero-padded, sortable by eye, in the user's zone
 * ({@code 2025-11-20 14:03}); tooltips and exports carry the exact UTC instant.
 */
public final class Formats {

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public Formats(ZoneId zone) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(zone);
    }

    public static Formats systemZone() {
        return new Formats(ZoneId.systemDefault());
    }

    /** {@code 2025-11-20 14:03}, or "" for null. */
    public String dateTime(Instant i) {
        return i == null ? "" : dateTime.format(i);
    }

    /** {@code 2025-11-20}, or "" for null. */
    public String date(Instant i) {
        return i == null ? "" : date.format(i);
    }

    /** The exact instant in UTC, for tooltips and exports. */
    public static String exact(Instant i) {
        return i == null ? "" : i.toString();
    }
}
