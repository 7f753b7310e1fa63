package io.strongroom.ui.editor;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable key/value pair (a member of a JSON secret, a tag). Owned by a view model; a view
 * binds its cells to the two properties. {@link #toString()} never shows the value.
 */
public final class KeyValueRow {

    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    public KeyValueRow() {}

    public KeyValueRow(String key, String value) {
        this.key.set(key == null ? "" : key);
        this.value.set(value == null ? "" : value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String key() {
        return key.get() == null ? "" : key.get();
    }

    public String value() {
        return value.get() == null ? "" : value.get();
    }

    @Override
    public String toString() {
        return "KeyValueRow[" + key() + ", ****]";
    }
}
