package io.strongroom.ui.secret;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;

/** The Overview tab: the secret's facts (ARN, description, KMS key, dates, rotation, owner) and its tags, edited in place. */
final class OverviewTab extends OwnTab {

    static final String ID = "overview";

    private final SecretDetailViewModel vm;
    private final OverviewViewModel overview;
    private final TagsViewModel tagsVm;

    OverviewTab(SecretDetailViewModel vm) {
        super(ID, vm.texts());
        this.vm = vm;
        this.overview = vm.overview();
        this.tagsVm = vm.tagsPart();
    }

    @Override
    protected Node build() {
        return new VBox(14, overviewCard(), tagsCard());
    }

    // ---- Overview ------------------------------------------------------------------------------

    private Node overviewCard() {
        GridPane grid = Controls.form(16, 8, 120);

        Label arn = value(overview.arnProperty(), "overview-arn");
        arn.getStyleClass().add(Controls.MONO);
        Button copyArn = Controls.iconButton(MaterialDesignC.CONTENT_COPY, text("overview.copyArn"));
        copyArn.setId("overview-copy-arn");
        copyArn.getStyleClass().add(Styles.SMALL);
        copyArn.setOnAction(e -> vm.copyArn());
        HBox arnRow = new HBox(4, arn, copyArn);
        arnRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(arn, Priority.ALWAYS);

        int r = 0;
        grid.addRow(r++, Controls.formLabel(text("overview.arn")), arnRow);
        grid.addRow(r++, Controls.formLabel(text("overview.description")), value(overview.descriptionProperty(), "overview-description"));
        Label kms = value(overview.kmsKeyProperty(), "overview-kms");
        kms.getStyleClass().add(Controls.MONO);
        grid.addRow(r++, Controls.formLabel(text("overview.kms")), kms);
        grid.addRow(r++, Controls.formLabel(text("overview.created")), value(overview.createdProperty(), "overview-created"));
        grid.addRow(r++, Controls.formLabel(text("overview.changed")), value(overview.lastChangedProperty(), "overview-changed"));
        grid.addRow(r++, Controls.formLabel(text("overview.accessed")), value(overview.lastAccessedProperty(), "overview-accessed"));
        grid.addRow(r++, Controls.formLabel(text("overview.rotation")), value(overview.rotationProperty(), "overview-rotation"));
        grid.addRow(r++, Controls.formLabel(text("overview.owner")), value(overview.owningServiceProperty(), "overview-owner"));
        Label deletionLabel = Controls.formLabel(text("overview.deletion"));
        Label deletion = value(overview.deletionProperty(), "overview-deletion");
        deletion.getStyleClass().add("sr-deletion");
        for (Node n : List.of(deletionLabel, deletion)) {
            n.visibleProperty().bind(vm.plannedForDeletionProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        grid.addRow(r, deletionLabel, deletion);

        VBox card = new VBox(12, Controls.sectionTitle(text("overview.title")), grid);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private static Label value(ObservableStringValue text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add("sr-value");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    // ---- Tags ----------------------------------------------------------------------------------

    private Node tagsCard() {
        Label title = Controls.sectionTitle(text("tags.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> text("tags.titleCount", tagsVm.tags().size()), tagsVm.tags()));
        Button add = Controls.button(text("tags.add"), MaterialDesignP.PLUS);
        add.setId("tags-add");
        add.getStyleClass().addAll(Styles.SMALL);
        add.disableProperty().bind(vm.canMutateProperty().not().or(tagsVm.editingTagProperty()));
        add.setOnAction(e -> tagsVm.beginAddTag());
        HBox top = new HBox(10, title, Controls.spacer(), add);
        top.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(8, 8);
        chips.setId("tags-list");
        Runnable rebuild = () -> {
            chips.getChildren().clear();
            for (TagRow t : tagsVm.tags()) {
                chips.getChildren().add(tagChip(t));
            }
            if (tagsVm.tags().isEmpty()) {
                Label none = new Label(text("tags.none"));
                none.getStyleClass().add(Controls.FIELD_HINT);
                chips.getChildren().add(none);
            }
        };
        tagsVm.tags().addListener((ListChangeListener<TagRow>) c -> rebuild.run());
        vm.canMutateProperty().addListener(o -> rebuild.run());
        rebuild.run();

        TextField key = new TextField();
        key.setId("tag-key");
        key.setPromptText(text("tags.keyPrompt"));
        key.textProperty().bindBidirectional(tagsVm.tagKeyProperty());
        key.setPrefColumnCount(12);
        TextField value = new TextField();
        value.setId("tag-value");
        value.setPromptText(text("tags.valuePrompt"));
        value.textProperty().bindBidirectional(tagsVm.tagValueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button save = new Button(text("tags.save"));
        save.setId("tag-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(tagsVm.canSaveTagProperty().not());
        save.setOnAction(e -> tagsVm.saveTag());
        value.setOnAction(e -> tagsVm.saveTag());
        Button cancel = new Button(text("tags.cancel"));
        cancel.setOnAction(e -> tagsVm.cancelTagEdit());
        HBox editorRow = new HBox(8, key, value, save, cancel);
        editorRow.setAlignment(Pos.CENTER_LEFT);
        Label problem = Controls.fieldMessage(tagsVm.tagProblemProperty(), Controls.FIELD_PROBLEM);
        VBox editor = new VBox(4, editorRow, problem);
        editor.getStyleClass().add("sr-tag-editor");
        editor.visibleProperty().bind(tagsVm.editingTagProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        tagsVm.editingTagProperty().addListener((o, was, now) -> {
            if (now) {
                key.requestFocus();
            }
        });

        VBox card = new VBox(12, top, chips, editor);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private Node tagChip(TagRow t) {
        Label key = new Label(t.key());
        key.getStyleClass().add("sr-tag-key");
        Label value = new Label(t.value().isEmpty() ? "\u2014" : t.value());
        value.getStyleClass().add("sr-tag-value");
        HBox chip = new HBox(0, key, value);
        chip.getStyleClass().add("sr-tag");
        chip.setAlignment(Pos.CENTER_LEFT);
        if (vm.canMutateProperty().get()) {
            Button edit = Controls.iconButton(MaterialDesignP.PENCIL_OUTLINE, text("tags.edit", t.key()));
            edit.getStyleClass().addAll(Styles.SMALL, "sr-tag-action");
            edit.setOnAction(e -> tagsVm.beginEditTag(t));
            Button remove = Controls.iconButton(MaterialDesignC.CLOSE, text("tags.remove", t.key()));
            remove.getStyleClass().addAll(Styles.SMALL, "sr-tag-action");
            remove.setId("tag-remove-" + t.key());
            remove.setOnAction(e -> tagsVm.removeTag(t));
            chip.getChildren().addAll(edit, remove);
        }
        chip.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                tagsVm.beginEditTag(t);
            }
        });
        return chip;
    }
}
