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
 */
public record KeyInfo(Scope scope, String keyId, String arn, List<String> aliases, String description,
                      String keyState, Boolean enabled, String keyManager, String keyUsage, String keySpec,
                      String origin, Instant created, Instant deletionDate, Boolean multiRegion,
                      Boolean rotationEnabled, String detailError) {

    public KeyInfo {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(keyId, "keyId");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public boolean isCustomerManaged() {
        return "CUSTOMER".equals(keyManager);
    }
}
