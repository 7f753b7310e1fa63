package io.strongroom.ui.signin;

import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

import java.util.Objects;

/**
 * "Add organization…" over {@link OrganizationViewModel}: the management account, the role name
 * (OrganizationAccountAccessRole unless changed), "Discover accounts"; the window stays open while
 * the listing runs and on a failure (AWS's message shown), and closes once the accounts are offered.
 */
public final class OrganizationDialog extends VBox {

    public static final String MANAGEMENT_ID = "org-management";
    public static final String ROLE_ID = "org-role";
    public static final String DISCOVER_ID = "org-discover";

    private Runnable onClose = () -> {};

    public OrganizationDialog(OrganizationViewModel vm, Texts shared) {
        Objects.requireNonNull(vm);
        Texts texts = SignInTexts.of(shared);
        getStyleClass().add("sr-signin-dialog");
        setId("organization-dialog");
        setSpacing(12);
        setPrefWidth(520);
        setStyle("-fx-padding: 20 24 18 24;");

        Label heading = new Label(texts.get("org.title"), new FontIcon(MaterialDesignO.OFFICE_BUILDING_OUTLINE));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label instructions = new Label(texts.get("org.instructions"));
        instructions.setWrapText(true);
        instructions.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<OrganizationViewModel.Candidate> management = new ComboBox<>(vm.candidates());
        management.setId(MANAGEMENT_ID);
        management.valueProperty().bindBidirectional(vm.managementProperty());
        management.setMaxWidth(Double.MAX_VALUE);
        TextField role = new TextField();
        role.setId(ROLE_ID);
        role.textProperty().bindBidirectional(vm.roleNameProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        Label managementLabel = new Label(texts.get("org.management"));
        managementLabel.setLabelFor(management);
        Label roleLabel = new Label(texts.get("org.role"));
        roleLabel.setLabelFor(role);
        form.addRow(0, managementLabel, management);
        form.addRow(1, roleLabel, role);
        GridPane.setHgrow(management, Priority.ALWAYS);
        GridPane.setHgrow(role, Priority.ALWAYS);

        Label problem = line(vm.problemProperty(), Styles.DANGER);
        Label status = line(vm.statusProperty(), Styles.TEXT_MUTED);
        Label error = line(vm.errorProperty(), Styles.DANGER);
        error.setId("org-error");

        Button discover = new Button(texts.get("org.discover"));
        discover.setId(DISCOVER_ID);
        discover.getStyleClass().add(Styles.ACCENT);
        discover.setDefaultButton(true);
        discover.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        discover.setOnAction(e -> vm.discover());
        Button cancel = new Button(texts.get("org.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, cancel, discover);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        vm.doneProperty().addListener((o, was, now) -> {
            if (now) {
                onClose.run();
            }
        });

        getChildren().addAll(heading, instructions, form, problem, status, error, buttons);
    }

    private static Label line(javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, style);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Shows the dialog modal to {@code owner} and waits until it closes. */
    public static void showAndWait(Window owner, OrganizationViewModel vm, Texts shared) {
        OrganizationDialog content = new OrganizationDialog(vm, shared);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(SignInTexts.of(shared).get("org.title"));
        Scene scene = new Scene(content);
        scene.getStylesheets().add(Objects.requireNonNull(OrganizationDialog.class.getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        content.onClose = stage::close;
        stage.showAndWait();
    }
}
