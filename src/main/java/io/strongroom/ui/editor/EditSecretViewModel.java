package io.strongroom.ui.editor;

import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import io.strongroom.ui.common.ErrorText;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * The edit dialog: a secret's description and KMS key (UpdateSecret). Only what changed is sent;
 * with nothing changed there is nothing to save.
 */
public final class EditSecretViewModel {

    private final EditorContext ctx;
    private final SecretSummary secret;
    private final KmsKeyPicker kmsKey;
    private final String originalDescription;
    private final InvalidationListener onReadOnly = x -> validate();

    private final StringProperty description = new SimpleStringProperty(this, "description");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");
    private final ReadOnlyBooleanWrapper keyChanged = new ReadOnlyBooleanWrapper(this, "keyChanged");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<VersionWritten> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    public EditSecretViewModel(EditorContext ctx, SecretSummary secret) {
        this.ctx = Objects.requireNonNull(ctx);
        this.secret = Objects.requireNonNull(secret);
        this.kmsKey = new KmsKeyPicker(ctx.keys(), secret.scope(), ctx.executor());
        this.originalDescription = secret.description() == null ? "" : secret.description();
        description.set(originalDescription);
        kmsKey.select(secret.kmsKeyId());
        description.addListener(x -> validate());
        kmsKey.selectedProperty().addListener(x -> validate());
        busy.addListener(x -> validate());
        ctx.readOnly().addListener(new WeakInvalidationListener(onReadOnly));
        validate();
    }

    public SecretSummary secret() {
        return secret;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public KmsKeyPicker kmsKey() {
        return kmsKey;
    }

    public ReadOnlyStringProperty descriptionProblemProperty() {
        return descriptionProblem.getReadOnlyProperty();
    }

    /** True when another KMS key is chosen: the view explains what changing the key does. */
    public ReadOnlyBooleanProperty keyChangedProperty() {
        return keyChanged.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VersionWritten> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void loadKeys() {
        kmsKey.load();
    }

    /** Sends UpdateSecret with what changed; returns whether it was sent. */
    public boolean save() {
        validate();
        if (!canSave.get()) {
            if (ctx.isReadOnly()) {
                error.set(EditorText.get("readOnly.refused", "UpdateSecret", secret.name()));
            }
            return false;
        }
        String d = description.get() == null ? "" : description.get();
        KmsKeyChoice key = kmsKey.selectedProperty().get();
        SecretUpdate update = new SecretUpdate(d.equals(originalDescription) ? null : d,
                keyChanged.get() ? (key.isDefault() ? KmsKeyChoice.DEFAULT_ALIAS : key.keyRef()) : null, null, null);
        busy.set(true);
        error.set(null);
        ctx.executor().submit(() -> ctx.mutations().apply(new Mutation.Update(secret.scope(), secret.arn(), update)), written -> {
            busy.set(false);
            saved.set(written);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
        return true;
    }

    public void dispose() {
        kmsKey.cancel();
    }

    private void validate() {
        descriptionProblem.set(SecretRules.descriptionProblem(description.get()).orElse(null));
        KmsKeyChoice key = kmsKey.selectedProperty().get();
        keyChanged.set(key != null && !key.matches(secret.kmsKeyId()));
        boolean descriptionChanged = !Objects.equals(description.get() == null ? "" : description.get(), originalDescription);
        String p = descriptionProblem.get();
        if (p == null && key == null) {
            p = EditorText.get("kms.none");
        }
        if (p == null && !descriptionChanged && !keyChanged.get()) {
            p = EditorText.get("edit.nothingChanged");
        }
        if (p == null && secret.isPlannedForDeletion()) {
            p = EditorText.get("secret.plannedForDeletion");
        }
        if (p == null && ctx.isReadOnly()) {
            p = EditorText.get("readOnly.banner");
        }
        problem.set(p);
        canSave.set(p == null && !busy.get() && saved.get() == null);
    }
}
