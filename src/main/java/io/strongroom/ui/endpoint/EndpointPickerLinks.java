package io.strongroom.ui.endpoint;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The foot of the scope picker's account list: saved endpoints still waiting for their secret
 * access key in this session, each with "Enter secret key…", and "Add endpoint…". A dialog opens
 * with the picker closed; when an endpoint was saved or opened the picker opens again with its
 * account ticked, ready to apply.
 */
public final class EndpointPickerLinks extends VBox {

    public static final String ADD_ID = "scope-add-endpoint";

    public EndpointPickerLinks(EndpointDialogs dialogs, Texts texts, Runnable closePicker, Runnable reopenPicker) {
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(texts);
        setSpacing(4);
        getStyleClass().add(Styles.PICKER_ENDPOINTS);
        for (EndpointsViewModel.Entry entry : dialogs.endpoints().locked()) {
            Label name = new Label(entry.name(), Icons.LOCKED.icon());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setTooltip(new Tooltip(texts.format("scope.endpoint.locked", entry.name(), entry.endpoint().url())));
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button unlock = new Button(texts.get("scope.endpoint.unlock"));
            unlock.setMnemonicParsing(false);
            unlock.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            unlock.setId("scope-unlock-" + entry.name());
            unlock.setOnAction(e -> {
                Window owner = EndpointDialogs.ownerOf(unlock);
                closePicker.run();
                if (dialogs.unlock(entry, owner).isPresent()) {
                    reopenPicker.run();
                }
            });
            HBox row = new HBox(6, name, grow, unlock);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        Button add = new Button(texts.get("scope.endpoint.add"), Icons.ENDPOINT_ADD.icon());
        add.setId(ADD_ID);
        add.setMnemonicParsing(false);
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.disableProperty().bind(dialogs.endpoints().loadedProperty().not());
        add.setOnAction(e -> {
            Window owner = EndpointDialogs.ownerOf(add);
            closePicker.run();
            if (dialogs.add(owner).isPresent()) {
                reopenPicker.run();
            }
        });
        getChildren().add(add);
    }
}
