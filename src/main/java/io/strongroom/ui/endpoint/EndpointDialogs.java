package io.strongroom.ui.endpoint;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.ui.common.Texts;
import javafx.scene.Node;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import java.util.Objects;
import java.util.Optional;

/**
 * Opens the endpoint dialogs over {@link EndpointsViewModel}, owned by the window of the node
 * that asked (the main window, also when asked from inside the scope picker's popup). FX thread;
 * each call blocks until the dialog closes.
 */
public final class EndpointDialogs {

    private final EndpointsViewModel endpoints;
    private final Texts texts;

    public EndpointDialogs(EndpointsViewModel endpoints, Texts texts) {
        this.endpoints = Objects.requireNonNull(endpoints);
        this.texts = Objects.requireNonNull(texts);
    }

    public EndpointsViewModel endpoints() {
        return endpoints;
    }

    /** The "add endpoint" dialog; the endpoint if one was saved. */
    public Optional<CustomEndpoint> add(Window owner) {
        return show(new EndpointDialog(endpoints.startAdding(), texts), owner);
    }

    /** The "enter the secret access key" dialog for a saved endpoint. */
    public Optional<CustomEndpoint> unlock(EndpointsViewModel.Entry entry, Window owner) {
        return show(new EndpointDialog(endpoints.startUnlocking(entry), texts), owner);
    }

    /** The main window behind {@code node}, looking through a popup (the scope picker) to its owner. */
    public static Window ownerOf(Node node) {
        Window w = node == null || node.getScene() == null ? null : node.getScene().getWindow();
        while (w instanceof PopupWindow popup) {
            w = popup.getOwnerWindow();
        }
        return w;
    }

    private static Optional<CustomEndpoint> show(EndpointDialog dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }
}
