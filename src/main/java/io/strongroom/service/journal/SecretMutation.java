package io.strongroom.service.journal;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.PolicyService;
import io.strongroom.service.SecretsService;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change to a secret (or to a KMS key's policy), as data: the scope, the resource acted on,
 * the {@link ActionDetails} the journal keeps (which carry the {@link ActionKind}), and the
 * {@link SecretsService} or {@link PolicyService} call that performs it ({@link Writers}). Every write goes through {@link SecretMutations#apply}, so the journal and the
 * read-only guard each wrap that one method; a new write is one record here plus the service
 * method it calls.
 *
 * <p>The records' {@code toString} never prints a value: the payload-carrying components
 * ({@link SecretPayload}, {@link NewSecret}, {@link SecretUpdate}) mask themselves.
 *
 * @param <R> what the service call returns
 */
public sealed interface SecretMutation<R> {

    Scope scope();

    /** The secret acted on: a name for a create, a name or an ARN otherwise (a key ID or ARN for a key policy). */
    String secretId();

    /** The non-secret parameters the journal keeps, derived from the record's components. */
    ActionDetails details();

    /** Performs the change with the service layer. Called only by a {@link SecretMutations}. */
    R perform(Writers writers);

    /** What a successful call reports back for the journal. */
    Written written(R result);

    default ActionKind kind() {
        return details().kind();
    }

    /** The AWS operation that carries the change out, e.g. {@code CreateSecret}. */
    default String action() {
        return kind().awsOperation();
    }

    /** The ARN and version a successful call names (either may be null). */
    record Written(String arn, String versionId) {
        public static final Written NONE = new Written(null, null);

        static Written of(VersionWritten w) {
            return w == null ? NONE : new Written(w.arn(), w.versionId());
        }
    }

    /** CreateSecret. */
    record Create(Scope scope, NewSecret secret) implements SecretMutation<VersionWritten> {
        @Override
        public String secretId() {
            return secret.name();
        }

        @Override
        public ActionDetails details() {
            return ActionDetails.create(secret);
        }

        @Override
        public VersionWritten perform(Writers writers) {
            return writers.secrets().create(scope, secret);
        }

        @Override
        public Written written(VersionWritten result) {
            return Written.of(result);
        }
    }

    /** PutSecretValue: a new version with these staging labels (null or empty: AWSCURRENT). */
    record PutValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken, List<String> stages)
            implements SecretMutation<VersionWritten> {
        /** Labelled AWSCURRENT. */
        public PutValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken) {
            this(scope, secretId, value, clientRequestToken, null);
        }

        @Override
        public ActionDetails details() {
            return ActionDetails.putValue(value, stages);
        }

        @Override
        public VersionWritten perform(Writers writers) {
            return writers.secrets().putValue(scope, secretId, value, clientRequestToken, stages);
        }

        @Override
        public Written written(VersionWritten result) {
            return Written.of(result);
        }
    }

    /** UpdateSecret: description, KMS key and/or a new current value. */
    record Update(Scope scope, String secretId, SecretUpdate update) implements SecretMutation<VersionWritten> {
        @Override
        public ActionDetails details() {
            return ActionDetails.update(update);
        }

        @Override
        public VersionWritten perform(Writers writers) {
            return writers.secrets().update(scope, secretId, update);
        }

        @Override
        public Written written(VersionWritten result) {
            return Written.of(result);
        }
    }

    /** UpdateSecretVersionStage: {@code stage} moved to {@code toVersionId} (null: only removed) from {@code fromVersionId}. */
    record MoveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId)
            implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.MoveStage(stage, toVersionId, fromVersionId);
        }

        @Override
        public Void perform(Writers writers) {
            writers.secrets().moveStage(scope, secretId, stage, toVersionId, fromVersionId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** AWSCURRENT back to an earlier version. */
    record Rollback(Scope scope, String secretId, String versionId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.Rollback(versionId);
        }

        @Override
        public Void perform(Writers writers) {
            writers.secrets().rollback(scope, secretId, versionId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** DeleteSecret, with a recovery window or forced. */
    record Delete(Scope scope, String secretId, DeletionMode mode) implements SecretMutation<SecretDeletion> {
        @Override
        public ActionDetails details() {
            return ActionDetails.delete(mode);
        }

        @Override
        public SecretDeletion perform(Writers writers) {
            return writers.secrets().delete(scope, secretId, mode);
        }

        @Override
        public Written written(SecretDeletion result) {
            return result == null ? Written.NONE : new Written(result.arn(), null);
        }
    }

    /** RestoreSecret: cancels a scheduled deletion; returns the secret's ARN. */
    record Restore(Scope scope, String secretId) implements SecretMutation<String> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.Restore();
        }

        @Override
        public String perform(Writers writers) {
            return writers.secrets().restore(scope, secretId);
        }

        @Override
        public Written written(String arn) {
            return new Written(arn, null);
        }
    }

    /** TagResource: adds or overwrites tags (the journal keeps only their keys). */
    record Tag(Scope scope, String secretId, Map<String, String> tags) implements SecretMutation<Void> {
        public Tag {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        @Override
        public ActionDetails details() {
            return ActionDetails.tag(tags.keySet());
        }

        @Override
        public Void perform(Writers writers) {
            writers.secrets().tag(scope, secretId, tags);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** UntagResource. */
    record Untag(Scope scope, String secretId, Collection<String> tagKeys) implements SecretMutation<Void> {
        public Untag {
            tagKeys = List.copyOf(tagKeys);
        }

        @Override
        public ActionDetails details() {
            return ActionDetails.untag(tagKeys);
        }

        @Override
        public Void perform(Writers writers) {
            writers.secrets().untag(scope, secretId, tagKeys);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /**
     * PutResourcePolicy: the secret's policy replaced by {@code document}; with {@code blockPublic}
     * AWS refuses one that lets anyone in. The journal keeps the document's {@link PolicyDigest}.
     */
    record PutSecretPolicy(Scope scope, String secretId, String document, boolean blockPublic) implements SecretMutation<String> {
        public PutSecretPolicy {
            java.util.Objects.requireNonNull(document, "document");
        }

        @Override
        public ActionDetails details() {
            return new ActionDetails.PutSecretPolicy(PolicyDigest.of(document), blockPublic);
        }

        @Override
        public String perform(Writers writers) {
            return writers.requirePolicies().putSecretPolicy(scope, secretId, document, blockPublic);
        }

        @Override
        public Written written(String arn) {
            return new Written(arn, null);
        }
    }

    /** DeleteResourcePolicy: the secret is left with no resource policy. */
    record DeleteSecretPolicy(Scope scope, String secretId) implements SecretMutation<String> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.DeleteSecretPolicy();
        }

        @Override
        public String perform(Writers writers) {
            return writers.requirePolicies().deleteSecretPolicy(scope, secretId);
        }

        @Override
        public Written written(String arn) {
            return new Written(arn, null);
        }
    }

    /** PutKeyPolicy: the key's policy replaced by {@code document}; {@link #secretId} is the key ID or ARN. */
    record PutKeyPolicy(Scope scope, String secretId, String document) implements SecretMutation<Void> {
        public PutKeyPolicy {
            java.util.Objects.requireNonNull(document, "document");
        }

        @Override
        public ActionDetails details() {
            return new ActionDetails.PutKeyPolicy(PolicyDigest.of(document));
        }

        @Override
        public Void perform(Writers writers) {
            writers.requirePolicies().putKeyPolicy(scope, secretId, document);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /**
     * RotateSecret: configure rotation (function, schedule) and rotate now or at the next window.
     * Returns the new version's ID when a rotation started, else null.
     */
    record Rotate(Scope scope, String secretId, RotationSettings settings) implements SecretMutation<String> {
        public Rotate {
            java.util.Objects.requireNonNull(settings, "settings");
        }

        @Override
        public ActionDetails details() {
            String schedule = settings.automaticallyAfterDays() != null ? settings.automaticallyAfterDays() + " days"
                    : settings.scheduleExpression();
            return new ActionDetails.Rotate(settings.lambdaArn(), schedule, settings.window(), settings.rotateImmediately());
        }

        @Override
        public String perform(Writers writers) {
            return writers.requireRotations().rotate(scope, secretId, settings);
        }

        @Override
        public Written written(String versionId) {
            return new Written(null, versionId);
        }
    }

    /** CancelRotateSecret: automatic rotation off. Returns the unfinished rotation's version, if any. */
    record CancelRotation(Scope scope, String secretId) implements SecretMutation<String> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.CancelRotation();
        }

        @Override
        public String perform(Writers writers) {
            return writers.requireRotations().cancel(scope, secretId);
        }

        @Override
        public Written written(String versionId) {
            return new Written(null, versionId);
        }
    }

    // ---- Replication: the scope is the primary's (the replica's for a promotion) -----------------

    /** ReplicateSecretToRegions: replicas added in {@code regions}. Returns the replication status AWS reports back. */
    record Replicate(Scope scope, String secretId, List<ReplicaTarget> regions, boolean forceOverwrite)
            implements SecretMutation<List<ReplicaStatus>> {
        public Replicate {
            regions = List.copyOf(regions);
        }

        @Override
        public ActionDetails details() {
            return new ActionDetails.Replicate(regions, forceOverwrite);
        }

        @Override
        public List<ReplicaStatus> perform(Writers writers) {
            return writers.requireReplication().replicate(scope, secretId, regions, forceOverwrite);
        }

        @Override
        public Written written(List<ReplicaStatus> result) {
            return Written.NONE;
        }
    }

    /** RemoveRegionsFromReplication: the replicas in {@code regions} deleted. Returns the remaining replicas' status. */
    record RemoveReplicaRegions(Scope scope, String secretId, List<String> regions) implements SecretMutation<List<ReplicaStatus>> {
        public RemoveReplicaRegions {
            regions = List.copyOf(regions);
        }

        @Override
        public ActionDetails details() {
            return new ActionDetails.RemoveReplicaRegions(regions);
        }

        @Override
        public List<ReplicaStatus> perform(Writers writers) {
            return writers.requireReplication().removeRegions(scope, secretId, regions);
        }

        @Override
        public Written written(List<ReplicaStatus> result) {
            return Written.NONE;
        }
    }

    /** StopReplicationToReplica, called in the replica's scope: the replica becomes a standalone secret. Returns its ARN. */
    record PromoteReplica(Scope scope, String secretId) implements SecretMutation<String> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.PromoteReplica();
        }

        @Override
        public String perform(Writers writers) {
            return writers.requireReplication().promote(scope, secretId);
        }

        @Override
        public Written written(String arn) {
            return new Written(arn, null);
        }
    }

    // ---- KMS keys: {@link #secretId} is the key ID or ARN ----------------------------------------

    /** EnableKey. */
    record EnableKey(Scope scope, String secretId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.EnableKey();
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().enable(scope, secretId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** DisableKey: every secret and replica encrypted under the key stops being readable. */
    record DisableKey(Scope scope, String secretId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.DisableKey();
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().disable(scope, secretId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** ScheduleKeyDeletion after {@code pendingWindowDays} (7 to 30). Returns the deletion date. */
    record ScheduleKeyDeletion(Scope scope, String secretId, int pendingWindowDays) implements SecretMutation<Instant> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.ScheduleKeyDeletion(pendingWindowDays);
        }

        @Override
        public Instant perform(Writers writers) {
            return writers.requireKeys().scheduleDeletion(scope, secretId, pendingWindowDays);
        }

        @Override
        public Written written(Instant result) {
            return Written.NONE;
        }
    }

    /** CancelKeyDeletion: the key is kept, Disabled. */
    record CancelKeyDeletion(Scope scope, String secretId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.CancelKeyDeletion();
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().cancelDeletion(scope, secretId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** EnableKeyRotation every {@code rotationPeriodDays} (90 to 2560; null: KMS's default, 365). */
    record EnableKeyRotation(Scope scope, String secretId, Integer rotationPeriodDays) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.EnableKeyRotation(rotationPeriodDays);
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().enableRotation(scope, secretId, rotationPeriodDays);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** DisableKeyRotation. */
    record DisableKeyRotation(Scope scope, String secretId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.DisableKeyRotation();
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().disableRotation(scope, secretId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }

    /** RotateKeyOnDemand: new key material now; what it encrypted before stays decryptable. */
    record RotateKeyOnDemand(Scope scope, String secretId) implements SecretMutation<Void> {
        @Override
        public ActionDetails details() {
            return new ActionDetails.RotateKeyOnDemand();
        }

        @Override
        public Void perform(Writers writers) {
            writers.requireKeys().rotateNow(scope, secretId);
            return null;
        }

        @Override
        public Written written(Void result) {
            return Written.NONE;
        }
    }
}
