package io.strongroom.ui.shell;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Section;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A section planned for a later release: says so plainly, offers nothing that looks live. */
final class PlaceholderView extends VBox {

    PlaceholderView(Section section, Texts texts) {
        getStyleClass().add(Styles.PLACEHOLDER);
        Label title = new Label(texts.get(section.textKey()));
        title.getStyleClass().add(Styles.PLACEHOLDER_TITLE);
        Label about = new Label(texts.get(section.textKey() + ".about"));
        about.getStyleClass().add(Styles.TEXT_MUTED);
        Label soon = new Label(texts.get("placeholder.comingLater"), Icons.NAV_SOON.icon());
        soon.getStyleClass().add(Styles.TEXT_BOLD);
        // Sized by a style class, not an inline style: FontIcon keeps its font family in its own
        // inline style, so setStyle(...) dropped it and the icon's private-use code point was drawn
        // in the text font, which has no glyph for it (a box).
        soon.getGraphic().getStyleClass().add(Styles.PLACEHOLDER_INLINE_ICON);
        Label detail = new Label(texts.get("placeholder.comingLater.detail"));
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        detail.setMaxWidth(460);
        getChildren().addAll(section.icon().icon(), title, about, soon, detail);
        setId("placeholder-" + section.id());
    }
}
