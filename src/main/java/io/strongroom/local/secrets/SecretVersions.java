package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.strongroom.local.secrets.SecretFinder.requireNotDeleted;

/**
 * A secret's versions and their staging labels: ListSecretVersionIds and
 * UpdateSecretVersionStage, and the rules every write that adds a version follows (labels move,
 * AWSCURRENT leaves AWSPREVIOUS behind, old unlabelled versions are pruned).
 */
final class SecretVersions {

    static final String AWSCURRENT = "AWSCURRENT";
    static final String AWSPREVIOUS = "AWSPREVIOUS";
    static final String AWSPENDING = "AWSPENDING";

    /** Deprecated versions kept before the oldest are removed; none younger than a day is removed. */
    static final int MAX_DEPRECATED_VERSIONS = 100;
    static final int MAX_LABELS_PER_VERSION = 20;

    private final SecretParts parts;

    SecretVersions(SecretParts parts) {
        this.parts = parts;
    }

    SdkPojo listSecretVersionIds(RequestContext ctx, ListSecretVersionIdsRequest r) {
        Validation.secretId(r.secretId());
        Validation.range(r.maxResults(), "maxResults", 1, 100);
        int max = r.maxResults() == null ? 100 : r.maxResults();
        return parts.store().read(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "ListSecretVersionIds");
            Map<String, String> stages = rows.stages(s.arn());
            List<SecretVersionsListEntry> all = new ArrayList<>();
            for (VersionRecord v : rows.versions(s.arn())) {
                List<String> labels = stagesOf(stages, v.versionId());
                if (labels.isEmpty() && !Boolean.TRUE.equals(r.includeDeprecated())) {
                    continue;
                }
                all.add(SecretVersionsListEntry.builder().versionId(v.versionId()).versionStages(labels)
                        .createdDate(v.createdAt()).lastAccessedDate(v.lastAccessedAt()).kmsKeyIds(v.kmsKeyArn()).build());
            }
            int from = 0;
            // Bound to the secret the SecretId names (however it is spelled), not to the spelling.
            List<String> binding = List.of(s.arn(), String.valueOf(Boolean.TRUE.equals(r.includeDeprecated())));
            if (r.nextToken() != null) {
                from = Math.min(all.size(), versionOffset(parts.tokens().open(ctx, "ListSecretVersionIds", binding, r.nextToken())));
            }
            int to = (int) Math.min(all.size(), (long) from + max);
            String next = to < all.size() ? parts.tokens().issue(ctx, "ListSecretVersionIds", binding, Integer.toString(to)) : null;
            return ListSecretVersionIdsResponse.builder().arn(s.arn()).name(s.name())
                    .versions(all.subList(from, to)).nextToken(next).build();
        });
    }

    private static int versionOffset(String state) {
        try {
            int offset = Integer.parseInt(state);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException malformed) {
            // refused below
        }
        throw PageTokens.invalid();
    }

    SdkPojo updateSecretVersionStage(RequestContext ctx, UpdateSecretVersionStageRequest r) {
        Validation.secretId(r.secretId());
        Validation.stage(r.versionStage(), "versionStage");
        Validation.versionId(r.removeFromVersionId(), "removeFromVersionId");
        Validation.versionId(r.moveToVersionId(), "moveToVersionId");
        String label = r.versionStage();
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "UpdateSecretVersionStage");
            requireNotDeleted(s);
            Map<String, String> stages = rows.stages(s.arn());
            String current = stages.get(label);
            if (r.moveToVersionId() == null && r.removeFromVersionId() == null) {
                throw AwsException.invalidParameter("You must specify MoveToVersionId, RemoveFromVersionId, or both.");
            }
            if (r.moveToVersionId() != null && rows.version(s.arn(), r.moveToVersionId()).isEmpty()) {
                // Our choice: AWS's own wording for a VersionId the secret lacks (AWS's answer here was not found).
                throw SecretErrors.noValueAtVersion(r.moveToVersionId());
            }
            if (r.removeFromVersionId() != null && !r.removeFromVersionId().equals(current)) {
                throw SecretErrors.labelNotOnVersion(label, r.removeFromVersionId());
            }
            if (current != null && r.moveToVersionId() != null && !current.equals(r.moveToVersionId()) && r.removeFromVersionId() == null) {
                throw SecretErrors.labelAttachedElsewhere(label, current);
            }
            if (r.moveToVersionId() == null) {
                if (AWSCURRENT.equals(label)) {
                    throw AwsException.invalidParameter("You can't remove the AWSCURRENT staging label without moving it to another version.");
                }
                rows.removeStage(s.arn(), label);
            } else {
                moveLabel(rows, s.arn(), label, r.moveToVersionId());
            }
            rows.updateSecret(s.withLastChangedAt(ctx.now()));
            pruneDeprecated(rows, s.arn(), ctx.now());
            return UpdateSecretVersionStageResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    /**
     * Stores a new version and attaches its labels. Each label moves from wherever it was; when
     * AWSCURRENT moves, the version that had it becomes AWSPREVIOUS. Old unlabelled versions
     * beyond the limit are removed, oldest first, but never one younger than a day.
     *
     * <p>A new AWSCURRENT version written while a rotation is unfinished (AWSPENDING on another
     * version) takes the rotation's place, as on AWS: AWSPENDING comes off the unfinished version,
     * whose ID is returned so the caller reports RotationAbandoned once committed. It also counts
     * as a rotation for the schedule: the next rotation date is counted from now.
     */
    static Optional<String> addVersion(SecretStore.Rows rows, SecretRecord s, VersionRecord version, List<String> labels, Instant now)
            throws SQLException {
        Optional<String> abandoned = Optional.empty();
        if (labels.contains(AWSCURRENT) && !labels.contains(AWSPENDING)) {
            abandoned = Rotations.pendingToken(rows, s.arn()).filter(pending -> !pending.equals(version.versionId()));
            if (abandoned.isPresent()) {
                rows.removeStage(s.arn(), AWSPENDING);
            }
        }
        rows.insertVersion(s.arn(), version);
        for (String label : labels) {
            moveLabel(rows, s.arn(), label, version.versionId());
        }
        SecretRecord changed = s.withLastChangedAt(now);
        if (labels.contains(AWSCURRENT) && s.rotationEnabled()) {
            changed = changed.toBuilder().nextRotationAt(RotationRules.nextAfterRotation(s.rotationRules(), now)).build();
        }
        rows.updateSecret(changed);
        pruneDeprecated(rows, s.arn(), now);
        return abandoned;
    }

    static void moveLabel(SecretStore.Rows rows, String arn, String label, String toVersion) throws SQLException {
        Map<String, String> stages = rows.stages(arn);
        String from = stages.get(label);
        if (toVersion.equals(from)) {
            return;
        }
        if (stagesOf(stages, toVersion).size() >= MAX_LABELS_PER_VERSION) {
            throw AwsException.limitExceeded("A version can have at most " + MAX_LABELS_PER_VERSION + " staging labels.");
        }
        rows.setStage(arn, label, toVersion);
        if (AWSCURRENT.equals(label) && from != null) {
            rows.setStage(arn, AWSPREVIOUS, from);
        }
    }

    private static void pruneDeprecated(SecretStore.Rows rows, String arn, Instant now) throws SQLException {
        Set<String> labelled = new HashSet<>(rows.stages(arn).values());
        List<VersionRecord> deprecated = rows.versions(arn).stream().filter(v -> !labelled.contains(v.versionId())).toList();
        int excess = deprecated.size() - MAX_DEPRECATED_VERSIONS;
        Instant youngest = now.minus(Duration.ofDays(1));
        for (int i = deprecated.size() - 1; i >= 0 && excess > 0; i--) {
            VersionRecord v = deprecated.get(i);        // newest first, so walk from the oldest
            if (v.createdAt().isBefore(youngest)) {
                rows.deleteVersion(arn, v.versionId());
                excess--;
            }
        }
        if (excess > 0) {
            throw AwsException.limitExceeded("You have exceeded the maximum number of versions for this secret; "
                    + "unlabelled versions younger than 24 hours cannot be removed yet. Try again later.");
        }
    }

    static void validateLabels(List<String> labels) {
        String subject = labels.isEmpty() ? Validator.shown("versionStages", labels) : Validator.unshown("versionStages");
        Validator.check().lengthOf(subject, labels.size(), 1, MAX_LABELS_PER_VERSION).orThrow();
        for (String l : labels) {
            Validation.stage(l, "versionStages.member");
        }
    }

    static List<String> stagesOf(Map<String, String> stages, String versionId) {
        List<String> out = new ArrayList<>(2);
        stages.forEach((stage, vid) -> {
            if (vid.equals(versionId)) {
                out.add(stage);
            }
        });
        return out;
    }

    /** Versions with their labels in the order the labels were attached; null (left out, as AWS does) when there are none. */
    static Map<String, List<String>> versionsToStages(Map<String, String> stages) {
        if (stages.isEmpty()) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        stages.forEach((stage, vid) -> out.computeIfAbsent(vid, k -> new ArrayList<>()).add(stage));
        return out;
    }
}
