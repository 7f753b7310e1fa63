package io.strongroom.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One region with its tick box. */
public final class RegionChoice {
    private final String id;
    private final String description;
    final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    RegionChoice(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** "US East (N. Virginia)". */
    public String description() {
        return description;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }
}
