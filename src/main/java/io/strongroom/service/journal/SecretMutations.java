package io.strongroom.service.journal;

import io.strongroom.service.PolicyService;
import io.strongroom.service.SecretsService;

/**
 * The one seam every change to a secret goes through: a {@link SecretMutation} handed to
 * {@link #apply}. The console's mutations are journaled ({@link JournaledSecrets}) and refused in
 * read-only mode ({@link ReadOnlyGuard}), each by wrapping this single method. View models that
 * change secrets take this interface, never {@link SecretsService}'s mutating methods directly.
 *
 * <p>Throws {@link io.strongroom.service.ScopeException} on failure.
 */
@FunctionalInterface
public interface SecretMutations {

    <R> R apply(SecretMutation<R> mutation);

    /**
     * {@code secrets}' own mutating calls, unjournaled: wrap the result before handing it out.
     * Policy mutations fail here without sending: use {@link #of(SecretsService, PolicyService)}.
     */
    static SecretMutations of(SecretsService secrets) {
        return of(secrets, null);
    }

    /** The secrets' and the policies' own mutating calls, unjournaled: wrap the result before handing it out. */
    static SecretMutations of(SecretsService secrets, PolicyService policies) {
        return of(new Writers(secrets, policies));
    }

    /** The writers' own mutating calls, unjournaled: wrap the result before handing it out. */
    static SecretMutations of(Writers writers) {
        return new SecretMutations() {
            @Override
            public <R> R apply(SecretMutation<R> mutation) {
                return mutation.perform(writers);
            }
        };
    }
}
