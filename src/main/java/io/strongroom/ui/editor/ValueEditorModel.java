package io.strongroom.ui.editor;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The value part of the create and new-value dialogs: plain text, a key/value builder that
 * produces a JSON object, a JSON editor that says where the text is malformed, or binary from a
 * file. It validates on every change against AWS's limits and yields a {@link SecretPayload} only
 * when the value may be sent.
 *
 * <p>The key/value builder and the JSON editor are two views of one JSON value: switching from
 * one to the other carries the content across when it fits (a key/value grid holds only a flat
 * object of strings).
 */
public final class ValueEditorModel {

    public enum Kind { TEXT, KEY_VALUE, JSON, BINARY }

    private final Texts texts;
    private final SecretRules rules;
    private final PasswordGeneratorModel generator;
    private final BinaryValue binary;

    // ---- Properties ----------------------------------------------------------------------------
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.TEXT);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty json = new SimpleStringProperty(this, "json", "");
    private final ObservableList<KeyValueRow> rows =
            FXCollections.observableArrayList(r -> new Observable[]{r.keyProperty(), r.valueProperty()});
    private final ObjectProperty<KeyValueRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<JsonValues.Problem> jsonProblem = new ReadOnlyObjectWrapper<>(this, "jsonProblem");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper canGeneratePassword = new ReadOnlyBooleanWrapper(this, "canGeneratePassword");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    private boolean switching;

    public ValueEditorModel(UiExecutor executor, DialogService dialogs, PasswordGeneratorModel generator, Texts texts) {
        this.texts = Objects.requireNonNull(texts);
        this.rules = new SecretRules(texts);
        this.generator = Objects.requireNonNull(generator);
        this.binary = new BinaryValue(this, executor, dialogs, texts, this::changed);
        kind.addListener((o, was, now) -> switched(was, now));
        text.addListener(o -> changed());
        json.addListener(o -> changed());
        rows.addListener((Observable o) -> changed());
        binary.busyProperty().addListener(o -> validate());
        canGeneratePassword.bind(kind.isEqualTo(Kind.TEXT).or(kind.isEqualTo(Kind.KEY_VALUE))
                .and(generator.busyProperty().not()).and(generator.problemProperty().isNull()));
        rows.add(new KeyValueRow());
        validate();
    }

    /** A value editor for a dialog of the editor in {@code scope}, with its password generator. */
    static ValueEditorModel of(EditorContext ctx, Scope scope) {
        PasswordGeneratorModel generator = new PasswordGeneratorModel(ctx.secrets(), scope, ctx.executor(), ctx.texts());
        return new ValueEditorModel(ctx.executor(), ctx.dialogs(), generator, ctx.texts());
    }

    /** Which kind of value is being edited; switching between key/value and JSON carries the content over. */
    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The JSON editor's text. */
    public StringProperty jsonProperty() {
        return json;
    }

    /** The key/value builder's rows (edit them in place; {@link #addRow()} and {@link #removeRow} add and remove). */
    public ObservableList<KeyValueRow> rows() {
        return rows;
    }

    /** The row a generated password goes into; the view binds its table selection here. */
    public ObjectProperty<KeyValueRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The chosen file's name (never its content), or null. */
    public ReadOnlyStringProperty binaryFileNameProperty() {
        return binary.fileNameProperty();
    }

    /** The size in bytes of the value that would be sent (UTF-8 for text). */
    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** The first reason the value cannot be sent, or null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where the JSON editor's text is malformed, or null: for placing the caret and marking the field. */
    public ReadOnlyObjectProperty<JsonValues.Problem> jsonProblemProperty() {
        return jsonProblem.getReadOnlyProperty();
    }

    /** Information that is not an error (e.g. why the key/value builder cannot show this JSON), or null. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True while a file is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return binary.busyProperty();
    }

    public ReadOnlyBooleanProperty canGeneratePasswordProperty() {
        return canGeneratePassword.getReadOnlyProperty();
    }

    /** Increases on every change of the value: a request token stays valid only for one revision. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The editor's texts, for the view that shows this model. */
    Texts texts() {
        return texts;
    }

    public PasswordGeneratorModel generator() {
        return generator;
    }

    // ---- Commands ------------------------------------------------------------------------------

    public KeyValueRow addRow() {
        KeyValueRow row = new KeyValueRow();
        rows.add(row);
        selectedRow.set(row);
        return row;
    }

    public void removeRow(KeyValueRow row) {
        rows.remove(row);
        if (selectedRow.get() == row) {
            selectedRow.set(null);
        }
    }

    /** Asks the user for a file and reads it as the binary value. */
    public void chooseBinaryFile() {
        binary.choose(this::loadBinary);
    }

    /**
     * Reads {@code file} as the binary value, off the UI thread. A file over 65,536 bytes is
     * refused by its size, without being read.
     */
    public void loadBinary(Path file) {
        Objects.requireNonNull(file);
        kind.set(Kind.BINARY);
        binary.load(file);
    }

    /** Uses {@code bytes} as the binary value (a copy is kept). */
    public void setBinary(byte[] bytes, String name) {
        binary.set(bytes == null ? null : bytes.clone(), name, null);
    }

    /** Fills the editor with an existing value: binary, key/value when it is a flat object of strings, JSON, or text. */
    public void load(SecretPayload value) {
        if (value.isBinary()) {
            binary.set(value.bytes(), null, null);
            kind.set(Kind.BINARY);
            return;
        }
        String t = value.text();
        Optional<List<Map.Entry<String, String>>> members = JsonValues.stringMembers(t).filter(ValueEditorModel::fitsRows);
        if (members.isPresent() && !members.get().isEmpty()) {
            json.set(JsonValues.pretty(t));
            setRows(members.get());
            switchQuietly(Kind.KEY_VALUE);
        } else if (JsonValues.entries(t).isPresent()) {
            json.set(JsonValues.pretty(t));
            switchQuietly(Kind.JSON);
        } else {
            text.set(t);
            switchQuietly(Kind.TEXT);
        }
    }

    /** Puts a password from GetRandomPassword into the text, or into the selected row (a new "password" row if none). */
    public boolean generatePassword() {
        if (!canGeneratePassword.get()) {
            return false;
        }
        Kind target = kind.get();
        return generator.generate(password -> {
            if (target == Kind.TEXT) {
                text.set(password);
            } else {
                KeyValueRow row = selectedRow.get();
                if (row == null || !rows.contains(row)) {
                    row = rows.stream().filter(r -> r.key().isEmpty() && r.value().isEmpty()).findFirst().orElseGet(this::addRow);
                    if (row.key().isEmpty()) {
                        row.keyProperty().set("password");
                    }
                    selectedRow.set(row);
                }
                row.valueProperty().set(password);
            }
        });
    }

    /** The value to send. Only call when {@link #validProperty()} is true. */
    public SecretPayload payload() {
        validate();
        if (!valid.get()) {
            throw new IllegalStateException("the value is not valid: " + problem.get());
        }
        return switch (kind.get()) {
            case TEXT -> SecretPayload.ofText(text.get());
            case KEY_VALUE -> SecretPayload.ofText(JsonValues.objectOf(members()));
            case JSON -> SecretPayload.ofText(json.get());
            case BINARY -> SecretPayload.ofBinary(binary.bytes());
        };
    }

    /** Drops every value from memory (after a save, or when the dialog is cancelled). */
    public void wipe() {
        text.set("");
        json.set("");
        rows.forEach(r -> r.valueProperty().set(""));
        rows.setAll(new KeyValueRow());
        binary.wipe();
        validate();
    }

    // ---- Internals -----------------------------------------------------------------------------

    private void setRows(List<Map.Entry<String, String>> members) {
        List<KeyValueRow> next = new ArrayList<>();
        members.forEach(m -> next.add(new KeyValueRow(m.getKey(), m.getValue())));
        rows.setAll(next);
    }

    private void switchQuietly(Kind k) {
        switching = true;
        try {
            kind.set(k);
        } finally {
            switching = false;
        }
        changed();
    }

    private void switched(Kind was, Kind now) {
        if (switching) {
            return;
        }
        note.set(null);
        if (was == Kind.KEY_VALUE && now == Kind.JSON) {
            List<Map.Entry<String, String>> m = members();
            if (!m.isEmpty() || json.get().isBlank()) {
                json.set(JsonValues.pretty(JsonValues.objectOf(m)));
            }
        } else if (was == Kind.JSON && now == Kind.KEY_VALUE && !json.get().isBlank()) {
            Optional<List<Map.Entry<String, String>>> m = JsonValues.stringMembers(json.get()).filter(ValueEditorModel::fitsRows);
            if (m.isPresent()) {
                setRows(m.get());
                if (rows.isEmpty()) {
                    rows.add(new KeyValueRow());
                }
            } else {
                note.set(texts.format("value.kv.cannotShow"));
            }
        }
        changed();
    }

    /** Key/value rows are single-line fields: members with line breaks or tabs stay in the JSON editor. */
    private static boolean fitsRows(List<Map.Entry<String, String>> members) {
        return members.stream().allMatch(m -> m.getValue().indexOf('\n') < 0 && m.getValue().indexOf('\r') < 0
                && m.getValue().indexOf('\t') < 0 && m.getKey().indexOf('\n') < 0);
    }

    private List<Map.Entry<String, String>> members() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (KeyValueRow r : rows) {
            if (!r.key().isEmpty() || !r.value().isEmpty()) {
                out.add(Map.entry(r.key(), r.value()));
            }
        }
        return out;
    }

    private void changed() {
        revision.set(revision.get() + 1);
        validate();
    }

    private void validate() {
        JsonValues.Problem where = null;
        String p;
        int bytes = 0;
        switch (kind.get()) {
            case TEXT -> {
                String t = text.get() == null ? "" : text.get();
                bytes = t.getBytes(StandardCharsets.UTF_8).length;
                p = rules.textValueProblem(t).orElse(null);
            }
            case KEY_VALUE -> {
                p = keyValueProblem();
                if (p == null) {
                    bytes = JsonValues.objectOf(members()).getBytes(StandardCharsets.UTF_8).length;
                    p = rules.sizeProblem(bytes).orElse(null);
                }
            }
            case JSON -> {
                String t = json.get() == null ? "" : json.get();
                bytes = t.getBytes(StandardCharsets.UTF_8).length;
                where = JsonValues.check(t, texts).orElse(null);
                p = where != null ? where.message(texts) : rules.sizeProblem(bytes).orElse(null);
            }
            case BINARY -> {
                bytes = binary.size();
                p = binary.problem();
            }
            default -> throw new IllegalStateException();
        }
        size.set(bytes);
        jsonProblem.set(where);
        problem.set(p);
        valid.set(p == null && !binary.busyProperty().get());
    }

    private String keyValueProblem() {
        List<Map.Entry<String, String>> m = members();
        if (m.isEmpty()) {
            return texts.format("value.kv.empty");
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : m) {
            if (e.getKey().isEmpty()) {
                return texts.format("value.kv.keyMissing");
            }
            if (!seen.add(e.getKey())) {
                return texts.format("value.kv.duplicate", e.getKey());
            }
        }
        return null;
    }
}
