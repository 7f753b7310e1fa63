package io.strongroom.service.replication;

import java.util.Objects;

/**
 * ARNs across a secret's regions. A replica keeps its primary's name and ARN suffix; only the
 * region field differs ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>}).
 */
public final class ReplicaArns {

    private ReplicaArns() {}

    /** {@code arn} with its region field replaced by {@code region}; an id that is not an ARN is returned as it is. */
    public static String inRegion(String arn, String region) {
        Objects.requireNonNull(region, "region");
        if (arn == null || !arn.startsWith("arn:")) {
            return arn;
        }
        String[] parts = arn.split(":", 5);
        if (parts.length < 5) {
            return arn;
        }
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4];
    }
}
