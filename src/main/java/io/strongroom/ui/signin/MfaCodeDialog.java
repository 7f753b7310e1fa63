package io.strongroom.ui.signin;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The MFA dialog's content over {@link MfaCodeViewModel}: the profile and the device asking, a
 * six-digit field (digits only, OK enabled once six are typed), Sign in and Cancel.
 * {@link #open} shows it modal to the console's window; closing it cancels.
 */
public final class MfaCodeDialog extends VBox {

    public static final String CODE_ID = "mfa-code";
    public static final String OK_ID = "mfa-ok";
    public static final String CANCEL_ID = "mfa-cancel";

    private final MfaCodeViewModel vm;
    private Runnable onClose = () -> {};

    public MfaCodeDialog(MfaCodeViewModel vm, Texts shared) {
        this.vm = Objects.requireNonNull(vm);
        Texts texts = SignInTexts.of(shared);
        getStyleClass().add("sr-signin-dialog");
        setId("mfa-dialog");
        setSpacing(12);
        setPrefWidth(460);
        setStyle("-fx-padding: 20 24 18 24;");

        Label heading = new Label(texts.format("mfa.heading", vm.profileName()), Icons.LOCKED.icon());
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setMnemonicParsing(false);
        Label deviceLabel = new Label(texts.get("mfa.device"));
        deviceLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Label device = new Label(vm.mfaSerial());
        device.getStyleClass().add(Styles.MONO);
        device.setWrapText(true);
        Label codeLabel = new Label(texts.get("mfa.code"));
        codeLabel.getStyleClass().add(Styles.TEXT_MUTED);
        TextField code = new TextField();
        code.setId(CODE_ID);
        code.setPromptText(texts.get("mfa.prompt"));
        code.getStyleClass().add(Styles.MONO);
        code.setStyle("-fx-font-size: 20px;");
        code.setPrefColumnCount(8);
        code.setMaxWidth(180);
        // digits only, at most six: what an authenticator shows
        code.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        code.textProperty().bindBidirectional(vm.codeProperty());
        labelFor(codeLabel, code);
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, deviceLabel, device);
        form.addRow(1, codeLabel, code);
        form.add(problem, 1, 2);

        Button ok = new Button(texts.get("mfa.ok"), Icons.OK.icon());
        ok.setId(OK_ID);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.validProperty().not());
        ok.setOnAction(e -> {
            if (vm.ok()) {
                onClose.run();
            }
        });
        Button cancel = new Button(texts.get("mfa.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            vm.cancel();
            onClose.run();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(heading, form, buttons);
    }

    private static void labelFor(Label label, TextField field) {
        label.setLabelFor(field);
    }

    public MfaCodeViewModel viewModel() {
        return vm;
    }

    /** Shows the dialog modal to {@code owner}; closing the window answers "no code". */
    public static Stage open(Window owner, MfaCodeViewModel vm, Texts shared) {
        MfaCodeDialog content = new MfaCodeDialog(vm, shared);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(SignInTexts.of(shared).get("mfa.title"));
        Scene scene = new Scene(content);
        scene.getStylesheets().add(Objects.requireNonNull(MfaCodeDialog.class.getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        content.onClose = stage::close;
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        content.lookup("#" + CODE_ID).requestFocus();
        return stage;
    }
}
