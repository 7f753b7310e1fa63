package io.strongroom.ui.endpoint;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Controls;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The custom endpoints, one row each: name, URL, key ID, account and regions, whether its secret
 * access key was entered in this session (with a button to enter it), and Remove. "Add
 * endpoint…" above them. Shown on the settings screen.
 */
public final class EndpointsView extends VBox {

    public static final String ADD_ID = "endpoints-add";

    private final EndpointsViewModel vm;
    private final EndpointDialogs dialogs;
    private final Texts texts;
    private final VBox rows = new VBox(8);

    public EndpointsView(EndpointDialogs dialogs, Texts texts) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.vm = dialogs.endpoints();
        this.texts = Objects.requireNonNull(texts);
        setSpacing(10);
        setId("endpoints");
        vm.entries().addListener((ListChangeListener<EndpointsViewModel.Entry>) c -> rebuild());
        rebuild();
        getChildren().add(rows);
    }

    /** The "Add endpoint…" button, for the card's header. */
    public Button addButton() {
        Button add = new Button(texts.get("endpoints.add"), Icons.ENDPOINT_ADD.icon("sr-icon"));
        add.setId(ADD_ID);
        add.setMnemonicParsing(false);
        add.disableProperty().bind(vm.loadedProperty().not());
        add.setOnAction(e -> dialogs.add(EndpointDialogs.ownerOf(add)));
        return add;
    }

    private void rebuild() {
        rows.getChildren().clear();
        if (vm.entries().isEmpty()) {
            Label empty = new Label(texts.get("endpoints.empty"), Icons.ENDPOINT.icon("sr-icon"));
            empty.getStyleClass().add(Controls.FIELD_HINT);
            empty.setWrapText(true);
            empty.setId("endpoints-empty");
            rows.getChildren().add(empty);
            return;
        }
        for (EndpointsViewModel.Entry entry : vm.entries()) {
            rows.getChildren().add(row(entry));
        }
    }

    private Node row(EndpointsViewModel.Entry entry) {
        CustomEndpoint e = entry.endpoint();
        Label name = new Label(e.name(), Icons.BACKEND_CUSTOM.icon("sr-icon"));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);

        // the list reports an entry opening as a change, and every row is rebuilt then
        boolean open = entry.isOpen();
        Label state = new Label(texts.get(open ? "endpoints.state.open" : "endpoints.state.locked"),
                (open ? Icons.OK : Icons.LOCKED).icon("sr-icon"));
        state.getStyleClass().add(Styles.ENDPOINT_STATE);
        state.pseudoClassStateChanged(PseudoClass.getPseudoClass("open"), open);
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(12, name, state);
        title.setAlignment(Pos.CENTER_LEFT);

        Label url = new Label(e.url().toString());
        url.getStyleClass().addAll(Controls.MONO, Styles.TEXT_MUTED);
        Label detail = new Label(texts.format("endpoints.detail", e.accessKeyId(), e.accountId(), String.join(", ", e.regions())));
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(3, title, url, detail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button unlock = new Button(texts.get("endpoints.unlock"), Icons.ENDPOINT_UNLOCK.icon("sr-icon"));
        unlock.setMnemonicParsing(false);
        unlock.setMinWidth(Region.USE_PREF_SIZE);
        unlock.setId("endpoint-unlock-" + e.name());
        unlock.setOnAction(ev -> dialogs.unlock(entry, EndpointDialogs.ownerOf(unlock)));
        unlock.setVisible(!open);
        unlock.setManaged(!open);

        Button remove = Controls.iconButton(Icons.ENDPOINT_REMOVE.ikon(), texts.format("endpoints.remove", e.name()));
        remove.getStyleClass().add(Styles.DANGER);
        remove.setId("endpoint-remove-" + e.name());
        remove.setOnAction(ev -> vm.remove(entry));

        HBox row = new HBox(12, text, unlock, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.ENDPOINT_ROW);
        row.setUserData(e.name());
        return row;
    }
}
