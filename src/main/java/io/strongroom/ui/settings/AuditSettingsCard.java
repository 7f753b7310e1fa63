package io.strongroom.ui.settings;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Audit card of the settings page: each anomaly threshold with what it does, a field and its
 * unit, and what is wrong with what was typed; Apply (in force at once, then saved), Undo typing,
 * Reset to defaults. Binds to {@link AuditSettingsViewModel} and forwards.
 */
final class AuditSettingsCard extends VBox {

    static final String ID = "settings-audit";
    static final String APPLY_ID = "settings-audit-apply";
    static final String RESET_ID = "settings-audit-reset";

    AuditSettingsCard(AuditSettingsViewModel vm, Texts texts) {
        setId(ID);
        setSpacing(12);
        getStyleClass().add(Controls.CARD);
        Label title = Controls.sectionTitle(texts.get("settings.audit"));
        title.setGraphic(Icons.NAV_AUDIT.icon("sr-icon"));
        Label about = new Label(texts.get("settings.audit.about"));
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        about.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints text = new javafx.scene.layout.ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(text, new javafx.scene.layout.ColumnConstraints(90), new javafx.scene.layout.ColumnConstraints(80));
        int row = 0;
        for (ThresholdField f : vm.fields()) {
            String key = "settings.audit." + f.id();
            Label name = new Label(texts.get(key));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label what = new Label(texts.get(key + ".about"));
            what.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            what.setWrapText(true);
            TextField field = new TextField();
            field.setId("settings-audit-" + f.id());
            field.textProperty().bindBidirectional(f.textProperty());
            field.setPrefColumnCount(6);
            field.setOnAction(e -> vm.apply());
            f.problemProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, now != null));
            field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, f.problemProperty().get() != null);
            Label unit = new Label(texts.get(key + ".unit"));
            unit.getStyleClass().add(Styles.TEXT_MUTED);
            Label problem = Controls.fieldMessage(f.problemProperty(), Controls.FIELD_PROBLEM);
            grid.add(new VBox(2, name, what, problem), 0, row);
            grid.add(field, 1, row);
            grid.add(unit, 2, row);
            GridPane.setValignment(field, javafx.geometry.VPos.TOP);
            GridPane.setValignment(unit, javafx.geometry.VPos.TOP);
            unit.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
            row++;
        }

        Button apply = Controls.button(texts.get("settings.audit.apply"), MaterialDesignC.CHECK);
        apply.setId(APPLY_ID);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> vm.apply());
        Button revert = new Button(texts.get("settings.audit.revert"));
        revert.setMnemonicParsing(false);
        revert.setOnAction(e -> vm.revert());
        Button reset = new Button(texts.get("settings.audit.resetDefaults"));
        reset.setId(RESET_ID);
        reset.setMnemonicParsing(false);
        reset.disableProperty().bind(vm.canResetProperty().not());
        reset.setOnAction(e -> vm.resetToDefaults());
        HBox actions = new HBox(8, reset, Controls.spacer(), revert, apply);
        actions.setAlignment(Pos.CENTER_LEFT);

        Node notice = Controls.banner(vm.noticeProperty(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        Node error = Controls.banner(vm.saveErrorProperty(), Styles.DANGER, Icons.ERROR.ikon());
        getChildren().addAll(title, about, grid, notice, error, actions);
        grid.disableProperty().bind(vm.loadedProperty().not());
        actions.disableProperty().bind(vm.loadedProperty().not());
    }
}
