package io.strongroom.ui.editor;

import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ErrorText;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * The new-value dialog: a new version of an existing secret (PutSecretValue), which becomes
 * AWSCURRENT while the version it replaces becomes AWSPREVIOUS.
 */
public final class NewValueViewModel {

    private final EditorContext ctx;
    private final SecretSummary secret;
    private final ValueEditorModel value;
    private String requestToken;
    private long tokenRevision = -1;
    private final InvalidationListener onReadOnly = x -> validate();

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<VersionWritten> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    public NewValueViewModel(EditorContext ctx, SecretSummary secret) {
        this.ctx = Objects.requireNonNull(ctx);
        this.secret = Objects.requireNonNull(secret);
        PasswordGeneratorModel generator = new PasswordGeneratorModel(ctx.secrets(), secret.scope(), ctx.executor());
        this.value = new ValueEditorModel(ctx.executor(), ctx.dialogs(), generator);
        value.problemProperty().addListener(x -> validate());
        value.validProperty().addListener(x -> validate());
        busy.addListener(x -> validate());
        ctx.readOnly().addListener(new WeakInvalidationListener(onReadOnly));
        validate();
    }

    public SecretSummary secret() {
        return secret;
    }

    public ValueEditorModel value() {
        return value;
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

    /** The version written, once PutSecretValue succeeded. */
    public ReadOnlyObjectProperty<VersionWritten> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Fills the editor with the current value, to change part of it. An explicit action: the
     * value is read (GetSecretValue) only when the user asks for it.
     */
    public void startFromCurrent() {
        busy.set(true);
        error.set(null);
        ctx.executor().submit(() -> ctx.secrets().getValue(secret.scope(), secret.arn(), VersionSelector.current()), v -> {
            busy.set(false);
            value.load(v.payload());
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    /** Sends PutSecretValue when the value is valid; returns whether it was sent. */
    public boolean save() {
        validate();
        if (!canSave.get()) {
            if (ctx.isReadOnly()) {
                error.set(EditorText.get("readOnly.refused", "PutSecretValue", secret.name()));
            }
            return false;
        }
        long revision = value.revisionProperty().get();
        if (requestToken == null || tokenRevision != revision) {
            requestToken = SecretsService.newRequestToken();
            tokenRevision = revision;
        }
        Mutation.PutValue put = new Mutation.PutValue(secret.scope(), secret.arn(), value.payload(), requestToken);
        busy.set(true);
        error.set(null);
        ctx.executor().submit(() -> ctx.mutations().apply(put), written -> {
            busy.set(false);
            value.wipe();
            saved.set(written);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
        return true;
    }

    public void dispose() {
        value.wipe();
    }

    private void validate() {
        String p = value.problemProperty().get();
        if (p == null && secret.isPlannedForDeletion()) {
            p = EditorText.get("secret.plannedForDeletion");
        }
        if (p == null && ctx.isReadOnly()) {
            p = EditorText.get("readOnly.banner");
        }
        problem.set(p);
        canSave.set(p == null && value.validProperty().get() && !busy.get() && saved.get() == null);
    }
}
