package io.strongroom.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The console's two looks: AtlantaFX Primer light and dark, with {@code strongroom.css} on top.
 * The theme is the user-agent stylesheet of the whole application, so dialogs opened later
 * follow it too; {@code strongroom.css} only names AtlantaFX's color variables, so it adapts.
 */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Applies this theme to every window of the application (FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }
}
