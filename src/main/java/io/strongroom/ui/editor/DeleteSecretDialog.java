package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import atlantafx.base.theme.Styles;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.SecretDeletion;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The delete dialog: schedule deletion with a 7-30 day recovery window, or delete immediately
 * (which then asks for the secret's name to be typed). Its result is what DeleteSecret reported.
 */
public final class DeleteSecretDialog extends EditorDialog<SecretDeletion> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DeleteSecretViewModel vm;

    public DeleteSecretDialog(DeleteSecretViewModel vm) {
        super(vm.texts(), "delete.title", MaterialDesignD.DELETE_OUTLINE, vm.secret().scope().label(),
                vm.secret().name(), "delete.button.schedule", true);
        this.vm = vm;
        subtitleIsName();
        ToggleGroup mode = new ToggleGroup();
        RadioButton schedule = new RadioButton(texts.format("delete.schedule"));
        schedule.setId("delete-schedule");
        schedule.setToggleGroup(mode);
        schedule.setSelected(!vm.forceProperty().get());
        RadioButton force = new RadioButton(texts.format("delete.force"));
        force.setId("delete-force");
        force.setToggleGroup(mode);
        force.selectedProperty().bindBidirectional(vm.forceProperty());
        schedule.setSelected(!vm.forceProperty().get());

        Spinner<Integer> days = EditorLayout.spinner("delete-days", DeletionMode.MIN_RECOVERY_DAYS, DeletionMode.MAX_RECOVERY_DAYS,
                vm.recoveryDaysProperty(), 90);
        days.disableProperty().bind(vm.forceProperty());
        Label until = new Label();
        until.getStyleClass().add(Controls.FIELD_HINT);
        until.textProperty().bind(Bindings.createStringBinding(() -> vm.recoverableUntilProperty().get() == null ? ""
                : texts.format("delete.until", DAY.format(vm.recoverableUntilProperty().get())), vm.recoverableUntilProperty()));
        Label windowLabel = new Label(texts.format("delete.window"));
        windowLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label daysLabel = new Label(texts.format("delete.days"));
        daysLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox windowRow = new HBox(8, windowLabel, days, daysLabel);
        windowRow.setAlignment(Pos.CENTER_LEFT);
        windowRow.setPadding(new Insets(0, 0, 0, 26));
        until.setPadding(new Insets(0, 0, 0, 26));
        until.setGraphic(Controls.icon(MaterialDesignC.CALENDAR_CLOCK));
        Label scheduleHint = EditorLayout.hint(texts.format("delete.schedule.hint"), true);
        scheduleHint.setPadding(new Insets(0, 0, 0, 26));

        Label forceHint = EditorLayout.hint(texts.format("delete.force.hint"), true);
        forceHint.setPadding(new Insets(0, 0, 0, 26));
        var forceWarning = Bindings.when(vm.forceProperty()).then(texts.format("delete.force.warning")).otherwise((String) null);

        body().getChildren().addAll(
                new VBox(6, schedule, windowRow, until, scheduleHint),
                new VBox(6, force, forceHint),
                Controls.banner(forceWarning, Styles.DANGER, MaterialDesignA.ALERT_OUTLINE),
                Controls.fieldMessage(vm.problemProperty(), Controls.FIELD_PROBLEM));
        primaryButton().textProperty().bind(Bindings.when(vm.forceProperty())
                .then(texts.format("delete.button.force")).otherwise(texts.format("delete.button.schedule")));
        wire(vm);
        size(600, 280);
    }

    public DeleteSecretViewModel viewModel() {
        return vm;
    }
}
