package io.strongroom.ui.editor;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change the console makes to a secret, described as data: which AWS action, in which scope,
 * on which secret, with a one-line {@link #detail()} that never contains a value. Every write the
 * console performs is one of these and goes through {@link Mutations#apply}, so one decorator
 * (the action journal, the read-only guard) sees all of them.
 *
 * <p>The records' {@code toString} never prints a value: the payload-carrying components
 * ({@link SecretPayload}, {@link NewSecret}, {@link SecretUpdate}) mask themselves.
 *
 * @param <R> what the service call returns
 */
public sealed interface Mutation<R> {

    /** The AWS API action, e.g. {@code CreateSecret}: what a journal entry says was done. */
    String action();

    Scope scope();

    /** The secret acted on: a name for a create, an ARN otherwise. */
    String secretId();

    /** What else a person needs to know about the change, never a value (e.g. "recovery window 7 days"). */
    String detail();

    /** Performs the change. Called only by a {@link Mutations} implementation. */
    R execute(SecretMutations service);

    /** CreateSecret. */
    record Create(Scope scope, NewSecret secret) implements Mutation<VersionWritten> {
        public Create {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String action() {
            return "CreateSecret";
        }

        @Override
        public String secretId() {
            return secret.name();
        }

        @Override
        public String detail() {
            List<String> parts = new ArrayList<>();
            parts.add(secret.value() == null ? "no value" : valueKind(secret.value()));
            parts.add("KMS key " + (secret.kmsKeyId() == null ? "aws/secretsmanager" : secret.kmsKeyId()));
            if (!secret.tags().isEmpty()) {
                parts.add("tags " + String.join(", ", secret.tags().keySet()));
            }
            return String.join("; ", parts);
        }

        @Override
        public VersionWritten execute(SecretMutations service) {
            return service.apply(new SecretMutation.Create(scope, secret));
        }
    }

    /** PutSecretValue: a new version labelled AWSCURRENT. */
    record PutValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken)
            implements Mutation<VersionWritten> {
        public PutValue {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        }

        @Override
        public String action() {
            return "PutSecretValue";
        }

        @Override
        public String detail() {
            return "new current version, " + valueKind(value);
        }

        @Override
        public VersionWritten execute(SecretMutations service) {
            return service.apply(new SecretMutation.PutValue(scope, secretId, value, clientRequestToken));
        }
    }

    /** UpdateSecret: description and/or KMS key (values go through {@link PutValue}). */
    record Update(Scope scope, String secretId, SecretUpdate update) implements Mutation<VersionWritten> {
        public Update {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(update, "update");
        }

        @Override
        public String action() {
            return "UpdateSecret";
        }

        @Override
        public String detail() {
            List<String> parts = new ArrayList<>();
            if (update.description() != null) {
                parts.add("description");
            }
            if (update.kmsKeyId() != null) {
                parts.add("KMS key " + update.kmsKeyId());
            }
            if (update.value() != null) {
                parts.add("new value, " + valueKind(update.value()));
            }
            return "changed " + String.join(", ", parts);
        }

        @Override
        public VersionWritten execute(SecretMutations service) {
            return service.apply(new SecretMutation.Update(scope, secretId, update));
        }
    }

    /** UpdateSecretVersionStage: AWSCURRENT back to an earlier version. */
    record Rollback(Scope scope, String secretId, String versionId) implements Mutation<Void> {
        public Rollback {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(versionId, "versionId");
        }

        @Override
        public String action() {
            return "UpdateSecretVersionStage";
        }

        @Override
        public String detail() {
            return "AWSCURRENT moved to version " + versionId;
        }

        @Override
        public Void execute(SecretMutations service) {
            return service.apply(new SecretMutation.Rollback(scope, secretId, versionId));
        }
    }

    /** DeleteSecret, with a recovery window or forced. */
    record Delete(Scope scope, String secretId, DeletionMode mode) implements Mutation<SecretDeletion> {
        public Delete {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public String action() {
            return "DeleteSecret";
        }

        @Override
        public String detail() {
            return mode.force() ? "forced, without recovery" : "recovery window " + mode.recoveryWindowDays() + " days";
        }

        @Override
        public SecretDeletion execute(SecretMutations service) {
            return service.apply(new SecretMutation.Delete(scope, secretId, mode));
        }
    }

    /** RestoreSecret: cancels a scheduled deletion. */
    record Restore(Scope scope, String secretId) implements Mutation<String> {
        public Restore {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
        }

        @Override
        public String action() {
            return "RestoreSecret";
        }

        @Override
        public String detail() {
            return "deletion cancelled";
        }

        @Override
        public String execute(SecretMutations service) {
            return service.apply(new SecretMutation.Restore(scope, secretId));
        }
    }

    /** TagResource: adds or overwrites tags. Tag values are metadata, not secrets, and are journaled. */
    record Tag(Scope scope, String secretId, Map<String, String> tags) implements Mutation<Void> {
        public Tag {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        @Override
        public String action() {
            return "TagResource";
        }

        @Override
        public String detail() {
            List<String> parts = new ArrayList<>();
            tags.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }

        @Override
        public Void execute(SecretMutations service) {
            return service.apply(new SecretMutation.Tag(scope, secretId, tags));
        }
    }

    /** UntagResource. */
    record Untag(Scope scope, String secretId, List<String> tagKeys) implements Mutation<Void> {
        public Untag {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretId, "secretId");
            tagKeys = List.copyOf(tagKeys);
        }

        @Override
        public String action() {
            return "UntagResource";
        }

        @Override
        public String detail() {
            return "removed " + String.join(", ", tagKeys);
        }

        @Override
        public Void execute(SecretMutations service) {
            return service.apply(new SecretMutation.Untag(scope, secretId, tagKeys));
        }
    }

    private static String valueKind(SecretPayload value) {
        return (value.isBinary() ? "binary" : "text") + " value of " + value.size() + " bytes";
    }
}
