package io.strongroom.ui.keys;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;

/**
 * The impact of a key change, before it is made: the secrets that would become unreadable, by
 * region, replicas marked; the replicas elsewhere that would go stale; and a field where the key's
 * alias (or ID) must be typed before the change button is enabled. Nothing is sent by this dialog:
 * it answers yes or no ({@link #confirm}).
 */
public final class KeyImpactDialog extends Dialog<ButtonType> {

    static final String STYLESHEET = KeysView.STYLESHEET;

    private final KeyImpactViewModel vm;
    private final ButtonType change;

    public KeyImpactDialog(KeyImpactViewModel vm, Texts texts) {
        this.vm = vm;
        setTitle(vm.title());
        setResizable(true);
        getDialogPane().getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getDialogPane().getStyleClass().addAll("sr-dialog", "sr-key-impact");
        getDialogPane().setId("key-impact-dialog");

        Label heading = new Label(vm.title(), Controls.icon(MaterialDesignK.KEY_ALERT));
        heading.getStyleClass().add("sr-dialog-title");
        heading.setWrapText(true);
        Label scope = new Label(vm.impact().key().scope().label());
        scope.getStyleClass().add("sr-scope-chip");
        HBox titleRow = new HBox(10, heading, scope);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(titleRow);
        header.setPadding(new Insets(12, 16, 8, 16));
        header.getStyleClass().add("sr-dialog-header");
        getDialogPane().setHeader(header);

        Label headline = new Label(vm.headline(), Controls.icon(MaterialDesignA.ALERT_OUTLINE));
        headline.setId("impact-headline");
        headline.getStyleClass().addAll("sr-impact-headline", vm.impact().unreadable().isEmpty() ? Styles.SUCCESS : Styles.DANGER);
        headline.setWrapText(true);
        Label explain = new Label(vm.explanation());
        explain.getStyleClass().add(Controls.FIELD_HINT);
        explain.setWrapText(true);
        VBox groups = new VBox(10);
        groups.setId("impact-groups");
        groups.getChildren().addAll(groups(vm.groups(), texts, false));
        if (!vm.staleGroups().isEmpty()) {
            groups.getChildren().add(Controls.sectionTitle(texts.get("impact.staleTitle")));
            groups.getChildren().addAll(groups(vm.staleGroups(), texts, true));
        }
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        scroll.getStyleClass().add("sr-impact-list");
        Label note = new Label(vm.replicaNote());
        note.getStyleClass().add(Controls.FIELD_HINT);
        note.setWrapText(true);
        note.setManaged(!vm.replicaNote().isEmpty());
        note.setVisible(!vm.replicaNote().isEmpty());

        Label prompt = new Label(vm.prompt());
        prompt.setWrapText(true);
        TextField typed = new TextField();
        typed.setId("impact-typed");
        typed.setPromptText(vm.expected());
        typed.textProperty().bindBidirectional(vm.typedProperty());
        VBox body = new VBox(12, headline, explain, scroll, note, prompt, typed);
        body.setPadding(new Insets(8, 16, 4, 16));
        getDialogPane().setContent(body);

        change = new ButtonType(texts.get("impact.button." + vm.change().textKey()), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, change);
        Button changeButton = (Button) getDialogPane().lookupButton(change);
        changeButton.setId("impact-confirm");
        changeButton.getStyleClass().add(Styles.DANGER);
        changeButton.setDefaultButton(false);
        changeButton.disableProperty().bind(vm.confirmableProperty().not());
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        getDialogPane().setPrefWidth(620);
    }

    /** Shows the dialog over the focused window and waits: true when the user typed the name and confirmed. */
    public static boolean confirm(KeyImpactViewModel vm, Texts texts) {
        KeyImpactDialog dialog = new KeyImpactDialog(vm, texts);
        Window.getWindows().stream().filter(Window::isFocused).findFirst().ifPresent(dialog::initOwner);
        return dialog.showAndWait().filter(dialog.change::equals).isPresent() && vm.confirmableProperty().get();
    }

    public KeyImpactViewModel viewModel() {
        return vm;
    }

    private static List<Node> groups(List<KeyImpactViewModel.Group> groups, Texts texts, boolean stale) {
        return groups.stream().<Node>map(g -> {
            Label region = new Label(texts.format("impact.region", g.region(), g.lines().size()));
            region.getStyleClass().addAll(Styles.TEXT_BOLD, "sr-impact-region");
            VBox lines = new VBox(3);
            for (KeyImpactViewModel.Line line : g.lines()) {
                Label name = new Label(line.name(), Controls.icon(MaterialDesignS.SHIELD_KEY_OUTLINE));
                name.getStyleClass().add(Controls.MONO);
                HBox row = new HBox(8, name);
                row.setAlignment(Pos.CENTER_LEFT);
                if (line.replica()) {
                    Label marker = new Label(texts.format("impact.replicaOf", line.primaryRegion()));
                    marker.getStyleClass().addAll("sr-replica-marker", stale ? Styles.ACCENT : Styles.WARNING);
                    row.getChildren().add(marker);
                }
                lines.getChildren().add(row);
            }
            lines.setPadding(new Insets(0, 0, 0, 14));
            return new VBox(4, region, lines);
        }).toList();
    }
}
