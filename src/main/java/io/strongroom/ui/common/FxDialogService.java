package io.strongroom.ui.common;

import io.strongroom.domain.ScopeError;
import io.strongroom.service.ScopeException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Dialogs owned by the main window, themed like it. Every method blocks on the FX thread until
 * the user answers ({@code showAndWait}), which is what a view model's command expects.
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Texts texts;

    public FxDialogService(Supplier<Window> owner, Texts texts) {
        this.owner = Objects.requireNonNull(owner);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = prepare(new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL, ButtonType.OK), title);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public boolean confirmByTyping(String title, String message, String expected) {
        Dialog<ButtonType> dialog = prepare(new Dialog<>(), title);
        ButtonType confirm = new ButtonType(texts.get("dialog.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, confirm);
        TextField typed = new TextField();
        typed.setPromptText(expected);
        Label what = new Label(message);
        what.setWrapText(true);
        Label hint = new Label(texts.format("dialog.typeToConfirm", expected));
        hint.setWrapText(true);
        VBox body = new VBox(8, what, hint, typed);
        body.setPrefWidth(440);
        dialog.getDialogPane().setContent(body);
        Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        confirmButton.getStyleClass().add(Styles.DANGER);
        confirmButton.disableProperty().bind(typed.textProperty().isNotEqualTo(expected));
        Platform.runLater(typed::requestFocus);
        return dialog.showAndWait().filter(confirm::equals).isPresent() && expected.equals(typed.getText());
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = prepare(new Alert(Alert.AlertType.ERROR), title);
        ScopeError scopeError = scopeError(error);
        if (scopeError == null) {
            alert.setContentText(ErrorText.of(error));
        } else {
            // selectable fields: the request ID is what AWS support and CloudTrail ask for
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(6);
            grid.setPadding(new Insets(4, 0, 0, 0));
            int row = 0;
            row = addRow(grid, row, texts.get("error.scope"), scopeError.scope().label());
            row = addRow(grid, row, texts.get("error.code"), scopeError.errorCode());
            row = addRow(grid, row, texts.get("error.message"), scopeError.message());
            addRow(grid, row, texts.get("error.requestId"), scopeError.requestId() == null ? "—" : scopeError.requestId());
            alert.getDialogPane().setContent(grid);
        }
        alert.showAndWait();
    }

    private static int addRow(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        TextField v = new TextField(value);
        v.setEditable(false);
        v.setPrefColumnCount(36);
        grid.addRow(row, l, v);
        return row + 1;
    }

    private static ScopeError scopeError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ScopeException se) {
                return se.error();
            }
        }
        return null;
    }

    @Override
    public void showInfo(String title, String message) {
        prepare(new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK), title).showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        if (extension != null && !extension.isBlank()) {
            String ext = extension.startsWith(".") ? extension.substring(1) : extension;
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        }
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    private <D extends Dialog<?>> D prepare(D dialog, String title) {
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.getDialogPane().getStylesheets().add(Objects.requireNonNull(
                FxDialogService.class.getResource(Styles.STYLESHEET)).toExternalForm());
        return dialog;
    }
}
