package io.strongroom.service.journal;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;

import java.util.Collection;
import java.util.List;

/**
 * The non-secret parameters of one action, one record per {@link ActionKind}, each field typed
 * and bounded. There is deliberately no free-form map and no field that could hold a value: a
 * value is reduced to its {@link ValueKind}, a description to whether it changed, tags to their
 * keys. The factories take the domain objects the service is called with (which do carry values)
 * and copy out only what is safe to keep.
 *
 * <p>String fields are identifiers AWS bounds tightly (KMS key IDs, staging labels, version IDs,
 * tag keys); they are checked against those bounds so that a caller cannot pass a large blob
 * where an identifier belongs.
 */
public sealed interface ActionDetails {

    ActionKind kind();

    /** CreateSecret. {@code kmsKeyId} null means the AWS managed key. */
    record Create(String kmsKeyId, List<String> tagKeys, ValueKind value, boolean hasDescription) implements ActionDetails {
        public Create {
            kmsKeyId = Limits.kmsKey(kmsKeyId);
            tagKeys = Limits.tagKeys(tagKeys);
            value = value == null ? ValueKind.NONE : value;
        }

        @Override
        public ActionKind kind() {
            return ActionKind.CREATE_SECRET;
        }
    }

    /** PutSecretValue: a new version with these staging labels (empty: AWSCURRENT, AWS's default). */
    record PutValue(ValueKind value, List<String> stages) implements ActionDetails {
        public PutValue {
            value = value == null ? ValueKind.NONE : value;
            stages = Limits.stages(stages);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.PUT_VALUE;
        }
    }

    /** UpdateSecret: whether the description changed (never its text), the new KMS key, a new value's kind. */
    record Update(boolean descriptionChanged, String kmsKeyId, ValueKind value) implements ActionDetails {
        public Update {
            kmsKeyId = Limits.kmsKey(kmsKeyId);
            value = value == null ? ValueKind.NONE : value;
        }

        @Override
        public ActionKind kind() {
            return ActionKind.UPDATE_SECRET;
        }
    }

    /** UpdateSecretVersionStage: {@code stage} moved to {@code toVersionId} (null: only removed) from {@code fromVersionId}. */
    record MoveStage(String stage, String toVersionId, String fromVersionId) implements ActionDetails {
        public MoveStage {
            stage = Limits.stage(stage);
            if (stage == null) {
                throw new IllegalArgumentException("a stage move names the stage");
            }
            toVersionId = Limits.versionId(toVersionId);
            fromVersionId = Limits.versionId(fromVersionId);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.MOVE_STAGE;
        }
    }

    /** Rollback: AWSCURRENT moved back to {@code toVersionId}. */
    record Rollback(String toVersionId) implements ActionDetails {
        public Rollback {
            toVersionId = Limits.versionId(toVersionId);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.ROLLBACK;
        }
    }

    /** DeleteSecret: with a recovery window of {@code recoveryWindowDays}, or forced (window 0). */
    record Delete(int recoveryWindowDays, boolean force) implements ActionDetails {
        public Delete {
            if (recoveryWindowDays < 0 || recoveryWindowDays > DeletionMode.MAX_RECOVERY_DAYS) {
                throw new IllegalArgumentException("recovery window out of range: " + recoveryWindowDays);
            }
        }

        @Override
        public ActionKind kind() {
            return ActionKind.DELETE_SECRET;
        }
    }

    /** RestoreSecret. */
    record Restore() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.RESTORE_SECRET;
        }
    }

    /** TagResource: the keys set (their values are not kept: people put surprising things in tag values). */
    record Tag(List<String> tagKeys) implements ActionDetails {
        public Tag {
            tagKeys = Limits.tagKeys(tagKeys);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.TAG;
        }
    }

    /** UntagResource: the keys removed. */
    record Untag(List<String> tagKeys) implements ActionDetails {
        public Untag {
            tagKeys = Limits.tagKeys(tagKeys);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.UNTAG;
        }
    }

    /** PutResourcePolicy: the document's digest (never its text) and whether public policies were blocked. */
    record PutSecretPolicy(PolicyDigest policy, boolean blockPublic) implements ActionDetails {
        public PutSecretPolicy {
            java.util.Objects.requireNonNull(policy, "policy");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.PUT_SECRET_POLICY;
        }
    }

    /** DeleteResourcePolicy. */
    record DeleteSecretPolicy() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.DELETE_SECRET_POLICY;
        }
    }

    /** PutKeyPolicy: the document's digest (never its text). */
    record PutKeyPolicy(PolicyDigest policy) implements ActionDetails {
        public PutKeyPolicy {
            java.util.Objects.requireNonNull(policy, "policy");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.PUT_KEY_POLICY;
        }
    }

    // ---- From the service's arguments: only the safe parts are copied -------------------------

    /**
     * RotateSecret: the function ARN (null: the secret's own), the schedule as sent ("30 days" for
     * AutomaticallyAfterDays, else the expression; null: unchanged), the window, and whether it
     * rotated at once.
     */
    record Rotate(String function, String schedule, String window, boolean immediately) implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.ROTATE_SECRET;
        }
    }

    /** CancelRotateSecret. */
    record CancelRotation() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.CANCEL_ROTATION;
        }
    }

    // ---- Replication (ReplicateSecretToRegions and its two companions) ------------------------

    /** ReplicateSecretToRegions: the regions added, each with the key named for it (null: aws/secretsmanager). */
    record Replicate(List<ReplicaTarget> regions, boolean forceOverwrite) implements ActionDetails {
        public Replicate {
            if (regions == null || regions.isEmpty() || regions.size() > Limits.REGIONS) {
                throw new IllegalArgumentException("1 to " + Limits.REGIONS + " regions");
            }
            regions = regions.stream().map(r -> new ReplicaTarget(Limits.region(r.region()), Limits.kmsKey(r.kmsKeyId()))).toList();
        }

        @Override
        public ActionKind kind() {
            return ActionKind.REPLICATE;
        }
    }

    /** RemoveRegionsFromReplication: the replica regions deleted. */
    record RemoveReplicaRegions(List<String> regions) implements ActionDetails {
        public RemoveReplicaRegions {
            regions = Limits.regions(regions);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.REMOVE_REPLICA_REGIONS;
        }
    }

    /** StopReplicationToReplica: the replica (the target, in its own region) promoted to a standalone secret. */
    record PromoteReplica() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.PROMOTE_REPLICA;
        }
    }

    // ---- KMS keys (the target is the key ID or ARN) -------------------------------------------

    /** EnableKey. */
    record EnableKey() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.ENABLE_KEY;
        }
    }

    /** DisableKey. */
    record DisableKey() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.DISABLE_KEY;
        }
    }

    /** ScheduleKeyDeletion: the waiting period, 7 to 30 days. */
    record ScheduleKeyDeletion(int pendingWindowDays) implements ActionDetails {
        public ScheduleKeyDeletion {
            if (pendingWindowDays < 7 || pendingWindowDays > 30) {
                throw new IllegalArgumentException("the waiting period is 7 to 30 days, was " + pendingWindowDays);
            }
        }

        @Override
        public ActionKind kind() {
            return ActionKind.SCHEDULE_KEY_DELETION;
        }
    }

    /** CancelKeyDeletion (the key is left Disabled, as KMS does). */
    record CancelKeyDeletion() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.CANCEL_KEY_DELETION;
        }
    }

    /** EnableKeyRotation: the period in days (90 to 2560), null for KMS's default of 365. */
    record EnableKeyRotation(Integer rotationPeriodDays) implements ActionDetails {
        public EnableKeyRotation {
            if (rotationPeriodDays != null && (rotationPeriodDays < 90 || rotationPeriodDays > 2560)) {
                throw new IllegalArgumentException("the rotation period is 90 to 2560 days, was " + rotationPeriodDays);
            }
        }

        @Override
        public ActionKind kind() {
            return ActionKind.ENABLE_KEY_ROTATION;
        }
    }

    /** DisableKeyRotation. */
    record DisableKeyRotation() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.DISABLE_KEY_ROTATION;
        }
    }

    /** RotateKeyOnDemand: new key material now. */
    record RotateKeyOnDemand() implements ActionDetails {
        @Override
        public ActionKind kind() {
            return ActionKind.ROTATE_KEY_NOW;
        }
    }

    static Create create(NewSecret secret) {
        return new Create(secret.kmsKeyId(), List.copyOf(secret.tags().keySet()), ValueKind.of(secret.value()),
                secret.description() != null && !secret.description().isEmpty());
    }

    static PutValue putValue(SecretPayload value, List<String> stages) {
        return new PutValue(ValueKind.of(value), stages);
    }

    static Update update(SecretUpdate update) {
        return new Update(update.description() != null, update.kmsKeyId(), ValueKind.of(update.value()));
    }

    static Delete delete(DeletionMode mode) {
        return new Delete(mode.force() ? 0 : mode.recoveryWindowDays(), mode.force());
    }

    static Tag tag(Collection<String> keys) {
        return new Tag(List.copyOf(keys));
    }

    static Untag untag(Collection<String> keys) {
        return new Untag(List.copyOf(keys));
    }
}
