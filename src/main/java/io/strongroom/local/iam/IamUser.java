package io.strongroom.local.iam;

import java.time.Instant;

/** An IAM user of a local account. */
public record IamUser(String accountId, String userName, String userId, String arn, String path, Instant createdAt) {
}
