package io.strongroom.ui.replication;

import io.strongroom.ui.common.DetailTab;
import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Supplier;

/** The Replication tab of the secret detail, its view built on first show. */
final class ReplicationTab implements DetailTab {

    static final String ID = "replication";

    private final String title;
    private final Supplier<? extends Node> view;
    private Node content;

    ReplicationTab(String title, Supplier<? extends Node> view) {
        this.title = Objects.requireNonNull(title);
        this.view = Objects.requireNonNull(view);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node content() {
        if (content == null) {
            content = view.get();
        }
        return content;
    }
}
