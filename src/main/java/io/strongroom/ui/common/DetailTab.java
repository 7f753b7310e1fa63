package io.strongroom.ui.common;

import javafx.scene.Node;

/**
 * One tab of the secret detail, owned by a feature (Overview, Value, Versions now; Policy,
 * Rotation, Audit, Replication later): its own small view model over a {@link DetailHost}, and
 * the view over it. The detail pane shows the tabs in the order they are contributed.
 */
public interface DetailTab {

    /** Stable id ("overview", "value"…): the selected tab is remembered by it. */
    String id();

    /** The tab's title, as shown. */
    String title();

    /** The tab's content, built once. */
    Node content();

    /** Builds a feature's tab for one detail pane. */
    @FunctionalInterface
    interface Factory {
        DetailTab create(DetailHost host);
    }
}
