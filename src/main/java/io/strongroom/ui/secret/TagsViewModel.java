package io.strongroom.ui.secret;

import io.strongroom.domain.SecretSummary;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.SecretRules;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tags of the secret shown (part of the overview) and the inline tag editor: add, edit
 * (renaming a key is TagResource then UntagResource of the old key) and remove. Changes run
 * through the detail ({@link DetailChanges}), which owns busy, the banners and describing again.
 */
public final class TagsViewModel {

    private final ReadOnlyObjectProperty<SecretSummary> summary;
    private final ObservableBooleanValue canMutate;
    private final SecretMutations mutations;
    private final Texts texts;
    private final DetailChanges changes;
    /** The key of the tag being edited; null while adding one. */
    private String editingTagKey;

    private final ObservableList<TagRow> tags = FXCollections.observableArrayList();
    private final StringProperty tagKey = new SimpleStringProperty(this, "tagKey", "");
    private final StringProperty tagValue = new SimpleStringProperty(this, "tagValue", "");
    private final ReadOnlyBooleanWrapper editingTag = new ReadOnlyBooleanWrapper(this, "editingTag");
    private final ReadOnlyStringWrapper tagProblem = new ReadOnlyStringWrapper(this, "tagProblem");
    private final ReadOnlyBooleanWrapper canSaveTag = new ReadOnlyBooleanWrapper(this, "canSaveTag");

    TagsViewModel(ReadOnlyObjectProperty<SecretSummary> summary, ObservableBooleanValue canMutate, SecretMutations mutations,
                  Texts texts, DetailChanges changes) {
        this.summary = Objects.requireNonNull(summary);
        this.canMutate = Objects.requireNonNull(canMutate);
        this.mutations = Objects.requireNonNull(mutations);
        this.texts = Objects.requireNonNull(texts);
        this.changes = Objects.requireNonNull(changes);
        tagKey.addListener(o -> validate());
        tagValue.addListener(o -> validate());
        tags.addListener((Observable o) -> validate());
        canMutate.addListener(o -> updateCanSave());
        editingTag.addListener(o -> updateCanSave());
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObservableList<TagRow> tags() {
        return FXCollections.unmodifiableObservableList(tags);
    }

    /** The tag editor's key field. */
    public StringProperty tagKeyProperty() {
        return tagKey;
    }

    /** The tag editor's value field. */
    public StringProperty tagValueProperty() {
        return tagValue;
    }

    /** True while the tag editor is open. */
    public ReadOnlyBooleanProperty editingTagProperty() {
        return editingTag.getReadOnlyProperty();
    }

    /** Why the tag in the editor cannot be saved, or null. */
    public ReadOnlyStringProperty tagProblemProperty() {
        return tagProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveTagProperty() {
        return canSaveTag.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Opens the tag editor for a new tag. */
    public void beginAddTag() {
        open(null, "", "");
    }

    /** Opens the tag editor on an existing tag. */
    public void beginEditTag(TagRow row) {
        if (row != null) {
            open(row.key(), row.key(), row.value());
        }
    }

    public void cancelTagEdit() {
        editingTag.set(false);
        editingTagKey = null;
    }

    /**
     * Saves the tag in the editor: TagResource, and UntagResource of the old key when the key
     * was renamed. Returns whether anything was sent.
     */
    public boolean saveTag() {
        validate();
        if (!changes.mayMutate("TagResource") || !canSaveTag.get()) {
            return false;
        }
        SecretSummary s = summary.get();
        String key = tagKey.get();
        String value = tagValue.get() == null ? "" : tagValue.get();
        String renamedFrom = editingTagKey != null && !editingTagKey.equals(key) ? editingTagKey : null;
        return changes.write(() -> {
            mutations.apply(new SecretMutation.Tag(s.scope(), s.arn(), Map.of(key, value)));
            if (renamedFrom != null) {
                mutations.apply(new SecretMutation.Untag(s.scope(), s.arn(), List.of(renamedFrom)));
            }
            return key;
        }, k -> {
            cancelTagEdit();
            return texts.format("notice.tagSaved", k);
        });
    }

    /** Removes a tag (UntagResource); returns whether it was sent. */
    public boolean removeTag(TagRow row) {
        if (!changes.mayMutate("UntagResource") || row == null) {
            return false;
        }
        SecretSummary s = summary.get();
        return changes.change(new SecretMutation.Untag(s.scope(), s.arn(), List.of(row.key())), texts.format("notice.tagRemoved", row.key()), null);
    }

    // ---- From the detail -----------------------------------------------------------------------

    /** The tags as last described, sorted by key. */
    void show(Map<String, String> described) {
        List<TagRow> rows = new ArrayList<>();
        described.forEach((k, v) -> rows.add(new TagRow(k, v)));
        rows.sort(Comparator.comparing(TagRow::key, String.CASE_INSENSITIVE_ORDER));
        tags.setAll(rows);
    }

    /** No secret: no tags, editor closed. */
    void clear() {
        cancelTagEdit();
        tags.clear();
    }

    // ---- Internals -----------------------------------------------------------------------------

    private void open(String editing, String key, String value) {
        if (!canMutate.get()) {
            return;
        }
        editingTagKey = editing;
        tagKey.set(key);
        tagValue.set(value);
        editingTag.set(true);
        validate();
    }

    private void validate() {
        String p = null;
        if (editingTag.get()) {
            String key = tagKey.get() == null ? "" : tagKey.get();
            p = new SecretRules(texts).tagProblem(key, tagValue.get()).orElse(null);
            boolean exists = tags.stream().anyMatch(t -> t.key().equals(key));
            if (p == null && exists && !key.equals(editingTagKey)) {
                p = texts.format("tag.exists", key);
            }
            if (p == null && !exists && tags.size() >= SecretRules.MAX_TAGS && editingTagKey == null) {
                p = texts.format("tag.tooMany", SecretRules.MAX_TAGS);
            }
            if (p == null && editingTagKey != null && key.equals(editingTagKey)
                    && tags.stream().anyMatch(t -> t.key().equals(key) && t.value().equals(tagValue.get()))) {
                p = texts.format("tag.unchanged");
            }
        }
        tagProblem.set(p);
        updateCanSave();
    }

    private void updateCanSave() {
        canSaveTag.set(canMutate.get() && editingTag.get() && tagProblem.get() == null);
    }
}
