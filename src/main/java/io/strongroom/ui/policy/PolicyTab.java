package io.strongroom.ui.policy;

import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.Texts;
import javafx.scene.Node;

/** The secret detail's Policy tab: the resource policy editor, built when first shown. */
final class PolicyTab implements DetailTab {

    static final String ID = "policy";

    private final PolicyViewModel vm;
    private final Texts texts;
    private Node content;

    PolicyTab(PolicyViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return texts.get("tab.policy");
    }

    @Override
    public Node content() {
        if (content == null) {
            content = new PolicyView(vm, texts);
        }
        return content;
    }
}
