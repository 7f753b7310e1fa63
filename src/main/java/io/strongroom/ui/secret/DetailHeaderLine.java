package io.strongroom.ui.secret;

import javafx.scene.Node;

/**
 * A contributed {@link io.strongroom.ui.common.DetailTab} that also puts one line in the detail's
 * header, under the scope and actions, whichever tab is chosen (the Audit tab's "Last read by").
 * The line hides itself while it has nothing to say.
 */
public interface DetailHeaderLine {

    /** The line, built once. */
    Node headerLine();
}
