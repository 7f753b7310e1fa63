package io.strongroom.ui.signin;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.Objects;

/**
 * The device code dialog's content over {@link DeviceCodeViewModel}: the code in large type, the
 * sign-in page (selectable, to copy), the countdown, "Open browser" and Cancel; the message says
 * how it ended. {@link #open} shows it in a window of its own that closes itself when the sign-in
 * ends.
 */
public final class DeviceCodeDialog extends VBox {

    public static final String CODE_ID = "device-code";
    public static final String OPEN_ID = "device-open-browser";
    public static final String CANCEL_ID = "device-cancel";

    private final DeviceCodeViewModel vm;

    public DeviceCodeDialog(DeviceCodeViewModel vm, Texts shared) {
        this.vm = Objects.requireNonNull(vm);
        Texts texts = SignInTexts.of(shared);
        getStyleClass().add("sr-signin-dialog");
        setId("device-code-dialog");
        setSpacing(12);
        setFillWidth(true);
        setPrefWidth(480);
        setStyle("-fx-padding: 20 24 18 24;");

        Label heading = new Label(texts.format("device.heading", vm.profileName()), Icons.IDENTITY.icon());
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setMnemonicParsing(false);
        Label instructions = new Label(texts.get("device.instructions"));
        instructions.setWrapText(true);

        Label code = new Label(vm.userCode());
        code.setId(CODE_ID);
        code.getStyleClass().addAll(Styles.MONO, "sr-device-code");
        code.setStyle("-fx-font-size: 30px; -fx-font-weight: bold; -fx-padding: 10 18 10 18;"
                + " -fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        HBox codeRow = new HBox(code);
        codeRow.setAlignment(Pos.CENTER);

        Label pageLabel = new Label(texts.get("device.page"));
        pageLabel.getStyleClass().add(Styles.TEXT_MUTED);
        TextField page = new TextField(vm.verificationUri());
        page.setEditable(false);
        page.getStyleClass().add(Styles.MONO);
        HBox.setHgrow(page, Priority.ALWAYS);
        HBox pageRow = new HBox(8, pageLabel, page);
        pageRow.setAlignment(Pos.CENTER_LEFT);

        Label countdown = new Label();
        countdown.textProperty().bind(vm.countdownProperty());
        countdown.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label message = new Label();
        message.setId("device-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Runnable tone = () -> {
            message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
            message.getStyleClass().add(switch (vm.state()) {
                case SIGNED_IN -> Styles.SUCCESS;
                case FAILED -> Styles.DANGER;
                default -> Styles.TEXT_MUTED;
            });
        };
        vm.stateProperty().addListener(o -> tone.run());
        tone.run();

        Button open = new Button(texts.get("device.openBrowser"), new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignO.OPEN_IN_NEW));
        open.setId(OPEN_ID);
        open.getStyleClass().add(Styles.ACCENT);
        open.setDefaultButton(true);
        open.setOnAction(e -> vm.openBrowser());
        Button cancel = new Button(texts.get("device.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        open.disableProperty().bind(vm.stateProperty().isNotEqualTo(DeviceCodeViewModel.State.WAITING));
        cancel.disableProperty().bind(open.disableProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, countdown, grow, cancel, open);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(heading, instructions, codeRow, pageRow, message, buttons);
    }

    public DeviceCodeViewModel viewModel() {
        return vm;
    }

    /**
     * Shows the dialog in a window of its own (not modal: the console stays usable while the user
     * is in the browser), ticking the countdown every second; it closes itself once the sign-in
     * ends, after showing how (at once when cancelled), and closing it cancels.
     */
    public static Stage open(Window owner, DeviceCodeViewModel vm, Texts shared) {
        DeviceCodeDialog content = new DeviceCodeDialog(vm, shared);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(SignInTexts.of(shared).get("device.title"));
        Scene scene = new Scene(content);
        scene.getStylesheets().add(Objects.requireNonNull(DeviceCodeDialog.class.getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        vm.stateProperty().addListener((o, was, now) -> {
            if (now == DeviceCodeViewModel.State.WAITING) {
                return;
            }
            ticks.stop();
            PauseTransition linger = new PauseTransition(now == DeviceCodeViewModel.State.CANCELLED ? Duration.ZERO
                    : Duration.seconds(now == DeviceCodeViewModel.State.SIGNED_IN ? 1.5 : 4));
            linger.setOnFinished(e -> stage.close());
            linger.play();
        });
        stage.setOnHidden(e -> {
            ticks.stop();
            vm.cancel();
        });
        stage.show();
        return stage;
    }
}
