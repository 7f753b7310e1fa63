package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;


/**
 * The new-value dialog: a new version of an existing secret (PutSecretValue), which becomes
 * AWSCURRENT while the version it replaces becomes AWSPREVIOUS.
 */
public final class NewValueViewModel extends ChangeSecretModel<VersionWritten> {

    private final ValueEditorModel value;
    private String requestToken;
    private long tokenRevision = -1;

    public NewValueViewModel(EditorContext ctx, SecretSummary secret) {
        super(ctx, secret, "PutSecretValue", "canSave", "saved");
        this.value = ValueEditorModel.of(ctx, secret.scope());
        validateOn(value.problemProperty(), value.validProperty());
    }

    public ValueEditorModel value() {
        return value;
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canRun();
    }

    /** The version written, once PutSecretValue succeeded. */
    public ReadOnlyObjectProperty<VersionWritten> savedProperty() {
        return result();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Fills the editor with the current value, to change part of it. An explicit action: the
     * value is read (GetSecretValue) only when the user asks for it.
     */
    public void startFromCurrent() {
        command.inBackground(() -> ctx.secrets().getValue(secret.scope(), secret.arn(), VersionSelector.current()),
                v -> value.load(v.payload()));
    }

    /** Sends PutSecretValue when the value is valid; returns whether it was sent. */
    public boolean save() {
        return submit();
    }

    @Override
    boolean send() {
        long revision = value.revisionProperty().get();
        if (requestToken == null || tokenRevision != revision) {
            requestToken = SecretsService.newRequestToken();
            tokenRevision = revision;
        }
        SecretMutation.PutValue put = new SecretMutation.PutValue(secret.scope(), secret.arn(), value.payload(), requestToken);
        command.send(() -> ctx.mutations().apply(put), value::wipe);
        return true;
    }

    @Override
    public void dispose() {
        value.wipe();
    }

    @Override
    void validate() {
        command.settle(first(value.problemProperty().get(), plannedForDeletionProblem()),
                value.validProperty().get());
    }
}
