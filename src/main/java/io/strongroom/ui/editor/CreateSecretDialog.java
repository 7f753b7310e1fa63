package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Styles;
import io.strongroom.domain.VersionWritten;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The create-secret dialog. Its result is the created secret (name, ARN, version), or none when
 * cancelled. Open it with {@link SecretDialogs#createSecret}, or {@link #show()} it in tests.
 */
public final class CreateSecretDialog extends EditorDialog<VersionWritten> {

    private final CreateSecretViewModel vm;
    private final BooleanProperty attempted = new SimpleBooleanProperty();
    private final ValueEditorView valueView;

    public CreateSecretDialog(CreateSecretViewModel vm) {
        super(vm.texts(), "create.title", MaterialDesignS.SHIELD_KEY_OUTLINE, vm.scope().label(),
                vm.texts().format("create.subtitle"), "create.button", false);
        this.vm = vm;
        this.valueView = new ValueEditorView(vm.value());

        GridPane form = Controls.dialogForm();

        TextField name = new TextField();
        name.setId("create-name");
        name.setPromptText(texts.format("create.name.prompt"));
        name.getStyleClass().add(Controls.MONO);
        name.textProperty().bindBidirectional(vm.nameProperty());
        var showNameProblem = Bindings.createStringBinding(() ->
                        vm.nameProperty().get().isEmpty() && !attempted.get() ? null : vm.nameProblemProperty().get(),
                vm.nameProperty(), vm.nameProblemProperty(), attempted);
        showNameProblem.addListener((o, was, now) -> name.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
        Label nameProblem = Controls.fieldMessage(showNameProblem, Controls.FIELD_PROBLEM);
        nameProblem.setId("create-name-problem");
        Label nameWarning = Controls.fieldMessage(vm.nameWarningProperty(), Controls.FIELD_WARNING);
        Label nameHint = EditorLayout.hint(texts.format("create.name.hint"), false);
        nameHint.visibleProperty().bind(nameProblem.visibleProperty().not());
        nameHint.managedProperty().bind(nameHint.visibleProperty());
        form.addRow(0, Controls.formLabel(texts.format("create.name")), name);
        form.add(new VBox(2, nameProblem, nameWarning, nameHint), 1, 1);

        TextArea description = new TextArea();
        description.setId("create-description");
        description.setPromptText(texts.format("create.description.prompt"));
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        form.addRow(2, Controls.formLabel(texts.format("create.description")), description);
        form.add(Controls.fieldMessage(vm.descriptionProblemProperty(), Controls.FIELD_PROBLEM), 1, 3);

        form.addRow(4, Controls.formLabel(texts.format("create.kms")), kmsPicker(vm.kmsKey(), texts));
        form.add(Controls.fieldMessage(vm.kmsKey().errorProperty(), Controls.FIELD_WARNING), 1, 5);

        VBox value = new VBox(8, Controls.sectionTitle(texts.format("create.value")), valueView);
        body().getChildren().addAll(form, value, tagsSection(vm.tags(), texts));

        wire(vm.canCreateProperty(), this::submit, vm.busyProperty(), vm.errorProperty(), vm.createdProperty(), vm::dispose);
        setOnShown(e -> {
            vm.loadKeys();
            name.requestFocus();
        });
        size(720, 560);
    }

    public CreateSecretViewModel viewModel() {
        return vm;
    }

    private void submit() {
        attempted.set(true);
        valueView.markTouched();
        vm.create();
    }

    /** The KMS key picker: alias first, key ID and description second. */
    static Node kmsPicker(KmsKeyPicker picker, Texts texts) {
        ComboBox<KmsKeyChoice> box = new ComboBox<>(picker.choices());
        box.setId("kms-key");
        box.valueProperty().bindBidirectional(picker.selectedProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(lv -> new KmsCell(true, texts));
        box.setButtonCell(new KmsCell(false, texts));
        HBox.setHgrow(box, Priority.ALWAYS);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.setMaxSize(16, 16);
        loading.visibleProperty().bind(picker.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox row = new HBox(8, box, loading);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static final class KmsCell extends ListCell<KmsKeyChoice> {
        private final boolean twoLines;
        private final Texts texts;

        KmsCell(boolean twoLines, Texts texts) {
            this.twoLines = twoLines;
            this.texts = texts;
            getStyleClass().add("sr-kms-cell");
        }

        @Override
        protected void updateItem(KmsKeyChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label label = new Label(item.label());
            label.getStyleClass().add(Styles.TEXT_BOLD);
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label detail = new Label(item.detail(texts));
            detail.getStyleClass().add("sr-kms-detail");
            setText(null);
            setGraphic(twoLines ? new VBox(1, label, detail) : new HBox(8, label, detail));
            if (!twoLines) {
                ((HBox) getGraphic()).setAlignment(Pos.BASELINE_LEFT);
            }
        }
    }

    /** Tags as rows of key and value, checked against AWS's tag rules as they are typed. */
    static Node tagsSection(TagListModel tags, Texts texts) {
        VBox rows = new VBox(6);
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (KeyValueRow row : tags.rows()) {
                TextField key = new TextField();
                key.setPromptText(texts.format("tags.keyPrompt"));
                key.textProperty().bindBidirectional(row.keyProperty());
                key.setPrefWidth(200);
                TextField value = new TextField();
                value.setPromptText(texts.format("tags.valuePrompt"));
                value.textProperty().bindBidirectional(row.valueProperty());
                HBox.setHgrow(value, Priority.ALWAYS);
                Button remove = Controls.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, texts.format("tags.remove"));
                remove.setOnAction(e -> tags.remove(row));
                HBox line = new HBox(6, key, value, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                rows.getChildren().add(line);
            }
        };
        tags.rows().addListener((ListChangeListener<KeyValueRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuild.run();
                    return;
                }
            }
        });
        rebuild.run();
        Button add = Controls.button(texts.format("tags.add"), MaterialDesignP.PLUS);
        add.setId("tags-add");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> tags.add());
        Label hint = EditorLayout.hint(texts.format("tags.hint"), false);
        HBox title = new HBox(8, Controls.sectionTitle(texts.format("tags.title")), Controls.spacer(), add);
        title.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, title, rows, Controls.fieldMessage(tags.problemProperty(), Controls.FIELD_PROBLEM), hint);
    }
}
