package io.strongroom.ui.editor;

import io.strongroom.domain.SecretSummary;

import java.util.Objects;

/**
 * The editor dialogs that change an existing secret (new value, edit, delete): the secret they
 * act on, which read-only mode's refusal names.
 *
 * @param <R> what the dialog's call answers
 */
public abstract class ChangeSecretModel<R> extends EditorDialogModel<R> {

    protected final SecretSummary secret;

    ChangeSecretModel(EditorContext ctx, SecretSummary secret, String action, String canRunName, String resultName) {
        super(ctx, action, canRunName, resultName);
        this.secret = Objects.requireNonNull(secret);
    }

    public SecretSummary secret() {
        return secret;
    }

    @Override
    final String subject() {
        return secret.name();
    }

    /** Why a secret scheduled for deletion cannot be changed (restore it first), or null. */
    final String plannedForDeletionProblem() {
        return when(secret.isPlannedForDeletion(), "secret.plannedForDeletion");
    }
}
