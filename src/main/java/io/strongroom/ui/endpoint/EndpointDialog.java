package io.strongroom.ui.endpoint;

import io.strongroom.domain.CallerIdentity;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Controls;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Objects;

/**
 * The form over {@link EndpointViewModel}: name, URL, access key ID, secret access key (masked),
 * optional account ID and regions, each with its problem under it as it is typed; "Test
 * connection" with its answer; Save, which keeps the dialog open until the view model reports
 * the endpoint saved, so a failure leaves the input in place to fix.
 */
public final class EndpointDialog extends Dialog<CustomEndpoint> {

    public static final String NAME_ID = "endpoint-name";
    public static final String URL_ID = "endpoint-url";
    public static final String KEY_ID_ID = "endpoint-key-id";
    public static final String SECRET_ID = "endpoint-secret";
    public static final String ACCOUNT_ID = "endpoint-account";
    public static final String REGIONS_ID = "endpoint-regions";
    public static final String TEST_ID = "endpoint-test";
    public static final String SAVE_ID = "endpoint-save";

    private final EndpointViewModel vm;
    private final Texts texts;

    public EndpointDialog(EndpointViewModel vm, Texts texts) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = Objects.requireNonNull(texts);
        boolean unlocking = vm.isUnlocking();
        String title = texts.get(unlocking ? "endpoint.unlock.title" : "endpoint.add.title");
        setTitle(title);
        setResizable(true);
        getDialogPane().getStylesheets().addAll(Controls.STYLESHEET,
                Objects.requireNonNull(EndpointDialog.class.getResource(Styles.STYLESHEET)).toExternalForm());
        getDialogPane().getStyleClass().addAll("sr-dialog", Styles.ENDPOINT_DIALOG);
        // AtlantaFX caps dialog panes at 600 px in its stylesheet; inline wins
        getDialogPane().setStyle("-fx-pref-width: 600px; -fx-max-width: 900px;");

        getDialogPane().setHeader(header(title, unlocking));
        getDialogPane().setContent(body(unlocking));

        ButtonType save = new ButtonType(texts.get(unlocking ? "endpoint.unlock.primary" : "endpoint.add.primary"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(save);
        ok.setId(SAVE_ID);
        ok.setDefaultButton(true);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        // the dialog closes when the view model says the endpoint is saved, not on the click
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        vm.savedProperty().addListener((o, was, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setResultConverter(button -> vm.savedProperty().get());
        setOnHidden(e -> vm.dispose());

        // problems, the test's answer and errors add lines: the window grows with them, so the
        // buttons never slide out of it (a dialog sizes itself only when it is shown)
        InvalidationListener refit = o -> Platform.runLater(this::fitWindowToContent);
        for (Observable grows : List.of(vm.nameProblemProperty(), vm.urlProblemProperty(), vm.urlWarningProperty(),
                vm.accessKeyIdProblemProperty(), vm.secretProblemProperty(), vm.accountIdProblemProperty(),
                vm.regionsProblemProperty(), vm.testingProperty(), vm.testIdentityProperty(), vm.testErrorProperty(),
                vm.testNoteProperty(), vm.errorProperty())) {
            grows.addListener(refit);
        }
    }

    private void fitWindowToContent() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window != null && window.isShowing()) {
            window.sizeToScene();
        }
    }

    public EndpointViewModel viewModel() {
        return vm;
    }

    private Node header(String title, boolean unlocking) {
        Label heading = new Label(title, (unlocking ? Icons.ENDPOINT_UNLOCK : Icons.ENDPOINT_ADD).icon("sr-icon"));
        heading.getStyleClass().add("sr-dialog-title");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        HBox titleRow = new HBox(10, heading, Controls.spacer(), progress);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label(unlocking
                ? texts.format("endpoint.unlock.about", vm.nameProperty().get(), vm.urlProperty().get())
                : texts.get("endpoint.add.about"));
        about.getStyleClass().add(Controls.FIELD_HINT);
        about.setWrapText(true);
        VBox box = new VBox(4, titleRow, about);
        box.getStyleClass().add("sr-dialog-header");
        return box;
    }

    private Node body(boolean unlocking) {
        GridPane form = new GridPane();
        form.setHgap(14);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        row = add(form, row, "endpoint.field.name", text(NAME_ID, vm.nameProperty(), "endpoint.prompt.name", false, unlocking),
                problem(vm.nameProblemProperty(), NAME_ID));
        row = add(form, row, "endpoint.field.url", text(URL_ID, vm.urlProperty(), "endpoint.prompt.url", true, unlocking),
                problem(vm.urlProblemProperty(), URL_ID),
                Controls.fieldMessage(vm.urlWarningProperty(), Controls.FIELD_WARNING));
        row = add(form, row, "endpoint.field.keyId", text(KEY_ID_ID, vm.accessKeyIdProperty(), "endpoint.prompt.keyId", true, unlocking),
                problem(vm.accessKeyIdProblemProperty(), KEY_ID_ID));
        PasswordField secret = new PasswordField();
        secret.setId(SECRET_ID);
        secret.getStyleClass().add(Controls.MONO);
        secret.setPromptText(texts.get("endpoint.prompt.secret"));
        secret.textProperty().bindBidirectional(vm.secretAccessKeyProperty());
        row = add(form, row, "endpoint.field.secret", secret, problem(vm.secretProblemProperty(), SECRET_ID),
                hint("endpoint.hint.secret"));
        row = add(form, row, "endpoint.field.accountId",
                text(ACCOUNT_ID, vm.accountIdProperty(), "endpoint.prompt.accountId", true, unlocking),
                problem(vm.accountIdProblemProperty(), ACCOUNT_ID), unlocking ? null : hint("endpoint.hint.accountId"));
        add(form, row, "endpoint.field.regions", text(REGIONS_ID, vm.regionsProperty(), "endpoint.prompt.regions", true, unlocking),
                problem(vm.regionsProblemProperty(), REGIONS_ID), unlocking ? null : hint("endpoint.hint.regions"));

        markWhileProblem(form.lookup("#" + NAME_ID), vm.nameProblemProperty());
        markWhileProblem(form.lookup("#" + URL_ID), vm.urlProblemProperty());
        markWhileProblem(form.lookup("#" + KEY_ID_ID), vm.accessKeyIdProblemProperty());
        markWhileProblem(secret, vm.secretProblemProperty());
        markWhileProblem(form.lookup("#" + ACCOUNT_ID), vm.accountIdProblemProperty());
        markWhileProblem(form.lookup("#" + REGIONS_ID), vm.regionsProblemProperty());

        VBox body = new VBox(14, form, testRow(), saveError());
        body.getStyleClass().add("sr-dialog-body");
        if (unlocking) {
            Platform.runLater(secret::requestFocus);
        }
        return body;
    }

    private Node testRow() {
        Button test = new Button(texts.get("endpoint.test"), Icons.TEST_CONNECTION.icon("sr-icon"));
        test.setId(TEST_ID);
        test.setMnemonicParsing(false);
        test.disableProperty().bind(vm.testableProperty().not().or(vm.busyProperty()));
        test.setOnAction(e -> vm.testConnection());
        Label running = new Label(texts.get("endpoint.test.running"));
        running.getStyleClass().add(Controls.FIELD_HINT);
        running.visibleProperty().bind(vm.testingProperty());
        running.managedProperty().bind(running.visibleProperty());
        HBox buttonRow = new HBox(10, test, running);
        buttonRow.setAlignment(Pos.CENTER_LEFT);

        StringBinding passed = Bindings.createStringBinding(() -> {
            CallerIdentity id = vm.testIdentityProperty().get();
            return id == null ? "" : texts.format("endpoint.test.passed", id.arn(), id.accountId());
        }, vm.testIdentityProperty());
        Node ok = Controls.banner(passed, Styles.SUCCESS, Icons.OK.ikon());
        ok.setId("endpoint-test-passed");
        Node note = Controls.banner(vm.testNoteProperty(), Styles.WARNING, Icons.WARNING.ikon());
        note.setId("endpoint-test-note");
        Node failed = Controls.banner(vm.testErrorProperty(), Styles.DANGER, Icons.ERROR.ikon());
        failed.setId("endpoint-test-failed");
        return new VBox(8, buttonRow, ok, note, failed);
    }

    private Node saveError() {
        Button dismiss = Controls.iconButton(Icons.CLEAR.ikon(), texts.get("endpoint.dismiss"));
        dismiss.setOnAction(e -> vm.dismissError());
        Node banner = Controls.banner(vm.errorProperty(), Styles.DANGER, Icons.ERROR.ikon(), dismiss);
        banner.setId("endpoint-error");
        return banner;
    }

    private TextField text(String id, StringProperty value, String promptKey, boolean mono, boolean readOnly) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(texts.get(promptKey));
        field.textProperty().bindBidirectional(value);
        if (mono) {
            field.getStyleClass().add(Controls.MONO);
        }
        if (readOnly) {
            field.setEditable(false);
            field.setFocusTraversable(false);
            field.getStyleClass().add(Styles.ENDPOINT_FIXED);
        }
        return field;
    }

    private Label problem(ReadOnlyStringProperty text, String fieldId) {
        Label l = Controls.fieldMessage(text, Controls.FIELD_PROBLEM);
        l.setId(fieldId + "-problem");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The field's border turns to the danger colour while it has a problem. */
    private static void markWhileProblem(Node field, ReadOnlyStringProperty problem) {
        problem.addListener((o, was, now) -> field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER,
                now != null && !now.isEmpty()));
    }

    private Label hint(String key) {
        Label l = new Label(texts.get(key));
        l.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private int add(GridPane form, int row, String labelKey, Node field, Node... below) {
        Label label = Controls.formLabel(texts.get(labelKey));
        label.setLabelFor(field);
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        VBox cell = new VBox(3, field);
        for (Node n : below) {
            if (n != null) {
                cell.getChildren().add(n);
            }
        }
        cell.setPadding(new Insets(0, 0, 6, 0));
        form.addRow(row, label, cell);
        return row + 1;
    }
}
