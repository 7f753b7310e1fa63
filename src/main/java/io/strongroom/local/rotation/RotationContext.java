package io.strongroom.local.rotation;

import java.util.Map;
import java.util.Optional;

/**
 * What a rotation function may do to the secret it rotates: the calls AWS's rotation Lambdas
 * make to Secrets Manager (GetSecretValue by stage or by the token's version, PutSecretValue of
 * the pending version, UpdateSecretVersionStage to finish), on that one secret, plus reading
 * another secret of the same account (the superuser secret of the alternating-users strategy).
 * The store implements it over its own tables, as the secret's account; a function never sees
 * the store's internals.
 */
public interface RotationContext {

    /** The ARN of the secret being rotated. */
    String secretArn();

    /** The ClientRequestToken of this rotation: the version ID of the pending version. */
    String token();

    /** The SecretString of the version carrying {@code stage} ({@code AWSCURRENT}, {@code AWSPREVIOUS}), if any. */
    Optional<String> valueAt(String stage);

    /** The SecretString of the token's version when it carries AWSPENDING, if it exists yet. */
    Optional<String> pendingValue();

    /**
     * Stores {@code secretString} as the token's version labelled AWSPENDING (PutSecretValue
     * with the token and {@code VersionStages=[AWSPENDING]}). Idempotent for the same value.
     */
    void putPending(String secretString) throws RotationException;

    /**
     * Moves AWSCURRENT to the token's version (the old one becomes AWSPREVIOUS) and removes
     * AWSPENDING from it: what finishSecret does with UpdateSecretVersionStage. Nothing happens
     * when the token's version is already AWSCURRENT.
     */
    void finish() throws RotationException;

    /** The AWSCURRENT SecretString of another secret (an ARN or a name) of the same account and region, if readable. */
    Optional<String> otherSecret(String secretId) throws RotationException;

    /** The rotated secret's tags: a function may take its settings from them. */
    Map<String, String> tags();

    /**
     * A random password with GetRandomPassword's rules: {@code length} characters from upper and
     * lower case letters, digits and punctuation except {@code excludeCharacters}, at least one of each.
     */
    String randomPassword(int length, String excludeCharacters) throws RotationException;
}
