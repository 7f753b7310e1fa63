package io.strongroom.ui.policy;

import io.strongroom.ui.common.DetailTab;
import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Supplier;

/** One of this feature's tabs of the secret detail (Policy, Access): titled, its view built when first shown. */
final class PolicyTab implements DetailTab {

    static final String ID = "policy";
    static final String ACCESS_ID = "access";
    static final String KEY_ID = "key-policy";

    private final String id;
    private final String title;
    private final Supplier<? extends Node> view;
    private Node content;

    PolicyTab(String id, String title, Supplier<? extends Node> view) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.view = Objects.requireNonNull(view);
    }

    @Override
    public String id() {
        return id;
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
