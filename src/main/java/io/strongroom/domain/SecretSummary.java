package io.strongroom.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an inventory row shows about one secret, from ListSecrets or DescribeSecret, plus
 * the scope it was read in (so a row can be acted on: the scope says which client to use).
 * No value is ever part of a summary.
 *
 * @param versionsToStages version ID to its staging labels; versions without labels are deprecated
 * @param replicas         replica regions, only filled by DescribeSecret on a primary
 */
public record SecretSummary(Scope scope, String arn, String name, String description, String kmsKeyId,
                            Rotation rotation, Instant lastAccessed, Instant lastChanged, Instant created,
                            Instant deletedDate, Map<String, String> tags, String owningService, String primaryRegion,
                            Map<String, List<String>> versionsToStages, List<ReplicaStatus> replicas) {

    /**
     * Rotation settings and history. {@code automaticallyAfterDays} and {@code scheduleExpression}
     * are the two ways AWS expresses a schedule; {@code window} is the optional {@code Duration}.
     */
    public record Rotation(boolean enabled, String lambdaArn, Long automaticallyAfterDays, String scheduleExpression,
                           String window, Instant lastRotated, Instant nextRotation) {
        public static final Rotation NONE = new Rotation(false, null, null, null, null, null, null);
    }

    public SecretSummary {
        Objects.requireNonNull(scope, "scope");
        rotation = rotation == null ? Rotation.NONE : rotation;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Map<String, List<String>> stages = new LinkedHashMap<>();
        if (versionsToStages != null) {
            versionsToStages.forEach((k, v) -> stages.put(k, List.copyOf(v)));
        }
        versionsToStages = Collections.unmodifiableMap(stages);
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    public String accountId() {
        return scope.accountId();
    }

    public String accountAlias() {
        return scope.accountAlias();
    }

    public String region() {
        return scope.region();
    }

    /** Scheduled for deletion (restorable until the deleted date passes). */
    public boolean isPlannedForDeletion() {
        return deletedDate != null;
    }

    /** A replica of a secret whose primary lives in another region. */
    public boolean isReplica() {
        return primaryRegion != null && !primaryRegion.equals(scope.region());
    }

    /** The version carrying AWSCURRENT, or null. */
    public String currentVersionId() {
        return versionsToStages.entrySet().stream()
                .filter(e -> e.getValue().contains(VersionSelector.AWSCURRENT))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
