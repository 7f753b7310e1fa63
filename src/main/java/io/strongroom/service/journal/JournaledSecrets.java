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
import io.strongroom.service.SecretsService;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link SecretMutations} that journal every call: an entry before the call (no entry, no call:
 * a {@link JournalException} is thrown and nothing is sent), its outcome after. Results and
 * failures reach the caller unchanged; a {@link ScopeException} is recorded with its error code,
 * request ID and HTTP status, anything else with its exception class name.
 *
 * <p>Only the {@link ActionDetails} derived here reach the journal: values, descriptions and tag
 * values stay in the call.
 */
public final class JournaledSecrets implements SecretMutations {

    private final SecretMutations delegate;
    private final ActionJournal journal;
    private final ActingIdentity identity;

    public JournaledSecrets(SecretMutations delegate, ActionJournal journal, ActingIdentity identity) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * The console's mutations: {@code secrets}' calls, refused while {@code readOnly} says so, and
     * journaled either way (a refusal is journaled as a failure with code
     * {@value ReadOnlyGuard#READ_ONLY}).
     */
    public static SecretMutations wrap(SecretsService secrets, ActionJournal journal,
                                       ActingIdentity identity, BooleanSupplier readOnly) {
        return new JournaledSecrets(new ReadOnlyGuard(SecretMutations.of(secrets), readOnly), journal, identity);
    }

    @Override
    public VersionWritten create(Scope scope, NewSecret secret) {
        return journaled(scope, secret.name(), ActionDetails.create(secret),
                () -> delegate.create(scope, secret), JournaledSecrets::written);
    }

    @Override
    public VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken,
                                   List<String> stages) {
        return journaled(scope, secretId, ActionDetails.putValue(value, stages),
                () -> delegate.putValue(scope, secretId, value, clientRequestToken, stages), JournaledSecrets::written);
    }

    @Override
    public VersionWritten update(Scope scope, String secretId, SecretUpdate update) {
        return journaled(scope, secretId, ActionDetails.update(update),
                () -> delegate.update(scope, secretId, update), JournaledSecrets::written);
    }

    @Override
    public void moveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId) {
        journaled(scope, secretId, new ActionDetails.MoveStage(stage, toVersionId, fromVersionId), () -> {
            delegate.moveStage(scope, secretId, stage, toVersionId, fromVersionId);
            return null;
        }, r -> Written.NONE);
    }

    @Override
    public void rollback(Scope scope, String secretId, String versionId) {
        journaled(scope, secretId, new ActionDetails.Rollback(versionId), () -> {
            delegate.rollback(scope, secretId, versionId);
            return null;
        }, r -> Written.NONE);
    }

    @Override
    public SecretDeletion delete(Scope scope, String secretId, DeletionMode mode) {
        return journaled(scope, secretId, ActionDetails.delete(mode),
                () -> delegate.delete(scope, secretId, mode), r -> new Written(r.arn(), null));
    }

    @Override
    public String restore(Scope scope, String secretId) {
        return journaled(scope, secretId, new ActionDetails.Restore(),
                () -> delegate.restore(scope, secretId), arn -> new Written(arn, null));
    }

    @Override
    public void tag(Scope scope, String secretId, Map<String, String> tags) {
        journaled(scope, secretId, ActionDetails.tag(tags.keySet()), () -> {
            delegate.tag(scope, secretId, tags);
            return null;
        }, r -> Written.NONE);
    }

    @Override
    public void untag(Scope scope, String secretId, Collection<String> tagKeys) {
        journaled(scope, secretId, ActionDetails.untag(tagKeys), () -> {
            delegate.untag(scope, secretId, tagKeys);
            return null;
        }, r -> Written.NONE);
    }

    /** What a successful call reports back for the journal. */
    private record Written(String arn, String versionId) {
        static final Written NONE = new Written(null, null);
    }

    private static Written written(VersionWritten w) {
        return new Written(w.arn(), w.versionId());
    }

    private <T> T journaled(Scope scope, String target, ActionDetails details, Supplier<T> call,
                            Function<? super T, Written> written) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "secretId");
        ActionJournal.Recording recording = journal.begin(scope, target, details);
        T result;
        try {
            result = call.get();
        } catch (ScopeException e) {
            ScopeError error = e.error();
            // only ask who we are when the backend answered: an unreachable endpoint would only time out twice
            recording.failed(error.status() != 0 ? identity.arnOf(scope) : null,
                    error.errorCode(), error.requestId(), error.status());
            throw e;
        } catch (RuntimeException | Error e) {
            recording.failed(null, e.getClass().getSimpleName(), null, 0);
            throw e;
        }
        Written w = result == null ? Written.NONE : written.apply(result);
        recording.succeeded(identity.arnOf(scope), w.arn(), w.versionId());
        return result;
    }
}
