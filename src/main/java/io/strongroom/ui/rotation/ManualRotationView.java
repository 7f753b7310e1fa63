package io.strongroom.ui.rotation;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manual rotation wizard: the four steps in a bar across the top, the current step's page,
 * and a footer with Discard and Close. Binds and forwards only ({@link ManualRotationViewModel}).
 * The password is typed into a masked field; the pending one shows only while revealed.
 */
public final class ManualRotationView extends BorderPane {

    private final ManualRotationViewModel vm;
    private final Texts texts;
    private final Map<ManualRotationStep, Node> pages = new EnumMap<>(ManualRotationStep.class);
    private final StackPane content = new StackPane();
    private final HBox stepBar = new HBox();
    private Runnable onClose = () -> { };
    private Runnable onOpenRepair = () -> { };

    public ManualRotationView(ManualRotationViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = vm.texts();
        getStylesheets().addAll(Controls.STYLESHEET, RepairView.STYLESHEET);
        getStyleClass().add("sr-repair");
        setId("manual-rotation-view");

        pages.put(ManualRotationStep.NEW_VALUE, newValuePage());
        pages.put(ManualRotationStep.CHANGE_TARGET, targetPage());
        pages.put(ManualRotationStep.TEST, testPage());
        pages.put(ManualRotationStep.PROMOTE, promotePage());
        pages.put(ManualRotationStep.DONE, card(paragraph(texts.format("manual.done")), callsBox()));
        pages.put(ManualRotationStep.BLOCKED, new VBox());
        content.setAlignment(Pos.TOP_LEFT);

        Button openRepair = Controls.button(texts.format("manual.openRepair"), MaterialDesignW.WRENCH_OUTLINE);
        openRepair.setId("manual-open-repair");
        openRepair.getStyleClass().add(Styles.SMALL);
        openRepair.setOnAction(e -> onOpenRepair.run());
        Label loading = new Label(texts.format("manual.loading"));
        loading.visibleProperty().bind(vm.stepProperty().isNull());
        loading.managedProperty().bind(loading.visibleProperty());
        Node notice = Controls.banner(vm.noticeProperty(), Styles.ACCENT, MaterialDesignI.INFORMATION_OUTLINE);
        notice.setId("manual-notice");
        var readOnly = Bindings.createStringBinding(() -> vm.readOnlyProperty().get() ? texts.format("repair.readOnly") : null,
                vm.readOnlyProperty());
        VBox page = new VBox(loading,
                Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(readOnly, Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(vm.blockedProperty(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE, openRepair),
                notice, content);
        page.getStyleClass().add("sr-repair-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        setTop(new VBox(header(), stepBar));
        setCenter(scroll);
        setBottom(footer());
        vm.stepProperty().addListener(o -> showStep());
        showStep();
    }

    /** What Close does (the wizard's window closes itself). */
    public void setOnClose(Runnable onClose) {
        this.onClose = Objects.requireNonNull(onClose);
    }

    /** What "Open repair…" does when AWSPENDING belongs to something else. */
    public void setOnOpenRepair(Runnable onOpenRepair) {
        this.onOpenRepair = Objects.requireNonNull(onOpenRepair);
    }

    // ---- Frame -------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label(texts.format("manual.title"), Controls.icon(MaterialDesignK.KEY_CHANGE));
        title.getStyleClass().add("sr-repair-title");
        Label chip = new Label(vm.secretProperty().get().scope().label());
        chip.getStyleClass().add("sr-scope-chip");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty().or(vm.check().busyProperty()));
        HBox titleRow = new HBox(10, title, chip, Controls.spacer(), busy);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(vm.secretProperty().get().name());
        name.getStyleClass().addAll(Controls.MONO, "sr-repair-name");
        Label about = new Label(texts.format("manual.subtitle"));
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        VBox header = new VBox(4, titleRow, name, about);
        header.getStyleClass().add("sr-repair-header");
        return header;
    }

    private void showStep() {
        ManualRotationStep step = vm.stepProperty().get();
        content.getChildren().setAll(step == null ? List.of() : List.of(pages.get(step)));
        stepBar.getChildren().clear();
        stepBar.getStyleClass().setAll("sr-wizard-steps");
        stepBar.setAlignment(Pos.CENTER_LEFT);
        int current = step == null ? 0 : step == ManualRotationStep.DONE ? 5 : step.number();
        for (int n = 1; n <= 4; n++) {
            Label pill = new Label(n + "  " + texts.format("manual.step." + n));
            pill.getStyleClass().add("sr-wizard-step");
            if (n == current) {
                pill.getStyleClass().add("current");
            } else if (n < current) {
                pill.getStyleClass().add("done");
                pill.setGraphic(Controls.icon(MaterialDesignC.CHECK));
            }
            if (n > 1) {
                var arrow = Controls.icon(MaterialDesignC.CHEVRON_RIGHT);
                arrow.getStyleClass().add("sr-wizard-step-arrow");
                stepBar.getChildren().add(arrow);
            }
            stepBar.getChildren().add(pill);
        }
    }

    private Node footer() {
        Button discard = Controls.button(texts.format("manual.discard"), MaterialDesignD.DELETE_SWEEP_OUTLINE);
        discard.setId("manual-discard");
        discard.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, "button-outlined");
        discard.visibleProperty().bind(vm.canDiscardProperty());
        discard.managedProperty().bind(discard.visibleProperty());
        discard.setOnAction(e -> vm.discard());
        Button close = new Button(texts.format("manual.close"));
        close.setId("manual-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        HBox footer = new HBox(8, discard, Controls.spacer(), close);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("sr-wizard-footer");
        return footer;
    }

    private static VBox card(Node... children) {
        VBox card = new VBox(10, children);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private static Label paragraph(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    // ---- 1: new value ------------------------------------------------------------------------------

    private Node newValuePage() {
        ManualRotationValueModel value = vm.value();
        Label intro = paragraph("");
        intro.textProperty().bind(Bindings.createStringBinding(() -> switch (value.shapeProperty().get()) {
            case JSON_PASSWORD -> texts.format("manual.value.intro.json");
            case TEXT -> texts.format("manual.value.intro.text");
            default -> "";
        }, value.shapeProperty()));
        Label target = paragraph("");
        target.getStyleClass().add(Styles.TEXT_MUTED);
        target.textProperty().bind(Bindings.createStringBinding(() -> value.targetProperty().get() == null ? ""
                : value.targetProperty().get().describe(), value.targetProperty()));

        PasswordField masked = new PasswordField();
        masked.setId("manual-password");
        masked.setPromptText(texts.format("manual.value.prompt"));
        masked.textProperty().bindBidirectional(value.passwordProperty());
        TextField plain = new TextField();
        plain.setId("manual-password-plain");
        plain.getStyleClass().add(Controls.MONO);
        plain.textProperty().bindBidirectional(value.passwordProperty());
        masked.visibleProperty().bind(value.maskedProperty());
        plain.visibleProperty().bind(value.maskedProperty().not());
        StackPane field = new StackPane(masked, plain);
        HBox.setHgrow(field, Priority.ALWAYS);
        ToggleButton show = new ToggleButton(texts.format("manual.value.show"), Controls.icon(MaterialDesignE.EYE_OUTLINE));
        show.setId("manual-password-show");
        show.getStyleClass().add(Styles.SMALL);
        show.selectedProperty().addListener((o, was, now) -> value.maskedProperty().set(!now));
        value.maskedProperty().addListener((o, was, now) -> show.setSelected(!now));
        HBox passwordRow = new HBox(8, Controls.formLabel(texts.format("manual.value.label")), field, show);
        passwordRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> length = new Spinner<>(8, 4096, value.generator().lengthProperty().get());
        length.setEditable(true);
        length.setPrefWidth(100);
        length.valueProperty().addListener((o, was, now) -> value.generator().lengthProperty().set(now));
        Button generate = Controls.button(texts.format("manual.value.generate"), MaterialDesignD.DICE_5_OUTLINE);
        generate.setId("manual-generate");
        generate.getStyleClass().add(Styles.SMALL);
        generate.disableProperty().bind(value.generator().busyProperty());
        generate.setOnAction(e -> value.generate());
        HBox generator = new HBox(8, generate, Controls.formLabel(texts.format("manual.value.length")), length);
        generator.setAlignment(Pos.CENTER_LEFT);
        generator.getStyleClass().add("sr-generator");

        Button write = Controls.button(texts.format("manual.value.write"), MaterialDesignU.UPLOAD_OUTLINE);
        write.setId("manual-write");
        write.getStyleClass().add(Styles.ACCENT);
        write.setMinWidth(Region.USE_PREF_SIZE);
        write.disableProperty().bind(Bindings.not(vm.canWriteProperty()));
        write.setOnAction(e -> vm.writePending());
        Label writeHint = paragraph(texts.format("manual.value.writeHint"));
        writeHint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        HBox.setHgrow(writeHint, Priority.ALWAYS);
        HBox writeRow = new HBox(12, write, writeHint);
        writeRow.setAlignment(Pos.CENTER_LEFT);
        return card(intro, target, passwordRow, Controls.fieldMessage(value.problemProperty(), Controls.FIELD_HINT), generator,
                Controls.banner(value.generator().errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE), writeRow);
    }

    // ---- 2: change the target ---------------------------------------------------------------------

    private Node targetPage() {
        ManualRotationValueModel value = vm.value();
        Label how = paragraph("");
        how.textProperty().bind(Bindings.createStringBinding(() -> value.targetProperty().get() == null ? texts.format("manual.target.other")
                : texts.format("manual.target.database", value.targetProperty().get().describe()), value.targetProperty()));
        Label version = new Label();
        version.setId("manual-pending-version");
        version.getStyleClass().add(Controls.MONO);
        version.textProperty().bind(vm.pendingVersionProperty());
        HBox versionRow = new HBox(10, Controls.formLabel(texts.format("manual.target.pending")), version);
        versionRow.setAlignment(Pos.CENTER_LEFT);

        Label password = new Label();
        password.setId("manual-pending-password");
        password.getStyleClass().addAll(Controls.MONO, "sr-repair-call");
        password.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(password, Priority.ALWAYS);
        password.textProperty().bind(Bindings.createStringBinding(() -> vm.pending().revealedProperty().get() == null
                ? texts.format("manual.target.masked") : vm.pending().revealedProperty().get(), vm.pending().revealedProperty()));
        Button reveal = Controls.button("", MaterialDesignE.EYE_OUTLINE);
        reveal.setId("manual-reveal");
        reveal.getStyleClass().add(Styles.SMALL);
        reveal.textProperty().bind(Bindings.when(vm.pending().revealedProperty().isNull()).then(texts.format("manual.target.reveal"))
                .otherwise(texts.format("manual.target.hide")));
        reveal.setOnAction(e -> {
            if (vm.pending().revealedProperty().get() == null) {
                vm.reveal();
            } else {
                vm.hide();
            }
        });
        Button copy = Controls.button(texts.format("manual.target.copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("manual-copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> vm.copy());
        HBox passwordRow = new HBox(8, password, reveal, copy);
        passwordRow.setAlignment(Pos.CENTER_LEFT);

        Button done = Controls.button(texts.format("manual.target.done"), MaterialDesignC.CHECK);
        done.setId("manual-target-done");
        done.getStyleClass().add(Styles.ACCENT);
        done.setOnAction(e -> vm.targetChanged());
        return card(paragraph(texts.format("manual.target.intro")), how, versionRow, passwordRow,
                Controls.banner(vm.pending().errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(vm.pending().noticeProperty(), Styles.ACCENT, MaterialDesignC.CLIPBOARD_CHECK_OUTLINE), done);
    }

    // ---- 3: test --------------------------------------------------------------------------------------

    private Node testPage() {
        RepairTargetCheck check = vm.check();
        Button run = Controls.button(texts.format("manual.test.run"), MaterialDesignS.SHIELD_CHECK_OUTLINE);
        run.setId("manual-test");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(Bindings.not(vm.canTestProperty()));
        run.setOnAction(e -> vm.test());
        Label target = paragraph("");
        target.getStyleClass().add(Styles.TEXT_MUTED);
        target.textProperty().bind(Bindings.createStringBinding(() -> vm.value().targetProperty().get() == null ? ""
                : vm.value().targetProperty().get().describe(), vm.value().targetProperty()));
        HBox runRow = new HBox(12, run, target);
        runRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox confirmed = new CheckBox(texts.format("manual.test.confirm"));
        confirmed.setId("manual-confirm-tested");
        confirmed.selectedProperty().bindBidirectional(check.confirmedProperty());
        confirmed.visibleProperty().bind(check.outcomeProperty().isEqualTo(RepairTargetCheck.Outcome.NOT_A_DATABASE));
        confirmed.managedProperty().bind(confirmed.visibleProperty());
        Button back = new Button(texts.format("manual.back"));
        back.setOnAction(e -> vm.back());
        Button next = Controls.button(texts.format("manual.test.next"), MaterialDesignA.ARROW_RIGHT);
        next.setId("manual-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(Bindings.not(vm.canNextProperty()));
        next.setOnAction(e -> vm.next());
        HBox buttons = new HBox(8, back, Controls.spacer(), next);
        return card(paragraph(texts.format("manual.test.intro")), runRow, RepairView.checkBanners(check), confirmed, buttons);
    }

    // ---- 4: promote -----------------------------------------------------------------------------------

    private Node promotePage() {
        VBox calls = callsBox();
        calls.setId("manual-promote-calls");
        Button back = new Button(texts.format("manual.back"));
        back.setOnAction(e -> vm.back());
        Button promote = Controls.button(texts.format("manual.promote.run"), MaterialDesignA.ARROW_UP_BOLD_CIRCLE_OUTLINE);
        promote.setId("manual-promote");
        promote.setMinWidth(Region.USE_PREF_SIZE);
        promote.getStyleClass().add(Styles.ACCENT);
        promote.disableProperty().bind(Bindings.not(vm.canPromoteProperty()));
        promote.setOnAction(e -> vm.promote());
        HBox buttons = new HBox(8, back, Controls.spacer(), promote);
        return card(paragraph(texts.format("manual.promote.intro")), calls, buttons);
    }

    /** Step 4's calls: as planned, then with their outcomes once sent. */
    private VBox callsBox() {
        VBox calls = new VBox(6);
        Runnable fill = () -> {
            List<RepairStep> shown = !vm.steps().isEmpty() && vm.steps().get(0).call().equals(firstPromoteCall())
                    ? List.copyOf(vm.steps()) : vm.promoteCallsProperty().get().stream().map(RepairStep::planned).toList();
            calls.getChildren().setAll(RepairView.callRows(shown, texts, null));
        };
        vm.promoteCallsProperty().addListener(o -> fill.run());
        vm.steps().addListener((ListChangeListener<RepairStep>) c -> fill.run());
        fill.run();
        return calls;
    }

    private RepairCall firstPromoteCall() {
        List<RepairCall> calls = vm.promoteCallsProperty().get();
        return calls.isEmpty() ? null : calls.get(0);
    }

    ManualRotationViewModel viewModel() {
        return vm;
    }
}
