package io.strongroom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One KMS key as the keys view shows it: DescribeKey's metadata, its aliases and its rotation
 * status, read in one scope.
 *
 * @param keyManager      {@code AWS} (AWS managed, e.g. aws/secretsmanager) or {@code CUSTOMER}
 * @param rotationEnabled null when unknown: not applicable to the key type, or not readable
 * @param detailError     null when described; otherwise the AWS error code that stopped
 *                        DescribeKey for this key (the other fields are then mostly null)
 * @param rotation        the rotation's period and dates; {@link KeyRotation#NONE} when not known
 */
public record KeyInfo(Scope scope, String keyId, String arn, List<String> aliases, String description,
                      String keyState, Boolean enabled, String keyManager, String keyUsage, String keySpec,
                      String origin, Instant created, Instant deletionDate, Boolean multiRegion,
                      Boolean rotationEnabled, String detailError, KeyRotation rotation) {

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String PENDING_DELETION = "PendingDeletion";

    public KeyInfo {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(keyId, "keyId");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        rotation = rotation == null ? KeyRotation.NONE : rotation;
    }

    /** A key without rotation detail (as the editor's key picker reads it). */
    public KeyInfo(Scope scope, String keyId, String arn, List<String> aliases, String description,
                   String keyState, Boolean enabled, String keyManager, String keyUsage, String keySpec,
                   String origin, Instant created, Instant deletionDate, Boolean multiRegion,
                   Boolean rotationEnabled, String detailError) {
        this(scope, keyId, arn, aliases, description, keyState, enabled, keyManager, keyUsage, keySpec, origin, created,
                deletionDate, multiRegion, rotationEnabled, detailError, KeyRotation.NONE);
    }

    /** AWS manages it (aws/secretsmanager and the like): its state, rotation and policy cannot be changed. */
    public boolean isAwsManaged() {
        return "AWS".equals(keyManager);
    }

    /** The first alias, or null. */
    public String alias() {
        return aliases.isEmpty() ? null : aliases.get(0);
    }

    /** The alias if it has one, else the key ID: how the console names the key to a person. */
    public String displayName() {
        return aliases.isEmpty() ? keyId : aliases.get(0);
    }

    public boolean isCustomerManaged() {
        return "CUSTOMER".equals(keyManager);
    }
}
