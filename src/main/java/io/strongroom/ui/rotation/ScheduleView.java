package io.strongroom.ui.rotation;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The schedule builder: every N days, every N hours or days ({@code rate()}), or a {@code cron()}
 * from its fields (hours, days of the month or of the week, months) or typed whole; the window;
 * the problem as the user types; and the next windows, in UTC and in the user's zone.
 */
final class ScheduleView extends VBox {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private static final double LEAD = 84;

    private final ScheduleModel model;
    private final Texts texts;
    private final DateTimeFormatter local;
    private final ZoneId zone;

    ScheduleView(ScheduleModel model, Texts texts, ZoneId zone) {
        this.model = model;
        this.texts = texts;
        this.zone = zone;
        this.local = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.getDefault()).withZone(zone);
        setSpacing(8);
        setId("rotation-schedule");

        HBox modes = segmented(model.modeProperty(), List.of(ScheduleModel.Mode.values()), "schedule.mode.");
        modes.setId("schedule-mode");

        Node days = row(lead("schedule.days.before"), field(model.daysProperty(), "schedule-days", 70), text("schedule.days.after"));
        ComboBox<ScheduleModel.RateUnit> unit = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ScheduleModel.RateUnit.values()));
        unit.setId("schedule-rate-unit");
        unit.valueProperty().bindBidirectional(model.rateUnitProperty());
        unit.setConverter(named("schedule.unit."));
        Node rate = row(lead("schedule.rate.before"), field(model.rateValueProperty(), "schedule-rate-value", 70), unit);
        Node cron = cronFields();
        shownIn(days, ScheduleModel.Mode.DAYS);
        shownIn(rate, ScheduleModel.Mode.RATE);
        shownIn(cron, ScheduleModel.Mode.CRON);

        TextField window = field(model.windowProperty(), "schedule-window", 70);
        window.setPromptText(texts.get("schedule.window.prompt"));
        Label windowHint = text("schedule.window.hint");
        windowHint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        Node windowRow = row(lead("schedule.window"), window, windowHint);

        Label problem = Controls.fieldMessage(model.problemProperty(), Controls.FIELD_PROBLEM);
        problem.setId("schedule-problem");

        getChildren().addAll(modes, days, rate, cron, windowRow, problem, preview());
    }

    // ---- Cron ----------------------------------------------------------------------------------

    private Node cronFields() {
        GridPane grid = Controls.form(8, 6, LEAD);
        int r = 0;
        TextField hours = field(model.cronHoursProperty(), "schedule-cron-hours", 90);
        Label hoursHint = text("schedule.cron.hours.hint");
        hoursHint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        grid.addRow(r++, lead("schedule.cron.hours"), row(hours, hoursHint));

        ToggleGroup kinds = new ToggleGroup();
        RadioButton everyDay = radio(kinds, ScheduleModel.CronDays.EVERY_DAY);
        RadioButton ofMonth = radio(kinds, ScheduleModel.CronDays.DAYS_OF_MONTH);
        RadioButton ofWeek = radio(kinds, ScheduleModel.CronDays.DAYS_OF_WEEK);
        select(kinds, model.cronDaysProperty());
        TextField dom = field(model.cronDaysOfMonthProperty(), "schedule-cron-days-of-month", 90);
        dom.disableProperty().bind(model.cronDaysProperty().isNotEqualTo(ScheduleModel.CronDays.DAYS_OF_MONTH));
        HBox weekdays = new HBox();
        weekdays.setId("schedule-cron-weekdays");
        for (int i = 0; i < WEEK.size(); i++) {
            DayOfWeek d = WEEK.get(i);
            ToggleButton b = new ToggleButton(d.getDisplayName(TextStyle.SHORT, Locale.getDefault()));
            b.setId("schedule-cron-" + ScheduleModel.abbreviation(d).toLowerCase(Locale.ROOT));
            b.selectedProperty().bindBidirectional(model.cronWeekdayProperty(d));
            b.getStyleClass().addAll(Styles.SMALL, i == 0 ? Styles.LEFT_PILL : i == WEEK.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            weekdays.getChildren().add(b);
        }
        weekdays.disableProperty().bind(model.cronDaysProperty().isNotEqualTo(ScheduleModel.CronDays.DAYS_OF_WEEK));
        VBox dayChoices = new VBox(6, everyDay, row(ofMonth, dom), row(ofWeek, weekdays));
        Label daysLabel = lead("schedule.cron.days");
        GridPane.setValignment(daysLabel, javafx.geometry.VPos.TOP);
        daysLabel.setPadding(new javafx.geometry.Insets(2, 0, 0, 0));
        grid.addRow(r++, daysLabel, dayChoices);

        TextField months = field(model.cronMonthsProperty(), "schedule-cron-months", 90);
        Label monthsHint = text("schedule.cron.months.hint");
        monthsHint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        grid.addRow(r++, lead("schedule.cron.months"), row(months, monthsHint));

        TextField expression = field(model.cronExpressionProperty(), "schedule-cron-expression", 260);
        expression.getStyleClass().add(Controls.MONO);
        HBox.setHgrow(expression, Priority.ALWAYS);
        expression.setMaxWidth(Double.MAX_VALUE);
        Label notShown = Controls.fieldMessage(Bindings.createStringBinding(() -> model.cronFieldsShownProperty().get() ? null
                : texts.get("schedule.cron.notShown"), model.cronFieldsShownProperty()), Controls.FIELD_HINT);
        grid.addRow(r, lead("schedule.cron.expression"), new VBox(4, expression, notShown));
        return grid;
    }

    private RadioButton radio(ToggleGroup group, ScheduleModel.CronDays kind) {
        RadioButton b = new RadioButton(texts.get("schedule.cron.days." + kind.name().toLowerCase(Locale.ROOT)));
        b.setToggleGroup(group);
        b.setUserData(kind);
        b.setMinWidth(RadioButton.USE_PREF_SIZE);
        return b;
    }

    // ---- Preview -------------------------------------------------------------------------------

    private Node preview() {
        Label title = Controls.formLabel(texts.get("schedule.preview"));
        Label words = new Label();
        words.setId("schedule-description");
        words.setWrapText(true);
        // the description names a window that was given; AWS's default window is said here
        words.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = model.descriptionProperty().get();
            Duration w = model.windowLengthProperty().get();
            if (d == null) {
                return "";
            }
            return model.windowValue() != null || w == null ? texts.format("schedule.preview.words", d)
                    : texts.format("schedule.preview.wordsDefaultWindow", d, w.toHours());
        }, model.descriptionProperty(), model.windowLengthProperty(), model.windowProperty()));
        VBox dates = new VBox(2);
        dates.setId("schedule-preview");
        Label none = text("schedule.preview.none");
        none.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        Runnable fill = () -> {
            dates.getChildren().clear();
            for (Instant start : model.preview()) {
                Label l = new Label(line(start));
                l.getStyleClass().addAll(Controls.MONO, Styles.TEXT_SMALL);
                dates.getChildren().add(l);
            }
            if (model.preview().isEmpty() && model.problemProperty().get() == null) {
                dates.getChildren().add(none);
            }
        };
        model.preview().addListener((ListChangeListener<Instant>) c -> fill.run());
        model.problemProperty().addListener((o, was, now) -> fill.run());
        fill.run();
        VBox box = new VBox(4, title, words, dates);
        box.getStyleClass().add("sr-rot-preview");
        box.visibleProperty().bind(model.problemProperty().isNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** "Sun 2025-01-05 00:00 UTC · Sun 2025-01-05 01:00 CET", the local part left out where the user's zone is UTC. */
    private String line(Instant start) {
        String utc = UTC.format(start);
        boolean sameAsUtc = zone.getRules().getOffset(start).equals(ZoneOffset.UTC);
        return sameAsUtc ? utc : texts.format("schedule.preview.line", utc, local.format(start));
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private <E extends Enum<E>> HBox segmented(ObjectProperty<E> value, List<E> choices, String keyPrefix) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        for (int i = 0; i < choices.size(); i++) {
            E c = choices.get(i);
            ToggleButton b = new ToggleButton(texts.get(keyPrefix + c.name().toLowerCase(Locale.ROOT)));
            b.setToggleGroup(group);
            b.setUserData(c);
            b.setId("schedule-mode-" + c.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().addAll(Styles.SMALL, i == 0 ? Styles.LEFT_PILL : i == choices.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            box.getChildren().add(b);
        }
        select(group, value);
        return box;
    }

    /** Keeps {@code group}'s selection and {@code value} together; a click on the selected toggle keeps it selected. */
    private static <E> void select(ToggleGroup group, ObjectProperty<E> value) {
        Runnable fromValue = () -> group.getToggles().stream().filter(t -> t.getUserData() == value.get()).findFirst()
                .ifPresent(group::selectToggle);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                @SuppressWarnings("unchecked")
                E chosen = (E) now.getUserData();
                value.set(chosen);
            }
        });
        value.addListener((o, was, now) -> fromValue.run());
        fromValue.run();
    }

    private void shownIn(Node node, ScheduleModel.Mode mode) {
        node.visibleProperty().bind(model.modeProperty().isEqualTo(mode));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static TextField field(javafx.beans.property.StringProperty value, String id, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(4);
        f.setPrefWidth(width);
        f.setMinWidth(width);
        return f;
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A row's first label, as wide as the others, so every mode's fields line up. */
    private Label lead(String key) {
        Label l = text(key);
        l.setMinWidth(LEAD);
        return l;
    }

    private Label text(String key) {
        Label l = new Label(texts.get(key));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private <E extends Enum<E>> StringConverter<E> named(String keyPrefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : texts.get(keyPrefix + e.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
