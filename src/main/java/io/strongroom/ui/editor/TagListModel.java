package io.strongroom.ui.editor;

import io.strongroom.ui.common.Texts;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Tags being composed for a new secret: rows of key and value, checked against AWS's tag rules. */
public final class TagListModel {

    private final ObservableList<KeyValueRow> rows =
            FXCollections.observableArrayList(r -> new Observable[]{r.keyProperty(), r.valueProperty()});
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    private final Texts texts;
    private final SecretRules rules;

    public TagListModel(Texts texts) {
        this.texts = java.util.Objects.requireNonNull(texts);
        this.rules = new SecretRules(texts);
        rows.addListener((Observable o) -> validate());
    }

    public ObservableList<KeyValueRow> rows() {
        return rows;
    }

    /** The first tag problem, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public KeyValueRow add(String key, String value) {
        KeyValueRow row = new KeyValueRow(key, value);
        rows.add(row);
        return row;
    }

    public KeyValueRow add() {
        return add("", "");
    }

    public void remove(KeyValueRow row) {
        rows.remove(row);
    }

    /** The tags to send; rows left entirely blank are ignored. */
    public Map<String, String> tags() {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValueRow r : rows) {
            if (!r.key().isEmpty() || !r.value().isEmpty()) {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    private void validate() {
        String p = null;
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (KeyValueRow r : rows) {
            if (r.key().isEmpty() && r.value().isEmpty()) {
                continue;
            }
            count++;
            p = rules.tagProblem(r.key(), r.value()).orElse(null);
            if (p == null && !seen.add(r.key())) {
                p = texts.format("rule.tag.duplicate", r.key());
            }
            if (p != null) {
                break;
            }
        }
        if (p == null && count > SecretRules.MAX_TAGS) {
            p = texts.format("rule.tag.tooMany", SecretRules.MAX_TAGS);
        }
        problem.set(p);
        valid.set(p == null);
    }
}
