package io.strongroom.app.settings;

import java.util.Locale;
import java.util.Optional;

/** The console's colour theme. */
public enum Theme {
    LIGHT, DARK;

    /** As written in settings.json. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Theme> parse(String s) {
        for (Theme t : values()) {
            if (t.jsonName().equalsIgnoreCase(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
