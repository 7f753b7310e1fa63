package io.strongroom.local.iam;

import java.time.Instant;

/**
 * A managed policy: a customer managed one of a local account, or one of AWS's (account null).
 * Each has one version, {@code v1}, which is its default.
 */
public record ManagedPolicy(String arn, String accountId, String policyName, String policyId, String path,
                            String description, String document, Instant createdAt, Instant updatedAt,
                            int attachmentCount) {

    public static final String VERSION = "v1";

    public boolean awsManaged() {
        return accountId == null;
    }
}
