package io.strongroom.ui.rotation;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule builder: a rotation schedule as Secrets Manager takes it, built one of three ways
 * (every N days as AutomaticallyAfterDays; every N hours or days as {@code rate()}; a
 * {@code cron()} from its fields or typed whole), with an optional window (Duration, "3h").
 * Checked as the user types (the message is what is wrong, in RotateSecret's words where it has
 * them), described in words, and previewed as the next {@link #PREVIEW_COUNT} window starts. A
 * schedule is always one of days or an expression, never both: the mode decides which is sent.
 */
public final class ScheduleModel {

    public static final int PREVIEW_COUNT = 5;

    public enum Mode { DAYS, RATE, CRON }

    public enum RateUnit { HOURS, DAYS }

    /** Which days a cron's windows open on. */
    public enum CronDays { EVERY_DAY, DAYS_OF_MONTH, DAYS_OF_WEEK }

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(hours?|days?)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*\\)");
    private static final Pattern WEEKDAYS = Pattern.compile("(SUN|MON|TUE|WED|THU|FRI|SAT)(,(SUN|MON|TUE|WED|THU|FRI|SAT))*");

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.DAYS);
    private final StringProperty days = new SimpleStringProperty(this, "days", "30");
    private final StringProperty rateValue = new SimpleStringProperty(this, "rateValue", "12");
    private final ObjectProperty<RateUnit> rateUnit = new SimpleObjectProperty<>(this, "rateUnit", RateUnit.HOURS);
    private final StringProperty cronHours = new SimpleStringProperty(this, "cronHours", "4");
    private final ObjectProperty<CronDays> cronDays = new SimpleObjectProperty<>(this, "cronDays", CronDays.EVERY_DAY);
    private final StringProperty cronDaysOfMonth = new SimpleStringProperty(this, "cronDaysOfMonth", "1");
    private final Map<DayOfWeek, BooleanProperty> cronWeekdays = new EnumMap<>(DayOfWeek.class);
    private final StringProperty cronMonths = new SimpleStringProperty(this, "cronMonths", "*");
    private final StringProperty cronExpression = new SimpleStringProperty(this, "cronExpression");
    private final StringProperty window = new SimpleStringProperty(this, "window", "");
    private final ObjectProperty<Instant> lastRotation = new SimpleObjectProperty<>(this, "lastRotation", Instant.EPOCH);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now", Instant.EPOCH);

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyObjectWrapper<Duration> windowLength = new ReadOnlyObjectWrapper<>(this, "windowLength");
    private final ReadOnlyBooleanWrapper cronFieldsShown = new ReadOnlyBooleanWrapper(this, "cronFieldsShown", true);
    private final ObservableList<Instant> preview = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners added to it stay registered (a new view per call is only weakly held by the list). */
    private final ObservableList<Instant> previewShown = FXCollections.unmodifiableObservableList(preview);
    private final Texts texts;
    /** Set while fields and expression are written from each other, so neither echoes back. */
    private boolean syncing;

    public ScheduleModel(Texts texts) {
        this.texts = Objects.requireNonNull(texts);
        for (DayOfWeek d : DayOfWeek.values()) {
            cronWeekdays.put(d, new SimpleBooleanProperty(this, "cron" + d, d == DayOfWeek.SUNDAY));
        }
        cronExpression.set(cronFromFields());
        // change listeners, not invalidation ones: a property nobody read since its last change fires no invalidation
        List<ObservableValue<?>> fields = new java.util.ArrayList<>(List.of(cronHours, cronDays, cronDaysOfMonth, cronMonths));
        fields.addAll(cronWeekdays.values());
        fields.forEach(f -> f.addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                cronExpression.set(cronFromFields());
                cronFieldsShown.set(true);
                syncing = false;
            }
        }));
        cronExpression.addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                cronFieldsShown.set(fieldsFromCron(cronExpression.get()));
                syncing = false;
            }
        });
        for (ObservableValue<?> o : List.<ObservableValue<?>>of(mode, days, rateValue, rateUnit, cronExpression, window, lastRotation, now)) {
            o.addListener((x, was, is) -> check());
        }
        check();
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Every N days: N, as typed (1 to 1000). */
    public StringProperty daysProperty() {
        return days;
    }

    /** Every N hours or days ({@code rate()}): N, as typed. */
    public StringProperty rateValueProperty() {
        return rateValue;
    }

    public ObjectProperty<RateUnit> rateUnitProperty() {
        return rateUnit;
    }

    /** The cron's Hours field ("4", "0,12", "0/6"). Windows start on the hour, so minutes are always 0. */
    public StringProperty cronHoursProperty() {
        return cronHours;
    }

    public ObjectProperty<CronDays> cronDaysProperty() {
        return cronDays;
    }

    /** The cron's Day-of-month field when days of the month are chosen ("1", "1,15", "L"). */
    public StringProperty cronDaysOfMonthProperty() {
        return cronDaysOfMonth;
    }

    /** Whether the cron opens windows on {@code day} when days of the week are chosen. */
    public BooleanProperty cronWeekdayProperty(DayOfWeek day) {
        return cronWeekdays.get(day);
    }

    /** The cron's Month field ("*", "1,4,7,10", "JAN-JUN"). */
    public StringProperty cronMonthsProperty() {
        return cronMonths;
    }

    /** The whole {@code cron(...)} expression: written by the fields, or typed (the fields follow when they can show it). */
    public StringProperty cronExpressionProperty() {
        return cronExpression;
    }

    /** The window (Duration): "" for AWS's default, else whole hours such as "3h". */
    public StringProperty windowProperty() {
        return window;
    }

    /** The rotation a schedule counted in days starts from (for the preview): now when rotating immediately. */
    public ObjectProperty<Instant> lastRotationProperty() {
        return lastRotation;
    }

    /** The time a calendar schedule's preview starts after. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** What RotateSecret would refuse in this schedule, in words; null when it is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The schedule in words ("every 30 days"); null while it is not valid. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** How long each window stays open; null while the schedule is not valid. */
    public ReadOnlyObjectProperty<Duration> windowLengthProperty() {
        return windowLength.getReadOnlyProperty();
    }

    /** Whether the cron fields show the expression (false for one typed with parts the fields cannot show). */
    public ReadOnlyBooleanProperty cronFieldsShownProperty() {
        return cronFieldsShown.getReadOnlyProperty();
    }

    /** When the next windows open (UTC instants), at most {@link #PREVIEW_COUNT}; empty while not valid. */
    public ObservableList<Instant> preview() {
        return previewShown;
    }

    public boolean isValid() {
        return problem.get() == null;
    }

    // ---- The rules sent ------------------------------------------------------------------------

    /** AutomaticallyAfterDays, in the days mode; else null. Null too when not a number. */
    public Long automaticallyAfterDays() {
        return mode.get() == Mode.DAYS ? number(days.get()) : null;
    }

    /** ScheduleExpression, in the rate and cron modes; else null. */
    public String scheduleExpression() {
        return switch (mode.get()) {
            case DAYS -> null;
            case RATE -> {
                Long n = number(rateValue.get());
                String unit = rateUnit.get() == RateUnit.HOURS ? "hour" : "day";
                yield "rate(" + (n == null ? rateValue.get().trim() : n) + " " + unit + (n != null && n == 1 ? "" : "s") + ")";
            }
            case CRON -> cronExpression.get() == null ? "" : cronExpression.get().trim();
        };
    }

    /** Duration, or null for AWS's default. */
    public String windowValue() {
        String w = window.get() == null ? "" : window.get().trim();
        return w.isEmpty() ? null : w;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Shows a secret's schedule (or the defaults, for one that has none). */
    public void load(SecretSummary.Rotation r) {
        window.set(r.window() == null ? "" : r.window());
        String e = r.scheduleExpression();
        Matcher rate = e == null ? null : RATE.matcher(e.trim());
        if (r.automaticallyAfterDays() != null) {
            days.set(String.valueOf(r.automaticallyAfterDays()));
            mode.set(Mode.DAYS);
        } else if (rate != null && rate.matches()) {
            rateValue.set(rate.group(1));
            rateUnit.set(rate.group(2).startsWith("hour") ? RateUnit.HOURS : RateUnit.DAYS);
            mode.set(Mode.RATE);
        } else if (e != null) {
            cronExpression.set(e.trim());
            mode.set(Mode.CRON);
        } else {
            mode.set(Mode.DAYS);
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private void check() {
        Optional<String> bad = inputProblem();
        Long d = automaticallyAfterDays();
        String e = scheduleExpression();
        String w = windowValue();
        if (bad.isEmpty()) {
            bad = ScheduleRules.problem(d, e, w);
        }
        problem.set(bad.orElse(null));
        if (bad.isPresent()) {
            description.set(null);
            windowLength.set(null);
            preview.clear();
            return;
        }
        description.set(ScheduleRules.describe(d, e, w));
        windowLength.set(ScheduleRules.window(d, e, w));
        preview.setAll(ScheduleRules.nextStarts(d, e, w, lastRotation.get(), now.get(), PREVIEW_COUNT));
    }

    /** What is wrong before the rules can be read at all (a number field that holds no number). */
    private Optional<String> inputProblem() {
        if (mode.get() == Mode.DAYS && number(days.get()) == null) {
            return Optional.of(texts.get("schedule.problem.days"));
        }
        if (mode.get() == Mode.RATE && number(rateValue.get()) == null) {
            return Optional.of(texts.get(rateUnit.get() == RateUnit.HOURS ? "schedule.problem.rateHours" : "schedule.problem.rateDays"));
        }
        if (mode.get() == Mode.CRON && scheduleExpression().isEmpty()) {
            return Optional.of(texts.get("schedule.problem.cron"));
        }
        return Optional.empty();
    }

    private String cronFromFields() {
        String dom;
        String dow;
        switch (cronDays.get()) {
            case DAYS_OF_MONTH -> {
                dom = blankAs(cronDaysOfMonth.get(), "1");
                dow = "?";
            }
            case DAYS_OF_WEEK -> {
                dom = "?";
                StringBuilder b = new StringBuilder();
                for (DayOfWeek d : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
                    if (cronWeekdays.get(d).get()) {
                        b.append(b.length() == 0 ? "" : ",").append(abbreviation(d));
                    }
                }
                dow = b.length() == 0 ? "SUN" : b.toString();
            }
            default -> {
                dom = "*";
                dow = "?";
            }
        }
        return "cron(0 " + blankAs(cronHours.get(), "0") + " " + dom + " " + blankAs(cronMonths.get(), "*") + " " + dow + " *)";
    }

    /** Sets the fields from a typed expression; false when they cannot show it (it stays as typed). */
    private boolean fieldsFromCron(String expression) {
        Matcher m = expression == null ? null : CRON.matcher(expression.trim());
        if (m == null || !m.matches() || !m.group(1).equals("0") || !m.group(6).equals("*")) {
            return false;
        }
        String dom = m.group(3);
        String dow = m.group(5);
        CronDays kind;
        if (dom.equals("*") && dow.equals("?") || dom.equals("?") && dow.equals("*")) {
            kind = CronDays.EVERY_DAY;
        } else if (dow.equals("?")) {
            kind = CronDays.DAYS_OF_MONTH;
            cronDaysOfMonth.set(dom);
        } else if (dom.equals("?") && WEEKDAYS.matcher(dow.toUpperCase(java.util.Locale.ROOT)).matches()) {
            kind = CronDays.DAYS_OF_WEEK;
            String upper = dow.toUpperCase(java.util.Locale.ROOT);
            cronWeekdays.forEach((d, p) -> p.set(upper.contains(abbreviation(d))));
        } else {
            return false;
        }
        cronDays.set(kind);
        cronHours.set(m.group(2));
        cronMonths.set(m.group(4));
        return true;
    }

    static String abbreviation(DayOfWeek d) {
        return d.name().substring(0, 3);
    }

    private static String blankAs(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s.trim().replaceAll("\\s+", "");
    }

    private static Long number(String s) {
        if (s == null || !s.trim().matches("-?\\d{1,9}")) {
            return null;
        }
        return Long.parseLong(s.trim());
    }

    @Override
    public String toString() {
        return "ScheduleModel[" + mode.get() + ", " + Objects.toString(automaticallyAfterDays(), scheduleExpression()) + "]";
    }
}
