package io.strongroom.ui.secret;

import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.Texts;
import javafx.scene.Node;

import java.util.Objects;

/**
 * One of the detail's own tabs: titled from the detail's texts ({@code tab.<id>}), its content
 * built on first use and kept.
 */
abstract class OwnTab implements DetailTab {

    private final String id;
    protected final Texts texts;
    private Node content;

    OwnTab(String id, Texts texts) {
        this.id = Objects.requireNonNull(id);
        this.texts = Objects.requireNonNull(texts);
    }

    /** Builds the tab's content, once. */
    protected abstract Node build();

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return texts.get("tab." + id);
    }

    @Override
    public final Node content() {
        if (content == null) {
            content = build();
        }
        return content;
    }

    protected final String text(String key, Object... args) {
        return texts.format(key, args);
    }
}
