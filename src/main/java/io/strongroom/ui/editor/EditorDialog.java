package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The frame every editor dialog shares: a header naming the action and the scope it acts in, a
 * scrolling body, an error banner (scope, AWS code, message, request ID), and a primary button
 * that runs the view model's command without closing the dialog: the dialog closes only when the
 * view model reports success, so a failed call leaves the input in place to fix and retry.
 */
abstract class EditorDialog<R> extends Dialog<R> {

    /** The editor's texts, for the subclass's body. */
    final Texts texts;
    private final ButtonType primary;
    private final VBox body = new VBox(14);
    /** Below the scrolling body, so an error is seen next to the button that caused it. */
    private final VBox footer = new VBox();
    private final HBox header;
    private final ProgressIndicator progress = new ProgressIndicator();
    private final ScrollPane scroll;
    private Label subtitleLabel;

    /**
     * @param titleKey   the text of the title (and the window's title)
     * @param subtitle   a second header line as it is shown, or null
     * @param primaryKey the text of the primary button
     * @param danger     the primary button is styled as dangerous and is not the default button
     */
    EditorDialog(Texts texts, String titleKey, Ikon ikon, String scopeLabel, String subtitle, String primaryKey, boolean danger) {
        this.texts = texts;
        String title = texts.format(titleKey);
        String primaryText = texts.format(primaryKey);
        setTitle(title);
        setResizable(true);
        getDialogPane().getStylesheets().add(Controls.STYLESHEET);
        getDialogPane().getStyleClass().add("sr-dialog");

        Label heading = new Label(title, Controls.icon(ikon));
        heading.getStyleClass().add("sr-dialog-title");
        Label chip = new Label(scopeLabel);
        chip.getStyleClass().add("sr-scope-chip");
        chip.setId("dialog-scope");
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.setVisible(false);
        HBox titleRow = new HBox(10, heading, chip, Controls.spacer(), progress);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox headerBox = new VBox(4, titleRow);
        if (subtitle != null) {
            Label sub = new Label(subtitle);
            sub.getStyleClass().add(Controls.FIELD_HINT);
            sub.setId("dialog-subtitle");
            subtitleLabel = sub;
            sub.setWrapText(true);
            headerBox.getChildren().add(sub);
        }
        header = new HBox(headerBox);
        HBox.setHgrow(headerBox, javafx.scene.layout.Priority.ALWAYS);
        header.getStyleClass().add("sr-dialog-header");
        getDialogPane().setHeader(header);

        body.getStyleClass().add("sr-dialog-body");
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        footer.getStyleClass().add("sr-dialog-footer");
        footer.managedProperty().bind(footer.visibleProperty());
        getDialogPane().setContent(new VBox(scroll, footer));

        primary = new ButtonType(primaryText, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(primary, ButtonType.CANCEL);
        Button ok = primaryButton();
        ok.setId("dialog-primary");
        ok.setDefaultButton(!danger);
        ok.getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("dialog-cancel");
        setResultConverter(button -> null);
    }

    /**
     * The dialog's width and the height of its scrolling body. Set inline: AtlantaFX caps dialog
     * panes at 600 px in its stylesheet, which would override a plain {@code setPrefWidth}.
     */
    final void size(double width, double bodyHeight) {
        getDialogPane().setStyle("-fx-pref-width: " + width + "px; -fx-max-width: 1400px;");
        scroll.setPrefViewportHeight(bodyHeight);
    }

    /** The subtitle is the secret's name: shown in the monospace font names are shown in elsewhere. */
    final void subtitleIsName() {
        if (subtitleLabel != null) {
            subtitleLabel.getStyleClass().addAll(Controls.MONO, "sr-dialog-secret-name");
        }
    }

    /** The body's children, to fill. */
    final VBox body() {
        return body;
    }

    final Button primaryButton() {
        return (Button) getDialogPane().lookupButton(primary);
    }

    /**
     * Wires the primary button to {@code submit}, then {@code vm}'s command, as
     * {@link #wire(ObservableBooleanValue, Runnable, ObservableBooleanValue, ObservableStringValue, ObservableValue, Runnable)}
     * does with its state; the dialog disposes {@code vm} when it is closed.
     */
    final void wire(EditorDialogModel<? extends R> vm, Runnable beforeSubmit) {
        wire(vm.canRun(), () -> {
            beforeSubmit.run();
            vm.submit();
        }, vm.busyProperty(), vm.errorProperty(), vm.result(), vm::dispose);
    }

    final void wire(EditorDialogModel<? extends R> vm) {
        wire(vm, () -> { });
    }

    /**
     * Wires the primary button to {@code submit} (enabled while {@code canSubmit}), shows
     * {@code error} in a banner and {@code busy} as progress, closes the dialog with
     * {@code result} once it is set, and runs {@code dispose} when the dialog is closed.
     */
    final void wire(ObservableBooleanValue canSubmit, Runnable submit, ObservableBooleanValue busy,
                    ObservableStringValue error, ObservableValue<? extends R> result, Runnable dispose) {
        Button ok = primaryButton();
        ok.disableProperty().bind(javafx.beans.binding.Bindings.not(canSubmit));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit.run();
        });
        progress.visibleProperty().bind(busy);
        Node banner = Controls.banner(error, Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        banner.setId("dialog-error");
        footer.getChildren().add(banner);
        footer.visibleProperty().bind(banner.visibleProperty());
        result.addListener((o, was, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setOnHidden(e -> dispose.run());
    }
}
