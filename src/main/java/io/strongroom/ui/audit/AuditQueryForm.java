package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.ui.common.Texts;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The query bar's state: a time range (a preset back from now, or from–to in the console's zone,
 * written as the console writes dates: {@code 2025-11-20 14:03}), at most one LookupEvents
 * attribute with its value, and how many events to read per scope. It says what is wrong as
 * the user types ({@link #problemProperty()}) and builds the {@link AuditQuery} to run.
 */
public final class AuditQueryForm {

    /** The choices of events read per scope: 50 events a call, so 10 to 2,000 calls a scope. */
    public static final List<Integer> MAX_CHOICES = List.of(500, 1_000, 5_000, 10_000, 50_000, 100_000);
    public static final int DEFAULT_MAX = 1_000;
    /** How the from–to fields are written: the console's date format. */
    public static final String PATTERN = "yyyy-MM-dd HH:mm";

    private final Clock clock;
    private final Texts texts;
    private final ZoneId zone;
    private final DateTimeFormatter format;

    private final ObjectProperty<RangePreset> preset = new SimpleObjectProperty<>(this, "preset", RangePreset.LAST_24_HOURS);
    private final StringProperty customFrom = new SimpleStringProperty(this, "customFrom", "");
    private final StringProperty customTo = new SimpleStringProperty(this, "customTo", "");
    private final ObjectProperty<AuditQuery.Attribute> attribute = new SimpleObjectProperty<>(this, "attribute");
    private final StringProperty attributeValue = new SimpleStringProperty(this, "attributeValue", "");
    private final IntegerProperty maxEventsPerScope = new SimpleIntegerProperty(this, "maxEventsPerScope", DEFAULT_MAX);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    /** @param clock now, and the zone the from–to fields are read in */
    public AuditQueryForm(Clock clock, Texts texts) {
        this.clock = Objects.requireNonNull(clock);
        this.texts = Objects.requireNonNull(texts);
        this.zone = clock.getZone();
        this.format = DateTimeFormatter.ofPattern(PATTERN, Locale.ROOT);
        preset.addListener((o, was, now) -> {
            if (now == RangePreset.CUSTOM && was != null && was.length() != null) {
                // from–to starts as the range that was chosen, to be edited
                Instant end = clock.instant();
                customFrom.set(write(end.minus(was.length())));
                customTo.set(write(end));
            }
        });
        for (Observable o : List.of(preset, customFrom, customTo, attribute, attributeValue, maxEventsPerScope)) {
            o.addListener(x -> check());
        }
        check();
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObjectProperty<RangePreset> presetProperty() {
        return preset;
    }

    /** The start when {@link RangePreset#CUSTOM}: {@code yyyy-MM-dd HH:mm} (or a date: its start) in the console's zone. */
    public StringProperty customFromProperty() {
        return customFrom;
    }

    /** The end when {@link RangePreset#CUSTOM}: {@code yyyy-MM-dd HH:mm} (or a date: its end) in the console's zone. */
    public StringProperty customToProperty() {
        return customTo;
    }

    /** The LookupEvents attribute to match, or null for every event of the range. */
    public ObjectProperty<AuditQuery.Attribute> attributeProperty() {
        return attribute;
    }

    public StringProperty attributeValueProperty() {
        return attributeValue;
    }

    /** At most this many events are read in each scope (newest first). */
    public IntegerProperty maxEventsPerScopeProperty() {
        return maxEventsPerScope;
    }

    /** What stops the query from running, in words; null when it can run. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public int maxEventsPerScope() {
        return maxEventsPerScope.get();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The query as the form stands, its range ending now for a preset; null when {@link #problemProperty()} says why not. */
    public AuditQuery query() {
        check();
        if (problem.get() != null) {
            return null;
        }
        Instant start;
        Instant end;
        RangePreset p = preset.get();
        if (p == RangePreset.CUSTOM) {
            start = read(customFrom.get(), false);
            end = read(customTo.get(), true);
        } else {
            end = clock.instant();
            start = end.minus(p.length());
        }
        AuditQuery.Attribute a = attribute.get();
        return a == null ? AuditQuery.between(start, end) : AuditQuery.between(start, end).withAttribute(a, value());
    }

    /** Looks for {@code value} of {@code attribute} (null: none) in the range chosen. */
    public void lookFor(AuditQuery.Attribute attribute, String value) {
        this.attribute.set(attribute);
        attributeValue.set(value == null ? "" : value);
    }

    /** {@code instant} as the from–to fields write it. */
    public String write(Instant instant) {
        return format.format(instant.atZone(zone));
    }

    // ---- validation ----------------------------------------------------------------------------

    private void check() {
        problem.set(findProblem());
    }

    private String findProblem() {
        if (preset.get() == null) {
            return texts.get("query.problem.range");
        }
        if (preset.get() == RangePreset.CUSTOM) {
            Instant from = read(customFrom.get(), false);
            Instant to = read(customTo.get(), true);
            if (from == null) {
                return texts.format("query.problem.from", PATTERN);
            }
            if (to == null) {
                return texts.format("query.problem.to", PATTERN);
            }
            if (to.isBefore(from)) {
                return texts.get("query.problem.order");
            }
        }
        AuditQuery.Attribute a = attribute.get();
        if (a != null) {
            String v = value();
            if (v.isEmpty()) {
                return texts.format("query.problem.value", texts.get("attribute." + a.name()));
            }
            if (a == AuditQuery.Attribute.READ_ONLY && !v.equals("true") && !v.equals("false")) {
                return texts.get("query.problem.readOnly");
            }
        }
        if (maxEventsPerScope.get() < 1) {
            return texts.get("query.problem.max");
        }
        return null;
    }

    private String value() {
        String v = attributeValue.get() == null ? "" : attributeValue.get().strip();
        return attribute.get() == AuditQuery.Attribute.READ_ONLY ? v.toLowerCase(Locale.ROOT) : v;
    }

    /** A from–to field as an instant; a date alone is its first minute (from) or its last second (to). Null when unreadable. */
    private Instant read(String text, boolean end) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(t, format).atZone(zone).toInstant();
        } catch (DateTimeException notDateTime) {
            try {
                LocalDate d = LocalDate.parse(t);
                return end ? d.atTime(LocalTime.MAX).atZone(zone).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        : d.atStartOfDay(zone).toInstant();
            } catch (DateTimeException notDate) {
                return null;
            }
        }
    }
}
