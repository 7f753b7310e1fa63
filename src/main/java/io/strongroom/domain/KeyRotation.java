package io.strongroom.domain;

import java.time.Instant;

/**
 * A KMS key's material rotation as GetKeyRotationStatus and ListKeyRotations report it.
 *
 * @param periodDays       RotationPeriodInDays while automatic rotation is on, else null
 * @param nextRotation     NextRotationDate while automatic rotation is on, else null
 * @param onDemandStarted  OnDemandRotationStartDate while an on-demand rotation is in progress, else null
 * @param lastRotation     the newest RotationDate from ListKeyRotations; null if never rotated or not readable
 * @param lastRotationType AUTOMATIC or ON_DEMAND for {@code lastRotation}, or null when KMS did not say
 */
public record KeyRotation(Integer periodDays, Instant nextRotation, Instant onDemandStarted, Instant lastRotation,
                          String lastRotationType) {

    public static final KeyRotation NONE = new KeyRotation(null, null, null, null, null);
}
