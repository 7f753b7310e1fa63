package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * The edit dialog: a secret's description and KMS key (UpdateSecret). Only what changed is sent;
 * with nothing changed there is nothing to save.
 */
public final class EditSecretViewModel extends ChangeSecretModel<VersionWritten> {

    private final KmsKeyPicker kmsKey;
    private final String originalDescription;

    private final StringProperty description = new SimpleStringProperty(this, "description");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");
    private final ReadOnlyBooleanWrapper keyChanged = new ReadOnlyBooleanWrapper(this, "keyChanged");

    public EditSecretViewModel(EditorContext ctx, SecretSummary secret) {
        super(ctx, secret, "UpdateSecret", "canSave", "saved");
        this.kmsKey = new KmsKeyPicker(ctx.keys(), secret.scope(), ctx.executor(), texts);
        this.originalDescription = secret.description() == null ? "" : secret.description();
        description.set(originalDescription);
        kmsKey.select(secret.kmsKeyId());
        validateOn(description, kmsKey.selectedProperty());
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

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canRun();
    }

    public ReadOnlyObjectProperty<VersionWritten> savedProperty() {
        return result();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void loadKeys() {
        kmsKey.load();
    }

    /** Sends UpdateSecret with what changed; returns whether it was sent. */
    public boolean save() {
        return submit();
    }

    @Override
    boolean send() {
        String d = description.get() == null ? "" : description.get();
        KmsKeyChoice key = kmsKey.selectedProperty().get();
        SecretUpdate update = new SecretUpdate(d.equals(originalDescription) ? null : d,
                keyChanged.get() ? (key.isDefault() ? KmsKeyChoice.DEFAULT_ALIAS : key.keyRef()) : null, null, null);
        command.send(() -> ctx.mutations().apply(new SecretMutation.Update(secret.scope(), secret.arn(), update)));
        return true;
    }

    @Override
    public void dispose() {
        kmsKey.cancel();
    }

    @Override
    void validate() {
        descriptionProblem.set(rules.descriptionProblem(description.get()).orElse(null));
        KmsKeyChoice key = kmsKey.selectedProperty().get();
        keyChanged.set(key != null && !key.matches(secret.kmsKeyId()));
        boolean descriptionChanged = !Objects.equals(description.get() == null ? "" : description.get(), originalDescription);
        command.settle(first(descriptionProblem.get(),
                when(key == null, "kms.none"),
                when(!descriptionChanged && !keyChanged.get(), "edit.nothingChanged"),
                plannedForDeletionProblem()));
    }
}
