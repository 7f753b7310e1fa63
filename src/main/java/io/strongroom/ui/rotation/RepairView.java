package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.rotation.RepairPlan.Repair;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The repair of one secret's rotation: what happened, in words, with the versions and their
 * labels; then the three repairs, each with the exact calls it makes as AWS CLI lines (and, once
 * run, each call's outcome), the test Promote waits for, and the button that asks before sending.
 * Binds and forwards only: {@link RepairViewModel} decides.
 */
public final class RepairView extends BorderPane {

    /** The repair view's and the wizard's stylesheet. */
    public static final String STYLESHEET = Objects.requireNonNull(RepairView.class.getResource("rotation-repair.css")).toExternalForm();

    private final RepairViewModel vm;
    private final Texts texts;
    private final Map<Repair, VBox> callBoxes = new EnumMap<>(Repair.class);
    private final Map<Repair, Label> unavailable = new EnumMap<>(Repair.class);
    private Runnable onOpenWizard = () -> { };

    public RepairView(RepairViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = vm.texts();
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-repair");
        setId("repair-view");

        VBox page = new VBox(
                Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(vm.eventsProblemProperty(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                whatHappened(), repairs());
        page.getStyleClass().add("sr-repair-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        setTop(header());
        setCenter(scroll);

        vm.plans().addListener((ListChangeListener<RepairPlan>) c -> refreshPlans());
        vm.steps().addListener((ListChangeListener<RepairStep>) c -> refreshPlans());
        vm.lastRunProperty().addListener(o -> refreshPlans());
        refreshPlans();
    }

    /** What "Continue in the wizard…" does, when AWSPENDING is a manual rotation this console started. */
    public void setOnOpenWizard(Runnable onOpenWizard) {
        this.onOpenWizard = Objects.requireNonNull(onOpenWizard);
    }

    // ---- Header ----------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label(texts.format("repair.title"), Controls.icon(MaterialDesignW.WRENCH_OUTLINE));
        title.getStyleClass().add("sr-repair-title");
        Label chip = new Label(vm.secretProperty().get().scope().label());
        chip.getStyleClass().add("sr-scope-chip");
        chip.setId("repair-scope");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty().or(vm.runningProperty()));
        Button refresh = Controls.button(texts.format("repair.refresh"), MaterialDesignR.REFRESH);
        refresh.setId("repair-refresh");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.disableProperty().bind(vm.loadingProperty().or(vm.runningProperty()));
        refresh.setOnAction(e -> vm.load());
        HBox titleRow = new HBox(10, title, chip, Controls.spacer(), busy, refresh);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(vm.secretProperty().get().name());
        name.getStyleClass().addAll(Controls.MONO, "sr-repair-name");
        name.setId("repair-secret-name");
        VBox header = new VBox(4, titleRow, name);
        header.getStyleClass().add("sr-repair-header");
        return header;
    }

    // ---- What happened ---------------------------------------------------------------------------

    private Node whatHappened() {
        Label headline = new Label();
        headline.setId("repair-headline");
        headline.getStyleClass().add("sr-repair-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(Bindings.createStringBinding(() -> vm.diagnosisProperty().get() == null
                ? texts.format("repair.loading") : vm.diagnosisProperty().get().headline(), vm.diagnosisProperty()));
        vm.stateProperty().addListener((o, was, now) -> {
            headline.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, Styles.ACCENT);
            headline.getStyleClass().add(stateStyle(now));
        });
        Label explanation = new Label();
        explanation.setId("repair-explanation");
        explanation.getStyleClass().add("sr-repair-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> vm.diagnosisProperty().get() == null ? ""
                : vm.diagnosisProperty().get().text(), vm.diagnosisProperty()));

        VBox versions = new VBox(4);
        versions.setId("repair-versions");
        vm.versions().addListener((ListChangeListener<SecretVersion>) c -> fillVersions(versions));
        fillVersions(versions);
        Label versionsTitle = Controls.formLabel(texts.format("repair.versions"));
        versionsTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.versions()));
        versionsTitle.managedProperty().bind(versionsTitle.visibleProperty());

        Button wizard = Controls.button(texts.format("repair.openWizard"), MaterialDesignK.KEY_CHANGE);
        wizard.setId("repair-open-wizard");
        wizard.getStyleClass().add(Styles.SMALL);
        wizard.visibleProperty().bind(vm.manualInProgressProperty());
        wizard.managedProperty().bind(wizard.visibleProperty());
        wizard.setOnAction(e -> onOpenWizard.run());
        VBox card = new VBox(8, Controls.sectionTitle(texts.format("repair.whatHappened")), headline, explanation, wizard,
                versionsTitle, versions);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private void fillVersions(VBox box) {
        box.getChildren().clear();
        for (SecretVersion v : vm.versions()) {
            HBox row = new HBox(8);
            row.setAlignment(Pos.CENTER_LEFT);
            for (String stage : v.stages()) {
                Label chip = new Label(stage);
                chip.getStyleClass().add("sr-repair-version-stage");
                if (stage.equals(VersionSelector.AWSPENDING)) {
                    chip.getStyleClass().add("pending");
                } else if (stage.equals(VersionSelector.AWSCURRENT)) {
                    chip.getStyleClass().add("current");
                }
                row.getChildren().add(chip);
            }
            Label id = new Label(v.versionId());
            id.getStyleClass().add(Controls.MONO);
            Label created = new Label(v.created() == null ? "" : texts.format("repair.version.created", vm.formats().dateTime(v.created())));
            created.getStyleClass().add(Styles.TEXT_MUTED);
            row.getChildren().addAll(id, created);
            box.getChildren().add(row);
        }
    }

    private static String stateStyle(RotationState s) {
        if (s == null) {
            return Styles.ACCENT;
        }
        return switch (s.status()) {
            case STUCK, FAILED -> Styles.DANGER;
            case ROTATING -> Styles.ACCENT;
            default -> Styles.SUCCESS;
        };
    }

    // ---- Repairs -----------------------------------------------------------------------------------

    private Node repairs() {
        Label note = new Label(vm.scopeNote());
        note.setId("repair-scope-note");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        var readOnly = Bindings.createStringBinding(() -> vm.readOnlyProperty().get() ? texts.format("repair.readOnly") : null,
                vm.readOnlyProperty());
        Node notice = Controls.banner(vm.noticeProperty(), Styles.ACCENT, MaterialDesignI.INFORMATION_OUTLINE);
        notice.setId("repair-notice");
        VBox card = new VBox(8, Controls.sectionTitle(texts.format("repair.repairs")), note,
                Controls.banner(readOnly, Styles.WARNING, MaterialDesignA.ALERT_OUTLINE), notice);
        for (Repair r : Repair.values()) {
            VBox plan = plan(r);
            if (r == Repair.RETRY) {
                plan.getStyleClass().add("first");
            }
            card.getChildren().add(plan);
        }
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private VBox plan(Repair r) {
        String key = r.name().toLowerCase(Locale.ROOT);
        Label name = new Label(texts.format("repair.name." + key));
        name.getStyleClass().add("sr-repair-plan-title");
        Button run = Controls.button(texts.format("repair.run." + key), icon(r));
        run.setId("repair-run-" + key);
        run.getStyleClass().add(Styles.SMALL);
        run.getStyleClass().add(r == Repair.DISCARD ? Styles.DANGER : Styles.ACCENT);
        run.disableProperty().bind(Bindings.not(vm.canRunProperty(r)));
        run.setOnAction(e -> vm.run(r));
        HBox head = new HBox(10, name, Controls.spacer(), run);
        head.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label(texts.format("repair.about." + key));
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        Label why = new Label();
        why.setId("repair-unavailable-" + key);
        why.setWrapText(true);
        why.getStyleClass().addAll(Controls.FIELD_WARNING);
        why.managedProperty().bind(why.visibleProperty());
        unavailable.put(r, why);
        VBox calls = new VBox(6);
        calls.setId("repair-calls-" + key);
        callBoxes.put(r, calls);

        VBox box = new VBox(8, head, about);
        if (r == Repair.RETRY) {
            box.getChildren().add(functionChoice());
        } else if (r == Repair.PROMOTE) {
            box.getChildren().add(test());
        }
        box.getChildren().addAll(why, calls);
        box.getStyleClass().add("sr-repair-plan");
        return box;
    }

    private static Ikon icon(Repair r) {
        return switch (r) {
            case RETRY -> MaterialDesignR.REPLAY;
            case PROMOTE -> MaterialDesignA.ARROW_UP_BOLD_CIRCLE_OUTLINE;
            case DISCARD -> MaterialDesignD.DELETE_SWEEP_OUTLINE;
        };
    }

    /** "Rotate with": the secret's own function (the empty item) or one of the scope's. */
    private Node functionChoice() {
        ComboBox<String> functions = new ComboBox<>();
        functions.setId("repair-function");
        functions.getItems().add("");
        functions.getItems().addAll(vm.functions());
        vm.functions().addListener((ListChangeListener<String>) c -> {
            String chosen = functions.getValue();
            List<String> items = new ArrayList<>(List.of(""));
            items.addAll(vm.functions());
            functions.getItems().setAll(items);
            functions.setValue(items.contains(chosen) ? chosen : "");
        });
        functions.setValue(vm.retryFunctionProperty().get() == null ? "" : vm.retryFunctionProperty().get());
        functions.valueProperty().addListener((o, was, now) -> vm.retryFunctionProperty().set(now == null || now.isEmpty() ? null : now));
        functions.setCellFactory(l -> new FunctionCell());
        functions.setButtonCell(new FunctionCell());
        functions.setPrefWidth(520);
        functions.disableProperty().bind(vm.runningProperty());
        HBox row = new HBox(10, Controls.formLabel(texts.format("repair.functionLabel")), functions);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private final class FunctionCell extends ListCell<String> {
        @Override
        protected void updateItem(String arn, boolean empty) {
            super.updateItem(arn, empty);
            if (empty || arn == null) {
                setText(null);
            } else if (arn.isEmpty()) {
                String own = RepairDiagnosis.functionName(vm.secretProperty().get().rotation().lambdaArn());
                setText(texts.format("repair.functionOwn") + (own == null ? "" : " (" + own + ")"));
            } else {
                setText(RepairDiagnosis.functionName(arn));
            }
        }
    }

    /** Promote's test: the button, what it found, and the operator's confirmation for values it cannot test. */
    private Node test() {
        RepairTargetCheck check = vm.check();
        Button run = Controls.button(texts.format("repair.test"), MaterialDesignS.SHIELD_CHECK_OUTLINE);
        run.setId("repair-test");
        run.getStyleClass().add(Styles.SMALL);
        run.disableProperty().bind(check.busyProperty().or(vm.loadingProperty()).or(Bindings.createBooleanBinding(
                () -> vm.stateProperty().get() == null || vm.stateProperty().get().pendingVersion() == null, vm.stateProperty())));
        run.setOnAction(e -> vm.testPending());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(check.busyProperty());
        Label hint = new Label(texts.format("repair.testHint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        HBox row = new HBox(10, run, busy);
        row.setAlignment(Pos.CENTER_LEFT);
        CheckBox confirmed = new CheckBox(texts.format("repair.confirmTested"));
        confirmed.setId("repair-confirm-tested");
        confirmed.setWrapText(true);
        confirmed.selectedProperty().bindBidirectional(check.confirmedProperty());
        confirmed.visibleProperty().bind(check.outcomeProperty().isEqualTo(RepairTargetCheck.Outcome.NOT_A_DATABASE));
        confirmed.managedProperty().bind(confirmed.visibleProperty());
        return new VBox(6, row, hint, checkBanners(check), confirmed);
    }

    /** The test's outcome as one banner: passed, failed, or not testable from here. */
    static Node checkBanners(RepairTargetCheck check) {
        VBox box = new VBox(6,
                Controls.banner(whenOutcome(check, RepairTargetCheck.Outcome.PASSED), Styles.SUCCESS, MaterialDesignS.SHIELD_CHECK_OUTLINE),
                Controls.banner(whenOutcome(check, RepairTargetCheck.Outcome.FAILED), Styles.DANGER, MaterialDesignS.SHIELD_OFF_OUTLINE),
                Controls.banner(whenOutcome(check, RepairTargetCheck.Outcome.NOT_A_DATABASE), Styles.WARNING,
                        MaterialDesignA.ALERT_OUTLINE));
        box.setId("check-result");
        return box;
    }

    private static ObservableStringValue whenOutcome(RepairTargetCheck check, RepairTargetCheck.Outcome outcome) {
        return Bindings.createStringBinding(() -> check.outcomeProperty().get() == outcome ? check.messageProperty().get() : null,
                check.outcomeProperty(), check.messageProperty());
    }

    // ---- Calls and their outcomes --------------------------------------------------------------------

    private void refreshPlans() {
        for (RepairPlan plan : vm.plans()) {
            Repair r = plan.repair();
            Label why = unavailable.get(r);
            why.setText(plan.unavailable());
            why.setVisible(plan.unavailable() != null);
            List<RepairStep> shown = r == vm.lastRunProperty().get() && !vm.steps().isEmpty() ? List.copyOf(vm.steps())
                    : plan.calls().stream().map(RepairStep::planned).toList();
            callBoxes.get(r).getChildren().setAll(callRows(shown, texts, vm::copyCommand));
        }
    }

    /** One row per call: its number, its status, the command line, the outcome once it ran, and a copy button when {@code copy} is given. */
    static List<Node> callRows(List<RepairStep> steps, Texts texts, java.util.function.Consumer<RepairCall> copy) {
        List<Node> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            RepairStep s = steps.get(i);
            Label number = new Label((i + 1) + ".");
            number.getStyleClass().add("sr-repair-call-number");
            Node status = statusIcon(s.status(), texts);
            Label line = new Label(s.call().commandLine());
            line.getStyleClass().addAll(Controls.MONO, "sr-repair-call");
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setMaxWidth(Double.MAX_VALUE);
            VBox text = new VBox(3, line);
            if (s.message() != null) {
                Label message = new Label(s.message());
                message.setWrapText(true);
                message.setMinHeight(Region.USE_PREF_SIZE);
                message.getStyleClass().add("sr-repair-step-message");
                if (s.status() == RepairStep.Status.DONE) {
                    message.getStyleClass().add(Styles.SUCCESS);
                } else if (s.status() == RepairStep.Status.FAILED) {
                    message.getStyleClass().add(Styles.DANGER);
                }
                text.getChildren().add(message);
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, number, status, text);
            if (copy != null) {
                Button copyButton = Controls.iconButton(MaterialDesignC.CONTENT_COPY, texts.format("repair.copy"));
                copyButton.setOnAction(e -> copy.accept(s.call()));
                row.getChildren().add(copyButton);
            }
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("sr-repair-call-row");
            rows.add(row);
        }
        return rows;
    }

    private static Node statusIcon(RepairStep.Status status, Texts texts) {
        Ikon ikon = switch (status) {
            case PLANNED -> MaterialDesignC.CIRCLE_OUTLINE;
            case RUNNING -> MaterialDesignT.TIMER_SAND;
            case DONE -> MaterialDesignC.CHECK_CIRCLE;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE;
            case SKIPPED -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
        };
        var icon = Controls.icon(ikon);
        icon.getStyleClass().add("sr-repair-status");
        switch (status) {
            case DONE -> icon.getStyleClass().add(Styles.SUCCESS);
            case FAILED -> icon.getStyleClass().add(Styles.DANGER);
            case RUNNING -> icon.getStyleClass().add(Styles.ACCENT);
            default -> { }
        }
        Label holder = new Label(null, icon);
        holder.setMinWidth(Region.USE_PREF_SIZE);
        holder.setTooltip(new javafx.scene.control.Tooltip(texts.format("step.status." + status.name().toLowerCase(Locale.ROOT))));
        holder.setPadding(new javafx.geometry.Insets(5, 0, 0, 0));
        return holder;
    }

    RepairViewModel viewModel() {
        return vm;
    }
}
