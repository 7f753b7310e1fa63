package io.strongroom.service.journal;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.ScopeException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@link SecretMutations} that refuse every call while read-only mode is on, without sending
 * anything: the backstop behind the disabled controls. A refusal is a {@link ScopeException}
 * with the code {@value #READ_ONLY}, so it names the scope like any other failure and, with the
 * guard inside {@link JournaledSecrets}, is journaled as a failed attempt.
 */
public final class ReadOnlyGuard implements SecretMutations {

    /** The error code of a refused mutation (client-side: no request was made). */
    public static final String READ_ONLY = "ReadOnlyMode";

    private final SecretMutations delegate;
    private final BooleanSupplier readOnly;

    /** {@code readOnly} is asked on the calling thread, at every call. */
    public ReadOnlyGuard(SecretMutations delegate, BooleanSupplier readOnly) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.readOnly = Objects.requireNonNull(readOnly, "readOnly");
    }

    private void check(Scope scope) {
        if (readOnly.getAsBoolean()) {
            throw new ScopeException(new ScopeError(scope, READ_ONLY,
                    "Strongroom is in read-only mode; the change was not sent", null, 0), null);
        }
    }

    @Override
    public VersionWritten create(Scope scope, NewSecret secret) {
        check(scope);
        return delegate.create(scope, secret);
    }

    @Override
    public VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken,
                                   List<String> stages) {
        check(scope);
        return delegate.putValue(scope, secretId, value, clientRequestToken, stages);
    }

    @Override
    public VersionWritten update(Scope scope, String secretId, SecretUpdate update) {
        check(scope);
        return delegate.update(scope, secretId, update);
    }

    @Override
    public void moveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId) {
        check(scope);
        delegate.moveStage(scope, secretId, stage, toVersionId, fromVersionId);
    }

    @Override
    public void rollback(Scope scope, String secretId, String versionId) {
        check(scope);
        delegate.rollback(scope, secretId, versionId);
    }

    @Override
    public SecretDeletion delete(Scope scope, String secretId, DeletionMode mode) {
        check(scope);
        return delegate.delete(scope, secretId, mode);
    }

    @Override
    public String restore(Scope scope, String secretId) {
        check(scope);
        return delegate.restore(scope, secretId);
    }

    @Override
    public void tag(Scope scope, String secretId, Map<String, String> tags) {
        check(scope);
        delegate.tag(scope, secretId, tags);
    }

    @Override
    public void untag(Scope scope, String secretId, Collection<String> tagKeys) {
        check(scope);
        delegate.untag(scope, secretId, tagKeys);
    }
}
