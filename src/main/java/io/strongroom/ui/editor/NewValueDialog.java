package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import atlantafx.base.theme.Styles;
import io.strongroom.domain.VersionWritten;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The new-value dialog: writes a new version that becomes AWSCURRENT. Its result is the version
 * written, or none when cancelled.
 */
public final class NewValueDialog extends EditorDialog<VersionWritten> {

    private final NewValueViewModel vm;

    public NewValueDialog(NewValueViewModel vm) {
        super(vm.texts(), "newValue.title", MaterialDesignP.PLUS_BOX_MULTIPLE_OUTLINE, vm.secret().scope().label(),
                vm.texts().format("newValue.subtitle", vm.secret().name()), "newValue.button", false);
        this.vm = vm;
        subtitleIsName();
        ValueEditorView valueView = new ValueEditorView(vm.value());

        Button start = Controls.button(texts.format("newValue.startFromCurrent"), MaterialDesignD.DOWNLOAD_OUTLINE);
        start.setId("new-value-start");
        start.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        start.disableProperty().bind(vm.busyProperty());
        start.setOnAction(e -> vm.startFromCurrent());
        Label startHint = EditorLayout.hint(texts.format("newValue.startHint"), true);
        HBox startRow = new HBox(10, start, startHint);
        startRow.setAlignment(Pos.CENTER_LEFT);

        Label stageNote = new Label(texts.format("newValue.stages"));
        stageNote.setWrapText(true);

        body().getChildren().addAll(stageNote, startRow, valueView);
        wire(vm, valueView::markTouched);
        size(680, 470);
    }

    public NewValueViewModel viewModel() {
        return vm;
    }
}
