package io.strongroom.local.secrets;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.strongroom.local.secrets.SecretFinder.RESOURCE_TYPE;
import static io.strongroom.local.secrets.SecretFinder.requireNotDeleted;
import static io.strongroom.local.secrets.SecretVersions.AWSCURRENT;

/**
 * A secret from creation to deletion: CreateSecret, DescribeSecret, UpdateSecret, DeleteSecret
 * (with its recovery window, or forced) and RestoreSecret.
 */
final class SecretLifecycle {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecretParts parts;

    SecretLifecycle(SecretParts parts) {
        this.parts = parts;
    }

    SdkPojo createSecret(RequestContext ctx, CreateSecretRequest r) {
        Validation.secretName(r.name());
        SecretValue value = validEdit(r.clientRequestToken(), r.description(), r.kmsKeyId(), r.secretString(), r.secretBinary());
        List<SecretStore.Tag> tags = SecretTagging.validTags(r.tags());
        if (tags.size() > SecretTagging.MAX_TAGS) {
            throw SecretErrors.tooManyTags(SecretTagging.MAX_TAGS);
        }
        String arn = newArn(ctx, r.name());
        Map<String, List<String>> requested = new java.util.HashMap<>();
        requested.put("secretsmanager:Name", List.of(r.name()));
        if (r.kmsKeyId() != null) {
            requested.put("secretsmanager:KmsKeyId", List.of(r.kmsKeyId()));
        }
        for (SecretStore.Tag tag : tags) {
            requested.put("aws:RequestTag/" + tag.key(), List.of(tag.value()));
        }
        if (!tags.isEmpty()) {
            requested.put("aws:TagKeys", tags.stream().map(SecretStore.Tag::key).toList());
        }
        AccessTarget created = AccessTarget.resource(arn, ctx.accountId(), null, requested);
        ctx.authorize("secretsmanager:CreateSecret", created);
        if (!tags.isEmpty()) {
            ctx.authorize("secretsmanager:TagResource", created);    // as AWS requires for tags on create
        }
        boolean replicated = r.hasAddReplicaRegions() && !r.addReplicaRegions().isEmpty();
        if (replicated) {
            parts.replication().checkRegions(ctx, r.addReplicaRegions());
        }
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        Instant now = ctx.now();
        KmsKey key = value == null ? null : parts.finder().encryptionKey(ctx, ctx.accountId(), r.kmsKeyId());
        if (value == null && r.kmsKeyId() != null) {
            parts.finder().encryptionKey(ctx, ctx.accountId(), r.kmsKeyId());       // an unknown key is refused even without a value
        }
        if (key != null) {
            parts.finder().requireKeyUse(ctx, arn, key.arn(), "kms:GenerateDataKey");
        }
        CreateSecretResponse made = parts.store().write(rows -> {
            Optional<SecretRecord> existing = rows.byName(ctx.accountId(), ctx.region(), r.name());
            if (existing.isPresent()) {
                SecretRecord s = existing.get();
                ctx.touched(RESOURCE_TYPE, s.arn());
                if (s.scheduledForDeletion()) {
                    throw AwsException.invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.");
                }
                Optional<VersionRecord> same = rows.version(s.arn(), versionId);
                if (same.isPresent() && value != null) {
                    if (!parts.finder().open(s.arn(), same.get()).sameAs(value)) {
                        throw SecretErrors.tokenInUse(versionId, s.arn());
                    }
                    return CreateSecretResponse.builder().arn(s.arn()).name(s.name()).versionId(versionId).build();
                }
                throw AwsException.resourceExists("The operation failed because the secret " + r.name() + " already exists.");
            }
            SecretRecord secret = SecretRecord.builder()
                    .arn(arn).accountId(ctx.accountId()).region(ctx.region())
                    .name(r.name()).description(r.description()).kmsKeyRef(r.kmsKeyId())
                    .createdAt(now).lastChangedAt(now)
                    .build();
            rows.insertSecret(secret);
            rows.putTags(arn, tags);
            ctx.touched(RESOURCE_TYPE, arn);
            if (value == null) {
                return CreateSecretResponse.builder().arn(arn).name(r.name()).build();
            }
            rows.insertVersion(arn, parts.finder().seal(key, arn, versionId, value, now));
            rows.setStage(arn, AWSCURRENT, versionId);
            return CreateSecretResponse.builder().arn(arn).name(r.name()).versionId(versionId).build();
        });
        if (replicated && arn.equals(made.arn())) {
            return made.toBuilder().replicationStatus(parts.replication().start(ctx, arn, r.addReplicaRegions(),
                    Boolean.TRUE.equals(r.forceOverwriteReplicaSecret()))).build();
        }
        return made;
    }

    /** The members CreateSecret and UpdateSecret share, checked in this order; the value given, or null. */
    private static SecretValue validEdit(String clientRequestToken, String description, String kmsKeyId,
                                         String secretString, SdkBytes secretBinary) {
        Validation.clientRequestToken(clientRequestToken);
        Validation.description(description);
        Validation.kmsKeyId(kmsKeyId);
        return Validation.value(secretString, secretBinary, false);
    }

    SdkPojo describeSecret(RequestContext ctx, DescribeSecretRequest r) {
        Validation.secretId(r.secretId());
        return parts.store().read(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "DescribeSecret");
            Map<String, String> stages = rows.stages(s.arn());
            List<SecretStore.Tag> tags = rows.tags(s.arn());
            DescribeSecretResponse.Builder b = DescribeSecretResponse.builder()
                    .arn(s.arn()).name(s.name()).description(s.description()).kmsKeyId(s.kmsKeyRef())
                    .lastChangedDate(s.lastChangedAt()).lastAccessedDate(s.lastAccessedAt()).deletedDate(s.deletionAt())
                    .createdDate(s.createdAt()).owningService(s.owningService()).primaryRegion(s.primaryRegion())
                    .versionIdsToStages(SecretVersions.versionsToStages(stages));
            SecretListing.rotation(s, b::rotationEnabled, b::rotationLambdaARN, b::rotationRules, b::lastRotatedDate, b::nextRotationDate);
            if (!tags.isEmpty() || rows.tagsChanged(s.arn())) {
                b.tags(SecretListing.sdkTags(tags));      // AWS: absent on a secret never tagged, [] once its last tag is removed
            }
            if (s.primaryRegion() != null && !SecretFinder.isReplica(s)) {
                b.replicationStatus(parts.replication().statusOf(s.arn()));
            }
            return b.build();
        });
    }

    SdkPojo updateSecret(RequestContext ctx, UpdateSecretRequest r) {
        Validation.secretId(r.secretId());
        SecretValue value = validEdit(r.clientRequestToken(), r.description(), r.kmsKeyId(), r.secretString(), r.secretBinary());
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        SecretFinder finder = parts.finder();
        SecretRecord target = finder.find(ctx, r.secretId(), "UpdateSecret");
        String keyRef = r.kmsKeyId() != null ? r.kmsKeyId() : target.kmsKeyRef();
        KmsKey key = finder.encryptionKey(ctx, target.accountId(), keyRef);
        boolean keyChanged = r.kmsKeyId() != null && !key.arn().equals(finder.encryptionKeyArnOf(ctx, target.accountId(), target.kmsKeyRef()));
        if (value != null || keyChanged) {
            finder.requireKeyUse(ctx, target.arn(), key.arn(), "kms:GenerateDataKey");
        }
        String[] abandoned = new String[1];
        SdkPojo answer = parts.store().write(rows -> {
            SecretRecord s = finder.find(rows, ctx, r.secretId(), "UpdateSecret");
            requireNotDeleted(s);
            SecretRecord updated = s;
            if (r.description() != null) {
                updated = updated.withDescription(r.description());
            }
            if (r.kmsKeyId() != null) {
                updated = updated.withKmsKeyRef(r.kmsKeyId());
            }
            String newVersion = null;
            if (value != null) {
                Optional<VersionRecord> existing = rows.version(s.arn(), versionId);
                if (existing.isPresent()) {
                    if (!finder.open(s.arn(), existing.get()).sameAs(value)) {
                        throw SecretErrors.tokenInUse(versionId, s.arn());
                    }
                } else {
                    abandoned[0] = SecretVersions.addVersion(rows, updated, finder.seal(key, s.arn(), versionId, value, ctx.now()),
                            List.of(AWSCURRENT), ctx.now()).orElse(null);
                    updated = rows.byArn(s.arn()).orElseThrow();
                }
                newVersion = versionId;
            }
            if (keyChanged) {
                // Labelled versions move to the new key; deprecated ones keep the key they were made with.
                Map<String, String> stages = rows.stages(s.arn());
                for (String vid : new HashSet<>(stages.values())) {
                    if (vid.equals(newVersion)) {
                        continue;
                    }
                    VersionRecord old = rows.version(s.arn(), vid).orElseThrow();
                    VersionRecord resealed = finder.seal(key, s.arn(), vid, finder.open(s.arn(), old), old.createdAt());
                    rows.replaceVersionCrypto(s.arn(), resealed);
                }
            }
            rows.updateSecret(updated.withLastChangedAt(ctx.now()));
            return UpdateSecretResponse.builder().arn(s.arn()).name(s.name()).versionId(newVersion).build();
        });
        if (abandoned[0] != null) {
            parts.rotations().abandonedByHand(target, abandoned[0]);
        }
        return answer;
    }

    SdkPojo deleteSecret(RequestContext ctx, DeleteSecretRequest r) {
        Validation.secretId(r.secretId());
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        if (force && r.recoveryWindowInDays() != null) {
            throw AwsException.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        long days = r.recoveryWindowInDays() == null ? 30 : r.recoveryWindowInDays();
        if (!force && (days < 7 || days > 30)) {
            throw AwsException.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        return parts.store().write(rows -> {
            SecretRecord s;
            try {
                s = parts.finder().find(rows, ctx, r.secretId(), "DeleteSecret");
                List<String> replicas = s.primaryRegion() == null ? List.of() : parts.replication().regionsOf(s.arn());
                if (!replicas.isEmpty()) {
                    throw SecretErrors.primaryHasReplicas(s.arn(), replicas);
                }
            } catch (AwsException e) {
                if (force && "ResourceNotFoundException".equals(e.code())) {
                    return nothingToDelete(ctx, r.secretId());
                }
                throw e;
            }
            if (force) {
                rows.deleteSecret(s.arn());
                return DeleteSecretResponse.builder().arn(s.arn()).name(s.name()).deletionDate(ctx.now()).build();
            }
            requireNotDeleted(s);
            Instant deletion = ctx.now().plus(Duration.ofDays(days));
            rows.updateSecret(s.withDeletionAt(deletion).withLastChangedAt(ctx.now()));
            return DeleteSecretResponse.builder().arn(s.arn()).name(s.name()).deletionDate(deletion).build();
        });
    }

    /**
     * AWS answers a forced deletion of a secret it does not have as a success carrying the name
     * asked for (LocalStack issue 5872, checked against AWS; the same in moto), so clean-up code
     * is idempotent. AWS's ARN for it could not be established: we echo an ARN given as the
     * SecretId, and otherwise build one for the name with a fresh random suffix, as for a new secret.
     */
    private static DeleteSecretResponse nothingToDelete(RequestContext ctx, String secretId) {
        String name = secretId;
        String arn;
        if (secretId.startsWith("arn:")) {
            arn = secretId;
            name = secretId.split(":", 7)[6];
        } else {
            arn = newArn(ctx, secretId);
        }
        // Nothing exists to carry a policy: the caller's own permissions decide, on the ARN it named.
        ctx.authorize("secretsmanager:DeleteSecret", AccessTarget.resource(arn, ctx.accountId(), null, Map.of()));
        return DeleteSecretResponse.builder().arn(arn).name(name).deletionDate(ctx.now()).build();
    }

    SdkPojo restoreSecret(RequestContext ctx, RestoreSecretRequest r) {
        Validation.secretId(r.secretId());
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "RestoreSecret");
            if (s.scheduledForDeletion()) {
                rows.updateSecret(s.withDeletionAt(null).withLastChangedAt(ctx.now()));
            }
            return RestoreSecretResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    /** The ARN of a new secret: its name and a random suffix of six characters, as AWS makes them. */
    private static String newArn(RequestContext ctx, String name) {
        byte[] r = Aead.randomBytes(6);
        StringBuilder suffix = new StringBuilder(6);
        for (byte b : r) {
            suffix.append(SUFFIX_ALPHABET.charAt(Math.floorMod(b, SUFFIX_ALPHABET.length())));
        }
        return "arn:aws:secretsmanager:" + ctx.region() + ":" + ctx.accountId() + ":secret:" + name + "-" + suffix;
    }
}
