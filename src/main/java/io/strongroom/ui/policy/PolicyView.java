package io.strongroom.ui.policy;

import atlantafx.base.theme.Styles;
import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Policy tab's content: a JSON editor (line numbers, highlighting, findings underlined where
 * Access Analyzer locates them), the findings listed below it (a click selects the text), a
 * side-by-side diff against the stored policy in place of the editor, templates, and Check, Apply,
 * Revert and Delete. The view only binds and forwards; {@link PolicyViewModel} decides.
 */
public final class PolicyView extends VBox {

    static final String STYLESHEET = Objects.requireNonNull(PolicyView.class.getResource("policy.css")).toExternalForm();
    /** How long typing must pause before the draft is validated. */
    static final Duration VALIDATE_AFTER = Duration.millis(500);
    static final double EDITOR_HEIGHT = 380;
    static final double FINDINGS_HEIGHT = 170;
    static final double DIFF_ROW = 20;

    private final PolicyViewModel vm;
    private final Texts texts;
    private final CodeArea editor = new CodeArea();
    private final ListView<LineDiff.Row> diffView = new ListView<>();
    private final ToggleButton showDiff = new ToggleButton();
    private boolean updatingEditor;

    public PolicyView(PolicyViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        getStyleClass().add("sr-policy");
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        setSpacing(8);
        setPadding(new Insets(10));

        showDiff.setText(texts.get("policy.diff"));
        showDiff.setGraphic(Controls.icon(MaterialDesignF.FILE_COMPARE));
        showDiff.setId("policy-diff");
        showDiff.disableProperty().bind(vm.dirtyProperty().not());
        vm.dirtyProperty().addListener((o, was, now) -> {
            if (!now) {
                showDiff.setSelected(false);
            }
        });

        StackPane center = new StackPane(editorPane(), diffPane());
        diffView.visibleProperty().bind(showDiff.selectedProperty());
        center.getChildren().get(0).visibleProperty().bind(showDiff.selectedProperty().not());
        // The tab scrolls as a whole: the editor and the findings take fixed, generous heights.
        center.setPrefHeight(EDITOR_HEIGHT);
        center.setMinHeight(EDITOR_HEIGHT / 2);

        getChildren().addAll(toolbar(showDiff), banners(), center, findingsPane());
        wireEditor();
    }

    /** The editor on a secret's KMS key, under a banner saying why the key could not be found, if it could not. */
    static VBox ofKey(PolicyViewModel vm, javafx.beans.value.ObservableStringValue keyError, Texts texts) {
        PolicyView view = new PolicyView(vm, texts);
        view.getChildren().add(1, Controls.banner(keyError, Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        return view;
    }

    // ---- Toolbar and banners -------------------------------------------------------------------

    private HBox toolbar(ToggleButton showDiff) {
        MenuButton templates = new MenuButton(texts.get("policy.templates"), Controls.icon(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
        templates.setId("policy-templates");
        // the templates of what is shown (a secret's or a key's), listed when the menu opens
        templates.setOnShowing(e -> {
            templates.getItems().clear();
            for (PolicyTemplates.Template t : vm.templates()) {
                MenuItem item = new MenuItem(texts.get("template." + t.id()));
                item.setId("policy-template-" + t.id());
                item.setOnAction(a -> vm.useTemplate(t));
                templates.getItems().add(item);
            }
        });
        templates.getItems().add(new MenuItem());       // a menu with no item never shows
        Button revert = Controls.button(texts.get("policy.revert"), MaterialDesignU.UNDO);
        revert.setId("policy-revert");
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.revert());
        Button check = Controls.button(texts.get("policy.check"), MaterialDesignS.SHIELD_SEARCH);
        check.setId("policy-check");
        check.disableProperty().bind(vm.draftProperty().isEmpty().or(vm.writingProperty()).or(vm.hasErrorsProperty())
                .or(Bindings.createBooleanBinding(() -> vm.target().get() != null && !vm.target().get().editable(), vm.target())));
        check.setOnAction(e -> vm.checkAccess());
        Button delete = Controls.button(texts.get("policy.delete"), MaterialDesignD.DELETE_OUTLINE);
        delete.setId("policy-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.setOnAction(e -> vm.delete());
        Button apply = Controls.button(texts.get("policy.apply"), MaterialDesignC.CHECK_BOLD);
        apply.setId("policy-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> vm.apply());
        HBox bar = new HBox(8, templates, revert, showDiff, check, Controls.spacer(), delete, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (var node : bar.getChildren()) {
            node.getStyleClass().add(Styles.SMALL);
        }
        return bar;
    }

    private VBox banners() {
        var none = Bindings.createStringBinding(() -> vm.target().get() != null && vm.target().get().kind() == PolicyKind.SECRET
                        && vm.storedProperty().get() == null && !vm.loadingProperty().get()
                        && vm.loadErrorProperty().get() == null ? texts.get("policy.none") : null,
                vm.target(), vm.storedProperty(), vm.loadingProperty(), vm.loadErrorProperty());
        var awsManaged = Bindings.createStringBinding(() -> vm.target().get() != null && vm.target().get().awsManaged()
                ? texts.get("policy.awsManagedKey") : null, vm.target());
        var checkText = Bindings.createStringBinding(() -> describe(vm.checkProperty().get()), vm.checkProperty());
        var checkFailed = Bindings.createStringBinding(() -> {
            PolicyCheckResult r = vm.checkProperty().get();
            return r != null && !r.passed() ? describe(r) : null;
        }, vm.checkProperty());
        var checkPassed = Bindings.createStringBinding(() -> {
            PolicyCheckResult r = vm.checkProperty().get();
            return r != null && r.passed() ? checkText.get() : null;
        }, vm.checkProperty());
        var noticeText = Bindings.createStringBinding(() -> vm.noticeProperty().get().isEmpty() ? null : vm.noticeProperty().get(),
                vm.noticeProperty());
        VBox box = new VBox(6,
                Controls.banner(vm.loadErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(vm.writeErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(vm.validationErrorProperty(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(none, Styles.ACCENT, MaterialDesignS.SHIELD_OFF_OUTLINE),
                Controls.banner(awsManaged, Styles.ACCENT, MaterialDesignS.SHIELD_LOCK_OUTLINE),
                Controls.banner(checkFailed, Styles.WARNING, MaterialDesignS.SHIELD_ALERT_OUTLINE),
                Controls.banner(checkPassed, Styles.SUCCESS, MaterialDesignS.SHIELD_CHECK_OUTLINE),
                Controls.banner(noticeText, Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        box.setId("policy-banners");
        return box;
    }

    private String describe(PolicyCheckResult r) {
        if (r == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(texts.format(r.passed() ? "check.pass" : "check.fail", r.message()));
        for (PolicyCheckResult.Reason reason : r.reasons()) {
            sb.append("\n\u2022 ").append(reason.description());
        }
        return sb.toString();
    }

    // ---- Editor --------------------------------------------------------------------------------

    private VirtualizedScrollPane<CodeArea> editorPane() {
        editor.setId("policy-editor");
        editor.getStyleClass().add("sr-policy-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.setWrapText(false);
        return new VirtualizedScrollPane<>(editor);
    }

    private void wireEditor() {
        PauseTransition pause = new PauseTransition(VALIDATE_AFTER);
        pause.setOnFinished(e -> vm.validate());
        editor.textProperty().addListener((o, was, now) -> {
            if (!updatingEditor) {
                vm.draftProperty().set(now);
                pause.playFromStart();
            }
            restyle();
        });
        vm.draftProperty().addListener((o, was, now) -> {
            if (!now.equals(editor.getText())) {
                updatingEditor = true;
                try {
                    editor.replaceText(now);
                } finally {
                    updatingEditor = false;
                }
            }
        });
        vm.findings().addListener((ListChangeListener<PolicyFinding>) c -> restyle());
        editor.replaceText(vm.draftProperty().get());
    }

    /** JSON highlighting, with each finding's span underlined in its severity's colour. */
    private void restyle() {
        String text = editor.getText();
        if (text.isEmpty()) {
            return;
        }
        List<JsonStyles.Span> spans = new ArrayList<>(JsonStyles.of(text));
        for (PolicyFinding f : vm.findings()) {
            if (f.span() != null) {
                int start = Math.min(f.span().start().offset(), text.length());
                int end = Math.min(Math.max(f.span().end().offset(), start + 1), text.length());
                if (start < end) {
                    spans.add(new JsonStyles.Span(start, end, "finding-" + severityClass(f.severity())));
                }
            }
        }
        editor.setStyleSpans(0, styleSpans(spans, text.length()));
    }

    /** Overlapping spans flattened into consecutive runs, each with every class that covers it. */
    static StyleSpans<Collection<String>> styleSpans(List<JsonStyles.Span> spans, int length) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (JsonStyles.Span s : spans) {
            cuts.add(s.start());
            cuts.add(s.end());
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            List<String> classes = new ArrayList<>();
            for (JsonStyles.Span s : spans) {
                if (s.start() <= from && s.end() >= to) {
                    classes.add(s.styleClass());
                }
            }
            b.add(classes, to - from);
            from = to;
        }
        return b.create();
    }

    // ---- Diff and findings ---------------------------------------------------------------------

    private ListView<LineDiff.Row> diffPane() {
        diffView.setId("policy-diff-view");
        diffView.getStyleClass().add("sr-policy-diff");
        diffView.setItems(vm.diff());
        diffView.setFixedCellSize(DIFF_ROW);
        diffView.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LineDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Label left = cellText(row.leftNumber(), row.left());
                Label right = cellText(row.rightNumber(), row.right());
                HBox.setHgrow(left, Priority.ALWAYS);
                HBox.setHgrow(right, Priority.ALWAYS);
                if (row.change() == LineDiff.Change.ADDED) {
                    right.getStyleClass().add("diff-added");
                } else if (row.change() == LineDiff.Change.REMOVED) {
                    left.getStyleClass().add("diff-removed");
                }
                setGraphic(new HBox(0, left, right));
            }
        });
        return diffView;
    }

    private static Label cellText(int number, String line) {
        Label l = new Label(line == null ? "" : String.format("%3d  %s", number, line));
        l.getStyleClass().addAll(Controls.MONO, "diff-side");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setPrefWidth(10);
        return l;
    }

    private VBox findingsPane() {
        Label title = Controls.sectionTitle(texts.get("findings.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.target().get() != null && !vm.target().get().editable()
                ? texts.get("findings.notValidated")
                : vm.findings().isEmpty() ? texts.get(vm.validatingProperty().get() ? "findings.validating" : "findings.none")
                : texts.format("findings.count", vm.findings().size()), vm.findings(), vm.validatingProperty(), vm.target()));
        ListView<PolicyFinding> list = new ListView<>(vm.findings());
        list.setId("policy-findings");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PolicyFinding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label severity = new Label(texts.get("severity." + severityClass(f.severity())));
                severity.getStyleClass().addAll("sr-finding-severity", "severity-" + severityClass(f.severity()));
                Label code = new Label(f.issueCode());
                code.getStyleClass().add(Controls.MONO);
                Label where = new Label(f.span() == null ? f.path()
                        : texts.format("findings.where", f.span().start().line(), f.span().start().column() + 1, f.path()));
                where.getStyleClass().add(Styles.TEXT_MUTED);
                Label message = new Label(f.message());
                message.setWrapText(true);
                message.setMaxWidth(Double.MAX_VALUE);
                HBox head = new HBox(8, severity, code, where);
                head.setAlignment(Pos.CENTER_LEFT);
                VBox box = new VBox(2, head, message);
                box.setMaxWidth(Double.MAX_VALUE);
                box.setPrefWidth(1);
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> {
            if (f != null && f.span() != null) {
                int length = editor.getLength();
                editor.selectRange(Math.min(f.span().start().offset(), length), Math.min(f.span().end().offset(), length));
                editor.requestFollowCaret();
            }
        });
        list.setPrefHeight(FINDINGS_HEIGHT);
        VBox box = new VBox(6, title, list);
        return box;
    }

    private static String severityClass(PolicyFinding.Severity severity) {
        return severity.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The editor (for tests and screenshots). */
    CodeArea editor() {
        return editor;
    }

    /** The Diff toggle (for tests and screenshots). */
    ToggleButton diffToggle() {
        return showDiff;
    }
}
