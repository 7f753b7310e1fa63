package io.strongroom.ui.secret;

import io.strongroom.ui.common.Texts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * How the detail pane writes times, sizes and bytes (words from the detail's bundle, passed in). Times are UTC: a security team compares
 * them with CloudTrail and with colleagues in other zones.
 */
public final class DetailFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String NONE = "\u2014";

    private DetailFormat() {}

    /** "2025-11-20 14:03 UTC", or a dash. */
    public static String time(Instant t) {
        return t == null ? NONE : MINUTES.format(t);
    }

    /** "2025-11-20", or a dash: for dates AWS keeps only to the day (last accessed). */
    public static String day(Instant t) {
        return t == null ? NONE : DAY.format(t);
    }

    /** "today", "in 3 days", "12 days ago". */
    public static String relativeDays(Instant t, Clock clock, Texts texts) {
        LocalDate then = LocalDate.ofInstant(t, ZoneOffset.UTC);
        LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(now, then);
        if (days == 0) {
            return texts.format("relative.today");
        }
        return days > 0 ? texts.format("relative.in", days) : texts.format("relative.ago", -days);
    }

    /** "2025-11-20 14:03 UTC (3 days ago)", or a dash. */
    public static String timeAndAge(Instant t, Clock clock, Texts texts) {
        return t == null ? NONE : time(t) + " (" + relativeDays(t, clock, texts) + ")";
    }

    /** "1,234 bytes". */
    public static String bytes(long n, Texts texts) {
        return texts.format("bytes", n);
    }

    /** Staging labels joined, or "deprecated" for a version without labels. */
    public static String stages(List<String> stages, Texts texts) {
        return stages.isEmpty() ? texts.format("version.deprecated") : String.join(", ", stages);
    }

    /** A classic hex dump: offset, 16 bytes in two groups of eight, and the printable ASCII. */
    public static String hexDump(byte[] bytes) {
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder(bytes.length * 4 + 16);
        for (int off = 0; off < bytes.length; off += 16) {
            sb.append(String.format("%08x  ", off));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                if (off + i < bytes.length) {
                    byte b = bytes[off + i];
                    sb.append(hex.toHexDigits(b)).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(" |").append(ascii).append('|');
            if (off + 16 < bytes.length) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A version ID cut to its first eight characters (the full ID is in the tooltip). */
    static String shortId(String versionId) {
        return versionId == null ? "\u2014" : versionId.length() <= 8 ? versionId : versionId.substring(0, 8) + "\u2026";
    }
}
