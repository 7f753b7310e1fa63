package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.domain.VersionWritten;
import javafx.beans.binding.Bindings;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import atlantafx.base.theme.Styles;

/** The edit dialog: description and KMS key. Its result is what UpdateSecret reported, or none. */
public final class EditSecretDialog extends EditorDialog<VersionWritten> {

    private final EditSecretViewModel vm;

    public EditSecretDialog(EditSecretViewModel vm) {
        super(vm.texts(), "edit.title", MaterialDesignP.PENCIL_OUTLINE, vm.secret().scope().label(),
                vm.secret().name(), "edit.button", false);
        this.vm = vm;
        subtitleIsName();
        GridPane form = Controls.dialogForm();

        TextArea description = new TextArea();
        description.setId("edit-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        form.addRow(0, Controls.formLabel(texts.format("create.description")), description);
        form.add(Controls.fieldMessage(vm.descriptionProblemProperty(), Controls.FIELD_PROBLEM), 1, 1);
        form.addRow(2, Controls.formLabel(texts.format("create.kms")), CreateSecretDialog.kmsPicker(vm.kmsKey(), texts));
        form.add(Controls.fieldMessage(vm.kmsKey().errorProperty(), Controls.FIELD_WARNING), 1, 3);

        var keyNote = Bindings.when(vm.keyChangedProperty()).then(texts.format("edit.kmsNote")).otherwise((String) null);
        body().getChildren().addAll(form, Controls.banner(keyNote, Styles.WARNING, MaterialDesignA.ALERT_OUTLINE));
        wire(vm);
        setOnShown(e -> vm.loadKeys());
        size(640, 240);
    }

    public EditSecretViewModel viewModel() {
        return vm;
    }
}
