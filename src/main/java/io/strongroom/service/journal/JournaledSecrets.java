package io.strongroom.service.journal;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ScopeException;
import io.strongroom.service.SecretsService;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@link SecretMutations} that journal every mutation: an entry before the call (no entry, no call:
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
        return wrap(secrets, null, journal, identity, readOnly);
    }

    /** {@link #wrap(SecretsService, ActionJournal, ActingIdentity, BooleanSupplier)} with the policy writes too. */
    public static SecretMutations wrap(SecretsService secrets, PolicyService policies, ActionJournal journal,
                                       ActingIdentity identity, BooleanSupplier readOnly) {
        return wrap(new Writers(secrets, policies), journal, identity, readOnly);
    }

    /** {@link #wrap(SecretsService, ActionJournal, ActingIdentity, BooleanSupplier)} with every writer {@code writers} has. */
    public static SecretMutations wrap(Writers writers, ActionJournal journal, ActingIdentity identity, BooleanSupplier readOnly) {
        return new JournaledSecrets(new ReadOnlyGuard(SecretMutations.of(writers), readOnly), journal, identity);
    }

    @Override
    public <R> R apply(SecretMutation<R> mutation) {
        ActionDetails details = mutation.details();
        Scope scope = Objects.requireNonNull(mutation.scope(), "scope");
        String target = Objects.requireNonNull(mutation.secretId(), "secretId");
        ActionJournal.Recording recording = journal.begin(scope, target, details);
        R result;
        try {
            result = delegate.apply(mutation);
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
        SecretMutation.Written w = result == null ? SecretMutation.Written.NONE : mutation.written(result);
        recording.succeeded(identity.arnOf(scope), w.arn(), w.versionId());
        return result;
    }
}
