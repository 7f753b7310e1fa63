package io.strongroom.service.journal;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every call that changes a secret, as {@link SecretsService} offers them: the one seam where
 * the console's mutations can be journaled ({@link JournaledSecrets}) and refused in read-only
 * mode ({@link ReadOnlyGuard}). View models that change secrets take this interface, never
 * {@link SecretsService}'s mutating methods directly.
 *
 * <p>Every method throws {@link io.strongroom.service.ScopeException} on failure.
 */
public interface SecretMutations {

    VersionWritten create(Scope scope, NewSecret secret);

    VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken, List<String> stages);

    /** PutSecretValue labelled AWSCURRENT. */
    default VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken) {
        return putValue(scope, secretId, value, clientRequestToken, null);
    }

    VersionWritten update(Scope scope, String secretId, SecretUpdate update);

    void moveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId);

    void rollback(Scope scope, String secretId, String versionId);

    SecretDeletion delete(Scope scope, String secretId, DeletionMode mode);

    /** Returns the restored secret's ARN. */
    String restore(Scope scope, String secretId);

    void tag(Scope scope, String secretId, Map<String, String> tags);

    void untag(Scope scope, String secretId, Collection<String> tagKeys);

    /** {@code secrets}' own mutating calls, unjournaled: wrap the result before handing it out. */
    static SecretMutations of(SecretsService secrets) {
        Objects.requireNonNull(secrets, "secrets");
        return new SecretMutations() {
            @Override
            public VersionWritten create(Scope scope, NewSecret secret) {
                return secrets.create(scope, secret);
            }

            @Override
            public VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken,
                                           List<String> stages) {
                return secrets.putValue(scope, secretId, value, clientRequestToken, stages);
            }

            @Override
            public VersionWritten update(Scope scope, String secretId, SecretUpdate update) {
                return secrets.update(scope, secretId, update);
            }

            @Override
            public void moveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId) {
                secrets.moveStage(scope, secretId, stage, toVersionId, fromVersionId);
            }

            @Override
            public void rollback(Scope scope, String secretId, String versionId) {
                secrets.rollback(scope, secretId, versionId);
            }

            @Override
            public SecretDeletion delete(Scope scope, String secretId, DeletionMode mode) {
                return secrets.delete(scope, secretId, mode);
            }

            @Override
            public String restore(Scope scope, String secretId) {
                return secrets.restore(scope, secretId);
            }

            @Override
            public void tag(Scope scope, String secretId, Map<String, String> tags) {
                secrets.tag(scope, secretId, tags);
            }

            @Override
            public void untag(Scope scope, String secretId, Collection<String> tagKeys) {
                secrets.untag(scope, secretId, tagKeys);
            }
        };
    }
}
