package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Styles;
import io.strongroom.ui.editor.ValueEditorModel.Kind;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.EnumMap;
import java.util.Map;

/**
 * The value part of the create and new-value dialogs: a segmented choice of plain text,
 * key/value, JSON or binary file, the editor for that kind, the size against AWS's limit, the
 * problem (shown once the user has started on the value) and the password generator.
 *
 * <p>Values are typed into masked fields by default ("Show" unmasks them), so a value does not
 * appear on a screen share while it is entered.
 */
public final class ValueEditorView extends VBox {

    private final ValueEditorModel model;
    private final Texts texts;
    /** Masked input (the default); a text with line breaks is always shown, a password field cannot hold it. */
    private final BooleanProperty masked = new SimpleBooleanProperty(true);
    /** Problems appear once the user has changed the value or tried to save. */
    private final BooleanProperty touched = new SimpleBooleanProperty(false);
    private final StackPane editor = new StackPane();
    private final Map<Kind, Node> editors = new EnumMap<>(Kind.class);
    private final VBox rowsBox = new VBox(6);
    private TextInputControl textInput;

    public ValueEditorView(ValueEditorModel model) {
        this.model = model;
        this.texts = model.texts();
        setSpacing(8);
        getStyleClass().add("sr-value-editor");

        ToggleGroup kinds = new ToggleGroup();
        HBox kindBar = new HBox();
        kindBar.getStyleClass().add("sr-kind-toggle");
        Kind[] order = Kind.values();
        for (int i = 0; i < order.length; i++) {
            Kind k = order[i];
            ToggleButton t = new ToggleButton(texts.format("value.kind." + k.name()));
            t.setUserData(k);
            t.setToggleGroup(kinds);
            t.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == order.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            t.setId("kind-" + k.name().toLowerCase());
            kindBar.getChildren().add(t);
        }
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                kinds.selectToggle(was);      // one kind is always chosen
            } else {
                model.kindProperty().set((Kind) now.getUserData());
            }
        });
        model.kindProperty().addListener((o, was, now) -> selectKind(kinds, now));

        ToggleButton show = new ToggleButton(texts.format("value.show"), Controls.icon(MaterialDesignE.EYE_OUTLINE));
        show.setId("value-show");
        show.getStyleClass().addAll(Styles.SMALL);
        show.setMnemonicParsing(false);
        show.selectedProperty().addListener((o, was, now) -> masked.set(!now));
        show.visibleProperty().bind(model.kindProperty().isEqualTo(Kind.TEXT).or(model.kindProperty().isEqualTo(Kind.KEY_VALUE)));
        show.managedProperty().bind(show.visibleProperty());

        Label size = new Label();
        size.getStyleClass().add("sr-size");
        size.textProperty().bind(Bindings.createStringBinding(() -> texts.format("value.size", model.sizeProperty().get(),
                SecretRules.MAX_VALUE_BYTES), model.sizeProperty()));
        model.sizeProperty().addListener((o, was, now) -> {
            size.getStyleClass().remove("over");
            if (now.intValue() > SecretRules.MAX_VALUE_BYTES) {
                size.getStyleClass().add("over");
            }
        });

        HBox top = new HBox(8, kindBar, Controls.spacer(), show, size);
        top.setAlignment(Pos.CENTER_LEFT);

        editors.put(Kind.TEXT, textEditor());
        editors.put(Kind.KEY_VALUE, keyValueEditor());
        editors.put(Kind.JSON, jsonEditor());
        editors.put(Kind.BINARY, binaryEditor());
        editor.getChildren().addAll(editors.values());
        editors.forEach((k, n) -> {
            n.visibleProperty().bind(model.kindProperty().isEqualTo(k));
            n.managedProperty().bind(n.visibleProperty());
        });

        Label problem = Controls.fieldMessage(Bindings.when(touched).then(model.problemProperty()).otherwise((String) null),
                Controls.FIELD_PROBLEM);
        problem.setId("value-problem");
        Label note = Controls.fieldMessage(model.noteProperty(), Controls.FIELD_WARNING);

        getChildren().addAll(top, editor, problem, note, generator());
        model.revisionProperty().addListener(o -> touched.set(true));
        selectKind(kinds, model.kindProperty().get());
    }

    /** Shows problems from now on (called when the user tries to save). */
    public void markTouched() {
        touched.set(true);
    }

    private static void selectKind(ToggleGroup kinds, Kind k) {
        kinds.getToggles().stream().filter(t -> t.getUserData() == k).findFirst().ifPresent(kinds::selectToggle);
    }

    // ---- Plain text ----------------------------------------------------------------------------

    private Node textEditor() {
        StackPane holder = new StackPane();
        PasswordField hidden = new PasswordField();
        hidden.setId("value-text-masked");
        hidden.setPromptText(texts.format("value.text.prompt"));
        TextArea shown = new TextArea();
        shown.setId("value-text");
        shown.setPromptText(texts.format("value.text.prompt"));
        shown.setWrapText(true);
        shown.setPrefRowCount(5);
        shown.getStyleClass().add(Controls.MONO);
        Runnable swap = () -> {
            String t = model.textProperty().get();
            boolean multiLine = t != null && (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0 || t.indexOf('\t') >= 0);
            TextInputControl use = masked.get() && !multiLine ? hidden : shown;
            if (use == textInput) {
                return;
            }
            if (textInput != null) {
                textInput.textProperty().unbindBidirectional(model.textProperty());
            }
            textInput = use;
            use.textProperty().bindBidirectional(model.textProperty());
            holder.getChildren().setAll(use);
        };
        masked.addListener(o -> swap.run());
        model.textProperty().addListener(o -> swap.run());
        swap.run();
        Label hint = EditorLayout.hint(texts.format("value.text.hint"), false);
        return new VBox(4, holder, hint);
    }

    // ---- Key/value -----------------------------------------------------------------------------

    private Node keyValueEditor() {
        model.rows().addListener((ListChangeListener<KeyValueRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuildRows();
                    return;
                }
            }
        });
        masked.addListener(o -> rebuildRows());
        rebuildRows();
        Button add = Controls.button(texts.format("value.kv.add"), MaterialDesignP.PLUS);
        add.setId("value-kv-add");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> {
            KeyValueRow row = model.addRow();
            focusRow(row);
        });
        return new VBox(6, rowsBox, add);
    }

    private void rebuildRows() {
        rowsBox.getChildren().clear();
        for (KeyValueRow row : model.rows()) {
            TextField key = new TextField();
            key.setPromptText(texts.format("value.kv.keyPrompt"));
            key.textProperty().bindBidirectional(row.keyProperty());
            key.getStyleClass().add(Controls.MONO);
            key.setPrefWidth(200);
            key.setMinWidth(120);
            TextField value = masked.get() ? new PasswordField() : new TextField();
            value.setPromptText(texts.format("value.kv.valuePrompt"));
            value.textProperty().bindBidirectional(row.valueProperty());
            value.getStyleClass().add(Controls.MONO);
            HBox.setHgrow(value, Priority.ALWAYS);
            for (TextField f : new TextField[]{key, value}) {
                f.focusedProperty().addListener((o, was, now) -> {
                    if (now) {
                        model.selectedRowProperty().set(row);
                    }
                });
            }
            Button remove = Controls.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, texts.format("value.kv.remove"));
            remove.setOnAction(e -> model.removeRow(row));
            HBox line = new HBox(6, key, value, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setUserData(row);
            rowsBox.getChildren().add(line);
        }
    }

    private void focusRow(KeyValueRow row) {
        rowsBox.getChildren().stream().filter(n -> n.getUserData() == row).findFirst()
                .ifPresent(n -> ((HBox) n).getChildren().get(0).requestFocus());
    }

    // ---- JSON ----------------------------------------------------------------------------------

    private Node jsonEditor() {
        TextArea area = new TextArea();
        area.setId("value-json");
        area.setPromptText("{\n  \"username\": \"\u2026\",\n  \"password\": \"\u2026\"\n}");
        area.getStyleClass().add(Controls.MONO);
        area.setPrefRowCount(8);
        area.textProperty().bindBidirectional(model.jsonProperty());
        model.jsonProblemProperty().addListener((o, was, now) ->
                area.pseudoClassStateChanged(Styles.STATE_DANGER, now != null && touched.get()));
        Hyperlink goTo = new Hyperlink();
        goTo.setId("value-json-goto");
        goTo.textProperty().bind(Bindings.createStringBinding(() -> {
            JsonValues.Problem p = model.jsonProblemProperty().get();
            return p == null ? "" : texts.format("value.json.goTo", p.line(), p.column());
        }, model.jsonProblemProperty()));
        goTo.visibleProperty().bind(model.jsonProblemProperty().isNotNull().and(touched));
        goTo.managedProperty().bind(goTo.visibleProperty());
        goTo.setOnAction(e -> {
            JsonValues.Problem p = model.jsonProblemProperty().get();
            if (p != null) {
                area.requestFocus();
                area.positionCaret(Math.min(p.offset(), area.getLength()));
            }
        });
        return new VBox(2, area, goTo);
    }

    // ---- Binary --------------------------------------------------------------------------------

    private Node binaryEditor() {
        Button choose = Controls.button(texts.format("value.binary.chooseButton"), MaterialDesignF.FILE_UPLOAD_OUTLINE);
        choose.setId("value-binary-choose");
        choose.setOnAction(e -> model.chooseBinaryFile());
        choose.disableProperty().bind(model.busyProperty());
        Label file = new Label();
        file.textProperty().bind(Bindings.createStringBinding(() -> model.binaryFileNameProperty().get() == null
                        ? texts.format("value.binary.noFile")
                        : texts.format("value.binary.file", model.binaryFileNameProperty().get(), model.sizeProperty().get()),
                model.binaryFileNameProperty(), model.sizeProperty()));
        HBox row = new HBox(10, choose, file);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = EditorLayout.hint(texts.format("value.binary.hint"), true);
        return new VBox(6, row, hint);
    }

    // ---- Password generator --------------------------------------------------------------------

    private Node generator() {
        PasswordGeneratorModel g = model.generator();
        Label title = new Label(texts.format("generator.title"), Controls.icon(MaterialDesignD.DICE_5_OUTLINE));
        title.getStyleClass().add(Styles.TEXT_BOLD);

        Spinner<Integer> length = EditorLayout.spinner("generator-length", SecretRules.MIN_PASSWORD_LENGTH,
                SecretRules.MAX_PASSWORD_LENGTH, g.lengthProperty(), 96);

        TextField exclude = new TextField();
        exclude.setPromptText(texts.format("generator.excludePrompt"));
        exclude.textProperty().bindBidirectional(g.excludeCharactersProperty());
        exclude.getStyleClass().add(Controls.MONO);
        exclude.setPrefColumnCount(10);

        Button generate = Controls.button(texts.format("generator.generate"), MaterialDesignD.DICE_5_OUTLINE);
        generate.setId("generator-generate");
        generate.disableProperty().bind(model.canGeneratePasswordProperty().not());
        generate.setOnAction(e -> model.generatePassword());

        HBox first = new HBox(8, title, Controls.spacer(), new Label(texts.format("generator.length")), length, generate);
        first.setAlignment(Pos.CENTER_LEFT);

        FlowPane options = new FlowPane(14, 6,
                check("generator.noDigits", g.excludeNumbersProperty()),
                check("generator.noPunctuation", g.excludePunctuationProperty()),
                check("generator.noUppercase", g.excludeUppercaseProperty()),
                check("generator.noLowercase", g.excludeLowercaseProperty()),
                check("generator.space", g.includeSpaceProperty()),
                check("generator.eachType", g.requireEachIncludedTypeProperty()));
        HBox excludeRow = new HBox(8, new Label(texts.format("generator.exclude")), exclude);
        excludeRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = Controls.fieldMessage(g.problemProperty(), Controls.FIELD_PROBLEM);
        Label error = Controls.fieldMessage(g.errorProperty(), Controls.FIELD_PROBLEM);
        Label where = EditorLayout.hint(texts.format("generator.where"), true);

        VBox box = new VBox(8, first, options, excludeRow, where, problem, error);
        box.getStyleClass().add("sr-generator");
        box.setPadding(new Insets(10, 12, 10, 12));
        box.visibleProperty().bind(model.kindProperty().isEqualTo(Kind.TEXT).or(model.kindProperty().isEqualTo(Kind.KEY_VALUE)));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private CheckBox check(String key, BooleanProperty property) {
        CheckBox c = new CheckBox(texts.format(key));
        c.selectedProperty().bindBidirectional(property);
        c.setMnemonicParsing(false);
        return c;
    }
}
