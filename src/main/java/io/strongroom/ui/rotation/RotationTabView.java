package io.strongroom.ui.rotation;

import atlantafx.base.theme.Styles;
import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationFunctionInfo;
import io.strongroom.domain.RotationState;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Rotation tab: where the secret's rotation stands (with "Rotate now"), the rotation followed
 * live, the configuration (function, schedule builder, Save, Turn off; disabled in read-only
 * mode), and the history. Binds to {@link RotationTabViewModel} and forwards; it only formats.
 */
public final class RotationTabView extends VBox {

    public static final String STYLESHEET = RotationTabView.class.getResource("rotation-tab.css").toExternalForm();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "\u2014";

    private final RotationTabViewModel vm;
    private final Texts texts;
    private final Clock clock;
    private final List<Node> watchedAncestors = new ArrayList<>();
    private final InvalidationListener shownChange = o -> shownChanged();

    /**
     * @param zone  the user's zone, for the schedule preview beside UTC
     * @param clock for "in 3 days" and "2 days ago"
     */
    private java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> repairs = (x, w) -> { };
    private java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> manualRotations = (x, w) -> { };

    /** Where "Repair…" (shown when the rotation is stuck or failed) and "Rotate by hand…" go. */
    public RotationTabView withRepairs(java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> repair,
                                       java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> manual) {
        this.repairs = java.util.Objects.requireNonNull(repair);
        this.manualRotations = java.util.Objects.requireNonNull(manual);
        return this;
    }

    private void opened(java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> window) {
        if (vm.secretProperty().get() != null) {
            window.accept(vm.secretProperty().get(), getScene() == null ? null : getScene().getWindow());
        }
    }

    public RotationTabView(RotationTabViewModel vm, Texts texts, ZoneId zone, Clock clock) {
        this.vm = vm;
        this.texts = texts;
        this.clock = clock;
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-rotation-tab");
        setSpacing(14);
        setPadding(new Insets(10));
        getChildren().addAll(stateCard(), new RotationProgressView(vm.progress(), texts), configureCard(zone),
                new RotationHistoryView(vm.history(), vm.loadErrorProperty(), texts));
        // the detail pane builds every tab up front: events are read only while this one is on screen
        sceneProperty().addListener(shownChange);
        shownChanged();
    }

    // ---- State ---------------------------------------------------------------------------------

    private Node stateCard() {
        Label status = new Label();
        status.setId("rotation-status");
        status.getStyleClass().add("sr-rot-status");
        vm.header().stateProperty().addListener((o, was, now) -> showStatus(status, now));
        showStatus(status, vm.header().stateProperty().get());
        Label title = Controls.sectionTitle(texts.get("state.title"));

        Button refresh = Controls.iconButton(MaterialDesignR.REFRESH, texts.get("state.refresh"));
        refresh.setId("rotation-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.refresh());
        Button rotateNow = Controls.button(texts.get("state.rotateNow"), MaterialDesignP.PLAY_CIRCLE_OUTLINE);
        rotateNow.setId("rotation-rotate-now");
        rotateNow.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        rotateNow.disableProperty().bind(vm.canRotateNowProperty().not());
        rotateNow.setOnAction(e -> vm.rotateNow());
        Button repair = Controls.button(texts.get("state.repair"), MaterialDesignR.REFRESH);
        repair.setId("rotation-repair");
        repair.getStyleClass().add(Styles.SMALL);
        repair.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var state = vm.header().stateProperty().get();
            return state != null && (state.status() == io.strongroom.domain.RotationState.Status.STUCK
                    || state.status() == io.strongroom.domain.RotationState.Status.FAILED);
        }, vm.header().stateProperty()));
        repair.managedProperty().bind(repair.visibleProperty());
        repair.setOnAction(e -> opened(repairs));
        Button manual = Controls.button(texts.get("state.manual"), MaterialDesignP.PLAY_CIRCLE_OUTLINE);
        manual.setId("rotation-manual");
        manual.getStyleClass().add(Styles.SMALL);
        manual.setOnAction(e -> opened(manualRotations));
        HBox head = new HBox(10, status, title, Controls.spacer(), refresh, repair, manual, rotateNow);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(label, value, label, value);
        facts.add(Controls.formLabel(texts.get("state.rotation")), 0, 0);
        facts.add(fact("state-enabled", s -> texts.get(s.secret().rotation().enabled() ? "state.on" : "state.off")), 1, 0);
        facts.add(Controls.formLabel(texts.get("state.function")), 0, 1);
        Label function = fact("state-function", s -> functionName(s.secret().rotation().lambdaArn()));
        function.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            RotationState s = vm.header().stateProperty().get();
            return s == null || s.secret().rotation().lambdaArn() == null ? null : new Tooltip(s.secret().rotation().lambdaArn());
        }, vm.header().stateProperty()));
        facts.add(function, 1, 1);
        facts.add(Controls.formLabel(texts.get("state.schedule")), 0, 2);
        Label schedule = new Label();
        schedule.setId("state-schedule");
        schedule.setWrapText(true);
        schedule.textProperty().bind(Bindings.createStringBinding(() -> vm.header().scheduleWordsProperty().get() == null ? NONE
                : vm.header().scheduleWordsProperty().get(), vm.header().scheduleWordsProperty()));
        facts.add(schedule, 1, 2);
        facts.add(Controls.formLabel(texts.get("state.lastRotated")), 2, 0);
        facts.add(fact("state-last-rotated", s -> s.neverRotated() ? texts.get("state.never") : timeAndAge(s.secret().rotation().lastRotated())), 3, 0);
        facts.add(Controls.formLabel(texts.get("state.nextRotation")), 2, 1);
        Label next = fact("state-next-rotation", s -> s.secret().rotation().enabled() && s.secret().rotation().nextRotation() != null
                ? timeAndAge(s.secret().rotation().nextRotation()) : NONE);
        Label overdue = new Label(texts.get("state.overdue"));
        overdue.setId("state-overdue");
        overdue.getStyleClass().addAll("sr-rot-badge", "badge-danger");
        overdue.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.header().stateProperty().get() != null && vm.header().stateProperty().get().overdue(),
                vm.header().stateProperty()));
        overdue.managedProperty().bind(overdue.visibleProperty());
        HBox nextBox = new HBox(6, next, overdue);
        nextBox.setAlignment(Pos.CENTER_LEFT);
        facts.add(nextBox, 3, 1);
        facts.add(Controls.formLabel(texts.get("state.latestEvent")), 2, 2);
        Label event = new Label();
        event.setId("state-latest-event");
        event.setWrapText(true);
        event.textProperty().bind(Bindings.createStringBinding(() -> latest(vm.header().latestEventProperty().get()), vm.header().latestEventProperty()));
        facts.add(event, 3, 2);

        VBox card = new VBox(10, head, facts,
                Controls.banner(failure(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(stuck(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(vm.noticeProperty(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE),
                Controls.banner(vm.writeErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        card.getStyleClass().addAll(Controls.CARD, "sr-rot-state");
        return card;
    }

    private void showStatus(Label status, RotationState s) {
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (s == null) {
            status.setText("");
            status.setGraphic(null);
            return;
        }
        String name = s.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        status.setText(texts.get("status." + name));
        status.setGraphic(new FontIcon(statusIcon(s.status())));
        status.getStyleClass().add("status-" + name);
    }

    private static Ikon statusIcon(RotationState.Status s) {
        return switch (s) {
            case NOT_CONFIGURED -> MaterialDesignC.CIRCLE_OFF_OUTLINE;
            case DISABLED -> MaterialDesignP.PAUSE_CIRCLE_OUTLINE;
            case ENABLED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case ROTATING -> MaterialDesignA.AUTORENEW;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case STUCK -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
        };
    }

    private Label fact(String id, Function<RotationState, String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.header().stateProperty().get() == null ? NONE
                : text.apply(vm.header().stateProperty().get()), vm.header().stateProperty()));
        return l;
    }

    private String latest(RotationEvent e) {
        if (e == null) {
            return texts.get("state.noEvent");
        }
        String what = texts.format("event." + e.kind().name().toLowerCase(Locale.ROOT), e.step() == null ? "?" : e.step());
        return texts.format("state.event", what, TIME.format(e.time()));
    }

    /** The latest failure's step and reason while the rotation stands failed or stuck after it. */
    private StringBinding failure() {
        return Bindings.createStringBinding(() -> {
            RotationState s = vm.header().stateProperty().get();
            RotationEvent e = s == null ? null : s.last();
            if (e == null || e.kind() != RotationEvent.Kind.FAILED
                    || s.status() != RotationState.Status.FAILED && s.status() != RotationState.Status.STUCK) {
                return null;
            }
            return texts.format("state.failure", e.step() == null ? "?" : e.step(), e.reason() == null ? texts.get("progress.noReason") : e.reason());
        }, vm.header().stateProperty());
    }

    private StringBinding stuck() {
        return Bindings.createStringBinding(() -> {
            RotationState s = vm.header().stateProperty().get();
            return s == null || s.status() != RotationState.Status.STUCK ? null : texts.format("state.stuck", s.pendingVersion());
        }, vm.header().stateProperty());
    }

    private String timeAndAge(Instant t) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), LocalDate.ofInstant(t, ZoneOffset.UTC));
        String age = days == 0 ? texts.get("relative.today") : days > 0 ? texts.format("relative.in", days) : texts.format("relative.ago", -days);
        return texts.format("state.timeAndAge", TIME.format(t), age);
    }

    static String functionName(String arn) {
        return arn == null ? NONE : arn.substring(arn.lastIndexOf(':') + 1);
    }

    // ---- Configure -----------------------------------------------------------------------------

    private Node configureCard(ZoneId zone) {
        Label title = Controls.sectionTitle(texts.get("configure.title"));
        Label readOnly = new Label(texts.get("configure.readOnly"), new FontIcon(MaterialDesignE.EYE_OUTLINE));
        readOnly.setId("configure-read-only");
        readOnly.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        readOnly.visibleProperty().bind(vm.canConfigureProperty().not().and(vm.secretProperty().isNotNull()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        HBox head = new HBox(10, title, Controls.spacer(), readOnly);
        head.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RotationFunctionInfo> function = new ComboBox<>(vm.functions().functions());
        function.setId("rotation-function");
        function.valueProperty().bindBidirectional(vm.functions().chosenProperty());
        function.setPromptText(texts.get("configure.function.prompt"));
        function.setCellFactory(l -> new FunctionCell(true));
        function.setButtonCell(new FunctionCell(false));
        function.setMaxWidth(Double.MAX_VALUE);
        function.setPrefWidth(360);
        Label description = new Label();
        description.setId("rotation-function-description");
        description.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.functions().chosenProperty().get()), vm.functions().chosenProperty()));
        Label functionsError = Controls.fieldMessage(vm.functions().errorProperty(), Controls.FIELD_PROBLEM);

        GridPane form = Controls.form(14, 10, 90);
        form.addRow(0, Controls.formLabel(texts.get("configure.function")), new VBox(4, function, description, functionsError));
        Label scheduleLabel = Controls.formLabel(texts.get("configure.schedule"));
        GridPane.setValignment(scheduleLabel, javafx.geometry.VPos.TOP);
        form.addRow(1, scheduleLabel, new ScheduleView(vm.schedule(), texts, zone));

        CheckBox immediately = new CheckBox(texts.get("configure.immediately"));
        immediately.setId("rotation-immediately");
        immediately.selectedProperty().bindBidirectional(vm.rotateImmediatelyProperty());
        Button save = Controls.button(texts.get("configure.save"), MaterialDesignC.CONTENT_SAVE_OUTLINE);
        save.setId("rotation-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button turnOff = Controls.button(texts.get("configure.turnOff"), MaterialDesignS.STOP_CIRCLE_OUTLINE);
        turnOff.setId("rotation-turn-off");
        turnOff.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        turnOff.disableProperty().bind(vm.canTurnOffProperty().not());
        turnOff.setOnAction(e -> vm.turnOff());
        HBox actions = new HBox(10, immediately, Controls.spacer(), turnOff, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.disableProperty().bind(vm.canConfigureProperty().not());
        immediately.disableProperty().bind(vm.canConfigureProperty().not());

        Label hint = new Label(texts.get("configure.hint"), new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox card = new VBox(12, head, form, actions, hint);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private String describe(RotationFunctionInfo f) {
        if (f == null) {
            return "";
        }
        String d = f.description() == null || f.description().isBlank() ? "" : f.description();
        return vm.functions().isListed(f) ? d : texts.format("configure.function.unlisted", f.arn());
    }

    private final class FunctionCell extends ListCell<RotationFunctionInfo> {
        private final boolean withDescription;

        FunctionCell(boolean withDescription) {
            this.withDescription = withDescription;
        }

        @Override
        protected void updateItem(RotationFunctionInfo f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(empty ? null : texts.get("configure.function.prompt"));
                setGraphic(null);
                return;
            }
            String name = vm.functions().isListed(f) ? f.name() : texts.format("configure.function.unlistedName", f.name());
            if (!withDescription) {
                setText(name);
                setGraphic(null);
                return;
            }
            Label n = new Label(name);
            n.getStyleClass().add(Styles.TEXT_BOLD);
            Label d = new Label(f.description() == null ? "" : f.description());
            d.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            d.setMaxWidth(420);
            setText(null);
            setGraphic(new VBox(1, n, d));
        }
    }

    // ---- Shown ---------------------------------------------------------------------------------

    /** On screen: in a scene, and neither it nor any ancestor hidden (the tab pane hides the tabs not selected). */
    private void shownChanged() {
        watchedAncestors.forEach(n -> {
            n.visibleProperty().removeListener(shownChange);
            n.parentProperty().removeListener(shownChange);
        });
        watchedAncestors.clear();
        boolean shown = getScene() != null;
        for (Node n = this; n != null; n = n.getParent()) {
            n.visibleProperty().addListener(shownChange);
            n.parentProperty().addListener(shownChange);
            watchedAncestors.add(n);
            shown &= n.isVisible();
        }
        vm.setShown(shown);
    }

    RotationTabViewModel viewModel() {
        return vm;
    }
}
